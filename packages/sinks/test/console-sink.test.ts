import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  LONG, Options, OptionError, STRING, Session, StructType, TIMESTAMP, createSinkBatch, type SinkBatch,
} from '@caudal/core';
import { ConsoleSink, ConsoleSinkProvider, parseConsoleOptions } from '../src/index.ts';
import { batchOf } from './helpers/batch-of.ts';
import { makeContext } from './helpers/sink-context.ts';
import { thrown } from './helpers/thrown.ts';

/** Expected output: one argument per line, each followed by a newline. */
const lines = (...ls: string[]): string => ls.map((l) => `${l}\n`).join('');
const RULE = '-------------------------------------------';
const wordCounts = new StructType().add('value', STRING).add('count', LONG);
const session = Session.builder().create();

function capture(settings: { numRows?: number; truncate?: boolean; timeZone?: string } = {}): { sink: ConsoleSink; out: () => string } {
  let text = '';
  const sink = new ConsoleSink({ numRows: 20, truncate: true, ...settings }, (s) => {
    text += s;
  });
  return { sink, out: () => text };
}

describe('ConsoleSink output', () => {
  it('prints each batch with the Batch banner and a blank line, byte for byte', async () => {
    const { sink, out } = capture();
    await sink.addBatch(createSinkBatch(session, 0, wordCounts, [batchOf(wordCounts, [['apache', 1]]), batchOf(wordCounts, [['spark', 1]])]), 'complete');
    await sink.addBatch(createSinkBatch(session, 1, wordCounts, [batchOf(wordCounts, [['apache', 2], ['spark', 1], ['hadoop', 1]])]), 'complete');
    expect(out()).toBe(lines(
      RULE,
      'Batch: 0',
      RULE,
      '+------+-----+',
      '| value|count|',
      '+------+-----+',
      '|apache|    1|',
      '| spark|    1|',
      '+------+-----+',
      '',
      RULE,
      'Batch: 1',
      RULE,
      '+------+-----+',
      '| value|count|',
      '+------+-----+',
      '|apache|    2|',
      '| spark|    1|',
      '|hadoop|    1|',
      '+------+-----+',
      '',
    ));
  });

  it('truncates long cells to 20 characters by default', async () => {
    const { sink, out } = capture();
    await sink.addBatch(createSinkBatch(session, 3, wordCounts, [batchOf(wordCounts, [['a sentence that is far too long', 1]])]), 'append');
    expect(out()).toBe(lines(
      RULE, 'Batch: 3', RULE,
      '+--------------------+-----+',
      '|               value|count|',
      '+--------------------+-----+',
      '|a sentence that i...|    1|',
      '+--------------------+-----+',
      '',
    ));
  });

  it('left-aligns full cells with truncate=false', async () => {
    const { sink, out } = capture({ truncate: false });
    await sink.addBatch(createSinkBatch(session, 0, wordCounts, [batchOf(wordCounts, [['a sentence that is far too long', 12], [null, null]])]), 'append');
    expect(out()).toBe(lines(
      RULE, 'Batch: 0', RULE,
      '+-------------------------------+-----+',
      '|value                          |count|',
      '+-------------------------------+-----+',
      '|a sentence that is far too long|12   |',
      '|null                           |null |',
      '+-------------------------------+-----+',
      '',
    ));
  });

  it('shows numRows rows across several batches and says how many', async () => {
    const { sink, out } = capture({ numRows: 2 });
    const parts = [batchOf(wordCounts, [['a', 1]]), batchOf(wordCounts, [['b', 2], ['c', 3]]), batchOf(wordCounts, [['d', 4]])];
    await sink.addBatch(createSinkBatch(session, 5, wordCounts, parts), 'append');
    expect(out()).toBe(lines(
      RULE, 'Batch: 5', RULE,
      '+-----+-----+',
      '|value|count|',
      '+-----+-----+',
      '|    a|    1|',
      '|    b|    2|',
      '+-----+-----+',
      'only showing top 2 rows',
      '',
    ));
  });

  it('says row for numRows=1', async () => {
    const { sink, out } = capture({ numRows: 1 });
    await sink.addBatch(createSinkBatch(session, 0, wordCounts, [batchOf(wordCounts, [['a', 1], ['b', 2]])]), 'append');
    expect(out()).toBe(lines(RULE, 'Batch: 0', RULE, '+-----+-----+', '|value|count|', '+-----+-----+', '|    a|    1|', '+-----+-----+', 'only showing top 1 row', ''));
  });

  it('prints an empty batch as header and borders', async () => {
    const { sink, out } = capture();
    await sink.addBatch(createSinkBatch(session, 2, wordCounts, []), 'append');
    expect(out()).toBe(lines(RULE, 'Batch: 2', RULE, '+-----+-----+', '|value|count|', '+-----+-----+', '+-----+-----+', ''));
  });

  it('reads only the shown rows from the vectors, never the row objects', async () => {
    const { sink, out } = capture({ numRows: 1 });
    const batch: SinkBatch = {
      ...createSinkBatch(session, 0, wordCounts, [batchOf(wordCounts, [['x', 1], ['y', 2]])]),
      rows: () => {
        throw new Error('rows() must not be called');
      },
    };
    await sink.addBatch(batch, 'append');
    expect(out()).toContain('|    x|    1|');
  });

  it('shows timestamps in the time zone it was given', async () => {
    const schema = new StructType().add('ts', TIMESTAMP);
    const { sink, out } = capture({ timeZone: 'America/New_York' });
    await sink.addBatch(createSinkBatch(session, 0, schema, [batchOf(schema, [[Date.parse('2024-01-01T12:00:00Z') * 1000]])]), 'append');
    expect(out()).toContain('|2024-01-01 07:00:00|');
  });
});

