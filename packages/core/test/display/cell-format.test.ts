import { describe, expect, it } from 'vitest';
import { formatCell } from '../../src/display/cell-format.ts';
import {
  BINARY, BOOLEAN, DATE, DOUBLE, INT, LONG, NULL_TYPE, STRING, TIMESTAMP,
  arrayOf, field, mapOf, structOf,
} from '../../src/types/data-type.ts';

const UTC = 'UTC';
const micros = (iso: string): number => Date.parse(iso) * 1000;

describe('formatCell', () => {
  it('renders scalars', () => {
    expect(formatCell(STRING, 'héllo', UTC)).toBe('héllo');
    expect(formatCell(BOOLEAN, true, UTC)).toBe('true');
    expect(formatCell(BOOLEAN, false, UTC)).toBe('false');
    expect(formatCell(INT, -42, UTC)).toBe('-42');
    expect(formatCell(LONG, 9007199254740991, UTC)).toBe('9007199254740991');
    expect(formatCell(LONG, 1e21, UTC)).toBe('1000000000000000000000');
    expect(formatCell(DOUBLE, 1, UTC)).toBe('1.0');
    expect(formatCell(DOUBLE, 1e7, UTC)).toBe('1.0E7');
    expect(formatCell(NULL_TYPE, null, UTC)).toBe('null');
    expect(formatCell(INT, null, UTC)).toBe('null');
  });

  it('renders timestamps with the fraction trimmed', () => {
    expect(formatCell(TIMESTAMP, micros('2024-01-01T12:00:00Z'), UTC)).toBe('2024-01-01 12:00:00');
    expect(formatCell(TIMESTAMP, micros('2024-01-01T12:00:00.5Z'), UTC)).toBe('2024-01-01 12:00:00.5');
    expect(formatCell(TIMESTAMP, micros('2024-01-01T12:00:00Z') + 1, UTC)).toBe('2024-01-01 12:00:00.000001');
    expect(formatCell(TIMESTAMP, micros('2024-01-01T12:00:00.12Z') + 30, UTC)).toBe('2024-01-01 12:00:00.12003');
    expect(formatCell(TIMESTAMP, -1, UTC)).toBe('1969-12-31 23:59:59.999999');
    expect(formatCell(TIMESTAMP, 0, UTC)).toBe('1970-01-01 00:00:00');
  });

  it('renders timestamps in other zones, across DST changes', () => {
    expect(formatCell(TIMESTAMP, micros('2024-01-01T12:00:00.25Z'), 'America/Los_Angeles')).toBe('2024-01-01 04:00:00.25');
    expect(formatCell(TIMESTAMP, micros('2024-07-01T12:00:00Z'), 'America/Los_Angeles')).toBe('2024-07-01 05:00:00');
    expect(formatCell(TIMESTAMP, micros('2024-01-01T00:00:00Z'), 'Asia/Kolkata')).toBe('2024-01-01 05:30:00');
    expect(formatCell(TIMESTAMP, micros('2024-01-01T00:00:00Z'), 'Etc/UTC')).toBe('2024-01-01 00:00:00');
  });

  it('renders dates', () => {
    expect(formatCell(DATE, 0, UTC)).toBe('1970-01-01');
    expect(formatCell(DATE, 19723, 'America/Los_Angeles')).toBe('2024-01-01');
    expect(formatCell(DATE, -1, UTC)).toBe('1969-12-31');
  });

  it('renders binary as upper-case hex', () => {
    expect(formatCell(BINARY, new Uint8Array([0x0a, 0xff, 0x00]), UTC)).toBe('[0A FF 00]');
    expect(formatCell(BINARY, new Uint8Array([]), UTC)).toBe('[]');
  });

  it('renders intervals', () => {
    expect(formatCell({ kind: 'interval' }, { months: 0, micros: 600_000_000 }, UTC)).toBe('10 minutes');
  });

  it('renders nested values with nulls inside', () => {
    expect(formatCell(arrayOf(INT), [1, null, 3], UTC)).toBe('[1, null, 3]');
    expect(formatCell(arrayOf(STRING), [], UTC)).toBe('[]');
    expect(formatCell(mapOf(STRING, DOUBLE), new Map<string, number | null>([['a', 1], ['b', null]]), UTC)).toBe('{a -> 1.0, b -> null}');
    const window = structOf([field('start', TIMESTAMP), field('end', TIMESTAMP)]);
    expect(formatCell(window, [micros('2024-01-01T12:00:00Z'), micros('2024-01-01T12:10:00Z')], UTC))
      .toBe('{2024-01-01 12:00:00, 2024-01-01 12:10:00}');
    const nested = structOf([field('a', INT), field('b', arrayOf(mapOf(STRING, BINARY))), field('c', STRING)]);
    expect(formatCell(nested, [null, [new Map([['k', new Uint8Array([1])]]), null], 'x'], UTC)).toBe('{null, [{k -> [01]}, null], x}');
  });
});
