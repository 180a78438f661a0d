// Simulates Bizum payments arriving, as the course's script does: every few seconds one file of the
// payments "not yet arrived" (examples/bizum/data) is copied into the folder the query reads.
//
//   pnpm exec tsx examples/bizum/simulator.ts [--from DIR] [--to DIR] [--interval-ms N] [--seed N]
//
// Defaults: from examples/bizum/data, to .caudal-tmp/bizum/recibidos, one file every 3000 ms, in a random
// order (fixed by --seed). Unlike the course's script, each file is sent once. A file is copied under a
// hidden name (`.Bizum3.csv.tmp`, which file sources skip) and then renamed: the rename is atomic, so the
// query never reads a half-copied file.
import { copyFileSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';

const { values: args } = parseArgs({
  options: {
    from: { type: 'string', default: join(import.meta.dirname, 'data') },
    to: { type: 'string', default: '.caudal-tmp/bizum/recibidos' },
    'interval-ms': { type: 'string', default: '3000' },
    seed: { type: 'string', default: String(Date.now()) },
  },
  strict: true,
});

const from = resolve(args.from);
const to = resolve(args.to);
const intervalMs = Number(args['interval-ms']);
if (!Number.isFinite(intervalMs) || intervalMs < 0) throw new Error(`--interval-ms must be a non-negative number, got '${args['interval-ms']}'`);

/** A small seeded generator (mulberry32), so a run's order can be repeated. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(Number(args.seed));
const files = readdirSync(from).filter((n) => n.endsWith('.csv')).sort();
for (let i = files.length - 1; i > 0; i--) {
  const j = Math.floor(next() * (i + 1));
  [files[i], files[j]] = [files[j]!, files[i]!];
}

mkdirSync(to, { recursive: true });
for (const [i, name] of files.entries()) {
  if (i > 0) await sleep(intervalMs);
  const temp = join(to, `.${name}.tmp`);
  copyFileSync(join(from, name), temp);
  renameSync(temp, join(to, name));
  process.stdout.write(`Bizum recibido: ${name}\n`);
}
