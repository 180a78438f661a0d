import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnalysisError, ManualClock, OptionError, Options, StructType, type StreamSource } from '@caudal/core';
import { socketProvider } from '../src/index.ts';
import { parseSocketOptions } from '../src/socket/socket-options.ts';
import { SocketSource } from '../src/socket/socket-source.ts';
import { columnValues } from './support/rows.ts';
import { DataSignal, sourceContext } from './support/source-context.ts';
import { closedPort, startServer, write, type TestServer } from './support/tcp-server.ts';

const DEFAULT = { kind: 'default' } as const;
const QUIJOTE = resolve(import.meta.dirname, '../../../../shared/data/text/el_quijote.txt');

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function server(): Promise<TestServer> {
  const s = await startServer();
  cleanups.push(() => s.close());
  return s;
}

/** A socket source on 127.0.0.1:port with a log the test can read; stopped after the test. */
function socketSource(port: number, extra: Record<string, string | boolean> = {}, clock = new ManualClock(0)) {
  const logs: string[] = [];
  const signal = new DataSignal();
  const options = new Options(Object.entries({ host: '127.0.0.1', port, ...extra }));
  socketProvider.streamSchema!(options, undefined);
  const ctx = sourceContext(clock, '/unused', signal);
  const source = new SocketSource(parseSocketOptions(options), ctx, (m) => logs.push(m));
  cleanups.push(() => source.stop());
  return { source, logs, clock, signal };
}

/** Waits, woken by the source's `notifyDataAvailable`, until it has received lines up to `offset`. */
async function untilOffset(source: StreamSource, signal: DataSignal, offset: number): Promise<void> {
  for (;;) {
    const seen = signal.notifications;
    const latest = (await source.latestOffset(-1, DEFAULT)) as number;
    if (latest >= offset) {
      expect(latest).toBe(offset);
      return;
    }
    await signal.after(seen);
  }
}

