// Prints the messages of the results topic as they arrive (the course's kafka.KafkaConsumer loop).
//
//   pnpm exec tsx examples/kafka-sensors/consumer.ts [--bootstrap 127.0.0.1:19092] [--topic results]
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';

const { values: args } = parseArgs({
  options: {
    bootstrap: { type: 'string', default: '127.0.0.1:19092' },
    topic: { type: 'string', default: 'results' },
  },
  strict: true,
});

const kafka = new Kafka({ clientId: 'kafka-sensors-consumer', brokers: [args.bootstrap], logLevel: logLevel.ERROR });
// A fresh group each run reads the topic from its beginning (auto_offset_reset='earliest').
const consumer = kafka.consumer({ groupId: `kafka-sensors-consumer-${randomUUID()}` });
await consumer.connect();
await consumer.subscribe({ topic: args.topic, fromBeginning: true });
process.stdout.write('Initialization...\n');
await consumer.run({
  eachMessage: async ({ message }) => {
    process.stdout.write(`${message.value?.toString('utf8') ?? ''}\n`);
  },
});
const stop = async (): Promise<void> => {
  await consumer.disconnect();
  process.stdout.write('End\n');
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
