/**
 * w8's broker and topics. The suite uses its own broker port (19192, controller 19193), so it never meets a
 * test broker on 19092; it starts the broker only when none runs there, and stops only a broker it started.
 * Every engine run gets fresh topics (2 partitions each), pre-filled with the same deterministic messages.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { prng } from './inputs.ts';

export const SUITE_KAFKA_PORT = 19192;
const CONTROLLER_PORT = 19193;
export const KAFKA_PARTITIONS = 2;
const SENSORS = 100;
/** Event time of message 0; message i is 10 ms later than message i − 1. */
const TS_BASE_MS = Date.UTC(2024, 0, 1);

export interface Broker {
  readonly bootstrap: string;
  /** True when this suite started it (and must stop it). */
  readonly started: boolean;
}

function kafkaEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    KAFKA_PORT: String(SUITE_KAFKA_PORT),
    KAFKA_CONTROLLER_PORT: String(CONTROLLER_PORT),
    // kafka.sh's watchdog stops the broker once this process is gone, even after a SIGKILL.
    KAFKA_OWNER_PID: String(process.pid),
  };
}

export function ensureBroker(repoRoot: string): Broker {
  const script = join(repoRoot, 'scripts', 'kafka.sh');
  const status = spawnSync('bash', [script, 'status'], { env: kafkaEnv(), encoding: 'utf8' });
  if (status.status === 0) return { bootstrap: `127.0.0.1:${SUITE_KAFKA_PORT}`, started: false };
  process.stderr.write(`no broker on ${SUITE_KAFKA_PORT} (${status.stdout.trim()}); starting one with scripts/kafka.sh start\n`);
  const out = execFileSync('bash', [script, 'start'], { env: kafkaEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const bootstrap = out.trim().split('\n').pop() ?? '';
  if (!/^[\w.-]+:\d+$/.test(bootstrap)) throw new Error(`scripts/kafka.sh start printed no bootstrap address: '${out}'`);
  return { bootstrap, started: true };
}

export function stopBroker(repoRoot: string): void {
  spawnSync('bash', [join(repoRoot, 'scripts', 'kafka.sh'), 'stop'], { env: kafkaEnv(), stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Message i of a sensor topic; the same i always gives the same bytes. */
export function sensorMessage(i: number, next: () => number): string {
  const temperature = Math.round((10 + next() * 25) * 100) / 100;
  const humidity = Math.round((30 + next() * 60) * 100) / 100;
  const ts = new Date(TS_BASE_MS + i * 10).toISOString();
  return `{"sensor":"s${i % SENSORS}","temperature":${temperature},"humidity":${humidity},"ts":"${ts}"}`;
}

export interface KafkaTopics {
  readonly topicIn: string;
  readonly warmupTopicIn: string;
  readonly topicOut: string;
  /** Bytes of message values in topicIn. */
  readonly inputBytes: number;
  readonly produceMs: number;
}

export class SuiteKafka {
  private readonly created: string[] = [];

  private constructor(private readonly kafka: Kafka, private readonly admin: Admin) {}

  static async connect(bootstrap: string): Promise<SuiteKafka> {
    const kafka = new Kafka({ clientId: 'caudal-spark-suite', brokers: [bootstrap], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    return new SuiteKafka(kafka, admin);
  }

  /** Fresh input, warm-up and output topics for one engine run, the inputs filled. */
  async topicsFor(engine: string, messages: number, warmupMessages: number): Promise<KafkaTopics> {
    const id = randomUUID().slice(0, 8);
    const names = {
      topicIn: `sbs-${engine}-in-${id}`,
      warmupTopicIn: `sbs-${engine}-warmup-${id}`,
      topicOut: `sbs-${engine}-out-${id}`,
    };
    const topics = Object.values(names);
    await this.admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: KAFKA_PARTITIONS })), waitForLeaders: true });
    this.created.push(...topics);
    const t0 = performance.now();
    const inputBytes = await this.fill(names.topicIn, messages, 1);
    await this.fill(names.warmupTopicIn, warmupMessages, 2);
    return { ...names, inputBytes, produceMs: performance.now() - t0 };
  }

  private async fill(topic: string, count: number, seed: number): Promise<number> {
    const producer = this.kafka.producer();
    await producer.connect();
    const next = prng(seed);
    let bytes = 0;
    try {
      const chunk = 5_000;
      for (let i = 0; i < count; i += chunk) {
        const messages: { value: string; partition: number }[] = [];
        for (let j = i; j < Math.min(count, i + chunk); j++) {
          const value = sensorMessage(j, next);
          bytes += value.length;
          messages.push({ value, partition: j % KAFKA_PARTITIONS });
        }
        await producer.send({ topic, messages });
      }
    } finally {
      await producer.disconnect();
    }
    return bytes;
  }

  /** Messages in a topic (sum of the partitions' high watermarks). */
  async messageCount(topic: string): Promise<number> {
    return (await this.admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high), 0);
  }

  /** Deletes every topic this suite created and disconnects. */
  async close(): Promise<void> {
    if (this.created.length > 0) await this.admin.deleteTopics({ topics: this.created.splice(0) }).catch(() => undefined);
    await this.admin.disconnect();
  }
}
