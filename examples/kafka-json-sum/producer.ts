// Sends a JSON message a second to a Kafka topic: an array of 1 to 5 objects {"randomInt": n} with n from 0 to
// 100, e.g. [{"randomInt":7},{"randomInt":42}]. Every fifth message is plain text instead, to show that the
// query copes with messages that are not JSON.
//
//   pnpm exec tsx examples/kafka-json-sum/producer.ts [bootstrap] [topic] [--count N] [--interval ms]
//   (default: 127.0.0.1:19092 json-ints, forever, 1000 ms)
import { Kafka, Partitioners, logLevel } from 'kafkajs';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [v] = args.splice(i, 2).slice(1);
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} needs a non-negative number, got ${String(v)}`);
  return n;
};
const count = flag('--count', Infinity);
const intervalMs = flag('--interval', 1000);
const [bootstrap = '127.0.0.1:19092', topic = 'json-ints'] = args;

const kafka = new Kafka({ clientId: 'json-ints-producer', brokers: [bootstrap], logLevel: logLevel.ERROR });
// The topic is created up front (one partition) when it does not exist yet.
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
await admin.disconnect();
const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
await producer.connect();
let stopping = false;
process.on('SIGINT', () => (stopping = true));
process.on('SIGTERM', () => (stopping = true));
for (let sent = 0; sent < count && !stopping; sent++) {
  const value = sent % 5 === 4
    ? `not json, message ${sent}`
    : JSON.stringify(Array.from({ length: 1 + Math.floor(Math.random() * 5) }, () => ({ randomInt: Math.floor(Math.random() * 101) })));
  await producer.send({ topic, messages: [{ value }] });
  process.stdout.write(`sent ${value}\n`);
  if (sent + 1 < count) await new Promise((resolve) => setTimeout(resolve, intervalMs));
}
await producer.disconnect();
