// Replays the occupancy sensor readings (data/datatest.txt, one reading about every minute) as a live
// stream: the rows are split into small CSV files that are dropped into the folder the query reads, one
// at a time. Each row gets an event time, `EventTime`, in front of the original columns:
//
//   EventTime = start + (Date - first Date) / speed        (rounded to the millisecond)
//
// so with the default speed of 60 a minute of readings plays in a second, and the course's 45-second
// windows sliding every 15 seconds hold about 45 readings each.
//
//   pnpm exec tsx examples/sensors/simulator.ts [--to DIR] [--rows-per-file 10] [--speed 60]
//                                                [--start now | ISO-8601] [--limit N] [--interval-ms N] [--from FILE]
//
// Defaults: to .caudal-tmp/sensors/input, 10 readings per file, starting now; each file is dropped when its
// last reading's event time has come (so the replay runs in real time). `--interval-ms N` drops a file every
// N ms instead; a `--start` in the past replays at once. `--limit N` replays only the first N readings.
// A file is written under a hidden name (`.readings-00001.csv.tmp`, which file sources skip) and renamed:
// the rename is atomic, so the query never reads a half-written file.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { replayFiles } from './replay.ts';

const { values: args } = parseArgs({
  options: {
    from: { type: 'string', default: join(import.meta.dirname, 'data', 'datatest.txt') },
    to: { type: 'string', default: '.caudal-tmp/sensors/input' },
    'rows-per-file': { type: 'string', default: '10' },
    speed: { type: 'string', default: '60' },
    start: { type: 'string', default: 'now' },
    limit: { type: 'string' },
    'interval-ms': { type: 'string' },
  },
  strict: true,
});

function fail(message: string): never {
  process.stderr.write(`simulator: ${message}\n`);
  process.exit(1);
}

function positive(name: string, text: string, integer = false): number {
  const n = Number(text);
  if (!(n > 0) || !Number.isFinite(n) || (integer && !Number.isInteger(n))) fail(`--${name} must be a positive ${integer ? 'integer' : 'number'}, got '${text}'`);
  return n;
}

const to = resolve(args.to);
const startMs = args.start === 'now' ? Date.now() : Date.parse(args.start);
if (Number.isNaN(startMs)) fail(`--start must be 'now' or an ISO-8601 time, got '${args.start}'`);
const intervalMs = args['interval-ms'] === undefined ? undefined : Number(args['interval-ms']);
if (intervalMs !== undefined && !(intervalMs >= 0)) fail(`--interval-ms must be a non-negative number, got '${args['interval-ms']}'`);

const files = replayFiles(readFileSync(resolve(args.from), 'utf8'), {
  rowsPerFile: positive('rows-per-file', args['rows-per-file'], true),
  speed: positive('speed', args.speed),
  startMs,
  ...(args.limit === undefined ? {} : { limit: positive('limit', args.limit, true) }),
});

mkdirSync(to, { recursive: true });
for (const [i, file] of files.entries()) {
  if (intervalMs !== undefined) {
    if (i > 0) await sleep(intervalMs);
  } else {
    await sleep(Math.max(0, file.lastEventTimeMs - Date.now()));
  }
  const temp = join(to, `.${file.name}.tmp`);
  writeFileSync(temp, file.text);
  renameSync(temp, join(to, file.name));
  process.stdout.write(`Dropped ${file.name} (${file.rows} readings up to ${new Date(file.lastEventTimeMs).toISOString()})\n`);
}
