import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LONG, MemoryStream, STRING, StructType, col, expr, lookupSink, split, type DataFrame } from 'caudal';
import { newSession, tempDir, useCleanup } from './helpers/file-sink-fixture.ts';

useCleanup();

function words(): { df: DataFrame; dir: string } {
  const session = newSession();
  const input = new MemoryStream(session, new StructType().add('value', STRING).add('n', LONG));
  return { df: input.toDF(), dir: tempDir() };
}

/** The message `start()` rejects with. */
async function startError(start: () => Promise<unknown>): Promise<string> {
  try {
    await start();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected start() to fail');
}

describe('file sink errors at start', () => {
  it('is registered for json, csv, text and parquet as an append-only sink that needs a checkpoint', () => {
    for (const name of ['json', 'CSV', 'text', 'Parquet']) {
      const p = lookupSink(name);
      expect([p.format, p.supportedOutputModes, p.requiresCheckpointLocation]).toEqual([name.toLowerCase(), ['append'], true]);
    }
  });

  it('requires a path', async () => {
    const { df, dir } = words();
    expect(await startError(() => df.writeStream.format('json').option('checkpointLocation', join(dir, 'ck')).start()))
      .toBe("'path' is not specified");
    expect(await startError(() => df.writeStream.format('json').option('checkpointLocation', join(dir, 'ck')).start('')))
      .toBe('Can not create a Path from an empty string');
  });

  it('requires a checkpoint location', async () => {
    const { df, dir } = words();
    expect(await startError(() => df.writeStream.format('parquet').start(join(dir, 'out')))).toBe(
      'checkpointLocation must be specified either through option("checkpointLocation", ...) or ' +
      'session.conf.set("spark.sql.streaming.checkpointLocation", ...) (with a queryName) for the parquet sink',
    );
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('supports append mode only', async () => {
    const { df, dir } = words();
    const counts = df.groupBy('value').count();
    expect(await startError(() => counts.writeStream.format('json').outputMode('update').option('checkpointLocation', join(dir, 'ck')).start(join(dir, 'out'))))
      .toBe('Data source json does not support Update output mode');
    expect(await startError(() => counts.writeStream.format('csv').outputMode('complete').option('checkpointLocation', join(dir, 'ck')).start(join(dir, 'out'))))
      .toBe('Data source csv does not support Complete output mode');
  });

  it('checks column types for the format, with Spark messages', async () => {
    const { df, dir } = words();
    const start = (d: DataFrame, format: string) => d.writeStream.format(format).option('checkpointLocation', join(dir, `ck-${format}`)).start(join(dir, format));
    expect(await startError(() => start(df, 'text')))
      .toBe('Text data source supports only a single column, and you have 2 columns.');
    expect(await startError(() => start(df.select('n'), 'text')))
      .toBe('[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The Text datasource doesn\'t support the column `n` of the type "BIGINT".');
    expect(await startError(() => start(df.select(split(col('value'), ' ').alias('words')), 'csv')))
      .toBe('[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The CSV datasource doesn\'t support the column `words` of the type "ARRAY<STRING>".');
    expect(await startError(() => start(df.select(col('n'), expr('INTERVAL 1 DAY').alias('gap')), 'parquet')))
      .toBe('[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The Parquet datasource doesn\'t support the column `gap` of the type "INTERVAL".');
    expect(existsSync(join(dir, 'text'))).toBe(false);
  });

  it('checks partition columns', async () => {
    const { df, dir } = words();
    const start = (...cols: string[]) => df.writeStream.format('json').partitionBy(...cols).option('checkpointLocation', join(dir, 'ck')).start(join(dir, 'out'));
    expect(await startError(() => start('missing'))).toBe('Partition column `missing` not found in schema struct<value:string,n:bigint>');
    expect(await startError(() => start('n', 'N'))).toBe('Found duplicate column(s) in the partition schema: `n`');
    expect(await startError(() => start('value', 'n'))).toBe('Cannot use all columns for partition columns');
    const arrays = df.select(col('n'), split(col('value'), ' ').alias('words'));
    expect(await startError(() => arrays.writeStream.format('json').partitionBy('words').option('checkpointLocation', join(dir, 'ck')).start(join(dir, 'out'))))
      .toBe('Cannot use array<string> for partition column');
  });

  it('rejects bad option values, naming the option', async () => {
    const { df, dir } = words();
    const cases: [string, Record<string, string>, string][] = [
      ['json', { maxRecordsPerFile: '-1' }, "Invalid value '-1' for option 'maxRecordsPerFile', must be a non-negative integer"],
      ['json', { maxRecordsPerFile: 'many' }, "Invalid value 'many' for option 'maxRecordsPerFile', must be a non-negative integer"],
      ['json', { ignoreNullFields: 'maybe' }, "Invalid value 'maybe' for option 'ignoreNullFields', must be 'true' or 'false'"],
      ['json', { compression: 'gzip' }, 'Codec [gzip] is not supported by the json sink. Supported codecs: none, uncompressed.'],
      ['json', { lineSep: '' }, "'lineSep' cannot be an empty string."],
      ['json', { timeZone: 'Mars/Olympus' }, "Invalid value 'Mars/Olympus' for option 'timeZone': unknown time zone"],
      ['json', { encoding: 'latin1' }, "Invalid value 'latin1' for option 'encoding': only UTF-8 is supported"],
      ['json', { timestampFormat: 'dd/MM/yyyy HH:mm' },
        "Option 'timestampFormat' = 'dd/MM/yyyy HH:mm' is not supported by the json sink: it writes timestamps as yyyy-MM-dd'T'HH:mm:ss.SSSXXX; format the column with date_format(...) before writing"],
      ['csv', { header: 'yes' }, "Invalid value 'yes' for option 'header', must be 'true' or 'false'"],
      ['csv', { sep: '' }, 'Delimiter cannot be empty string'],
      ['csv', { sep: '\\' }, 'Single backslash is prohibited. It has special meaning as beginning of an escape sequence. To get the backslash character, pass a string with two backslashes as the delimiter.'],
      ['csv', { sep: '\\x' }, 'Unsupported special character for delimiter: \\x'],
      ['csv', { quote: '""' }, 'quote cannot be more than one character'],
      ['csv', { escape: 'ab' }, 'escape cannot be more than one character'],
      ['csv', { lineSep: '\r\n' }, "'lineSep' can contain only 1 character."],
      ['csv', { dateFormat: 'dd/MM/yyyy' },
        "Option 'dateFormat' = 'dd/MM/yyyy' is not supported by the csv sink: it writes dates as yyyy-MM-dd; format the column with date_format(...) before writing"],
      ['parquet', { compression: 'lzo' }, 'Codec [lzo] is not available. Available codecs are none, uncompressed, snappy, gzip, brotli, lz4, lz4_raw, lz4raw, zstd.'],
    ];
    for (const [format, options, message] of cases) {
      const d = format === 'text' ? df.select('value') : df;
      expect(await startError(() => d.writeStream.format(format).options({ ...options, checkpointLocation: join(dir, 'ck') }).start(join(dir, 'out'))))
        .toBe(message);
    }
    // Nothing was created for a sink that failed to start.
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
