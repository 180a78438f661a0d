import { describe, expect, it } from 'vitest';
import { lookupSource, type SourceOptionsFor } from '@caudal/core';
import { csvProvider, jsonProvider, registerBuiltinSources, textProvider } from '../../src/index.ts';

describe('registerBuiltinSources (file formats)', () => {
  it('registers json, csv and text for batch reads', () => {
    registerBuiltinSources();
    expect(lookupSource('JSON')).toBe(jsonProvider);
    expect(lookupSource('csv')).toBe(csvProvider);
    expect(lookupSource('Text')).toBe(textProvider);
    for (const p of [jsonProvider, csvProvider, textProvider]) {
      expect(typeof p.batchSchema).toBe('function');
      expect(typeof p.createBatchSource).toBe('function');
    }
  });

  it('types the options of each format (checked by tsc)', () => {
    const json: SourceOptionsFor<'json'> = { multiLine: true, mode: 'FAILFAST', timestampFormat: 'yyyy-MM-dd HH:mm' };
    const csv: SourceOptionsFor<'csv'> = { sep: ';', header: true, inferSchema: true, nullValue: 'NA' };
    const text: SourceOptionsFor<'text'> = { wholetext: true, lineSep: '\n' };
    // @ts-expect-error header is a boolean
    const wrong: SourceOptionsFor<'csv'> = { header: 3 };
    expect([json, csv, text, wrong]).toHaveLength(4);
  });
});
