// A longer kill -9 soak of the invoices pipeline than crash.test.ts (not run by the test suite):
//
//   pnpm exec tsx examples/invoices/stress-crash.ts [--kills 200] [--parts 8] [--max-delay-ms 600] [--trigger '100 milliseconds'] [--seed N]
//
// Splits the invoices into 3 × parts input files, runs the pipeline with SIGKILLs at random moments (each
// restart from the checkpoint), finishes it with Trigger.AvailableNow, and compares the committed output with
// an uninterrupted run's, row for row. Exits 1 on any difference; prints the seed to repeat a run.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { committedRows, killRepeatedly, pipelineDirs, runToEnd, seededRandom, writeInputFiles } from './crash-harness.ts';

const { values: args } = parseArgs({
  options: {
    kills: { type: 'string', default: '200' },
    parts: { type: 'string', default: '8' },
    'max-delay-ms': { type: 'string', default: '600' },
    trigger: { type: 'string', default: '100 milliseconds' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    keep: { type: 'boolean', default: false },
  },
  strict: true,
});

const seed = Number(args.seed);
const root = mkdtempSync(join(tmpdir(), 'caudal-invoices-soak-'));
const crashed = pipelineDirs(join(root, 'crashed'));
const reference = pipelineDirs(join(root, 'reference'));
const names = writeInputFiles(crashed.input, Number(args.parts));
writeInputFiles(reference.input, Number(args.parts));
process.stdout.write(`soak: ${names.length} input files, ${args.kills} kills, seed ${seed}, in ${root}\n`);

const started = Date.now();
const uninterrupted = runToEnd(reference);
const report = await killRepeatedly(crashed, Number(args.kills), Number(args['max-delay-ms']), args.trigger, seededRandom(seed));
await runToEnd(crashed);
await uninterrupted;

const expected = committedRows(reference.output);
const actual = committedRows(crashed.output);
const leftovers = readdirSync(crashed.input);
const same = actual.length === expected.length && actual.every((row, i) => row === expected[i]);
process.stdout.write(
  `soak: ${((Date.now() - started) / 1000).toFixed(0)} s; batches committed after each kill: ${report.committedAfterKill.join(' ')}\n` +
  `soak: ${report.midBatchKills} kills left a batch logged but not committed\n` +
  `soak: reference ${expected.length} rows, after kills ${actual.length} rows, ${same ? 'identical' : 'DIFFERENT'}; ` +
  `${leftovers.length} input file(s) not archived\n`,
);
if (!args.keep) rmSync(root, { recursive: true, force: true });
if (!same || leftovers.length > 0) {
  process.stdout.write(`soak: FAILED (seed ${seed})\n`);
  process.exitCode = 1;
}
