// Streams the occupancy readings (examples/sensors/data/datatest.txt, header skipped) to a Kafka topic, one CSV
// row every few milliseconds, as the course's producer did with kafka-console-producer.
//
//   pnpm exec tsx examples/kafka-sensors/producer.ts [--bootstrap 127.0.0.1:19092] [--topic test]
//     [--interval 10] [--count N] [--file PATH]
//
// --interval: milliseconds between rows (0: as fast as the broker takes them); --count: send only the first N rows.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { READINGS_FILE } from './readings.ts';

const { values: args } = parseArgs({
  options: {
    bootstrap: { type: 'string', default: '127.0.0.1:19092' },
    topic: { type: 'string', default: 'test' },
    interval: { type: 'string', default: '10' },
    count: { type: 'string' },
    file: { type: 'string', default: READINGS_FILE },
  },
  strict: true,
});
const intervalMs = Number(args.interval);
const count = args.count === undefined ? Infinity : Number(args.count);
if (!(intervalMs >= 0) || !(count >= 0)) throw new Error('--interval and --count need non-negative numbers');

const rows = readFileSync(args.file, 'utf8').split(/\r?\n/).slice(1).filter((l) => l.trim() !== '').slice(0, count);

const kafka = new Kafka({ clientId: 'kafka-sensors-producer', brokers: [args.bootstrap], logLevel: logLevel.ERROR });
// The topic is created up front (one partition, so rows keep their order) when it does not exist yet.
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: args.topic, numPartitions: 1 }], waitForLeaders: true });
await admin.disconnect();
const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
await producer.connect();
let stopping = false;
process.on('SIGINT', () => (stopping = true));
process.on('SIGTERM', () => (stopping = true));
let sent = 0;
for (const value of rows) {
  if (stopping) break;
  await producer.send({ topic: args.topic, messages: [{ value }] });
  sent++;
  if (intervalMs > 0 && sent < rows.length) await new Promise((r) => setTimeout(r, intervalMs));
}
process.stdout.write(`sent ${sent} rows to ${args.topic}\n`);
await producer.disconnect();
