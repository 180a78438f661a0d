import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { committedRows, killRepeatedly, pipelineDirs, runToEnd, seededRandom, writeInputFiles } from './crash-harness.ts';

const KILLS = Number(process.env['CAUDAL_CRASH_KILLS'] ?? 20);
const SEED = Number(process.env['CAUDAL_CRASH_SEED'] ?? Date.now() % 1_000_000);

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort();
}

describe('the invoices pipeline under kill -9', () => {
  it(`loses nothing and duplicates nothing across ${KILLS} SIGKILLs at random moments`, async () => {
    const root = mkdtempSync(join(tmpdir(), 'caudal-invoices-crash-'));
    roots.push(root);
    const crashed = pipelineDirs(join(root, 'crashed'));
    const reference = pipelineDirs(join(root, 'reference'));
    // 18 small files, one per batch, a batch every 100 ms: a kill 0-300 ms after the query starts lands
    // before, inside or between batches.
    const names = writeInputFiles(crashed.input, 6);
    writeInputFiles(reference.input, 6);
    expect(names).toHaveLength(18);

    // The uninterrupted run, meanwhile, in its own folders.
    const uninterrupted = runToEnd(reference);
    const report = await killRepeatedly(crashed, KILLS, 300, '100 milliseconds', seededRandom(SEED));
    expect(report.committedAfterKill).toHaveLength(KILLS);
    // Whatever is left, to the end.
    await runToEnd(crashed);
    await uninterrupted;

    const expected = committedRows(reference.output);
    expect(expected).toHaveLength(3990);
    const actual = committedRows(crashed.output);
    expect(actual.length, `seed ${SEED}`).toBe(3990);
    expect(actual, `seed ${SEED}`).toEqual(expected);
    // Every input file was archived once its batch committed, including those of batches a kill interrupted.
    expect(readdirSync(crashed.input)).toEqual([]);
    expect(filesUnder(crashed.archive)).toEqual([...names].sort());
  }, 300_000);
});
