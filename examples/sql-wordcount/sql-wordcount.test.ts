import type { Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Program, ROOT, lineServer } from '../support/program.ts';

const MAIN = join(ROOT, 'examples', 'sql-wordcount', 'main.ts');
const RULE = '-'.repeat(43);
const lines = (...ls: string[]): string => ls.map((l) => `${l}\n`).join('');



const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(args: (port: number) => string[]): Promise<{ program: Program; client: Socket }> {
  const server = await lineServer();
  cleanups.push(server.close);
  const program = new Program(MAIN, args(server.port));
  cleanups.push(() => program.kill());
  return { program, client: await server.client };
}

describe('examples/sql-wordcount/main.ts', () => {
  it('prints the running word count of a SQL query over the socket lines, as the DataFrame version does', async () => {
    const { program, client } = await start((port) => ['127.0.0.1', String(port)]);
    client.write('apache spark\n');
    await program.untilStdout('| spark|    1|\n+------+-----+\n\n');
    client.write('apache hadoop\n');
    await program.untilStdout('|hadoop|    1|\n+------+-----+\n\n');
    expect(program.stdout).toBe(lines(
      RULE, 'Batch: 0', RULE,
      '+------+-----+',
      '|  word|count|',
      '+------+-----+',
      '|apache|    1|',
      '| spark|    1|',
      '+------+-----+',
      '',
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
  });

  it('with `memory`, queries the memory table after every batch: SELECT * FROM wordcounts ORDER BY count DESC, word', async () => {
    const { program, client } = await start((port) => [String(port), 'memory']);
    client.write('to be or not to be\n');
    await program.untilStdout('|  or|    1|\n+----+-----+\n\n');
    client.write('be quick\n');
    await program.untilStdout('|quick|    1|\n+-----+-----+\n\n');
    expect(program.stdout).toBe(lines(
      RULE, 'wordcounts after batch 0', RULE,
      '+----+-----+',
      '|word|count|',
      '+----+-----+',
      '|  be|    2|',
      '|  to|    2|',
      '| not|    1|',
      '|  or|    1|',
      '+----+-----+',
      '',
      RULE, 'wordcounts after batch 1', RULE,
      '+-----+-----+',
      '| word|count|',
      '+-----+-----+',
      '|   be|    3|',
      '|   to|    2|',
      '|  not|    1|',
      '|   or|    1|',
      '|quick|    1|',
      '+-----+-----+',
      '',
    ));
  });

  it('rejects an unknown sink with its usage line', async () => {
    const program = new Program(MAIN, ['localhost', '9999', 'parquet']);
    cleanups.push(() => program.kill());
    expect(await program.exited).toBe(1);
    expect(program.stdout).toBe('');
    expect(program.stderr).toBe('Usage: main.ts [host] [port] [console|memory]   (default: localhost 9999 console)\n');
  });
});
