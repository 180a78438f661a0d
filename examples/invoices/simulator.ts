// Drops the invoice files into the folder the invoices query reads, one at a time, as the stores of the
// course do every five minutes:
//
//   pnpm exec tsx examples/invoices/simulator.ts [--from DIR] [--to DIR] [--interval-ms N]
//
// Defaults: from examples/invoices/data, to .caudal-tmp/invoices/input, one file every 5000 ms.
// Each file is written in full to a staging folder beside the input folder and then renamed into it: a
// rename is atomic, so the query never lists a half-written file (the file source's convention).
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';

const { values: args } = parseArgs({
  options: {
    from: { type: 'string', default: join(import.meta.dirname, 'data') },
    to: { type: 'string', default: '.caudal-tmp/invoices/input' },
    'interval-ms': { type: 'string', default: '5000' },
  },
  strict: true,
});

const from = resolve(args.from);
const to = resolve(args.to);
const staging = join(dirname(to), '.staging');
const intervalMs = Number(args['interval-ms']);
if (!Number.isFinite(intervalMs) || intervalMs < 0) throw new Error(`--interval-ms must be a non-negative number, got '${args['interval-ms']}'`);

mkdirSync(to, { recursive: true });
mkdirSync(staging, { recursive: true });
const files = readdirSync(from).filter((n) => n.endsWith('.json')).sort();
for (const [i, name] of files.entries()) {
  if (i > 0) await sleep(intervalMs);
  const temp = join(staging, name);
  writeFileSync(temp, readFileSync(join(from, name)));
  renameSync(temp, join(to, name));
  process.stdout.write(`Dropped ${name} into ${to}\n`);
}
