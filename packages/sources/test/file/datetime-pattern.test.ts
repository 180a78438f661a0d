import { describe, expect, it } from 'vitest';
import { OptionError } from '@caudal/core';
import { dateParser, timestampParser } from '../../src/file/datetime/datetime-parsers.ts';

const utc = (iso: string): number => Date.parse(iso) * 1000;
const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('timestamp parsing without a format (Spark\'s lenient ISO-8601)', () => {
  const parse = timestampParser(undefined, 'UTC');
  it.each([
    ['2024-03-01', '2024-03-01T00:00:00Z'],
    ['2024-3-1', '2024-03-01T00:00:00Z'],
    ['2024-03', '2024-03-01T00:00:00Z'],
    ['2024', '2024-01-01T00:00:00Z'],
    ['2024-03-01 10:20', '2024-03-01T10:20:00Z'],
    ['2024-03-01T10:20:30.123456', '2024-03-01T10:20:30.123Z'],
    ['  2024-03-01 10:20:30  ', '2024-03-01T10:20:30Z'],
    ['2024-03-01T10:20:30Z', '2024-03-01T10:20:30Z'],
    ['2024-03-01T10:20:30+02:00', '2024-03-01T08:20:30Z'],
    ['2024-03-01T10:20:30-0530', '2024-03-01T15:50:30Z'],
    ['2024-03-01 10:20:30 UTC', '2024-03-01T10:20:30Z'],
    ['2024-03-01 10:20:30 Europe/Madrid', '2024-03-01T09:20:30Z'],
  ])('%s', (text, iso) => {
    expect(parse(text)).toBe(utc(iso) + (text.includes('.123456') ? 456 : 0));
  });

  it.each(['', 'x', '2024-13-01', '2024-02-30', '2024-03-01 25:00', '10:20:30', '2024-03-01 10:20:30 Mars/Base'])('rejects %j', (text) => {
    expect(parse(text)).toBeNull();
  });

  it('reads a text without a zone in the given zone, across daylight-saving changes', () => {
    const madrid = timestampParser(undefined, 'Europe/Madrid');
    expect(madrid('2024-01-15 12:00:00')).toBe(utc('2024-01-15T11:00:00Z'));
    expect(madrid('2024-07-15 12:00:00')).toBe(utc('2024-07-15T10:00:00Z'));
  });
});

describe('timestamp patterns', () => {
  it.each([
    ['dd/MM/yyyy HH:mm:ss', '05/11/2023 07:08:09', '2023-11-05T07:08:09Z'],
    ['d/M/yy h:mm a', '5/11/23 7:08 PM', '2023-11-05T19:08:00Z'],
    ['d/M/yy h:mm a', '5/11/23 12:08 am', '2023-11-05T00:08:00Z'],
    ['yyyyMMddHHmmss', '20231105070809', '2023-11-05T07:08:09Z'],
    ["yyyy-MM-dd'T'HH:mm:ss.SSSXXX", '2023-11-05T07:08:09.5+01:00', '2023-11-05T06:08:09.500Z'],
    ['yyyy-MM-dd HH:mm:ss Z', '2023-11-05 07:08:09 -0200', '2023-11-05T09:08:09Z'],
    ['yyyy-MM-dd HH:mm:ss VV', '2023-11-05 07:08:09 America/New_York', '2023-11-05T12:08:09Z'],
    ['EEE, dd MMM yyyy HH:mm:ss', 'Sun, 05 Nov 2023 07:08:09', '2023-11-05T07:08:09Z'],
    ['MMMM d, yyyy', 'november 5, 2023', '2023-11-05T00:00:00Z'],
    ['yyyy-MM-dd[ HH:mm]', '2023-11-05', '2023-11-05T00:00:00Z'],
    ['yyyy-MM-dd[ HH:mm]', '2023-11-05 07:08', '2023-11-05T07:08:00Z'],
    ["yyyy-DDD 'day'", '2024-060 day', '2024-02-29T00:00:00Z'],
  ])('%s reads %j', (pattern, text, iso) => {
    expect(timestampParser(pattern, 'UTC')(text)).toBe(utc(iso));
  });

  it.each([
    ['dd/MM/yyyy', '5/11/2023'],
    ['dd/MM/yyyy', '05/11/2023 extra'],
    ['dd/MM/yyyy', '31/11/2023'],
    ['yyyy-MM-dd HH:mm', '2023-11-05 24:00'],
  ])('%s rejects %j', (pattern, text) => {
    expect(timestampParser(pattern, 'UTC')(text)).toBeNull();
  });

  it('rejects patterns it cannot read when the options are checked', () => {
    expect(() => timestampParser('yyyy-ww', 'UTC')).toThrow(OptionError);
    expect(() => timestampParser("yyyy-MM-dd'T", 'UTC')).toThrow("Invalid datetime pattern 'yyyy-MM-dd'T' for option 'timestampFormat': unclosed quote");
    expect(() => dateParser('dddd')).toThrow("Invalid datetime pattern 'dddd' for option 'dateFormat': too many pattern letters: dddd");
  });
});

describe('date parsing', () => {
  it('without a format accepts yyyy, yyyy-M and yyyy-M-d with anything after a space or T', () => {
    const parse = dateParser(undefined);
    expect(parse('2024-02-29')).toBe(day('2024-02-29'));
    expect(parse('2024-2')).toBe(day('2024-02-01'));
    expect(parse('2024')).toBe(day('2024-01-01'));
    expect(parse('2024-02-29T23:59:59Z')).toBe(day('2024-02-29'));
    expect(parse('1969-12-31')).toBe(-1);
    expect(parse('2023-02-29')).toBeNull();
    expect(parse('29/02/2024')).toBeNull();
  });

  it('with a format reads only the date fields', () => {
    expect(dateParser('dd.MM.yyyy')('29.02.2024')).toBe(day('2024-02-29'));
    expect(dateParser('yyyy-MM-dd HH:mm')('2024-02-29 23:59')).toBe(day('2024-02-29'));
    expect(dateParser('dd.MM.yyyy')('2024-02-29')).toBeNull();
  });
});
