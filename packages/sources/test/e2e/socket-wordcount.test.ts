import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, Session, col, explode, split, type DataFrame, type Row } from 'caudal';
import { startServer, write, type TestServer } from '../support/tcp-server.ts';
import { ProgressWatch } from './helpers/progress-watch.ts';
import { sharedData } from './helpers/repo-root.ts';

// Don Quijote, 2,186 lines (some over 4,000 characters, accents as combining marks); the first 5,000 lines = all.
const QUIJOTE = readFileSync(sharedData(import.meta.dirname, 'text', 'el_quijote.txt'), 'utf8')
  .split('\n').slice(0, -1).slice(0, 5000);

/**
 * Word counts computed without the engine. `split(' ')` on a literal single space matches Java's
 * `String.split(" ", -1)` (what Spark's `split(col, ' ')` does): consecutive spaces give empty words,
 * a leading space a leading empty word, an empty line one empty word.
 */
function countWords(lines: readonly string[], into = new Map<string, number>()): Map<string, number> {
  for (const line of lines) for (const w of line.split(' ')) into.set(w, (into.get(w) ?? 0) + 1);
  return into;
}

function toMap(rows: readonly Row[]): Map<string, number> {
  return new Map(rows.map((r) => [r['word'] as string, r['count'] as number]));
}

/** The lines in `parts` chunks of about equal size. */
function chunks(lines: readonly string[], parts: number): string[][] {
  const size = Math.ceil(lines.length / parts);
  return Array.from({ length: parts }, (_, i) => lines.slice(i * size, (i + 1) * size));
}

function closed(socket: Socket): Promise<void> {
  return new Promise((resolve) => (socket.closed ? resolve() : socket.once('close', () => resolve())));
}

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setUp(session: Session): Promise<{ server: TestServer; watch: ProgressWatch; lines: DataFrame }> {
  cleanups.push(() => session.stop());
  const server = await startServer();
  cleanups.push(() => server.close());
  const watch = new ProgressWatch(session);
  cleanups.push(() => watch.close());
  const lines = session.readStream.format('socket').option('host', '127.0.0.1').option('port', server.port).load();
  return { server, watch, lines };
}

const wordsOf = (lines: DataFrame): DataFrame => lines.select(explode(split(col('value'), ' ')).alias('word'));

describe('socket word count over Don Quijote', () => {
  it('has the whole book to send', () => {
    expect(QUIJOTE).toHaveLength(2186);
  });

  it('counts every word in complete mode, over several batches, and survives the server closing', async () => {
    const session = Session.builder().create();
    const { server, watch, lines } = await setUp(session);
    const query = await wordsOf(lines).groupBy('word').count()
      .writeStream.outputMode('complete').format('memory').queryName('counts').start();
    const client = await server.client();

    let sent = 0;
    const parts = chunks(QUIJOTE, 5);
    for (const [i, part] of parts.entries()) {
      // The last line goes without its newline: the source delivers it when the connection ends.
      const last = i === parts.length - 1;
      await write(client, part.join('\n') + (last ? '' : '\n'));
      sent += part.length;
      if (!last) await watch.untilInputRows(sent);
    }
    client.end();
    await closed(client);
    await watch.untilInputRows(sent);
    await query.processAllAvailable();

    expect(query.isActive).toBe(true);
    expect(query.exception()).toBeNull();
    expect(watch.reports.length).toBeGreaterThanOrEqual(5);
    expect(watch.totalInputRows).toBe(2186);
    const counts = toMap(await session.table('counts').collect());
    const expected = countWords(QUIJOTE);
    expect(counts.size).toBe(expected.size);
    expect(counts).toEqual(expected);
    await query.stop();
  });

  it('emits exactly the changed counts in update mode, which add up to the same totals', async () => {
    const session = Session.builder().create();
    const { server, watch, lines } = await setUp(session);
    const updates = new Map<number, Row[]>();
    const query = await wordsOf(lines).groupBy('word').count()
      .writeStream.outputMode('update')
      .foreachBatch(async (df, batchId) => void updates.set(batchId, await df.collect()))
      .start();
    const client = await server.client();

    let sent = 0;
    for (const part of chunks(QUIJOTE, 4)) {
      await write(client, part.join('\n') + '\n');
      sent += part.length;
      await watch.untilInputRows(sent);
    }

    // Folding every batch's updates into one map, later values replacing earlier ones, gives the totals.
    const folded = new Map<string, number>();
    for (const id of [...updates.keys()].sort((a, b) => a - b)) for (const [w, c] of toMap(updates.get(id)!)) folded.set(w, c);
    expect(folded).toEqual(countWords(QUIJOTE));

    // Each batch holds the words of the lines it read, with their counts over all lines read so far.
    expect([...updates.keys()].sort((a, b) => a - b)).toEqual(watch.reports.map((p) => p.batchId));
    expect(watch.reports.length).toBeGreaterThanOrEqual(4);
    const running = new Map<string, number>();
    let from = 0;
    for (const p of watch.reports) {
      const read = QUIJOTE.slice(from, from + p.numInputRows);
      from += p.numInputRows;
      countWords(read, running);
      const touched = new Set(read.flatMap((l) => l.split(' ')));
      expect(toMap(updates.get(p.batchId)!)).toEqual(new Map([...touched].map((w) => [w, running.get(w)!])));
    }
    expect(from).toBe(2186);
    await query.stop();
  });

  it('with includeTimestamp, stamps each line with the time it arrived on the session clock', async () => {
    const t0 = Date.UTC(2024, 0, 1, 12, 0, 0);
    const clock = new ManualClock(t0);
    const session = Session.builder().clock(clock).create();
    const { server, watch } = await setUp(session);
    const lines = session.readStream.format('socket')
      .option('host', '127.0.0.1').option('port', server.port).option('includeTimestamp', true).load();
    expect(lines.schema.simpleString()).toBe('struct<value:string,timestamp:timestamp>');
    const query = await lines.writeStream.format('memory').queryName('stamped').start();
    const client = await server.client();

    await write(client, `${QUIJOTE[0]}\n${QUIJOTE[1]}\n`);
    await watch.untilInputRows(2);
    clock.advance(1500);
    await write(client, `${QUIJOTE[4]}\n`);
    await watch.untilInputRows(3);
    await query.processAllAvailable();
    await query.stop();

    expect(await session.table('stamped').collect()).toEqual([
      { value: 'DON QUIJOTE DE LA MANCHA', timestamp: new Date(t0) },
      { value: 'Miguel de Cervantes Saavedra', timestamp: new Date(t0) },
      { value: QUIJOTE[4], timestamp: new Date(t0 + 1500) },
    ]);
  });
});
