/**
 * Kafka → from_json → windowed aggregation → Kafka, against a real broker, beside a plain kafkajs consumer reading
 * the same messages from the same broker on the same machine. Reports messages per second for both and the
 * engine's overhead as a ratio (raw rate / engine rate).
 *
 *   pnpm bench:kafka [messages=1000000] [partitions=3] [maxOffsetsPerTrigger=100000] [reps=3]
 *
 * Each of the two readers runs `reps` times over the same topic (alternating); the report gives medians.
 *
 * Uses CAUDAL_KAFKA_BOOTSTRAP when set; otherwise starts a broker with `scripts/kafka.sh start` and stops it after.
 *
 * The engine query: `readStream.format('kafka')` from the earliest offset (Trigger.AvailableNow, batches of
 * maxOffsetsPerTrigger), `from_json(value, 'sensor STRING, reading DOUBLE, ts LONG')`, a watermark of 10 s,
 * `groupBy(window(ts, '10 seconds'), sensor).agg(count, avg)`, append mode, `to_json(struct(...))` into a Kafka
 * topic. The raw consumer: a kafkajs consumer group reading the same topic from the beginning with `eachBatch`,
 * decoding each value as UTF-8 and JSON.parse-ing it (the least a consumer of JSON does).
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { Session, avg, col, count, from_json, struct, to_json, window } from 'caudal';
import { machineInfo } from './harness/machine.ts';

const total = Number(process.argv[2] ?? 1_000_000);
const partitions = Number(process.argv[3] ?? 3);
const perTrigger = Number(process.argv[4] ?? 100_000);
const reps = Number(process.argv[5] ?? 3);
const SENSORS = 20;
/** Event time advances 1 s every this many messages, so the watermark closes windows as the stream goes. */
const PER_SECOND = 200;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const kafkaScript = join(root, 'scripts', 'kafka.sh');
let startedBroker = false;
let bootstrap = process.env['CAUDAL_KAFKA_BOOTSTRAP'];
if (bootstrap === undefined || bootstrap === '') {
  process.stderr.write('starting a broker with scripts/kafka.sh start...\n');
  bootstrap = execFileSync('bash', [kafkaScript, 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop()!;
  startedBroker = true;
}
const machine = machineInfo();

const kafka = new Kafka({ clientId: 'caudal-bench-kafka', brokers: [bootstrap], logLevel: logLevel.NOTHING });
const admin = kafka.admin();
await admin.connect();
const input = `caudal-bench-input-${randomUUID()}`;
const outputs: string[] = [];
await admin.createTopics({ topics: [{ topic: input, numPartitions: partitions }], waitForLeaders: true });

try {
  // ---- Produce the input: JSON readings of SENSORS sensors, event time rising with the offset ----
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const t0 = performance.now();
  const chunk = 2_000;
  let bytes = 0;
  for (let i = 0; i < total; i += chunk) {
    const messages = [];
    for (let j = i; j < Math.min(total, i + chunk); j++) {
      const value = JSON.stringify({ sensor: `s${j % SENSORS}`, reading: (j * 7919) % 1000 / 10, ts: 1_700_000_000 + Math.floor(j / PER_SECOND) });
      bytes += value.length;
      messages.push({ value, partition: j % partitions });
    }
    await producer.send({ topic: input, messages });
  }
  await producer.disconnect();
  const produceMs = performance.now() - t0;

  interface RawRun { readonly wallMs: number; readonly streamMs: number; readonly checksum: number }
  /** A plain kafkajs consumer (a fresh group, from the beginning) until it has seen every message. */
  async function rawRun(): Promise<RawRun> {
    const consumer = kafka.consumer({ groupId: `caudal-bench-raw-${randomUUID()}`, maxBytes: 10 * 1024 * 1024 });
    await consumer.connect();
    await consumer.subscribe({ topic: input, fromBeginning: true });
    let seen = 0;
    let checksum = 0;
    let firstAt = 0;
    let lastAt = 0;
    const runAt = performance.now();
    await new Promise<void>((done) => {
      void consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          if (firstAt === 0) firstAt = performance.now();
          for (const m of batch.messages) checksum += (JSON.parse(m.value!.toString('utf8')) as { reading: number }).reading;
          seen += batch.messages.length;
          if (seen >= total) {
            lastAt = performance.now();
            done();
          }
        },
      });
    });
    await consumer.disconnect();
    return { wallMs: lastAt - runAt, streamMs: lastAt - firstAt, checksum };
  }

  interface EngineRun { readonly wallMs: number; readonly batchMs: number; readonly batches: number; readonly written: number }
  /** The Caudal query with Trigger.AvailableNow, a fresh checkpoint and output topic. */
  async function engineRun(): Promise<EngineRun> {
    const output = `caudal-bench-output-${randomUUID()}`;
    await admin.createTopics({ topics: [{ topic: output, numPartitions: 1 }], waitForLeaders: true });
    outputs.push(output);
    const checkpoint = mkdtempSync(join(tmpdir(), 'caudal-bench-kafka-'));
    const spark = Session.builder().appName('kafka-pipeline-bench').create();
    try {
      const readings = spark.readStream.format('kafka')
        .option('kafka.bootstrap.servers', bootstrap!)
        .option('subscribe', input)
        .option('startingOffsets', 'earliest')
        .option('maxOffsetsPerTrigger', perTrigger)
        .load()
        .select(from_json(col('value').cast('string'), 'sensor STRING, reading DOUBLE, ts LONG').alias('r'))
        .select(col('r.sensor').alias('sensor'), col('r.reading').alias('reading'), col('r.ts').cast('timestamp').alias('ts'));
      const windows = readings
        .withWatermark('ts', '10 seconds')
        .groupBy(window(col('ts'), '10 seconds'), col('sensor'))
        .agg(count('*').alias('n'), avg('reading').alias('avg_reading'));
      const e0 = performance.now();
      const query = await windows
        .select(to_json(struct(col('window.start').alias('start'), col('sensor'), col('n'), col('avg_reading'))).alias('value'))
        .writeStream.format('kafka').outputMode('append')
        .option('kafka.bootstrap.servers', bootstrap!)
        .option('topic', output)
        .option('checkpointLocation', checkpoint)
        .trigger({ availableNow: true })
        .start();
      await query.awaitTermination();
      const wallMs = performance.now() - e0;
      const progress = query.recentProgress;
      const engineRows = progress.reduce((n, p) => n + p.numInputRows, 0);
      if (engineRows !== total) throw new Error(`the engine read ${engineRows} rows, expected ${total}`);
      const written = (await admin.fetchTopicOffsets(output)).reduce((n, p) => n + Number(p.high), 0);
      // Windows of 10 s × SENSORS sensors; the last windows stay open (the watermark has not passed them).
      const closedWindows = Math.floor((Math.ceil(total / PER_SECOND) - 1 - 10) / 10);
      if (written === 0 || written > closedWindows * SENSORS) {
        throw new Error(`the engine wrote ${written} window results, expected at most ${closedWindows * SENSORS}`);
      }
      return { wallMs, batchMs: progress.reduce((n, p) => n + p.batchDuration, 0), batches: progress.length, written };
    } finally {
      await spark.stop();
      rmSync(checkpoint, { recursive: true, force: true });
    }
  }

  const raws: RawRun[] = [];
  const engines: EngineRun[] = [];
  for (let r = 0; r < reps; r++) {
    raws.push(await rawRun());
    engines.push(await engineRun());
  }
  const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const rawWallMs = median(raws.map((r) => r.wallMs));
  const rawStreamMs = median(raws.map((r) => r.streamMs));
  const engineWallMs = median(engines.map((r) => r.wallMs));
  const batchMs = median(engines.map((r) => r.batchMs));
  const checksum = raws[0]!.checksum;
  const { batches, written } = engines[0]!;

  const rate = (n: number, ms: number): number => Math.round(n / (ms / 1000));
  const fmt = (n: number): string => n.toLocaleString('en-US');
  const rawRate = rate(total, rawStreamMs);
  const engineRate = rate(total, batchMs);
  process.stdout.write([
    `machine: ${machine.cores} cores, ${machine.cpuModel}, Node ${machine.node}, load average (1 min) ${machine.loadAverage1m} at start`,
    `broker: ${bootstrap}${startedBroker ? ' (started by this run)' : ''}; ${fmt(total)} JSON messages (${(bytes / 1e6).toFixed(1)} MB of values) in ${partitions} partitions, produced in ${(produceMs / 1000).toFixed(2)} s`,
    '',
    '| reader | messages | wall s (incl. connect/join) | messages/s (wall) | streaming s | messages/s (streaming) |',
    '|---|---:|---:|---:|---:|---:|',
    `| kafkajs consumer (eachBatch + JSON.parse) | ${fmt(total)} | ${(rawWallMs / 1000).toFixed(2)} | ${fmt(rate(total, rawWallMs))} | ${(rawStreamMs / 1000).toFixed(2)} | ${fmt(rawRate)} |`,
    `| Caudal: Kafka → from_json → window agg → Kafka | ${fmt(total)} | ${(engineWallMs / 1000).toFixed(2)} | ${fmt(rate(total, engineWallMs))} | ${(batchMs / 1000).toFixed(2)} | ${fmt(engineRate)} |`,
    '',
    `medians of ${reps} runs each; engine: ${batches} batches (maxOffsetsPerTrigger ${fmt(perTrigger)}), ${fmt(written)} window results written`,
    `overhead: raw / engine = ${(rawRate / engineRate).toFixed(2)}× (streaming rates), ${(rate(total, rawWallMs) / rate(total, engineWallMs)).toFixed(2)}× (wall rates)`,
    `load average (1 min) at the end: ${machineInfo().loadAverage1m}`,
    `(checksum ${checksum.toFixed(1)})`,
    '',
  ].join('\n'));
} finally {
  await admin.deleteTopics({ topics: [input, ...outputs] }).catch(() => undefined);
  await admin.disconnect();
  if (startedBroker) execFileSync('bash', [kafkaScript, 'stop'], { stdio: 'ignore' });
}
