import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnalysisError, OptionError, Options, StructType, supportsAvailableNow, type StreamSource } from '@caudal/core';
import { rateProvider } from '../src/index.ts';
import { valueAtSecond } from '../src/rate/value-at-second.ts';
import { columnValues, range } from './support/rows.ts';
import { manualContext, tempDir } from './support/source-context.ts';

const T0 = 1_700_000_000_000; // creation time (ms) in most tests

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

function createRate(opts: Record<string, string | number>, startMs: number, metadataDir = dir) {
  const options = new Options(Object.entries(opts));
  const schema = rateProvider.streamSchema!(options, undefined);
  const { clock, ctx } = manualContext(startMs, metadataDir);
  const source = rateProvider.createStreamSource!(options, schema, ctx);
  return { source, clock };
}

const DEFAULT = { kind: 'default' } as const;

async function rows(source: StreamSource, start: number | null, end: number) {
  const batches = await source.getBatch(start, end);
  return { values: columnValues(batches, 1), micros: columnValues(batches, 0), batches };
}

describe('rate source', () => {
  it('has Spark schema, description and offsets', async () => {
    const { source } = createRate({}, T0);
    expect(source.schema.treeString()).toBe(
      'root\n |-- timestamp: timestamp (nullable = true)\n |-- value: long (nullable = true)\n',
    );
    expect(source.description).toBe('RateStreamV2[rowsPerSecond=1, rampUpTimeSeconds=0, numPartitions=1]');
    expect(createRate({ rowsPerSecond: 5, rampUpTime: '3s', numPartitions: 2 }, T0).source.description).toBe(
      'RateStreamV2[rowsPerSecond=5, rampUpTimeSeconds=3, numPartitions=2]',
    );
    await source.start();
    expect(source.initialOffset()).toBe(0);
    expect(await source.latestOffset(0, DEFAULT)).toBe(0);
    expect(await source.getBatch(null, 0)).toEqual([]);
    await source.stop();
  });

  it('produces exactly 60,000 rows in 60 s at 1000 rows/s with evenly spread timestamps', async () => {
    const { source, clock } = createRate({ rowsPerSecond: 1000 }, T0);
    await source.start();
    clock.advance(59_999);
    expect(await source.latestOffset(0, DEFAULT)).toBe(59); // whole seconds only
    clock.advance(1);
    expect(await source.latestOffset(0, DEFAULT)).toBe(60);
    const { values, micros, batches } = await rows(source, null, 60);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.numRows).toBe(60_000);
    expect(values).toEqual(range(0, 60_000));
    expect(micros).toEqual(range(0, 60_000).map((i) => (T0 + i) * 1000));
    await source.commit(60);
    await source.stop();
    expect(await readFile(join(dir, '0'), 'utf8')).toBe(`v1\n${T0}`);
  });

  it('continues values and timestamps across consecutive batches', async () => {
    const { source, clock } = createRate({ rowsPerSecond: 1000 }, T0);
    await source.start();
    let start = 0;
    for (let k = 0; k < 3; k++) {
      clock.advance(1000 + 250 * k); // batches of 1, 1 and 1 seconds (with drift carried over)
      const end = (await source.latestOffset(start, DEFAULT)) as number;
      const { values, micros } = await rows(source, start, end);
      expect(values).toEqual(range(start * 1000, end * 1000));
      expect(micros).toEqual(range(0, (end - start) * 1000).map((i) => (T0 + start * 1000 + i) * 1000));
      await source.commit(end);
      start = end;
    }
    expect(start).toBe(3);
  });

  it('rounds timestamps like Spark when rows do not divide the milliseconds evenly', async () => {
    const { source, clock } = createRate({ rowsPerSecond: 3 }, T0);
    await source.start();
    clock.advance(2000);
    const { values, micros } = await rows(source, 0, 2);
    expect(values).toEqual([0, 1, 2, 3, 4, 5]);
    expect(micros).toEqual([0, 333, 667, 1000, 1333, 1667].map((ms) => (T0 + ms) * 1000));
  });

  it('ramps up linearly over rampUpTime (Spark valueAtSecond)', async () => {
    expect(range(0, 7).map((s) => valueAtSecond(s, 10, 4))).toEqual([0, 2, 6, 12, 20, 30, 40]);
    expect(range(0, 4).map((s) => valueAtSecond(s, 10, 0))).toEqual([0, 10, 20, 30]);
    expect(range(0, 8).map((s) => valueAtSecond(s, 1, 5))).toEqual([0, 0, 0, 0, 0, 0, 1, 2]); // speed step rounds to 0

    const { source, clock } = createRate({ rowsPerSecond: 10, rampUpTime: '4s' }, T0);
    await source.start();
    const sizes: number[] = [];
    let start = 0;
    for (let s = 1; s <= 6; s++) {
      clock.advance(1000);
      const end = (await source.latestOffset(start, DEFAULT)) as number;
      const { values, micros } = await rows(source, start, end);
      sizes.push(values.length);
      expect(values).toEqual(range(valueAtSecond(start, 10, 4), valueAtSecond(end, 10, 4)));
      const step = 1000 / values.length;
      expect(micros).toEqual(values.map((_, i) => (T0 + start * 1000 + Math.round(i * step)) * 1000));
      start = end;
    }
    expect(sizes).toEqual([2, 4, 6, 8, 10, 10]);
  });

  it('replays the same range with identical rows', async () => {
    const { source, clock } = createRate({ rowsPerSecond: 7, rampUpTime: '2s' }, T0);
    await source.start();
    clock.advance(5000);
    const first = await rows(source, 1, 5);
    const again = await rows(source, 1, 5);
    expect(again.values).toEqual(first.values);
    expect(again.micros).toEqual(first.micros);
    expect(first.values).toEqual(range(valueAtSecond(1, 7, 2), valueAtSecond(5, 7, 2)));
  });

  it('deals values round-robin over numPartitions, one batch per partition', async () => {
    const { source, clock } = createRate({ rowsPerSecond: 10, numPartitions: 3 }, T0);
    await source.start();
    clock.advance(1000);
    const batches = await source.getBatch(0, 1);
    expect(batches.map((b) => columnValues([b], 1))).toEqual([[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]]);
    expect(batches.map((b) => columnValues([b], 0))).toEqual(
      [[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]].map((vs) => vs.map((v) => (T0 + v * 100) * 1000)),
    );
    // More partitions than rows: no empty batches.
    const few = createRate({ rowsPerSecond: 2, numPartitions: 5 }, T0, join(dir, 'few'));
    await few.source.start();
    few.clock.advance(1000);
    expect((await few.source.getBatch(0, 1)).map((b) => b.numRows)).toEqual([1, 1]);
  });

  it('reads its creation time back from metadataDir on restart and continues', async () => {
    const first = createRate({ rowsPerSecond: 2 }, 5_000);
    await first.source.start();
    first.clock.advance(3_500);
    expect(await first.source.latestOffset(0, DEFAULT)).toBe(3);
    expect((await rows(first.source, null, 3)).values).toEqual(range(0, 6));
    await first.source.commit(3);
    await first.source.stop();
    expect(await readFile(join(dir, '0'), 'utf8')).toBe('v1\n5000');

    // A new process, much later: the offsets still count from 5000 ms.
    const second = createRate({ rowsPerSecond: 2 }, 20_000);
    await second.source.start();
    expect(await second.source.latestOffset(3, DEFAULT)).toBe(15);
    const { values, micros } = await rows(second.source, 3, 15);
    expect(values).toEqual(range(6, 30));
    expect(micros).toEqual(range(0, 24).map((i) => (5_000 + 3_000 + i * 500) * 1000));
    expect(await readFile(join(dir, '0'), 'utf8')).toBe('v1\n5000');
  });

  it('replays a checkpointed batch after restart even if the clock is behind it', async () => {
    await writeFile(join(dir, '0'), 'v1\n1000');
    const { source } = createRate({ rowsPerSecond: 1 }, 2_000); // 1 s after creation
    await source.start();
    expect((await rows(source, 0, 10)).values).toEqual(range(0, 10)); // the replayed batch 0..10 s
    expect(await source.latestOffset(10, DEFAULT)).toBe(10); // never behind what was served
  });

  it('rejects a malformed or newer creation-time file', async () => {
    await writeFile(join(dir, '0'), '1000');
    await expect(createRate({}, 0).source.start()).rejects.toThrow(
      'Log file was malformed: failed to detect the log file version line.',
    );
    await writeFile(join(dir, '0'), 'v2\n1000');
    await expect(createRate({}, 0).source.start()).rejects.toThrow('has log version v2, but this version of Caudal reads up to v1');
  });

  it('fixes the end offset when prepared for Trigger.AvailableNow', async () => {
    const { source, clock } = createRate({ rowsPerSecond: 4 }, T0);
    expect(supportsAvailableNow(source)).toBe(true);
    if (!supportsAvailableNow(source)) return;
    await source.start();
    clock.advance(3_200);
    await source.prepareForTriggerAvailableNow();
    clock.advance(60_000);
    expect(await source.latestOffset(0, { kind: 'all' })).toBe(3);
    expect((await rows(source, 0, 3)).values).toEqual(range(0, 12));
    expect(await source.latestOffset(3, DEFAULT)).toBe(3);
  });

  it('fixes the AvailableNow end at start() when prepared before starting', async () => {
    const { source, clock } = createRate({}, T0);
    if (!supportsAvailableNow(source)) throw new Error('rate supports AvailableNow');
    await source.prepareForTriggerAvailableNow();
    await source.start();
    clock.advance(10_000);
    expect(await source.latestOffset(0, DEFAULT)).toBe(0);
  });

  it('validates options with Spark messages, case-insensitively, ignoring unknown keys', () => {
    const schema = (opts: Record<string, string | number>) =>
      rateProvider.streamSchema!(new Options(Object.entries(opts)), undefined);
    const fails = (opts: Record<string, string | number>, message: string) => {
      expect(() => schema(opts)).toThrow(OptionError);
      expect(() => schema(opts)).toThrow(message);
    };
    fails({ rowsPerSecond: 0 }, "Invalid value '0'. The option 'rowsPerSecond' must be positive");
    fails({ ROWSPERSECOND: '-3' }, "Invalid value '-3'. The option 'rowsPerSecond' must be positive");
    fails({ rowsPerSecond: 'ten' }, "Invalid value 'ten' for option 'rowsPerSecond', must be an integer");
    fails({ rampUpTime: '-5s' }, "Invalid value '-5'. The option 'rampUpTime' must not be negative");
    fails(
      { rampUpTime: '5 parsecs' },
      "Invalid value '5 parsecs' for option 'rampUpTime'. Time must be specified as seconds (s), milliseconds (ms), " +
        'microseconds (us), minutes (m or min), hour (h), or day (d). E.g. 50s, 100ms, or 250us.',
    );
    fails({ numPartitions: 0 }, "Invalid value '0'. The option 'numPartitions' must be positive");
    expect(() => schema({ rowsPerSecond: 2 ** 52, rampUpTime: '2s' })).toThrow(
      "Integer overflow. Max offset with 4503599627370496 rowsPerSecond is 1, but 'rampUpTimeSeconds' is 2.",
    );
    expect(schema({ rowspersecond: 5, RampUpTime: '1500ms', whatever: 'x' }).fieldNames()).toEqual(['timestamp', 'value']);
    const parsed = (rampUpTime: string) =>
      createRate({ rampUpTime }, T0, join(dir, rampUpTime)).source.description.match(/rampUpTimeSeconds=(-?\d+)/)?.[1];
    expect(['1500ms', '-500ms', '2min', '2m', '1h', '1d', '7', ' 3S ', '999999us'].map(parsed)).toEqual(
      ['1', '0', '120', '120', '3600', '86400', '7', '3', '0'],
    );
  });

  it('rejects a user-specified schema', () => {
    const userSchema = new StructType().add('value', { kind: 'long' });
    expect(() => rateProvider.streamSchema!(new Options(), userSchema)).toThrow(AnalysisError);
    expect(() => rateProvider.streamSchema!(new Options(), userSchema)).toThrow(
      'The rate source does not support a user-specified schema.',
    );
  });

  it('fails when values would exceed exact integers', async () => {
    const { source } = createRate({ rowsPerSecond: 1000 }, T0);
    await source.start();
    const maxSeconds = 9_007_199_254_740; // floor((2^53 - 1) / 1000)
    expect(await source.getBatch(maxSeconds, maxSeconds)).toEqual([]);
    await expect(source.getBatch(maxSeconds + 1, maxSeconds + 1)).rejects.toThrow(
      `Integer overflow. Max offset with 1000 rowsPerSecond is ${maxSeconds}, but it's ${maxSeconds + 1} now.`,
    );
  });
});
