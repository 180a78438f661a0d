import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStream, STRING, Session, StructType, col, explode, split, type DataFrame } from 'caudal';
import { captureStdout } from '../helpers/capture-stdout.ts';

/** Expected output: one argument per line, each followed by a newline. */
const lines = (...ls: string[]): string => ls.map((l) => `${l}\n`).join('');
const RULE = '-'.repeat(43);

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A streaming word count over a MemoryStream of lines, as in Spark's quick example. */
function wordCount(): { session: Session; input: MemoryStream; counts: DataFrame } {
  const session = Session.builder().create();
  cleanups.push(() => session.stop());
  const input = new MemoryStream(session, new StructType().add('value', STRING));
  const counts = input.toDF().select(explode(split(col('value'), ' ')).alias('word')).groupBy('word').count();
  return { session, input, counts };
}

describe('console sink in a running query', () => {
  it('prints a complete-mode word count byte for byte, cutting long cells and rows past numRows', async () => {
    const { input, counts } = wordCount();
    const out = captureStdout();
    cleanups.push(out.restore);
    const query = await counts.writeStream.outputMode('complete').format('console').option('numRows', 3).start();
    input.addData([['apache spark apache']]);
    await query.processAllAvailable();
    input.addData([['supercalifragilisticexpialidocious spark'], ['hadoop']]);
    await query.processAllAvailable();
    input.addData([['']]);
    await query.processAllAvailable();
    await query.stop();
    out.restore();
    expect(out.text()).toBe(lines(
      RULE,
      'Batch: 0',
      RULE,
      '+------+-----+',
      '|  word|count|',
      '+------+-----+',
      '|apache|    2|',
      '| spark|    1|',
      '+------+-----+',
      '',
      RULE,
      'Batch: 1',
      RULE,
      '+--------------------+-----+',
      '|                word|count|',
      '+--------------------+-----+',
      '|              apache|    2|',
      '|               spark|    2|',
      '|supercalifragilis...|    1|',
      '+--------------------+-----+',
      'only showing top 3 rows',
      '',
      RULE,
      'Batch: 2',
      RULE,
      '+--------------------+-----+',
      '|                word|count|',
      '+--------------------+-----+',
      '|              apache|    2|',
      '|               spark|    2|',
      '|supercalifragilis...|    1|',
      '+--------------------+-----+',
      'only showing top 3 rows',
      '',
    ));
  });

  it('prints only the changed groups in update mode, left-aligned and whole with truncate=false', async () => {
    const { input, counts } = wordCount();
    const out = captureStdout();
    cleanups.push(out.restore);
    const query = await counts.writeStream.outputMode('update').format('console').option('truncate', false).start();
    input.addData([['to be or not to be']]);
    await query.processAllAvailable();
    input.addData([['supercalifragilisticexpialidocious to  be']]);
    await query.processAllAvailable();
    await query.stop();
    out.restore();
    // "to  be" has two spaces: split gives an empty word between them, as Java's String.split does.
    // Updated groups come in the order the batch first touched them.
    expect(out.text()).toBe(lines(
      RULE,
      'Batch: 0',
      RULE,
      '+----+-----+',
      '|word|count|',
      '+----+-----+',
      '|to  |2    |',
      '|be  |2    |',
      '|or  |1    |',
      '|not |1    |',
      '+----+-----+',
      '',
      RULE,
      'Batch: 1',
      RULE,
      '+----------------------------------+-----+',
      '|word                              |count|',
      '+----------------------------------+-----+',
      '|supercalifragilisticexpialidocious|1    |',
      '|to                                |3    |',
      '|                                  |1    |',
      '|be                                |3    |',
      '+----------------------------------+-----+',
      '',
    ));
  });

  it('prints nothing when the query reads no data', async () => {
    const { counts } = wordCount();
    const out = captureStdout();
    cleanups.push(out.restore);
    const query = await counts.writeStream.outputMode('complete').format('console').start();
    await query.processAllAvailable();
    await query.stop();
    out.restore();
    expect(out.text()).toBe('');
    expect(query.lastProgress).toBeNull();
  });
});
