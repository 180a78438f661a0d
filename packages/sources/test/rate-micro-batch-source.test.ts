import { describe, expect, it } from 'vitest';
import {
  AnalysisError,
  ManualClock,
  OptionError,
  Options,
  StructType,
  offsetJson,
  supportsAvailableNow,
  type Offset,
  type StreamSource,
} from '@caudal/core';
import { rateMicroBatchProvider } from '../src/index.ts';
import { columnValues, range } from './support/rows.ts';
import { sourceContext } from './support/source-context.ts';

const DEFAULT = { kind: 'default' } as const;

function createSource(opts: Record<string, string | number>): StreamSource {
  const options = new Options(Object.entries(opts));
  const schema = rateMicroBatchProvider.streamSchema!(options, undefined);
  // The source reads neither clock nor directory: batches depend only on offsets.
  return rateMicroBatchProvider.createStreamSource!(options, schema, sourceContext(new ManualClock(0), '/nonexistent'));
}

/** Runs `n` micro-batches as the engine would, returning each batch's offsets and rows. */
async function runBatches(source: StreamSource, n: number) {
  await source.start();
  const out: { start: Offset; end: Offset; values: unknown[]; micros: unknown[] }[] = [];
  let start = source.initialOffset();
  for (let k = 0; k < n; k++) {
    const end = await source.latestOffset(start, DEFAULT);
    const batches = await source.getBatch(k === 0 ? null : start, end);
    out.push({ start, end, values: columnValues(batches, 1), micros: columnValues(batches, 0) });
    await source.commit(end);
    start = end;
  }
  await source.stop();
  return out;
}

describe('rate-micro-batch source', () => {
  it('has Spark schema, description and offsets', () => {
    const source = createSource({ rowsPerBatch: 100 });
    expect(source.schema.treeString()).toBe(
      'root\n |-- timestamp: timestamp (nullable = true)\n |-- value: long (nullable = true)\n',
    );
    expect(source.description).toBe(
      'RatePerMicroBatchStream[rowsPerBatch=100, numPartitions=1, startTimestamp=0, advanceMsPerBatch=1000]',
    );
    expect(offsetJson(source.initialOffset())).toBe('{"offset":0,"timestamp":0}');
  });

  it('holds rowsPerBatch values per batch, every row stamped with the batch event time', async () => {
    const batches = await runBatches(createSource({ rowsPerBatch: 1000, startTimestamp: 1_700_000_000_000, advanceMillisPerBatch: 250 }), 4);
    batches.forEach((b, k) => {
      expect(b.values).toEqual(range(k * 1000, (k + 1) * 1000));
      expect(b.micros).toEqual(new Array(1000).fill((1_700_000_000_000 + k * 250) * 1000));
      expect(offsetJson(b.end)).toBe(`{"offset":${(k + 1) * 1000},"timestamp":${1_700_000_000_000 + (k + 1) * 250}}`);
    });
  });

  it('gives identical batches in two source instances, whatever the calls in between', async () => {
    const opts = { rowsPerBatch: 37, numPartitions: 3, startTimestamp: 5, advanceMillisPerBatch: 10 };
    const a = await runBatches(createSource(opts), 5);
    const other = createSource(opts);
    // Asking for the latest offset again without running a batch does not move anything.
    await other.latestOffset(other.initialOffset(), DEFAULT);
    await other.latestOffset(other.initialOffset(), { kind: 'all' });
    const b = await runBatches(other, 5);
    expect(b).toEqual(a);
    expect(a.flatMap((x) => x.values).sort((x, y) => (x as number) - (y as number))).toEqual(range(0, 185));
  });

  it('deals values round-robin over numPartitions, one batch per partition', async () => {
    const source = createSource({ rowsPerBatch: 10, numPartitions: 3 });
    const end = await source.latestOffset(source.initialOffset(), DEFAULT);
    const batches = await source.getBatch(null, end);
    expect(batches.map((b) => columnValues([b], 1))).toEqual([[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]]);
  });

  it('replays a batch from its offsets (restart with a different rowsPerBatch continues the values)', async () => {
    const first = createSource({ rowsPerBatch: 10 });
    const end = await first.latestOffset({ offset: 20, timestamp: 2000 }, DEFAULT);
    expect(end).toEqual({ offset: 30, timestamp: 3000 });
    const again = await createSource({ rowsPerBatch: 10 }).getBatch({ offset: 20, timestamp: 2000 }, end);
    expect(columnValues(again, 1)).toEqual(range(20, 30));
    const changed = createSource({ rowsPerBatch: 5, advanceMillisPerBatch: 1 });
    expect(await changed.latestOffset(end, DEFAULT)).toEqual({ offset: 35, timestamp: 3001 });
  });

  it('serves exactly one batch under Trigger.AvailableNow', async () => {
    const source = createSource({ rowsPerBatch: 100 });
    if (!supportsAvailableNow(source)) throw new Error('rate-micro-batch supports AvailableNow');
    await source.start();
    const start = { offset: 300, timestamp: 3000 };
    await source.prepareForTriggerAvailableNow();
    const end = await source.latestOffset(start, { kind: 'all' });
    expect(end).toEqual({ offset: 400, timestamp: 4000 });
    expect(await source.latestOffset(start, DEFAULT)).toEqual(end);
    expect(await source.latestOffset(end, DEFAULT)).toEqual(end); // nothing more: the query stops
  });

  it('validates options with Spark messages, case-insensitively, ignoring unknown keys', () => {
    const schema = (opts: Record<string, string | number>) =>
      rateMicroBatchProvider.streamSchema!(new Options(Object.entries(opts)), undefined);
    const fails = (opts: Record<string, string | number>, message: string) => {
      expect(() => schema(opts)).toThrow(OptionError);
      expect(() => schema(opts)).toThrow(message);
    };
    fails({}, "Invalid value '0'. The option 'rowsPerBatch' must be positive");
    fails({ rowsPerBatch: -1 }, "Invalid value '-1'. The option 'rowsPerBatch' must be positive");
    fails({ rowsPerBatch: 'many' }, "Invalid value 'many' for option 'rowsPerBatch', must be an integer");
    fails({ rowsPerBatch: 1, numPartitions: 0 }, "Invalid value '0'. The option 'numPartitions' must be positive");
    fails({ rowsPerBatch: 1, startTimestamp: -1 }, "Invalid value '-1'. The option 'startTimestamp' must be non-negative");
    fails(
      { rowsPerBatch: 1, advanceMillisPerBatch: -5 },
      "Invalid value '-5'. The option 'advanceMillisPerBatch' must be non-negative",
    );
    expect(schema({ ROWSPERBATCH: '10', AdvanceMillisPerBatch: 0, unknown: 'x' }).fieldNames()).toEqual(['timestamp', 'value']);
    expect(() => rateMicroBatchProvider.streamSchema!(new Options([['rowsPerBatch', 1]]), new StructType())).toThrow(
      AnalysisError,
    );
    expect(() => rateMicroBatchProvider.streamSchema!(new Options([['rowsPerBatch', 1]]), new StructType())).toThrow(
      'The rate-micro-batch source does not support a user-specified schema.',
    );
  });
});
