import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AnalysisError, INT, Session, StructType, col, count, countDistinct, registerSink, registerSource, type DataFrame, type StreamingQuery,
} from 'caudal';
import { AppendOnlySinkProvider, RecordingSourceProvider } from './support/recording-connectors.ts';

// start() checks the whole query before it opens anything: a query that cannot run fails with a clear
// message, no source is created, started or read, no sink is created and no query is left active.

const source = new RecordingSourceProvider('recording-for-start-errors');
const appendOnly = new AppendOnlySinkProvider('append-only-for-start-errors');
const durable = new AppendOnlySinkProvider('durable-for-start-errors', true);
registerSource(source);
registerSink(appendOnly);
registerSink(durable);

let session: Session;
beforeEach(() => {
  session = Session.builder().create();
  source.reset();
  appendOnly.created.length = 0;
  durable.created.length = 0;
});
afterEach(async () => { await session.stop(); });

function lines(): DataFrame {
  return session.readStream.format(source.format).load();
}

/** Runs `start`, expecting it to reject; returns the error after checking nothing was opened or read. */
async function startFails(start: () => Promise<StreamingQuery>): Promise<Error> {
  const sourcesBefore = source.instances.length;
  const activeBefore = session.streams.active;
  let error: unknown;
  try {
    await start();
  } catch (e) {
    error = e;
  }
  if (!(error instanceof Error)) throw new Error('expected start() to reject');
  expect(source.instances).toHaveLength(sourcesBefore);
  expect(appendOnly.created).toEqual([]);
  expect(durable.created).toEqual([]);
  expect(session.streams.active).toEqual(activeBefore);
  return error;
}

/** The sorted, comma-separated format names after `prefix` (the set grows as connectors are added). */
function knownList(message: string, prefix: string): string[] {
  expect(message.startsWith(prefix)).toBe(true);
  const known = message.slice(prefix.length).split(', ');
  expect(known).toEqual([...known].sort());
  return known;
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    if (e instanceof Error) return e;
  }
  throw new Error('expected the call to throw');
}

describe('the recording source used below', () => {
  it('records what a running query does with it (so an empty record means nothing happened)', async () => {
    source.add('x', 'y');
    const q = await lines().writeStream.format('memory').queryName('recorded').start();
    await q.processAllAvailable();
    await q.stop();
    expect(source.instances).toHaveLength(1);
    const calls = source.instances[0]!;
    // The first batch, then polls that found nothing new, then stop.
    expect(calls.slice(0, 5)).toEqual(['start', 'latestOffset', 'getBatch', 'commit', 'latestOffset']);
    expect(new Set(calls.slice(5, -1))).toEqual(new Set(calls.length > 6 ? ['latestOffset'] : []));
    expect(calls.at(-1)).toBe('stop');
    expect(await session.table('recorded').collect()).toEqual([{ value: 'x' }, { value: 'y' }]);
  });
});

describe('output-mode and unsupported-operation errors at start()', () => {
  const cases: { name: string; start: () => Promise<StreamingQuery>; message: string }[] = [
    {
      name: 'complete mode without an aggregation',
      start: () => lines().writeStream.format('memory').queryName('q').outputMode('complete').start(),
      message: 'Complete output mode not supported when there are no streaming aggregations on streaming DataFrames/Datasets',
    },
    {
      name: 'append mode with an aggregation and no watermark',
      start: () => lines().groupBy('value').count().writeStream.format('memory').queryName('q').outputMode('append').start(),
      message: 'Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark. ' +
        "Use outputMode('update') or outputMode('complete').",
    },
    {
      name: 'sorting a stream that is not aggregated',
      start: () => lines().orderBy('value').writeStream.format('memory').queryName('q').start(),
      message: 'Sorting is not supported on streaming DataFrames/Datasets, unless it is on aggregated DataFrame/Dataset in Complete output mode',
    },
    {
      name: 'sorting after an aggregation in update mode',
      start: () => lines().groupBy('value').count().orderBy('count').writeStream.format('memory').queryName('q').outputMode('update').start(),
      message: 'Sorting is not supported on streaming DataFrames/Datasets, unless it is on aggregated DataFrame/Dataset in Complete output mode',
    },
    {
      name: 'limit in update mode',
      start: () => lines().groupBy('value').count().limit(3).writeStream.format('memory').queryName('q').outputMode('update').start(),
      message: 'Limits are not supported on streaming DataFrames/Datasets in Update output mode',
    },
    {
      name: 'count(DISTINCT ...) on a stream',
      start: () => lines().groupBy().agg(countDistinct('value').alias('n')).writeStream.format('memory').queryName('q').outputMode('complete').start(),
      message: 'Distinct aggregations are not supported on streaming DataFrames/Datasets. Consider using approx_count_distinct() instead.',
    },
    {
      name: 'a union of a stream and a static DataFrame',
      start: () => lines().union(session.createDataFrame([{ value: 'static' }])).writeStream.format('memory').queryName('q').start(),
      message: 'Union between streaming and batch DataFrames/Datasets is not supported',
    },
    {
      name: 'a sink that does not support the output mode',
      start: () => lines().groupBy('value').count().writeStream.format(appendOnly.format).outputMode('update').start(),
      message: `Data source ${appendOnly.format} does not support Update output mode`,
    },
    {
      name: 'a sink that needs a checkpointLocation, without one',
      start: () => lines().writeStream.format(durable.format).queryName('q').start(),
      message: 'checkpointLocation must be specified either through option("checkpointLocation", ...) or ' +
        `session.conf.set("spark.sql.streaming.checkpointLocation", ...) (with a queryName) for the ${durable.format} sink`,
    },
    {
      name: 'the memory sink without a queryName',
      start: () => lines().writeStream.format('memory').start(),
      message: 'queryName must be specified for memory sink',
    },
  ];

  for (const c of cases) {
    it(`rejects ${c.name}`, async () => {
      const error = await startFails(c.start);
      expect(error).toBeInstanceOf(AnalysisError);
      expect(error.message).toBe(c.message);
    });
  }

  it('rejects an unknown sink format, listing the known ones', async () => {
    const error = await startFails(() => lines().writeStream.format('nosuchsink').start());
    expect(error).toBeInstanceOf(AnalysisError);
    const known = knownList(error.message, 'Failed to find data sink: nosuchsink. Known sinks: ');
    for (const f of [appendOnly.format, durable.format, 'console', 'foreach', 'foreachbatch', 'memory', 'noop']) expect(known).toContain(f);
  });

  it('rejects a second active query with the same name', async () => {
    const first = await lines().writeStream.format('memory').queryName('twice').start();
    const error = await startFails(() => lines().writeStream.format('memory').queryName('twice').start());
    expect(session.streams.active).toEqual([first]);
    expect(error.message).toBe('Cannot start query with name twice as a query with that name is already active in this session');
  });
});

