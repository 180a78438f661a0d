import { afterAll, describe, expect, it } from 'vitest';
import {
  AnalysisError, LONG, ManualClock, MemoryStream, Session, StructType, col, current_date, current_timestamp, date_add,
  date_format, date_sub, datediff, dayofmonth, dayofweek, dayofyear, from_unixtime, hour, lit, minute, month, quarter,
  second, to_date, to_timestamp, unix_timestamp, year,
} from 'caudal';
import { checkCase, errorOf, titled, valuesOf, type FunctionCase } from './helpers/function-cases.ts';

const NOW = Date.parse('2024-01-01T03:00:00Z');
const sessions: Session[] = [];
afterAll(async () => { for (const s of sessions) await s.stop(); });

function sessionIn(timeZone: string): Session {
  const s = Session.builder().clock(new ManualClock(NOW)).config('spark.sql.session.timeZone', timeZone).create();
  sessions.push(s);
  return s;
}

const utc = sessionIn('UTC');
const df = utc.createDataFrame([
  { ts: new Date('2024-02-29T13:45:30.123Z'), d: '2024-02-29', s: '2024-02-29 13:45:30', secs: 1709214330 },
  { ts: new Date('1969-12-31T23:59:59.999Z'), d: '1969-12-31', s: '31/12/1969 23:59', secs: -1 },
  { ts: null, d: null, s: null, secs: null },
  { ts: new Date('2000-01-01T00:00:00Z'), d: '2000-01-01', s: 'garbage', secs: 0 },
], 'ts TIMESTAMP, d DATE, s STRING, secs LONG');

const day = (text: string): Date => new Date(`${text}T00:00:00Z`);

