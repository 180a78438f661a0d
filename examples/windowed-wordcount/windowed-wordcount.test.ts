import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManualClock, Session, type StreamingQuery } from 'caudal';
import { windowedWordCounts } from './windowed-word-count.ts';

/** The nearest folder above `from` holding pnpm-workspace.yaml. */
function repoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
  }
}

const ROOT = repoRoot(import.meta.dirname);
const RULE = '-'.repeat(43);
const lines = (...ls: string[]): string => ls.map((l) => `${l}\n`).join('');

const cleanups: (() => void | Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A TCP server on 127.0.0.1 and a free port, standing in for `nc -lk`; resolves the first client. */
async function lineServer(): Promise<{ port: number; client: Promise<Socket> }> {
  const sockets: Socket[] = [];
  let accept: (s: Socket) => void = () => {};
  const client = new Promise<Socket>((resolve) => (accept = resolve));
  const server: Server = createServer((socket) => {
    socket.on('error', () => {});
    sockets.push(socket);
    accept(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return { port: address.port, client };
}

/** Resolves once the query has processed `rows` input rows (lines) in all; fails after 20 s. */
async function untilProcessed(q: StreamingQuery, rows: number): Promise<void> {
  for (const end = Date.now() + 20_000; Date.now() < end;) {
    const done = q.recentProgress.reduce((n, p) => n + p.numInputRows, 0);
    if (done >= rows && !q.status.isTriggerActive) return;
    const failure = q.exception();
    if (failure) throw failure;
    await sleep(5);
  }
  throw new Error(`the query did not process ${rows} rows`);
}

describe('examples/windowed-wordcount', () => {
  it('counts words per 10-minute window of arrival time and prints each window once, after the watermark passes it', async () => {
    // The socket source stamps each line with the session clock: a manual clock makes the windows exact.
    const clock = new ManualClock(Date.parse('2024-01-01T12:02:00Z'));
    const spark = Session.builder().clock(clock).config('spark.sql.session.timeZone', 'UTC').create();
    cleanups.push(() => spark.stop());
    const server = await lineServer();
    const printed: string[] = [];
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    cleanups.push(() => stdout.mockRestore());
    const warnings: string[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      warnings.push(String(chunk));
      return true;
    });
    cleanups.push(() => stderr.mockRestore());

    const windowedCounts = windowedWordCounts(spark, {
      host: '127.0.0.1', port: server.port, windowDuration: '10 minutes', slideDuration: '10 minutes', watermarkDelay: '10 minutes',
    });
    const query = await windowedCounts.writeStream.outputMode('append').format('console').option('truncate', 'false').start();
    cleanups.push(() => query.stop());
    const client = await server.client;

    // Each line arrives at the clock's time; the next is sent once the query has taken it.
    const send = async (at: string, text: string, linesSoFar: number): Promise<void> => {
      clock.setTime(Date.parse(`2024-01-01T${at}:00Z`));
      client.write(`${text}\n`);
      await untilProcessed(query, linesSoFar);
      // And any batch without new data that the watermark's move calls for.
      await query.processAllAvailable();
    };
    await send('12:02', 'owl cat', 1);
    await send('12:07', 'owl dog', 2);
    await send('12:13', 'cat', 3);
    // 12:21 moves the watermark to 12:11: [12:00, 12:10) closes, in a batch of its own (no new data).
    await send('12:21', 'dog dog', 4);
    // 12:30 moves it to 12:20: [12:10, 12:20) closes; [12:20, 12:30) stays open.
    await send('12:30', 'owl', 5);
    await query.stop();

    const empty = (id: number): string => lines(RULE, `Batch: ${id}`, RULE, '+------+----+-----+', '|window|word|count|', '+------+----+-----+', '+------+----+-----+', '');
    expect(printed.join('')).toBe(
      empty(0) + empty(1) + empty(2) + empty(3) +
      lines(
        RULE, 'Batch: 4', RULE,
        '+------------------------------------------+----+-----+',
        '|window                                    |word|count|',
        '+------------------------------------------+----+-----+',
        '|{2024-01-01 12:00:00, 2024-01-01 12:10:00}|owl |2    |',
        '|{2024-01-01 12:00:00, 2024-01-01 12:10:00}|cat |1    |',
        '|{2024-01-01 12:00:00, 2024-01-01 12:10:00}|dog |1    |',
        '+------------------------------------------+----+-----+',
        '',
      ) +
      empty(5) +
      lines(
        RULE, 'Batch: 6', RULE,
        '+------------------------------------------+----+-----+',
        '|window                                    |word|count|',
        '+------------------------------------------+----+-----+',
        '|{2024-01-01 12:10:00, 2024-01-01 12:20:00}|cat |1    |',
        '+------------------------------------------+----+-----+',
        '',
      ),
    );
    // The closed windows were forgotten: only [12:20, 12:30) (dog) and [12:30, 12:40) (owl) are left.
    expect(query.lastProgress?.stateOperators[0]?.numRowsTotal).toBe(2);
    expect(query.lastProgress?.eventTime['watermark']).toBe('2024-01-01T12:20:00.000Z');
    expect(warnings).toEqual(['The socket source should not be used for production applications! It does not support recovery.\n']);
  });

  it('main.ts connects to the server and prints the (empty) first batch: no window has closed yet', async () => {
    const server = await lineServer();
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'examples', 'windowed-wordcount', 'main.ts'), '127.0.0.1', String(server.port)],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr!.setEncoding('utf8').on('data', (s: string) => (err += s));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    cleanups.push(async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    });
    const client = await server.client;
    client.write('apache spark\n');
    while (!out.includes('|window|word|count|\n+------+----+-----+\n+------+----+-----+\n\n')) {
      if (child.exitCode !== null) throw new Error(`main.ts exited early; stderr:\n${err}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toBe(lines(RULE, 'Batch: 0', RULE, '+------+----+-----+', '|window|word|count|', '+------+----+-----+', '+------+----+-----+', ''));
    expect(err).toContain('The socket source should not be used for production applications! It does not support recovery.');
  });

  it.each([['localhost', 'http'], ['--windw', '1 minute']])('main.ts rejects %s %s with its usage line', async (...args) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'examples', 'windowed-wordcount', 'main.ts'), ...args],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.setEncoding('utf8').on('data', (s: string) => (err += s));
    expect(await new Promise((resolve) => child.on('exit', (code) => resolve(code)))).toBe(1);
    expect(err).toBe("Usage: main.ts [host] [port] [--window '10 minutes'] [--slide DURATION] [--watermark '10 minutes']\n");
  });
});
