/**
 * Deterministic inputs of the side-by-side suite's file workloads (w4–w6), written once into a work dir and
 * read by both engines. Same sizes → byte-identical files, whatever the run. Every file gets its own mtime,
 * ascending in file-name order, so both engines' file sources (which order by modification time) take the
 * files in the same order and cut the same micro-batches.
 */
import { mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data');
export const QUIJOTE_FILE = join(SHARED, 'text', 'el_quijote.txt');
export const INVOICES_DIR = join(SHARED, 'invoices');

/**
 * The schema Spark 4.0.1 infers for ../shared/data/invoices (`spark.read.json(...).schema`, fields sorted by
 * name), as a DDL string both engines accept. Written into the params as `invoiceSchema`.
 */
export const INVOICE_SCHEMA_DDL = [
  'CESS DOUBLE', 'CGST DOUBLE', 'CashierID STRING', 'CreatedTime BIGINT', 'CustomerCardNo STRING', 'CustomerType STRING',
  'DeliveryAddress STRUCT<AddressLine: STRING, City: STRING, ContactNumber: STRING, PinCode: STRING, State: STRING>',
  'DeliveryType STRING',
  'InvoiceLineItems ARRAY<STRUCT<ItemCode: STRING, ItemDescription: STRING, ItemPrice: DOUBLE, ItemQty: BIGINT, TotalValue: DOUBLE>>',
  'InvoiceNumber STRING', 'NumberOfItems BIGINT', 'PaymentMethod STRING', 'PosID STRING', 'SGST DOUBLE', 'StoreID STRING',
  'TaxableAmount DOUBLE', 'TotalAmount DOUBLE',
].join(', ');

export interface InputSizes {
  /** Copies of el_quijote.txt, one per file (w4). */
  readonly quijoteCopies: number;
  /** Copies of the 1,590 shared invoices, spread over `invoiceFiles` files (w5). */
  readonly invoiceCopies: number;
  readonly invoiceFiles: number;
  /** Generated payments (w6), in `bizumFiles` files; the warm-up dir has one file of `bizumWarmupPayments`. */
  readonly bizumPayments: number;
  readonly bizumFiles: number;
  readonly bizumWarmupPayments: number;
}

export const DEFAULT_INPUT_SIZES: InputSizes = {
  quijoteCopies: 54,
  invoiceCopies: 251,
  invoiceFiles: 10,
  bizumPayments: 1_000_000,
  bizumFiles: 20,
  bizumWarmupPayments: 10_000,
};

export interface FileInput {
  readonly dir: string;
  readonly warmupDir: string;
  /** File names in `dir`, in mtime order (= name order). */
  readonly files: readonly string[];
  readonly bytes: number;
  /** Rows the file source reads from `dir` (lines; invoices; payments): the expected inputRows of the measured run. */
  readonly rows: number;
}

export interface QuijoteInput extends FileInput {
  readonly linesPerCopy: number;
  /** Non-empty tokens of `split(value, ' ')`: the rows reaching w4's groupBy. */
  readonly words: number;
  readonly wordsPerCopy: number;
}

export interface InvoicesInput extends FileInput {
  readonly invoicesPerCopy: number;
  readonly lineItems: number;
  readonly lineItemsPerCopy: number;
}

export interface BizumInput extends FileInput {
  /** Distinct `lower(Nombre)` per file of `dir`, in file order (to predict w6's update-mode output). */
  readonly namesPerFile: readonly (readonly string[])[];
}

/** A line split as Spark's text source does (`\n`, `\r\n`, `\r`; no row after a final line break). */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Non-empty tokens of Spark's `split(line, ' ')` over every line. */
export function countWords(lines: readonly string[]): number {
  let n = 0;
  for (const line of lines) for (const w of line.split(' ')) if (w !== '') n++;
  return n;
}

/** Gives the files of `dir` distinct, ascending mtimes in name order (one second apart, ending an hour ago). */
export function orderMtimes(dir: string): void {
  const files = readdirSync(dir).sort();
  const base = Math.floor(Date.now() / 1000) - 3600 - files.length;
  files.forEach((f, i) => utimesSync(join(dir, f), base + i, base + i));
}

function freshDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  if (readdirSync(dir).length > 0) throw new Error(`input dir ${dir} is not empty`);
  return dir;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function writeQuijote(root: string, copies: number): QuijoteInput {
  const text = readFileSync(QUIJOTE_FILE, 'utf8');
  const lines = splitLines(text);
  const wordsPerCopy = countWords(lines);
  const dir = freshDir(join(root, 'quijote'));
  const warmupDir = freshDir(join(root, 'quijote-warmup'));
  const files: string[] = [];
  for (let i = 0; i < copies; i++) {
    const name = `part-${pad(i, 4)}.txt`;
    writeFileSync(join(dir, name), text);
    files.push(name);
  }
  writeFileSync(join(warmupDir, 'part-0000.txt'), text);
  orderMtimes(dir);
  orderMtimes(warmupDir);
  return {
    dir, warmupDir, files, bytes: Buffer.byteLength(text) * copies, rows: lines.length * copies,
    linesPerCopy: lines.length, words: wordsPerCopy * copies, wordsPerCopy,
  };
}

/** The shared invoices as JSON lines, files in name order. */
export function invoiceLines(): string[] {
  return readdirSync(INVOICES_DIR).sort()
    .flatMap((f) => splitLines(readFileSync(join(INVOICES_DIR, f), 'utf8')).filter((l) => l.trim() !== ''));
}

export function writeInvoices(root: string, copies: number, fileCount: number): InvoicesInput {
  const lines = invoiceLines();
  const lineItemsPerCopy = lines.reduce(
    (n, l) => n + ((JSON.parse(l) as { InvoiceLineItems?: unknown[] }).InvoiceLineItems?.length ?? 0), 0);
  const copy = lines.join('\n') + '\n';
  const dir = freshDir(join(root, 'invoices'));
  const warmupDir = freshDir(join(root, 'invoices-warmup'));
  // Copies spread as evenly as possible over min(fileCount, copies) files.
  const count = Math.min(fileCount, copies);
  const files: string[] = [];
  for (let f = 0; f < count; f++) {
    const n = Math.floor(copies / count) + (f < copies % count ? 1 : 0);
    const name = `part-${pad(f, 2)}.json`;
    writeFileSync(join(dir, name), copy.repeat(n));
    files.push(name);
  }
  writeFileSync(join(warmupDir, 'part-00.json'), copy);
  orderMtimes(dir);
  orderMtimes(warmupDir);
  return {
    dir, warmupDir, files, bytes: Buffer.byteLength(copy) * copies, rows: lines.length * copies,
    invoicesPerCopy: lines.length, lineItems: lineItemsPerCopy * copies, lineItemsPerCopy,
  };
}

/** mulberry32: a small seeded PRNG, so the generated payments are the same in every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = [
  'Maria', 'Jose', 'Ana', 'Juan', 'Elena', 'Pedro', 'Rosa', 'Pablo', 'Isabel', 'Ramon', 'Pepe', 'Jorge', 'Ruben',
  'Lucia', 'Carmen', 'Antonio', 'Manuel', 'Laura', 'Javier', 'Marta', 'David', 'Sara', 'Carlos', 'Paula', 'Miguel',
  'Alba', 'Sergio', 'Irene', 'Alberto', 'Nuria', 'Diego', 'Raquel', 'Andres', 'Cristina', 'Fernando', 'Silvia',
  'Alvaro', 'Beatriz', 'Ignacio', 'Teresa', 'Adrian', 'Pilar', 'Hugo', 'Noelia', 'Victor', 'Eva', 'Oscar', 'Julia',
  'Mario', 'Clara',
];
const SURNAMES = ['Garcia', 'Lopez', 'Martin', 'Sanchez'];
/** 200 people; a payment writes the name in one of three letter cases, as the seed files do (MARIA, Maria). */
export const BIZUM_PEOPLE: readonly string[] = FIRST_NAMES.flatMap((f) => SURNAMES.map((s) => `${f} ${s}`));
const CONCEPTS = [
  'Coche', 'Cafe', 'Zumo', 'Camiseta', 'Concierto', 'Cena', 'Almuerzo de ayer', 'Gym', 'Pantalones', 'Cerveza',
  'Pago desayuno', 'Patatas', 'Comida', 'Compra juego', 'Cena de ayer', 'Alquiler',
];

function pick<T>(xs: readonly T[], r: number): T {
  return xs[Math.floor(r * xs.length)]!;
}

/** `Nombre;Cantidad;Concepto` lines (amounts 1..500) and the distinct lower-cased names among them. */
export function bizumPayments(count: number, next: () => number): { text: string; names: string[] } {
  const lines: string[] = [];
  const names = new Set<string>();
  for (let i = 0; i < count; i++) {
    const person = pick(BIZUM_PEOPLE, next());
    const c = next();
    const name = c < 1 / 3 ? person.toUpperCase() : c < 2 / 3 ? person.toLowerCase() : person;
    names.add(person.toLowerCase());
    lines.push(`${name};${1 + Math.floor(next() * 500)};${pick(CONCEPTS, next())}`);
  }
  return { text: lines.join('\n') + '\n', names: [...names].sort() };
}

export function writeBizum(root: string, payments: number, fileCount: number, warmupPayments: number): BizumInput {
  const dir = freshDir(join(root, 'bizum'));
  const warmupDir = freshDir(join(root, 'bizum-warmup'));
  const next = prng(20240607);
  const count = Math.min(fileCount, payments);
  const files: string[] = [];
  const namesPerFile: string[][] = [];
  let bytes = 0;
  for (let f = 0; f < count; f++) {
    const n = Math.floor(payments / count) + (f < payments % count ? 1 : 0);
    const { text, names } = bizumPayments(n, next);
    const name = `part-${pad(f, 2)}.csv`;
    writeFileSync(join(dir, name), text);
    bytes += Buffer.byteLength(text);
    files.push(name);
    namesPerFile.push(names);
  }
  writeFileSync(join(warmupDir, 'part-00.csv'), bizumPayments(warmupPayments, prng(7)).text);
  orderMtimes(dir);
  orderMtimes(warmupDir);
  return { dir, warmupDir, files, bytes, rows: payments, namesPerFile };
}

/**
 * w6's output rows in update mode: each micro-batch (maxFilesPerTrigger files, in order) emits one row per
 * distinct lower-cased name it updated.
 */
export function expectedBizumUpdateRows(input: BizumInput, maxFilesPerTrigger: number): number {
  let rows = 0;
  for (let i = 0; i < input.namesPerFile.length; i += maxFilesPerTrigger) {
    rows += new Set(input.namesPerFile.slice(i, i + maxFilesPerTrigger).flat()).size;
  }
  return rows;
}

export interface SuiteInputs {
  readonly quijote?: QuijoteInput;
  readonly invoices?: InvoicesInput;
  readonly bizum?: BizumInput;
}

/** Writes the inputs the chosen workloads need under `root`. */
export function prepareInputs(root: string, sizes: InputSizes, need: { quijote: boolean; invoices: boolean; bizum: boolean }): SuiteInputs {
  mkdirSync(root, { recursive: true });
  return {
    ...(need.quijote ? { quijote: writeQuijote(root, sizes.quijoteCopies) } : {}),
    ...(need.invoices ? { invoices: writeInvoices(root, sizes.invoiceCopies, sizes.invoiceFiles) } : {}),
    ...(need.bizum ? { bizum: writeBizum(root, sizes.bizumPayments, sizes.bizumFiles, sizes.bizumWarmupPayments) } : {}),
  };
}
