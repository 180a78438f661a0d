import { afterEach, describe, expect, it } from 'vitest';
import { LONG, MemoryStream, STRING, Session, StructType, col, count, sum } from 'caudal';

// explainString(): the logical plan and the incremental physical plan the query runs (golden text).

const schema = new StructType().add('word', STRING).add('n', LONG);
let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; });

describe('StreamingQuery.explainString', () => {
  it('shows the logical plan and the incremental physical plan of a stateful query', async () => {
    session = Session.builder().create();
    const stream = new MemoryStream(session, schema);
    const df = stream.toDF().filter(col('n').gt(0)).withColumn('w', col('word'))
      .groupBy('w').agg(count('*').alias('c'), sum('n').alias('total'));
    const query = await df.writeStream.format('memory').queryName('explained').outputMode('complete').start();
    expect(query.explainString()).toBe([
      '== Logical Plan ==',
      'Aggregate [w], [count(1), sum(n)] (stateful)',
      '+- Project [word, n, word AS w]',
      '   +- Filter (n > CAST(0 AS LONG))',
      '      +- StreamingRelation memory-stream [word, n]',
      '',
      '== Incremental Physical Plan ==',
      'StateStoreSave (operator 0)',
      '+- Project',
      '   +- Filter',
      '      +- Scan',
    ].join('\n'));
    // The DataFrame's own explain shows the same logical plan.
    expect(df.explainString()).toBe(query.explainString().split('\n\n')[0]!.replace('== Logical Plan ==\n', ''));
  });

  it('draws branches as Spark does (`:- ` for a child with siblings after it, `+- ` for the last)', async () => {
    session = Session.builder().create();
    const a = new MemoryStream(session, schema);
    const b = new MemoryStream(session, schema);
    const query = await a.toDF().filter(col('n').gt(1)).union(b.toDF()).select(col('word'))
      .writeStream.format('memory').queryName('u').start();
    expect(query.explainString()).toBe([
      '== Logical Plan ==',
      'Project [word]',
      '+- Union',
      '   :- Filter (n > CAST(1 AS LONG))',
      '   :  +- StreamingRelation memory-stream [word, n]',
      '   +- StreamingRelation memory-stream [word, n]',
      '',
      '== Incremental Physical Plan ==',
      'Project',
      '+- Union',
      '   :- Filter',
      '   :  +- Scan',
      '   +- Scan',
    ].join('\n'));
  });
});