const cases: FunctionCase[] = [
  { column: year('ts'), sql: 'year(ts)', expected: [2024, 1969, null, 2000], name: 'year(ts)' },
  { column: month('ts'), sql: 'month(ts)', expected: [2, 12, null, 1] },
  { column: dayofmonth('d'), sql: 'dayofmonth(d)', expected: [29, 31, null, 1] },
  { column: hour('ts'), sql: 'hour(ts)', expected: [13, 23, null, 0] },
  { column: minute('ts'), sql: 'minute(ts)', expected: [45, 59, null, 0] },
  { column: second('ts'), sql: 'second(ts)', expected: [30, 59, null, 0] },
  { column: year('s'), sql: 'year(s)', expected: [2024, null, null, null] },
  { column: hour('s'), sql: 'hour(s)', expected: [13, null, null, null] },
  { column: dayofweek('d'), sql: 'dayofweek(d)', expected: [5, 4, null, 7] },
  { column: dayofyear('d'), sql: 'dayofyear(d)', expected: [60, 365, null, 1] },
  { column: quarter('ts'), sql: 'quarter(ts)', expected: [1, 4, null, 1] },
  {
    column: date_format('ts', 'yyyy-MM-dd HH:mm:ss.SSS'), sql: "date_format(ts, 'yyyy-MM-dd HH:mm:ss.SSS')", name: 'date_format(ts, yyyy-MM-dd HH:mm:ss.SSS)',
    expected: ['2024-02-29 13:45:30.123', '1969-12-31 23:59:59.999', null, '2000-01-01 00:00:00.000'],
  },
  {
    column: date_format('ts', 'EEE, d MMM yyyy h:mm a'), sql: "date_format(ts, 'EEE, d MMM yyyy h:mm a')",
    expected: ['Thu, 29 Feb 2024 1:45 PM', 'Wed, 31 Dec 1969 11:59 PM', null, 'Sat, 1 Jan 2000 12:00 AM'],
  },
  {
    column: date_format('ts', "EEEE, MMMM dd ''yy 'Q'Q DDD"), sql: `date_format(ts, "EEEE, MMMM dd ''yy 'Q'Q DDD")`,
    expected: ["Thursday, February 29 '24 Q1 060", "Wednesday, December 31 '69 Q4 365", null, "Saturday, January 01 '00 Q1 001"],
  },
  {
    column: date_format('ts', "yyyy-MM-dd'T'HH:mm:ssXXX"), sql: `date_format(ts, "yyyy-MM-dd'T'HH:mm:ssXXX")`,
    expected: ['2024-02-29T13:45:30Z', '1969-12-31T23:59:59Z', null, '2000-01-01T00:00:00Z'],
  },
  { column: date_format('d', 'dd.MM.yy'), sql: "date_format(d, 'dd.MM.yy')", expected: ['29.02.24', '31.12.69', null, '01.01.00'] },
  { column: date_format('s', 'HH:mm'), sql: "date_format(s, 'HH:mm')", expected: ['13:45', null, null, null] },
  { column: to_timestamp('s'), sql: 'to_timestamp(s)', expected: [new Date('2024-02-29T13:45:30Z'), null, null, null], name: 'to_timestamp(s)' },
  { column: to_timestamp('s', 'dd/MM/yyyy HH:mm'), sql: "to_timestamp(s, 'dd/MM/yyyy HH:mm')", expected: [null, new Date('1969-12-31T23:59:00Z'), null, null] },
  { column: to_timestamp('d'), sql: 'to_timestamp(d)', expected: [day('2024-02-29'), day('1969-12-31'), null, day('2000-01-01')] },
  { column: to_date('s'), sql: 'to_date(s)', expected: [day('2024-02-29'), null, null, null], name: 'to_date(s)' },
  { column: to_date('s', 'dd/MM/yyyy HH:mm'), sql: "to_date(s, 'dd/MM/yyyy HH:mm')", expected: [null, day('1969-12-31'), null, null] },
  { column: to_date('ts'), sql: 'to_date(ts)', expected: [day('2024-02-29'), day('1969-12-31'), null, day('2000-01-01')] },
  { column: unix_timestamp('s'), sql: 'unix_timestamp(s)', expected: [1709214330, null, null, null], name: 'unix_timestamp(s, yyyy-MM-dd HH:mm:ss)' },
  { column: unix_timestamp('ts'), sql: 'unix_timestamp(ts)', expected: [1709214330, -1, null, 946684800] },
  { column: unix_timestamp('d'), sql: 'unix_timestamp(d)', expected: [1709164800, -86400, null, 946684800] },
  { column: unix_timestamp('s', 'dd/MM/yyyy HH:mm'), sql: "unix_timestamp(s, 'dd/MM/yyyy HH:mm')", expected: [null, -60, null, null] },
  {
    column: from_unixtime('secs'), sql: 'from_unixtime(secs)', name: 'from_unixtime(secs, yyyy-MM-dd HH:mm:ss)',
    expected: ['2024-02-29 13:45:30', '1969-12-31 23:59:59', null, '1970-01-01 00:00:00'],
  },
  { column: from_unixtime('secs', 'MMM d, yyyy'), sql: "from_unixtime(secs, 'MMM d, yyyy')", expected: ['Feb 29, 2024', 'Dec 31, 1969', null, 'Jan 1, 1970'] },
  { column: date_add('d', 1), sql: 'date_add(d, 1)', expected: [day('2024-03-01'), day('1970-01-01'), null, day('2000-01-02')], name: 'date_add(d, 1)' },
  { column: date_sub('d', 365), sql: 'date_sub(d, 365)', expected: [day('2023-03-01'), day('1968-12-31'), null, day('1999-01-01')] },
  { column: date_add('s', 1), sql: 'date_add(s, 1)', expected: [day('2024-03-01'), null, null, null] },
  { column: date_sub('d', -1), sql: 'date_sub(d, -1)', expected: [day('2024-03-01'), day('1970-01-01'), null, day('2000-01-02')] },
  { column: date_add('d', month('d')), sql: 'date_add(d, month(d))', expected: [day('2024-03-02'), day('1970-01-12'), null, day('2000-01-02')] },
  { column: datediff('d', lit('2000-01-01')), sql: "datediff(d, '2000-01-01')", expected: [8825, -10958, null, 0], name: 'datediff(d, 2000-01-01)' },
  { column: datediff('ts', 'd'), sql: 'datediff(ts, d)', expected: [0, 0, null, 0] },
];

