import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { col, lower, max } from '@caudal/core';
import { fileSession, sharedData } from './support/file-fixtures.ts';

const BIZUMS = sharedData('bizums');
const spark = fileSession();
afterAll(() => spark.stop());

/** The facts in shared/data/README.md: the largest payment per person, names lower-cased. */
const LARGEST = [
  ['ana', 300], ['elena', 23], ['isabel', 45], ['jorge', 20], ['jose', 8], ['juan', 50], ['maria', 3000],
  ['pablo', 34], ['pedro', 12], ['pepe', 90], ['ramon', 94], ['rosa', 200], ['ruben', 56],
];

function bizums() {
  return spark.read.schema('Nombre STRING, Cantidad INT, Concepto STRING').option('sep', ';').csv(BIZUMS);
}

describe('the bizum files (`;`-separated, no header, CRLF, no final newline)', () => {
  it('reads 23 payments equal to splitting the files by hand', async () => {
    const rows = await bizums().collect();
    expect(rows).toHaveLength(23);
    const expected: string[] = [];
    for (const name of readdirSync(BIZUMS)) {
      const text = readFileSync(join(BIZUMS, name), 'utf8');
      expect(text.endsWith('\n')).toBe(false);
      for (const line of text.split('\r\n')) {
        const [n, c, concept] = line.split(';');
        expected.push(JSON.stringify([n, Number(c), concept]));
      }
    }
    expect(rows.map((r) => JSON.stringify([r.Nombre, r.Cantidad, r.Concepto])).sort()).toEqual(expected.sort());
  });

  it('gives the largest payment per lower-cased name', async () => {
    const df = bizums().groupBy(lower(col('Nombre')).alias('nombre')).agg(max('Cantidad'));
    expect(df.columns).toEqual(['nombre', 'max(Cantidad)']);
    const rows = await df.collect();
    expect(rows.map((r) => [r.nombre, r['max(Cantidad)']]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual(LARGEST);
  });

  it('shows Spark\'s default column names without a schema', async () => {
    const df = spark.read.option('sep', ';').csv(BIZUMS);
    expect(df.schema.simpleString()).toBe('struct<_c0:string,_c1:string,_c2:string>');
    const inferred = spark.read.options({ sep: ';', inferSchema: true }).csv(BIZUMS);
    expect(inferred.schema.simpleString()).toBe('struct<_c0:string,_c1:int,_c2:string>');
    expect(await inferred.count()).toBe(23);
  });
});
