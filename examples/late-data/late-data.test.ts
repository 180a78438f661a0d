import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The nearest folder above `from` holding pnpm-workspace.yaml. */
function repoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
  }
}

const ROOT = repoRoot(import.meta.dirname);

/** main.ts's arrivals: when the rows come in and the time each word was seen (HH:MM on 2024-01-01). */
const ARRIVALS: [string, string][][] = [
  [['dog', '12:02'], ['owl', '12:04']],
  [['cat', '12:11'], ['dog', '12:07']],
  [['owl', '12:21']],
  [['dog', '12:08'], ['cat', '12:13']],
  [['owl', '12:33'], ['donkey', '12:04']],
];

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/**
 * The rows a 10-minute watermark drops, by hand: each arrival is checked against the watermark left by the
 * arrivals before it (latest time seen − 10 min); a row is late when its 10-minute window ends at or before it.
 */
function lateRows(): [string, string][] {
  let latest = -Infinity;
  const late: [string, string][] = [];
  for (const rows of ARRIVALS) {
    const watermark = latest - 10;
    for (const [word, t] of rows) {
      const windowEnd = Math.floor(minutes(t) / 10) * 10 + 10;
      if (windowEnd <= watermark) late.push([word, t]);
    }
    for (const [, t] of rows) latest = Math.max(latest, minutes(t));
  }
  return late;
}

const EXPECTED = [
  '>>> 12:05 arrive: dog (12:02), owl (12:04). on time',
  '-------------------------------------------',
  'Batch: 0',
  '-------------------------------------------',
  '+------------------------------------------+----+-----+',
  '|window                                    |word|count|',
  '+------------------------------------------+----+-----+',
  '|{2024-01-01 12:00:00, 2024-01-01 12:10:00}|dog |1    |',
  '|{2024-01-01 12:00:00, 2024-01-01 12:10:00}|owl |1    |',
  '+------------------------------------------+----+-----+',
  '',
  '<<< batch 0: watermark none yet; rows in: 2, dropped as late: 0, groups kept: 2',
  '',
  '>>> 12:12 arrive: cat (12:11), dog (12:07). dog (12:07) is out of order, but its window [12:00, 12:10) is still open: counted',
  '-------------------------------------------',
  'Batch: 1',
  '-------------------------------------------',
  '+------------------------------------------+----+-----+',
  '|window                                    |word|count|',
  '+------------------------------------------+----+-----+',
  '|{2024-01-01 12:10:00, 2024-01-01 12:20:00}|cat |1    |',
  '|{2024-01-01 12:00:00, 2024-01-01 12:10:00}|dog |2    |',
  '+------------------------------------------+----+-----+',
  '',
  '<<< batch 1: watermark 11:54; rows in: 2, dropped as late: 0, groups kept: 3',
  '',
  '>>> 12:22 arrive: owl (12:21). the watermark moves to 12:21 - 10 min = 12:11: [12:00, 12:10) closes (an empty batch evicts it)',
  '-------------------------------------------',
  'Batch: 2',
  '-------------------------------------------',
  '+------------------------------------------+----+-----+',
  '|window                                    |word|count|',
  '+------------------------------------------+----+-----+',
  '|{2024-01-01 12:20:00, 2024-01-01 12:30:00}|owl |1    |',
  '+------------------------------------------+----+-----+',
  '',
  '-------------------------------------------',
  'Batch: 3',
  '-------------------------------------------',
  '+------+----+-----+',
  '|window|word|count|',
  '+------+----+-----+',
  '+------+----+-----+',
  '',
  '<<< batch 2: watermark 12:01; rows in: 1, dropped as late: 0, groups kept: 4',
  '<<< batch 3: watermark 12:11; rows in: 0, dropped as late: 0, groups kept: 2',
  '',
  '>>> 12:23 arrive: dog (12:08), cat (12:13). dog (12:08) belongs to the closed window: dropped, and sent to late_rows; cat (12:13) is counted',
  '-------------------------------------------',
  'Batch: 4',
  '-------------------------------------------',
  '+------------------------------------------+----+-----+',
  '|window                                    |word|count|',
  '+------------------------------------------+----+-----+',
  '|{2024-01-01 12:10:00, 2024-01-01 12:20:00}|cat |2    |',
  '+------------------------------------------+----+-----+',
  '',
  '<<< batch 4: watermark 12:11; rows in: 2, dropped as late: 1, groups kept: 2',
  '',
  '>>> 12:35 arrive: owl (12:33), donkey (12:04). donkey (12:04) is 31 minutes late: dropped, and sent to late_rows',
  '-------------------------------------------',
  'Batch: 5',
  '-------------------------------------------',
  '+------------------------------------------+----+-----+',
  '|window                                    |word|count|',
  '+------------------------------------------+----+-----+',
  '|{2024-01-01 12:30:00, 2024-01-01 12:40:00}|owl |1    |',
  '+------------------------------------------+----+-----+',
  '',
  '-------------------------------------------',
  'Batch: 6',
  '-------------------------------------------',
  '+------+----+-----+',
  '|window|word|count|',
  '+------+----+-----+',
  '+------+----+-----+',
  '',
  '<<< batch 5: watermark 12:11; rows in: 2, dropped as late: 1, groups kept: 3',
  '<<< batch 6: watermark 12:23; rows in: 0, dropped as late: 0, groups kept: 2',
  '',
  'Late rows (the late_rows memory table):',
  '+------+-------------------+------------------------------------------+',
  '|word  |time               |window                                    |',
  '+------+-------------------+------------------------------------------+',
  '|dog   |2024-01-01 12:08:00|{2024-01-01 12:00:00, 2024-01-01 12:10:00}|',
  '|donkey|2024-01-01 12:04:00|{2024-01-01 12:00:00, 2024-01-01 12:10:00}|',
  '+------+-------------------+------------------------------------------+',
  '',
  '',
].join('\n');

describe('examples/late-data', () => {
  it('drops the late rows from the counts and routes them to the late_rows table, printing exactly this', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'examples', 'late-data', 'main.ts')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toBe(EXPECTED);

    // The late table holds exactly the rows the watermark rule drops, computed by hand.
    expect(lateRows()).toEqual([['dog', '12:08'], ['donkey', '12:04']]);
    const table = out.slice(out.indexOf('Late rows'));
    const shown = [...table.matchAll(/^\|(\w+) *\|2024-01-01 (\d\d:\d\d):00\|/gm)].map((m) => [m[1], m[2]]);
    expect(shown).toEqual(lateRows());
    // And no count includes them: the last count printed for each window and word is that of its on-time rows.
    const late = new Set(lateRows().map(([w, t]) => `${w}@${t}`));
    const expectedCounts = new Map<string, number>();
    for (const [w, t] of ARRIVALS.flat()) {
      if (late.has(`${w}@${t}`)) continue;
      const start = Math.floor(minutes(t) / 10) * 10;
      const key = `${String(Math.floor(start / 60)).padStart(2, '0')}:${String(start % 60).padStart(2, '0')} ${w}`;
      expectedCounts.set(key, (expectedCounts.get(key) ?? 0) + 1);
    }
    const lastCounts = new Map<string, number>();
    for (const m of out.matchAll(/^\|\{2024-01-01 (\d\d:\d\d):00, 2024-01-01 \d\d:\d\d:00\}\|(\w+) *\|(\d+) *\|$/gm)) {
      lastCounts.set(`${m[1]} ${m[2]}`, Number(m[3]));
    }
    expect(Object.fromEntries([...lastCounts].sort())).toEqual(Object.fromEntries([...expectedCounts].sort()));
  }, 60_000);
});