describe('date and time functions (UTC session)', () => {
  it.each(titled(cases))('%s', async (_title, c) => {
    await checkCase(df, c);
  });

  it('parses with Java datetime patterns: strict, case-insensitive, optional sections, adjacent fields', async () => {
    const table: [string, string, Date | null][] = [
      ['2024-01-05 7:08:09 PM', 'yyyy-MM-dd h:mm:ss a', new Date('2024-01-05T19:08:09Z')],
      ['20240105', 'yyyyMMdd', new Date('2024-01-05T00:00:00Z')],
      ['2024-02-30', 'yyyy-MM-dd', null],
      ['2024-01-05 25:00', 'yyyy-MM-dd HH:mm', null],
      ['2024-01-05 10:00:00.5', 'yyyy-MM-dd HH:mm:ss.SSS', new Date('2024-01-05T10:00:00.500Z')],
      ['2024-01-05T10:00:00+0530', "yyyy-MM-dd'T'HH:mm:ssZ", new Date('2024-01-05T04:30:00Z')],
      ['2024-01-05T10:00:00Z', "yyyy-MM-dd'T'HH:mm:ssXXX", new Date('2024-01-05T10:00:00Z')],
      ['05 jan 2024', 'dd MMM yyyy', new Date('2024-01-05T00:00:00Z')],
      ['Friday 5 January 2024', 'EEEE d MMMM yyyy', new Date('2024-01-05T00:00:00Z')],
      ['Monday 5 January 2024', 'EEEE d MMMM yyyy', null],
      ['2024-01-05 10:00', 'yyyy-MM-dd HH:mm[:ss]', new Date('2024-01-05T10:00:00Z')],
      ['2024-01-05 10:00:30', 'yyyy-MM-dd HH:mm[:ss]', new Date('2024-01-05T10:00:30Z')],
      ['2024-01-05 extra', 'yyyy-MM-dd', null],
      ['24-01-05', 'yy-MM-dd', new Date('2024-01-05T00:00:00Z')],
      ['2024-1-5', 'yyyy-M-d', new Date('2024-01-05T00:00:00Z')],
      ['2024-1-5', 'yyyy-MM-dd', null],
      ['2024-01-05 America/New_York 10:00', 'yyyy-MM-dd VV HH:mm', new Date('2024-01-05T15:00:00Z')],
      ['2024-032', 'yyyy-DDD', new Date('2024-02-01T00:00:00Z')],
    ];
    const texts = utc.createDataFrame(table.map(([s, p]) => ({ s, p })), 's STRING, p STRING');
    expect(await valuesOf(texts, 'to_timestamp(s, p)')).toEqual(table.map(([, , want]) => want));
    for (const [s, p, want] of table) {
      expect(await valuesOf(utc.createDataFrame([{ s }], 's STRING'), to_timestamp('s', p))).toEqual([want]);
    }
  });

  it('formats every supported pattern letter', async () => {
    const one = utc.createDataFrame([{ ts: new Date('2024-07-04T00:05:06.789Z') }], 'ts TIMESTAMP');
    const table: [string, string][] = [
      ['G yyyy', 'AD 2024'], ['y yy yyy yyyyy', '2024 24 2024 02024'], ['M MM MMM MMMM', '7 07 Jul July'],
      ['d dd D DD DDD', '4 04 186 186 186'], ['Q QQ QQQ QQQQ', '3 03 Q3 3rd quarter'], ['E EEEE', 'Thu Thursday'],
      ['a h hh K k kk H HH', 'AM 12 12 0 24 24 0 00'], ['m mm s ss', '5 05 6 06'], ['S SS SSS SSSSSS SSSSSSSSS', '7 78 789 789000 789000000'],
      ['VV z zzzz', 'UTC UTC Coordinated Universal Time'], ['O OOOO', 'GMT GMT'], ['X XX XXX', 'Z Z Z'], ['x xx xxx Z ZZZZ ZZZZZ', '+00 +0000 +00:00 +0000 GMT Z'],
      ["'literal' ''", "literal '"],
    ];
    for (const [pattern, want] of table) expect(await valuesOf(one, date_format('ts', pattern))).toEqual([want]);
  });

  it('takes current_timestamp, current_date and unix_timestamp() from the session clock', async () => {
    const one = utc.createDataFrame([{ n: 1 }], 'n LONG');
    const rows = await one.select(current_timestamp(), current_date(), unix_timestamp()).collect();
    expect(rows).toEqual([{ 'current_timestamp()': new Date(NOW), 'current_date()': day('2024-01-01'), 'unix_timestamp()': NOW / 1000 }]);
    expect(await valuesOf(one, 'current_timestamp')).toEqual([new Date(NOW)]);
    expect(await valuesOf(one, 'now()')).toEqual([new Date(NOW)]);
    expect(await valuesOf(one, 'current_date()')).toEqual([day('2024-01-01')]);
    expect(await valuesOf(one, 'unix_timestamp()')).toEqual([NOW / 1000]);
  });

  it('rejects invalid and week-based patterns before running', async () => {
    const err = await errorOf(() => df.select(date_format('ts', 'yyyy-ww')));
    expect(err).toBeInstanceOf(AnalysisError);
    expect(err.message).toBe("Invalid datetime pattern 'yyyy-ww': All week-based patterns are unsupported since Spark 3.0, detected: w, Please use the SQL function EXTRACT instead");
    expect((await errorOf(() => df.selectExpr("to_timestamp(s, 'yyyy-bb')"))).message).toBe("Invalid datetime pattern 'yyyy-bb': Unknown pattern letter: b");
    expect((await errorOf(() => df.selectExpr("date_format(ts, 'ddd')"))).message).toBe("Invalid datetime pattern 'ddd': Too many pattern letters: d");
    expect((await errorOf(() => df.selectExpr("date_format(ts, 'yyyy''')"))).message).toBe("Invalid datetime pattern 'yyyy'': Pattern ends with an incomplete string literal: yyyy'");
  });

  it('checks arity and argument types', async () => {
    expect((await errorOf(() => df.selectExpr('year(ts, d)'))).message).toBe("Function year takes 1 argument, but 2 were given in 'year(ts, d)'");
    expect((await errorOf(() => df.selectExpr('year(array(1))'))).message)
      .toBe("Cannot resolve 'year(array(1))' due to data type mismatch: argument 1 of year requires date, but got array<int>");
    expect((await errorOf(() => df.selectExpr('hour(secs)'))).message)
      .toBe("Cannot resolve 'hour(secs)' due to data type mismatch: argument 1 of hour requires timestamp, but got bigint");
    expect((await errorOf(() => df.selectExpr('date_add(d, 1.5)'))).message)
      .toBe("Cannot resolve 'date_add(d, 1.5)' due to data type mismatch: argument 2 of date_add requires (int or smallint or tinyint), but got double");
    expect((await errorOf(() => df.select(date_add('d', 'secs')))).message)
      .toBe("Cannot resolve 'date_add(d, secs)' due to data type mismatch: argument 2 of date_add requires (int or smallint or tinyint), but got bigint");
    expect((await errorOf(() => df.selectExpr('current_date(1)'))).message).toBe("Function current_date takes 0 arguments, but 1 were given in 'current_date(1)'");
  });
});

