import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { Options, StructType, parseTableSchema, valueAt, type ColumnBatch } from '@caudal/core';
import { isBlank, splitLines } from '../../src/file/content/split-lines.ts';
import { baseCsvParseOptions } from '../../src/file/csv/csv-line-records.ts';
import { parseCsvOptions, type CsvConfig } from '../../src/file/csv/csv-options.ts';
import { parseCsvFile } from '../../src/file/csv/csv-parse-file.ts';
import { forEachCsvRecord, type CsvToken } from '../../src/file/csv/csv-records.ts';
import { MalformedRecordError } from '../../src/file/malformed/malformed-record-error.ts';
import { asNullable } from '../../src/file/schema-nullable.ts';

// Lines without quotes are split by a scanner (and read straight into columns by parseCsvFile) instead of
// going through csv-parse. These tests hold both to what csv-parse and the token path give.

type Visited = { tokens: CsvToken[] | null; raw: string; line: number; error: string | undefined };

function visited(text: string, config: CsvConfig): Visited[] {
  const out: Visited[] = [];
  forEachCsvRecord(text, config, (tokens, raw, line, error) => out.push({ tokens: tokens && [...tokens], raw, line, error }));
  return out;
}

/** Independent reference: each kept line (blank and comment lines skipped) parsed alone by csv-parse. */
function perLineCsvParse(text: string, config: CsvConfig): Visited[] {
  const out: Visited[] = [];
  const options = { ...baseCsvParseOptions(config), record_delimiter: config.common.lineSep ?? '\n' };
  splitLines(text, config.common.lineSep).forEach((raw, i) => {
    if (isBlank(raw) || (config.comment !== undefined && raw.startsWith(config.comment))) return;
    try {
      const records = parse(raw, options) as CsvToken[][];
      if (records.length === 1) out.push({ tokens: records[0]!, raw, line: i + 1, error: undefined });
      else out.push({ tokens: null, raw, line: i + 1, error: 'the line holds more than one record' });
    } catch (e) {
      out.push({ tokens: null, raw, line: i + 1, error: (e as Error).message });
    }
  });
  return out;
}

const config = (options: Record<string, string> = {}): CsvConfig => parseCsvOptions(new Options(Object.entries(options)));

const schemaOf = (ddl: string): StructType => asNullable(parseTableSchema(ddl));

/** A parse as comparable data: the rows (-0 spelled out), the malformed records, or the FAILFAST message. */
function outcome(run: () => { batches: readonly ColumnBatch[]; malformed: readonly unknown[] }): unknown {
  try {
    const { batches, malformed } = run();
    const rows: unknown[][] = [];
    for (const b of batches) {
      for (let i = 0; i < b.numRows; i++) rows.push(b.columns.map((c) => { const v = valueAt(c, i); return Object.is(v, -0) ? '-0' : v; }));
    }
    return { rows, malformed };
  } catch (e) {
    if (!(e instanceof MalformedRecordError)) throw e;
    return { error: e.message };
  }
}

const bothPaths = (text: string, cfg: CsvConfig, schema: StructType): [unknown, unknown] => [
  outcome(() => parseCsvFile('/data/p.csv', text, cfg, schema, true)),
  outcome(() => parseCsvFile('/data/p.csv', text, cfg, schema, false)),
];

const TRICKY = [
  'a;1;x\r\nb;2;y\rc;3;z\n',
  'Ana;10;"con; punto y coma"\nLuis;;\n;;\n"";"";""\n',
  'a;1;x;\nb;2\nc;3;z;;\n',
  'x;-0;a\ny;+7;b\nz;007;c\nw; 5;d\nv;5 ;e\nu;2147483647;f\nt;2147483648;g\ns;-2147483648;h\nr;1e3;i\nq;٣;j\n',
  '  \n\t\n# not a comment without the option\nA;1;"a ""quoted"" b"\nB;2;a "stray" quote\nC;3;"unclosed\nD;4;d\n',
  'NA;NA;NA\nx;1;NA\n',
  'é;1;ü\n😀;2;\u2028\n',
  'only-one-field\n;\n;;;\n',
  'a;1;x',
  '',
  '\n\n',
];

