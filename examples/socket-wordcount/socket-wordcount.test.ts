import { readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Program, ROOT, lineServer } from '../support/program.ts';

const RULE = '-'.repeat(43);
const lines = (...ls: string[]): string => ls.map((l) => `${l}\n`).join('');



const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const BATCH_0 = lines(
  RULE, 'Batch: 0', RULE,
  '+------+-----+',
  '|  word|count|',
  '+------+-----+',
  '|apache|    1|',
  '| spark|    1|',
  '+------+-----+',
  '',
);

describe('examples/socket-wordcount/main.ts', () => {
  it('prints the running word count of the lines a server sends, as Spark does', async () => {
    const server = await lineServer();
    cleanups.push(server.close);
    const program = new Program(join(ROOT, 'examples', 'socket-wordcount', 'main.ts'), ['127.0.0.1', String(server.port), 'complete']);
    cleanups.push(() => program.kill());
    const client = await server.client;

    client.write('apache spark\n');
    await program.untilStdout(BATCH_0);
    client.write('apache hadoop\n');
    await program.untilStdout('Batch: 1');
    await program.untilStdout('|hadoop|    1|\n+------+-----+\n\n');

    expect(program.stdout).toBe(BATCH_0 + lines(
      RULE, 'Batch: 1', RULE,
      '+------+-----+',
      '|  word|count|',
      '+------+-----+',
      '|apache|    2|',
      '| spark|    1|',
      '|hadoop|    1|',
      '+------+-----+',
      '',
    ));
    expect(program.stderr).toContain('The socket source should not be used for production applications! It does not support recovery.');
  });

  it('takes the port and the output mode alone, and prints only changed counts in update mode', async () => {
    const server = await lineServer();
    cleanups.push(server.close);
    // `main.ts <port> update`: the host defaults to localhost.
    const program = new Program(join(ROOT, 'examples', 'socket-wordcount', 'main.ts'), [String(server.port), 'update']);
    cleanups.push(() => program.kill());
    const client = await server.client;

    client.write('apache spark\n');
    await program.untilStdout(BATCH_0);
    client.write('apache hadoop\n');
    await program.untilStdout('|hadoop|    1|\n+------+-----+\n\n');
    expect(program.stdout).toBe(BATCH_0 + lines(
      RULE, 'Batch: 1', RULE,
      '+------+-----+',
      '|  word|count|',
      '+------+-----+',
      '|apache|    2|',
      '|hadoop|    1|',
      '+------+-----+',
      '',
    ));
  });

  it('rejects a bad port with its usage line', async () => {
    const program = new Program(join(ROOT, 'examples', 'socket-wordcount', 'main.ts'), ['localhost', 'http']);
    cleanups.push(() => program.kill());
    expect(await program.exited).toBe(1);
    expect(program.stdout).toBe('');
    expect(program.stderr).toBe('Usage: main.ts [host] [port] [append|update|complete]   (default: localhost 9999 complete)\n');
  });
});

describe('examples/socket-wordcount/line-server.ts', () => {
  it('serves the lines of a file to a client that connects', async () => {
    const file = join(ROOT, 'examples', 'socket-wordcount', 'sample.txt');
    const program = new Program(join(ROOT, 'examples', 'socket-wordcount', 'line-server.ts'), ['--port', '0', '--rate', '100', file]);
    cleanups.push(() => program.kill());
    await program.untilStdout('\n');
    const match = /^Serving (.+) on 127\.0\.0\.1:(\d+)\n$/.exec(program.stdout);
    expect(match?.[1]).toBe(file);
    const expected = readFileSync(file, 'utf8');

    const socket = createConnection({ host: '127.0.0.1', port: Number(match?.[2]) });
    cleanups.push(async () => void socket.destroy());
    let received = '';
    await new Promise<void>((resolve, reject) => {
      socket.setEncoding('utf8').on('data', (s: string) => {
        received += s;
        if (received.length >= expected.length) resolve();
      });
      socket.on('error', reject);
    });
    expect(received).toBe(expected);
  });
});