describe('errors raised when the query is defined', () => {
  it('rejects an unknown output mode, naming the accepted ones', () => {
    const error = thrown(() => lines().writeStream.outputMode('sideways'));
    expect(error).toBeInstanceOf(AnalysisError);
    expect(error.message).toBe("Unknown output mode sideways. Accepted output modes are 'append', 'complete', 'update'");
  });

  it('rejects an unknown source format, listing the known ones', () => {
    const error = thrown(() => session.readStream.format('nosuchsource').load());
    expect(error).toBeInstanceOf(AnalysisError);
    const known = knownList(error.message, 'Failed to find data source: nosuchsource. Known sources: ');
    for (const f of ['rate', 'rate-micro-batch', 'socket', source.format]) expect(known).toContain(f);
  });

  it('rejects writeStream on a static DataFrame', () => {
    const error = thrown(() => session.createDataFrame([{ a: 1 }]).writeStream);
    expect(error).toBeInstanceOf(AnalysisError);
    expect(error.message).toBe("'writeStream' can be called only on streaming Dataset/DataFrame");
  });

  it('rejects collect, count and show on a streaming DataFrame', async () => {
    const df = lines().select(col('value'));
    for (const [action, run] of [['collect', () => df.collect()], ['count', () => df.count()], ['show', () => df.show()]] as const) {
      await expect(run()).rejects.toThrow(new AnalysisError(
        `Queries with streaming sources must be executed with writeStream.start(); '${action}' is not supported on a streaming DataFrame. ` +
        "Use writeStream with the console or memory sink, or foreachBatch, to see a stream's rows.",
      ));
    }
    expect(source.instances).toEqual([]);
  });

  it('rejects an unknown column at select time, listing the columns there are', () => {
    const df = session.createDataFrame([], new StructType().add('word', INT).add('Total', INT));
    const error = thrown(() => df.select(col('word'), col('totl')));
    expect(error).toBeInstanceOf(AnalysisError);
    expect(error.message).toBe('A column or function parameter with name `totl` cannot be resolved. Available columns: `word`, `Total`');
    // The same check on a stream, and inside an aggregate.
    expect(thrown(() => lines().filter(col('nope').eq(1))).message)
      .toBe('A column or function parameter with name `nope` cannot be resolved. Available columns: `value`');
    expect(thrown(() => lines().groupBy('value').agg(count('missing'))).message)
      .toBe('A column or function parameter with name `missing` cannot be resolved. Available columns: `value`');
  });

  it('rejects a type mismatch, naming both types', () => {
    const df = session.createDataFrame([{ name: 'x', flag: true, n: 1 }]);
    expect(thrown(() => df.select(col('n').plus(col('flag')))).message).toBe(
      "Cannot resolve '(n + flag)' due to data type mismatch: the left and right operands of the binary operator have incompatible types (bigint and boolean)",
    );
    expect(thrown(() => lines().filter(col('value').and(true))).message).toBe(
      "Cannot resolve '(value AND true)' due to data type mismatch: expected a boolean, but got string",
    );
  });
});
