import { afterEach, describe, expect, it } from 'vitest';
import { LONG, MemoryStream, STRING, Session, StructType, TIMESTAMP, col, count, explode, split, sum, window } from 'caudal';

// explainString(true): parsed plan, analysed plan (typed columns), physical plan with stateful operator
// ids, rows in state and the current watermark (golden text).

const schema = new StructType().add('word', STRING).add('n', LONG).add('ts', TIMESTAMP);
let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; });

const LOGICAL = [
  '== Parsed Logical Plan ==',
  'Aggregate [__time_window, word], [count(1), sum(n)] (stateful)',
  '+- TimeWindow ts, 10000 ms, 10000 ms, 0 ms',
  '   +- Filter (n > CAST(0 AS LONG))',
  '      +- EventTimeWatermark ts, 10000 ms',
  '         +- StreamingRelation memory-stream [word, n, ts]',
  '',
  '== Analyzed Logical Plan ==',
  'window: struct<start:timestamp,end:timestamp>, word: string, c: bigint, total: bigint',
  'Aggregate [__time_window#struct<start:timestamp,end:timestamp>, word#string], [count(1)#bigint, sum(n)#bigint] (stateful)',
  '+- TimeWindow ts#timestamp, 10000 ms, 10000 ms, 0 ms',
  '   +- Filter (n#bigint > CAST(0 AS LONG))',
  '      +- EventTimeWatermark ts#timestamp, 10000 ms',
  '         +- StreamingRelation memory-stream [word#string, n#bigint, ts#timestamp]',
  '',
  '== Incremental Physical Plan ==',
  'StateStoreSave (operator 0)',
  '+- TimeWindow',
  '   +- Filter',
  '      +- EventTimeWatermark',
  '         +- Scan',
  '',
];

function windowedCounts(s: Session) {
  const stream = new MemoryStream(s, schema);
  const df = stream.toDF().withWatermark('ts', '10 seconds').filter(col('n').gt(0))
    .groupBy(window(col('ts'), '10 seconds'), col('word')).agg(count('*').alias('c'), sum('n').alias('total'));
  return { stream, df };
}

describe('explainString(true)', () => {
  it('shows a running query with its rows in state and the watermark of the next batch', async () => {
    session = Session.builder().create();
    const { stream, df } = windowedCounts(session);
    const query = await df.writeStream.format('memory').queryName('windowed').outputMode('update').start();
    expect(query.explainString(true)).toBe([
      ...LOGICAL,
      'Stateful operators:',
      '  operator 0: StateStoreSave, 0 rows in state',
      'Current watermark: 1970-01-01T00:00:00.000Z',
    ].join('\n'));

    const rows = [
      { word: 'a', n: 1, ts: new Date('2024-01-01T00:00:05Z') },
      { word: 'a', n: 2, ts: new Date('2024-01-01T00:00:07Z') },
      { word: 'b', n: 3, ts: new Date('2024-01-01T00:00:25Z') },
    ];
    stream.addData(rows);
    await query.processAllAvailable();
    // Watermark = max event time − delay; windows ending at or before it are evicted (update mode).
    const watermark = Math.max(...rows.map((r) => r.ts.getTime())) - 10_000;
    const openWindows = [...new Set(rows.map((r) => `${Math.floor(r.ts.getTime() / 10_000)}/${r.word}`))]
      .filter((k) => (Number(k.split('/')[0]) + 1) * 10_000 > watermark);
    expect(openWindows).toEqual([`${Math.floor(Date.parse('2024-01-01T00:00:25Z') / 10_000)}/b`]);
    expect(query.explainString(true)).toBe([
      ...LOGICAL,
      'Stateful operators:',
      '  operator 0: StateStoreSave, 1 row in state',
      `Current watermark: ${new Date(watermark).toISOString()}`,
    ].join('\n'));
    expect(query.lastProgress?.stateOperators[0]?.numRowsTotal).toBe(1);
  });

  it('says so when the query keeps no state and has no watermark', async () => {
    session = Session.builder().create();
    const stream = new MemoryStream(session, schema);
    const query = await stream.toDF().select(col('word'), col('n').plus(1).alias('m'))
      .writeStream.format('memory').queryName('stateless').start();
    expect(query.explainString(true)).toBe([
      '== Parsed Logical Plan ==',
      'Project [word, (n + CAST(1 AS LONG)) AS m]',
      '+- StreamingRelation memory-stream [word, n, ts]',
      '',
      '== Analyzed Logical Plan ==',
      'word: string, m: bigint',
      'Project [word#string, (n#bigint + CAST(1 AS LONG)) AS m#bigint]',
      '+- StreamingRelation memory-stream [word#string, n#bigint, ts#timestamp]',
      '',
      '== Incremental Physical Plan ==',
      'Project',
      '+- Scan',
      '',
      'Stateful operators: none',
      'Current watermark: none (the query has no withWatermark)',
    ].join('\n'));
    // Without `extended` the text is the short form.
    expect(query.explainString()).toBe([
      '== Logical Plan ==',
      'Project [word, (n + CAST(1 AS LONG)) AS m]',
      '+- StreamingRelation memory-stream [word, n, ts]',
      '',
      '== Incremental Physical Plan ==',
      'Project',
      '+- Scan',
    ].join('\n'));
  });

  it('shows a streaming DataFrame with the incremental plan it would run, before any query starts', () => {
    session = Session.builder().create();
    const { df } = windowedCounts(session);
    expect(df.explainString(true)).toBe([...LOGICAL, 'Stateful operators:', '  operator 0: StateStoreSave'].join('\n'));
    expect(df.explainString()).toBe(LOGICAL.slice(1, 6).join('\n'));
  });

  it('shows a static DataFrame with its physical plan', () => {
    session = Session.builder().create();
    const df = session.createDataFrame([{ line: 'a b', k: 1 }])
      .select(explode(split(col('line'), ' ')).alias('w'), col('k'))
      .groupBy('w').agg(sum('k').alias('s'));
    expect(df.explainString(true)).toBe([
      '== Parsed Logical Plan ==',
      'Aggregate [w], [sum(k)]',
      '+- Project [col AS w, k]',
      '   +- Generate explode(split(line, \' \')) [col]',
      '      +- LocalRelation [line, k]',
      '',
      '== Analyzed Logical Plan ==',
      'w: string, s: bigint',
      'Aggregate [w#string], [sum(k)#bigint]',
      '+- Project [col#string AS w#string, k#bigint]',
      '   +- Generate explode(split(line#string, \' \')) [col#string]',
      '      +- LocalRelation [line#string, k#bigint]',
      '',
      '== Physical Plan ==',
      'HashAggregate',
      '+- Project',
      '   +- Generate',
      '      +- Scan',
    ].join('\n'));
  });
});