describe('CSV lines without quotes', () => {
  it.each([
    [{ sep: ';' }],
    [{ sep: ';', nullValue: 'NA' }],
    [{ sep: ';', comment: '#' }],
    [{ sep: ';', quote: '\u0000' }],
    [{ sep: ';', escape: '"' }],
    [{ sep: ';', lineSep: '\r\n' }],
    [{ sep: ';', lineSep: '\n' }],
    [{ sep: '||' }],
    [{ sep: ';', ignoreLeadingWhiteSpace: 'true', ignoreTrailingWhiteSpace: 'true' }],
  ])('split as csv-parse splits them, with %j', (options) => {
    const cfg = config(options);
    for (const text of TRICKY) {
      const t = options.sep === '||' ? text.replaceAll(';', '||') : text;
      expect(visited(t, cfg)).toEqual(perLineCsvParse(t, cfg));
    }
  });

  it('give the exact tokens, lines and raw text (CRLF, CR, trailing separators, empty fields)', () => {
    expect(visited('a;1;x\r\n\r\nb;;\rc;3;z;\n', config({ sep: ';' }))).toEqual([
      { tokens: ['a', '1', 'x'], raw: 'a;1;x', line: 1, error: undefined },
      { tokens: ['b', '', ''], raw: 'b;;', line: 3, error: undefined },
      { tokens: ['c', '3', 'z', ''], raw: 'c;3;z;', line: 4, error: undefined },
    ]);
    // With a nullValue, an unquoted empty field is a null token; a quoted one stays empty.
    expect(visited('b;;""\n', config({ sep: ';', nullValue: 'NA' }))).toEqual([
      { tokens: ['b', null, ''], raw: 'b;;""', line: 1, error: undefined },
    ]);
  });

  it.each(['PERMISSIVE', 'DROPMALFORMED', 'FAILFAST'])('read into columns as the token path reads them, in %s mode', (mode) => {
    const schemas = [
      'Nombre STRING, Cantidad INT, Concepto STRING',
      'Nombre STRING, Cantidad INT, Concepto STRING, _corrupt_record STRING',
      'a STRING, b LONG, c DOUBLE',
      'a BOOLEAN, b DATE, c TIMESTAMP',
      'a INT',
    ];
    for (const ddl of schemas) {
      for (const options of [{ sep: ';', mode }, { sep: ';', mode, nullValue: 'NA' }, { sep: ';', mode, header: 'true' }]) {
        for (const text of TRICKY) {
          const [direct, tokens] = bothPaths(text, config(options), schemaOf(ddl));
          expect(direct).toEqual(tokens);
        }
      }
    }
  });

  it('read a bizum-like file exactly: malformed rows kept, dropped or failing per mode', () => {
    const text = 'Rosa Garcia;279;Almuerzo\nrosa lopez;;Camiseta\nJUAN;abc;Pago\nDiego;12\n"Ana; B";7;Cine\nEva;3000000000;x\n';
    const ddl = 'Nombre STRING, Cantidad INT, Concepto STRING, _corrupt_record STRING';
    expect(outcome(() => parseCsvFile('/d/b.csv', text, config({ sep: ';' }), schemaOf(ddl)))).toEqual({
      rows: [
        ['Rosa Garcia', 279, 'Almuerzo', null],
        ['rosa lopez', null, 'Camiseta', null],
        ['JUAN', null, 'Pago', 'JUAN;abc;Pago'],
        ['Diego', 12, null, 'Diego;12'],
        ['Ana; B', 7, 'Cine', null],
        ['Eva', null, 'x', 'Eva;3000000000;x'],
      ],
      malformed: [
        { path: '/d/b.csv', line: 3, reason: 'cannot parse field \'Cantidad\' value "abc" as int' },
        { path: '/d/b.csv', line: 4, reason: 'expected 3 fields but found 2' },
        { path: '/d/b.csv', line: 6, reason: 'cannot parse field \'Cantidad\' value "3000000000" as int' },
      ],
    });
    const drop = outcome(() => parseCsvFile('/d/b.csv', text, config({ sep: ';', mode: 'DROPMALFORMED' }), schemaOf(ddl))) as { rows: unknown[][] };
    expect(drop.rows).toEqual([['Rosa Garcia', 279, 'Almuerzo', null], ['rosa lopez', null, 'Camiseta', null], ['Ana; B', 7, 'Cine', null]]);
    expect(outcome(() => parseCsvFile('/d/b.csv', text, config({ sep: ';', mode: 'FAILFAST' }), schemaOf(ddl)))).toEqual({
      error: 'Malformed records are detected in record parsing. Parse Mode: FAILFAST. File /d/b.csv, line 3: cannot parse field \'Cantidad\' value "abc" as int',
    });
  });

  it('agree with csv-parse and the token path on seeded random inputs', () => {
    let seed = 20261122;
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const pick = <T>(xs: readonly T[]): T => xs[next(xs.length)]!;
    const alphabet = ['a', 'Z', '1', '0', '-', '+', ';', ';', ',', '"', '\\', ' ', '\n', '\n', '\r', '#', 'é', '|', 'N', 'A', '\t', '.', '😀'];
    const ddls = ['a STRING, b INT, c STRING', 'a INT', 'a LONG, b DOUBLE', 'a STRING, b INT, c STRING, _corrupt_record STRING', 'a BOOLEAN, b STRING'];
    for (let iter = 0; iter < 1500; iter++) {
      let text = '';
      for (let i = next(50); i > 0; i--) text += pick(alphabet);
      const options: Record<string, string> = { sep: pick([';', ',', '||']), mode: pick(['PERMISSIVE', 'DROPMALFORMED', 'FAILFAST']) };
      if (next(3) === 0) options['nullValue'] = pick(['NA', '1', 'a']);
      if (next(4) === 0) options['comment'] = '#';
      if (next(4) === 0) options['quote'] = pick(['\u0000', "'"]);
      if (next(4) === 0) options['lineSep'] = pick(['|', '\n', '\r\n', ';']);
      if (next(4) === 0) options['header'] = 'true';
      const cfg = config(options);
      expect(visited(text, cfg)).toEqual(perLineCsvParse(text, cfg));
      const [direct, tokens] = bothPaths(text, cfg, schemaOf(pick(ddls)));
      expect(direct).toEqual(tokens);
    }
  });
});