describe('socket source', () => {
  it('reads lines split across chunks, multi-byte characters split across chunks and CRLF', async () => {
    const srv = await server();
    const { source, logs, signal } = socketSource(srv.port);
    expect(source.description).toBe(`TextSocketV2[host: 127.0.0.1, port: ${srv.port}]`);
    expect(source.initialOffset()).toBe(-1);
    await source.start();
    expect(logs).toEqual(['The socket source should not be used for production applications! It does not support recovery.']);
    expect(await source.latestOffset(-1, DEFAULT)).toBe(-1);
    expect(await source.getBatch(null, -1)).toEqual([]);

    const client = await srv.client();
    const nu = Buffer.from('ñ'); // two bytes, sent in different chunks
    await write(client, 'hel');
    await write(client, 'lo\r\nwor');
    await write(client, Buffer.concat([Buffer.from('ld\nespa'), nu.subarray(0, 1)]));
    await write(client, Buffer.concat([nu.subarray(1), Buffer.from('a \u{1F402}\r')]));
    await write(client, '\n\nend\n');
    await untilOffset(source, signal, 4);
    const batches = await source.getBatch(null, 4);
    expect(batches).toHaveLength(1);
    expect(columnValues(batches, 0)).toEqual(['hello', 'world', 'españa \u{1F402}', '', 'end']);
    expect(batches[0]!.schema.fieldNames()).toEqual(['value']);
  });

  it('serves (start, end] ranges, drops committed lines, and refuses to replay them', async () => {
    const srv = await server();
    const { source, signal } = socketSource(srv.port);
    await source.start();
    const client = await srv.client();
    await write(client, 'a\nb\nc\n');
    await untilOffset(source, signal, 2);
    expect(columnValues(await source.getBatch(null, 1), 0)).toEqual(['a', 'b']);
    expect(columnValues(await source.getBatch(null, 1), 0)).toEqual(['a', 'b']); // replay before commit
    await source.commit(1);
    expect(columnValues(await source.getBatch(1, 2), 0)).toEqual(['c']);
    await write(client, 'd\n');
    await untilOffset(source, signal, 3);
    expect(columnValues(await source.getBatch(1, 3), 0)).toEqual(['c', 'd']);
    await expect(source.getBatch(0, 3)).rejects.toThrow(
      `TextSocketV2[host: 127.0.0.1, port: ${srv.port}] cannot serve lines 1..3: it holds lines 2..3. ` +
        'The socket source keeps lines only in memory and does not support recovery',
    );
    await expect(source.getBatch(1, 9)).rejects.toThrow('cannot serve lines 2..9');
    await expect(source.commit(0)).rejects.toThrow('Offsets committed out of order: 1 followed by 0');
    await source.commit(3);
    expect(await source.latestOffset(3, DEFAULT)).toBe(3);
  });

  it('adds the receive time (clock, in microseconds) with includeTimestamp', async () => {
    const srv = await server();
    const clock = new ManualClock(1_700_000_000_123);
    const { source, signal } = socketSource(srv.port, { includeTimestamp: 'TRUE' }, clock);
    expect(source.schema.treeString()).toBe(
      'root\n |-- value: string (nullable = true)\n |-- timestamp: timestamp (nullable = true)\n',
    );
    await source.start();
    const client = await srv.client();
    await write(client, 'first\nsecond\n');
    await untilOffset(source, signal, 1);
    clock.advance(2_500);
    await write(client, 'third\n');
    await untilOffset(source, signal, 2);
    const batches = await source.getBatch(null, 2);
    expect(columnValues(batches, 0)).toEqual(['first', 'second', 'third']);
    expect(columnValues(batches, 1)).toEqual([1_700_000_000_123_000, 1_700_000_000_123_000, 1_700_000_002_623_000]);
  });

  it('ends the input when the server closes, keeping the last unterminated line, and logs it once', async () => {
    const srv = await server();
    const { source, logs, signal } = socketSource(srv.port);
    await source.start();
    const client = await srv.client();
    await write(client, 'one\ntwo without newline');
    client.end();
    await untilOffset(source, signal, 1); // the unterminated line arrives with the end of the stream
    expect(logs).toContain(`Stream closed by 127.0.0.1:${srv.port}`);
    expect(columnValues(await source.getBatch(null, 1), 0)).toEqual(['one', 'two without newline']);
    await source.stop();
    await source.stop();
    expect(logs.filter((m) => m.startsWith('Stream closed'))).toHaveLength(1);
  });

  it('closes the connection on stop', async () => {
    const srv = await server();
    const { source, logs } = socketSource(srv.port);
    await source.start();
    const client = await srv.client();
    const closed = new Promise<void>((r) => client.on('close', () => r()));
    await source.stop();
    await closed;
    expect(logs.some((m) => m.startsWith('Stream closed'))).toBe(false); // our own stop is not news
  });

  it('fails start() with the address when nothing listens there', async () => {
    const port = await closedPort();
    const { source } = socketSource(port);
    await expect(source.start()).rejects.toThrow(`Cannot connect to the socket source at 127.0.0.1:${port}: connect ECONNREFUSED`);
  });

  it('returns the first 5,000 lines of Don Quijote line for line', async () => {
    const text = await readFile(QUIJOTE, 'utf8');
    const lines = text.split('\n').slice(0, 5000);
    if (lines.at(-1) === '') lines.pop(); // the file's final newline ends the last line
    const srv = await server();
    const { source, signal } = socketSource(srv.port);
    await source.start();
    const client = await srv.client();
    // Odd-sized chunks, so lines and multi-byte characters are cut at arbitrary bytes.
    const bytes = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
    for (let i = 0; i < bytes.length; i += 7919) client.write(bytes.subarray(i, i + 7919));
    await untilOffset(source, signal, lines.length - 1);
    const got = columnValues(await source.getBatch(null, lines.length - 1), 0);
    expect(got.length).toBe(lines.length);
    expect(got).toEqual(lines);
    expect(lines.some((l) => /[áéíóúñ\u0301]/.test(l))).toBe(true); // the text does have non-ASCII characters
  });

  it('validates options at definition time with Spark messages', () => {
    const schema = (opts: Record<string, string | number>, userSchema?: StructType) =>
      socketProvider.streamSchema!(new Options(Object.entries(opts)), userSchema);
    const fails = (opts: Record<string, string | number>, message: string) => {
      expect(() => schema(opts)).toThrow(OptionError);
      expect(() => schema(opts)).toThrow(message);
    };
    fails({}, 'Set a host to read from with option("host", ...).');
    fails({ port: 9999 }, 'Set a host to read from with option("host", ...).');
    fails({ host: 'localhost' }, 'Set a port to read from with option("port", ...).');
    fails({ host: 'localhost', port: 9999, includeTimestamp: 'yes' }, 'includeTimestamp must be set to either "true" or "false"');
    fails({ host: 'localhost', port: 'http' }, "Invalid value 'http' for option 'port', must be an integer");
    fails({ host: 'localhost', port: 70000 }, "Invalid value '70000' for option 'port', must be a TCP port between 1 and 65535");
    expect(() => schema({ host: 'localhost', port: 9999 }, new StructType())).toThrow(AnalysisError);
    expect(() => schema({ host: 'localhost', port: 9999 }, new StructType())).toThrow(
      'The socket source does not support a user-specified schema.',
    );
    expect(schema({ HOST: 'localhost', Port: '9999', somethingElse: 1 }).fieldNames()).toEqual(['value']);
    expect(schema({ host: 'localhost', port: 9999, includetimestamp: 'true' }).fieldNames()).toEqual(['value', 'timestamp']);
  });

  it('is created by its provider', async () => {
    const srv = await server();
    const options = new Options([['host', '127.0.0.1'], ['port', srv.port]]);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const signal = new DataSignal();
      const schema = socketProvider.streamSchema!(options, undefined);
      const source = socketProvider.createStreamSource!(options, schema, sourceContext(new ManualClock(0), '/unused', signal));
      cleanups.push(() => source.stop());
      await source.start();
      expect(stderr).toHaveBeenCalledWith(
        'The socket source should not be used for production applications! It does not support recovery.\n',
      );
      const client = await srv.client();
      await write(client, 'x\n');
      await untilOffset(source, signal, 0);
    } finally {
      stderr.mockRestore();
    }
  });
});