describe('ConsoleSinkProvider', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('writes to stdout in the session time zone', async () => {
    const writes: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
      writes.push(String(s));
      return true;
    });
    const schema = new StructType().add('ts', TIMESTAMP);
    const ctx = makeContext(schema, { session: Session.builder().config('spark.sql.session.timeZone', 'Asia/Tokyo').create() });
    const sink = new ConsoleSinkProvider().createSink(new Options([['numRows', 5]]), ctx);
    await sink.addBatch(createSinkBatch(session, 0, schema, [batchOf(schema, [[Date.parse('2024-01-01T12:00:00Z') * 1000]])]), 'append');
    expect(writes.join('')).toBe(lines(RULE, 'Batch: 0', RULE, '+-------------------+', '|                 ts|', '+-------------------+', '|2024-01-01 21:00:00|', '+-------------------+', ''));
    expect(sink.description).toBe('ConsoleSink');
  });

  it("uses the process's zone when the session sets none, as Spark uses the JVM's", async () => {
    const writes: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
      writes.push(String(s));
      return true;
    });
    const schema = new StructType().add('ts', TIMESTAMP);
    const sink = new ConsoleSinkProvider().createSink(new Options(), makeContext(schema));
    const instant = Date.parse('2024-01-01T12:00:00Z');
    await sink.addBatch(createSinkBatch(session, 0, schema, [batchOf(schema, [[instant * 1000]])]), 'append');
    // sv-SE formats as `yyyy-MM-dd HH:mm:ss`.
    const local = new Intl.DateTimeFormat('sv-SE', {
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).format(instant);
    expect(writes.join('')).toContain(`|${local}|`);
  });

  it('needs no checkpoint location and accepts every output mode', () => {
    const p = new ConsoleSinkProvider();
    expect(p.format).toBe('console');
    expect(p.requiresCheckpointLocation).toBe(false);
    expect([...p.supportedOutputModes].sort()).toEqual(['append', 'complete', 'update']);
  });
});

describe('console options', () => {
  it('defaults to 20 rows with truncation', () => {
    expect(parseConsoleOptions(new Options())).toEqual({ numRows: 20, truncate: true });
  });

  it('reads keys case-insensitively', () => {
    expect(parseConsoleOptions(new Options([['NUMROWS', '3'], ['Truncate', 'FALSE']]))).toEqual({ numRows: 3, truncate: false });
    expect(parseConsoleOptions(new Options([['numRows', 7], ['truncate', false]]))).toEqual({ numRows: 7, truncate: false });
  });

  it.each([
    [[['numRows', '0']], "Invalid value '0' for option 'numRows', must be a positive integer"],
    [[['numRows', '-5']], "Invalid value '-5' for option 'numRows', must be a positive integer"],
    [[['numRows', 'ten']], "Invalid value 'ten' for option 'numRows', must be a positive integer"],
    [[['numRows', '2.5']], "Invalid value '2.5' for option 'numRows', must be a positive integer"],
    [[['numRows', '']], "Invalid value '' for option 'numRows', must be a positive integer"],
    [[['truncate', 'yes']], "Invalid value 'yes' for option 'truncate', must be 'true' or 'false'"],
    [[['truncate', '20']], "Invalid value '20' for option 'truncate', must be 'true' or 'false'"],
  ] as const)('rejects %j from createSink with an OptionError', (entries, message) => {
    const err = thrown(() => new ConsoleSinkProvider().createSink(new Options(entries), makeContext(wordCounts)));
    expect(err).toBeInstanceOf(OptionError);
    expect(err.message).toBe(message);
  });
});
