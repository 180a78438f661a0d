import { afterEach, describe, expect, it } from 'vitest';
import { Session } from 'caudal';
import { captureStdout } from '../streaming/support/capture-output.ts';

// DataFrame.showString / show: Spark's table text, end to end from createDataFrame.

let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; });

function df() {
  session = Session.builder().config('spark.sql.session.timeZone', 'UTC').create();
  return session.createDataFrame([
    { id: 1, note: 'short', score: 2.5, tags: ['a', 'b'], at: new Date(Date.UTC(2024, 4, 6, 7, 8, 9)) },
    { id: 22, note: 'a note that is longer than twenty characters', score: null, tags: [], at: null },
    { id: 333, note: null, score: 1e-5, tags: null, at: new Date(Date.UTC(2024, 0, 1)) },
  ], 'id INT, note STRING, score DOUBLE, tags ARRAY<STRING>, at TIMESTAMP');
}

describe('showString', () => {
  it('right-aligns and cuts cells at 20 characters by default', async () => {
    expect(await df().showString()).toBe(
      '+---+--------------------+------+------+-------------------+\n' +
      '| id|                note| score|  tags|                 at|\n' +
      '+---+--------------------+------+------+-------------------+\n' +
      '|  1|               short|   2.5|[a, b]|2024-05-06 07:08:09|\n' +
      '| 22|a note that is lo...|  null|    []|               null|\n' +
      '|333|                null|1.0E-5|  null|2024-01-01 00:00:00|\n' +
      '+---+--------------------+------+------+-------------------+\n',
    );
  });

  it('shows the first n rows with a footer, left-aligns when not truncating, and cuts at a given width', async () => {
    const d = df();
    expect(await d.select('id', 'note').showString(2, false)).toBe(
      '+---+--------------------------------------------+\n' +
      '|id |note                                        |\n' +
      '+---+--------------------------------------------+\n' +
      '|1  |short                                       |\n' +
      '|22 |a note that is longer than twenty characters|\n' +
      '+---+--------------------------------------------+\n' +
      'only showing top 2 rows\n',
    );
    // Widths come from the rows shown only.
    expect(await d.select('note').showString(1, 6)).toBe(
      '+-----+\n' +
      '| note|\n' +
      '+-----+\n' +
      '|short|\n' +
      '+-----+\n' +
      'only showing top 1 row\n',
    );
    expect(await d.select('note').showString(2, 6)).toBe(
      '+------+\n' +
      '|  note|\n' +
      '+------+\n' +
      '| short|\n' +
      '|a n...|\n' +
      '+------+\n' +
      'only showing top 2 rows\n',
    );
    expect(await d.select('note').showString(3, 3)).toBe(
      '+----+\n' +
      '|note|\n' +
      '+----+\n' +
      '| sho|\n' +
      '| a n|\n' +
      '| nul|\n' +
      '+----+\n',
    );
  });

  it('shows an empty result as a header only', async () => {
    const empty = df().select('id').limit(0);
    expect(await empty.showString()).toBe('+---+\n| id|\n+---+\n+---+\n');
  });

  it('show() prints the table and a blank line', async () => {
    const d = df().select('id');
    const { text } = await captureStdout(() => d.show(1));
    expect(text).toBe('+---+\n| id|\n+---+\n|  1|\n+---+\nonly showing top 1 row\n\n');
  });
});
