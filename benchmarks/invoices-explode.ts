/**
 * The invoices explode pipeline over JSON lines, static read (issue "Expressions, functions and nested
 * data"): the shared invoices replicated to at least 1,000,000 line items, then
 * `selectExpr(..., explode(InvoiceLineItems) as LineItem)` + five `withColumn(expr(...))` + `drop`.
 * Reports line items per second for the whole pipeline (read + parse + explode + project) and for the
 * read alone, medians over repetitions. Run: `pnpm exec tsx benchmarks/invoices-explode.ts [copies] [reps]`.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Session, expr } from 'caudal';

const copies = Number(process.argv[2] ?? 251);
const reps = Number(process.argv[3] ?? 3);
const here = dirname(fileURLToPath(import.meta.url));
const source = resolve(here, '../../shared/data/invoices');

const lines = readdirSync(source).sort().flatMap((f) => readFileSync(join(source, f), 'utf8').split('\n').filter((l) => l.trim() !== ''));
const itemsPerCopy = lines.reduce((n, l) => n + ((JSON.parse(l) as { InvoiceLineItems?: unknown[] }).InvoiceLineItems?.length ?? 0), 0);
const dir = mkdtempSync(join(tmpdir(), 'caudal-bench-invoices-'));
// Ten files, so the reader sees a directory as in the pipeline.
const perFile = Math.ceil(copies / 10);
let written = 0;
for (let f = 0; written < copies; f++) {
  const n = Math.min(perFile, copies - written);
  writeFileSync(join(dir, `part-${f}.json`), Array.from({ length: n }, () => lines.join('\n')).join('\n') + '\n');
  written += n;
}
const expectedItems = itemsPerCopy * copies;

const spark = Session.builder().appName('invoices-explode-bench').create();
const schema = spark.read.json(source).schema;

function pipeline() {
  return spark.read.schema(schema).json(dir)
    .selectExpr('InvoiceNumber', 'CreatedTime', 'StoreID', 'PosID', 'CustomerType', 'PaymentMethod', 'DeliveryType',
      'DeliveryAddress.City', 'DeliveryAddress.State', 'DeliveryAddress.PinCode', 'explode(InvoiceLineItems) as LineItem')
    .withColumn('ItemCode', expr('LineItem.ItemCode'))
    .withColumn('ItemDescription', expr('LineItem.ItemDescription'))
    .withColumn('ItemPrice', expr('LineItem.ItemPrice'))
    .withColumn('ItemQty', expr('LineItem.ItemQty'))
    .withColumn('TotalValue', expr('LineItem.TotalValue'))
    .drop('LineItem');
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pipelineMs: number[] = [];
const readMs: number[] = [];
for (let r = 0; r < reps; r++) {
  let t = performance.now();
  const n = await pipeline().count();
  pipelineMs.push(performance.now() - t);
  if (n !== expectedItems) throw new Error(`expected ${expectedItems} line items, got ${n}`);
  t = performance.now();
  await spark.read.schema(schema).json(dir).count();
  readMs.push(performance.now() - t);
}
const rss = process.memoryUsage().rss;
await spark.stop();
rmSync(dir, { recursive: true, force: true });
const p = median(pipelineMs);
const rd = median(readMs);
console.log(`| line items | invoices | pipeline (read+explode+project) | line items/s | read alone | peak RSS |`);
console.log(`|---:|---:|---:|---:|---:|---:|`);
console.log(`| ${expectedItems.toLocaleString('en-US')} | ${(lines.length * copies).toLocaleString('en-US')} | ${(p / 1000).toFixed(2)} s | ${Math.round(expectedItems / (p / 1000)).toLocaleString('en-US')} | ${(rd / 1000).toFixed(2)} s | ${Math.round(rss / 1048576)} MB |`);