describe('date and time functions in other session time zones', () => {
  const ny = sessionIn('America/New_York');
  const nyDf = ny.createDataFrame([
    { ts: new Date('2024-02-29T13:45:30Z') },
    { ts: new Date('2024-07-01T12:00:00Z') },
    { ts: new Date('2024-01-01T03:00:00Z') },
  ], 'ts TIMESTAMP');

  it('reads fields and formats in the session zone, daylight saving time included', async () => {
    expect(await valuesOf(nyDf, hour('ts'))).toEqual([8, 8, 22]);
    expect(await valuesOf(nyDf, 'dayofmonth(ts)')).toEqual([29, 1, 31]);
    expect(await valuesOf(nyDf, year('ts'))).toEqual([2024, 2024, 2023]);
    expect(await valuesOf(nyDf, to_date('ts'))).toEqual([day('2024-02-29'), day('2024-07-01'), day('2023-12-31')]);
    expect(await valuesOf(nyDf, date_format('ts', 'yyyy-MM-dd HH:mm:ss XXX z VV')))
      .toEqual(['2024-02-29 08:45:30 -05:00 EST America/New_York', '2024-07-01 08:00:00 -04:00 EDT America/New_York', '2023-12-31 22:00:00 -05:00 EST America/New_York']);
    expect(await valuesOf(nyDf, from_unixtime(unix_timestamp('ts')))).toEqual(['2024-02-29 08:45:30', '2024-07-01 08:00:00', '2023-12-31 22:00:00']);
  });

  it('parses local times in the session zone, resolving gaps and overlaps as java.time', async () => {
    const texts = ny.createDataFrame([
      { s: '2024-03-10 02:30:00' }, // in the spring-forward gap: moves to 03:30 EDT
      { s: '2024-11-03 01:30:00' }, // in the fall-back overlap: the earlier offset (EDT)
      { s: '2024-01-15 12:00:00' },
    ], 's STRING');
    expect(await valuesOf(texts, to_timestamp('s', 'yyyy-MM-dd HH:mm:ss')))
      .toEqual([new Date('2024-03-10T07:30:00Z'), new Date('2024-11-03T05:30:00Z'), new Date('2024-01-15T17:00:00Z')]);
    expect(await valuesOf(texts, unix_timestamp('s'))).toEqual([1710055800, 1730611800, 1705338000]);
    expect(await valuesOf(texts, "to_timestamp('2024-01-05T10:00:00+05:30', \"yyyy-MM-dd'T'HH:mm:ssXXX\")"))
      .toEqual([new Date('2024-01-05T04:30:00Z'), new Date('2024-01-05T04:30:00Z'), new Date('2024-01-05T04:30:00Z')]);
  });

  it('takes current_date in the session zone', async () => {
    const rows = await nyDf.limit(1).select(current_timestamp().alias('t'), current_date().alias('d')).collect();
    expect(rows).toEqual([{ t: new Date(NOW), d: day('2023-12-31') }]);
    expect(await nyDf.limit(1).selectExpr('current_date AS d').collect()).toEqual([{ d: day('2023-12-31') }]);
  });

  it('handles zones with half-hour offsets', async () => {
    const kolkata = sessionIn('Asia/Kolkata');
    const one = kolkata.createDataFrame([{ ts: new Date('2024-02-29T13:45:30Z') }], 'ts TIMESTAMP');
    expect(await valuesOf(one, hour('ts'))).toEqual([19]);
    expect(await valuesOf(one, minute('ts'))).toEqual([15]);
    expect(await valuesOf(one, date_format('ts', 'HH:mm xxx O'))).toEqual(['19:15 +05:30 GMT+5:30']);
  });
});

describe('current_timestamp in a streaming query', () => {
  it('is the batch timestamp: one value per batch, taken from the clock when the batch is planned', async () => {
    const clock = new ManualClock(NOW);
    const session = Session.builder().clock(clock).config('spark.sql.session.timeZone', 'UTC').create();
    sessions.push(session);
    const stream = new MemoryStream(session, new StructType().add('n', LONG));
    const q = await stream.toDF().select(col('n'), current_timestamp().alias('t')).writeStream
      .format('memory').queryName('batch_times').outputMode('append').start();
    stream.addData([{ n: 1 }, { n: 2 }]);
    await q.processAllAvailable();
    clock.advance(60_000);
    stream.addData([{ n: 3 }]);
    await q.processAllAvailable();
    await q.stop();
    const rows = await session.table('batch_times').orderBy('n').collect();
    expect(rows).toEqual([
      { n: 1, t: new Date(NOW) }, { n: 2, t: new Date(NOW) }, { n: 3, t: new Date(NOW + 60_000) },
    ]);
  });
});
