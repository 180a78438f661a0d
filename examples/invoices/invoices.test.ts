import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSinkLog } from 'caudal';
import { committedRows, PipelineProcess, pipelineDirs, ROOT } from './crash-harness.ts';

const DATA = join(ROOT, 'examples', 'invoices', 'data');

const cleanups: (() => void | Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface LineItem { ItemCode: string; ItemDescription: string; ItemPrice: number; ItemQty: number; TotalValue: number }
interface Invoice {
  InvoiceNumber: string; CreatedTime: number; StoreID: string; PosID: string; CustomerType: string; PaymentMethod: string;
  DeliveryType: string; InvoiceLineItems: LineItem[];
}

/** Spark's JSON text of a double: always with a fraction (`1718.0`). */
const double = (x: number): string => (Number.isInteger(x) ? x.toFixed(1) : String(x));

/**
 * The output computed without the engine: each file in the order the simulator drops it, each invoice line,
 * each line item, written as Spark's JSON writer writes a row.
 */
function expectedLines(): string[] {
  const out: string[] = [];
  for (const name of readdirSync(DATA).sort()) {
    for (const line of readFileSync(join(DATA, name), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const inv = JSON.parse(line) as Invoice;
      for (const item of inv.InvoiceLineItems) {
        const s = JSON.stringify;
        out.push(
          `{"InvoiceNumber":${s(inv.InvoiceNumber)},"CreatedTime":${inv.CreatedTime},"StoreID":${s(inv.StoreID)},"PosID":${s(inv.PosID)},` +
          `"CustomerType":${s(inv.CustomerType)},"PaymentMethod":${s(inv.PaymentMethod)},"DeliveryType":${s(inv.DeliveryType)},` +
          `"ItemCode":${s(item.ItemCode)},"ItemDescription":${s(item.ItemDescription)},"ItemPrice":${double(item.ItemPrice)},` +
          `"ItemQty":${item.ItemQty},"TotalValue":${double(item.TotalValue)}}`,
        );
      }
    }
  }
  return out;
}

function runSimulator(to: string, intervalMs: number): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'examples', 'invoices', 'simulator.ts'), '--to', to, '--interval-ms', String(intervalMs)], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  cleanups.push(() => void child.kill('SIGKILL'));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout })));
}

/** Waits (polling the manifest folder) until the file sink has committed `n` batches. */
async function untilCommitted(output: string, n: number, p: PipelineProcess): Promise<void> {
  const meta = join(output, '_caudal_metadata');
  while (!existsSync(meta) || readdirSync(meta).filter((f) => /^\d+(\.compact)?$/.test(f)).length < n) {
    if (p.ended) throw new Error(`the pipeline ended early; stderr:\n${p.stderr}`);
    await sleep(50);
  }
}

describe('examples/invoices', () => {
  it('splits the invoices dropped by the simulator into 3,990 line items, one input file per batch, archiving each', async () => {
    const root = mkdtempSync(join(tmpdir(), 'caudal-invoices-example-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const dirs = pipelineDirs(root);
    const main = new PipelineProcess(dirs, '300 milliseconds');
    cleanups.push(() => main.kill());
    await main.started();

    const sim = await runSimulator(dirs.input, 300);
    expect(sim.code).toBe(0);
    expect(sim.stdout).toBe(['Invoice-set1.json', 'Invoice-set2.json', 'Invoice-set3.json'].map((n) => `Dropped ${n} into ${dirs.input}\n`).join(''));
    await untilCommitted(dirs.output, 3, main);
    expect(await main.terminate()).toEqual({ code: 0, signal: null });
    // On a busy machine the engine may also warn that a batch overran the trigger interval.
    const lines = main.stderr.split('\n').filter((l) => !l.startsWith('Current batch is falling behind.'));
    expect(lines.join('\n')).toBe(
      `Facturas Writer started: reading ${dirs.input}, writing ${dirs.output} (trigger: 300 milliseconds)\n` +
      'Facturas Writer stopped after 3 batch(es) with data in this run\n',
    );

    const rows = committedRows(dirs.output);
    expect(rows).toHaveLength(3990);
    expect(rows).toEqual(expectedLines());
    // One part file per batch, listed by the manifest in commit order.
    expect(FileSinkLog.readCommittedFiles(dirs.output)).toHaveLength(3);
    expect(readdirSync(dirs.input)).toEqual([]);
    for (const name of readdirSync(DATA)) {
      expect(readFileSync(join(dirs.archive, dirs.input, name), 'utf8')).toBe(readFileSync(join(DATA, name), 'utf8'));
    }
  }, 120_000);
});
