// The course's occupancy-sensor exercise (a PySpark DStream program over Kafka, see README.md) as three
// Structured Streaming queries over the CSV rows producer.ts sends to topic `test`, each writing
// `name: value` messages to topic `results`:
//
//   1. per micro-batch: the averages of Temperature, Humidity and CO2 of the batch's rows (foreachBatch);
//   2. since the start: the same averages over the whole stream (an aggregation, update mode);
//   3. the average Light in 45-second windows sliding every 15 seconds, by each reading's own timestamp, with a
//      watermark: each window is sent once, when the watermark has passed its end (append mode).
//
//   pnpm exec tsx examples/kafka-sensors/main.ts [--bootstrap 127.0.0.1:19092] [--input test] [--output results]
//     [--starting latest] [--trigger '5 seconds'] [--watermark '1 minute'] [--checkpoint DIR]
//
// Averages are rounded to 2 decimals (`avg_temperature_since_start: 23.7`).
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { Session, array, avg, col, concat, date_format, explode, lit, round, struct, window, type Column, type DataFrame } from 'caudal';
import { parseReadings } from './readings.ts';

const { values: args } = parseArgs({
  options: {
    bootstrap: { type: 'string', default: '127.0.0.1:19092' },
    input: { type: 'string', default: 'test' },
    output: { type: 'string', default: 'results' },
    starting: { type: 'string', default: 'latest' },
    trigger: { type: 'string', default: '5 seconds' },
    watermark: { type: 'string', default: '1 minute' },
    checkpoint: { type: 'string', default: '.caudal-tmp/kafka-sensors/checkpoint' },
  },
  strict: true,
});
const checkpoint = resolve(args.checkpoint);

const spark = Session.builder().appName('PracticaStreamingKafka').getOrCreate();

const lines = parseReadings(spark.readStream.format('kafka')
  .option('kafka.bootstrap.servers', args.bootstrap)
  .option('subscribe', args.input)
  .option('startingOffsets', args.starting)
  .load());

/** One `name: value` message per (name, column) pair, as Kafka `key` and `value` columns. */
function messages(df: DataFrame, named: readonly (readonly [string, Column])[]): DataFrame {
  const each = named.map(([name, c]) => struct(lit(name).alias('key'), concat(lit(`${name}: `), round(c, 2).cast('string')).alias('value')));
  return df.select(explode(array(...each)).alias('m')).select(col('m.key').alias('key'), col('m.value').alias('value'));
}

const averages = (suffix: string): (readonly [string, Column])[] => [
  [`avg_temperature_${suffix}`, col('avg_temperature')],
  [`avg_humidity_${suffix}`, col('avg_humidity')],
  [`avg_co2_${suffix}`, col('avg_co2')],
];
const averaged = (df: DataFrame): DataFrame => df.agg(
  avg('Temperature').alias('avg_temperature'),
  avg('Humidity').alias('avg_humidity'),
  avg('CO2').alias('avg_co2'));

// Ejercicio 1a: averages of each micro-batch. There is no static Kafka writer, so the batch's messages are sent
// with a kafkajs producer, as the course's sendResults did with kafka-python.
const kafka = new Kafka({ clientId: 'kafka-sensors', brokers: [args.bootstrap], logLevel: logLevel.ERROR });
// The results topic is created up front (one partition) so the first send does not race its auto-creation.
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: args.output, numPartitions: 1 }], waitForLeaders: true });
await admin.disconnect();
const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
await producer.connect();
const byBatch = await lines.writeStream
  .queryName('by_batch')
  .trigger({ processingTime: args.trigger })
  .option('checkpointLocation', join(checkpoint, 'by_batch'))
  .foreachBatch(async (batch) => {
    const rows = await messages(averaged(batch), averages('by_batch')).collect();
    // An empty batch averages to nulls: nothing to report.
    const sent = rows.filter((r) => typeof r['value'] === 'string' && !r['value'].endsWith(': null'));
    if (sent.length > 0) {
      await producer.send({ topic: args.output, messages: sent.map((r) => ({ key: String(r['key']), value: String(r['value']) })) });
    }
  })
  .start();

// Ejercicio 1b: averages since the start (updateStateByKey in the DStream version).
const sinceStart = await messages(averaged(lines), averages('since_start')).writeStream
  .queryName('since_start')
  .outputMode('update')
  .trigger({ processingTime: args.trigger })
  .format('kafka')
  .option('kafka.bootstrap.servers', args.bootstrap)
  .option('topic', args.output)
  .option('checkpointLocation', join(checkpoint, 'since_start'))
  .start();

// Ejercicio 2: average Light in 45-second windows sliding every 15 seconds (reduceByKeyAndWindow(45, 15)).
const light = lines
  .withWatermark('Date', args.watermark)
  .groupBy(window(col('Date'), '45 seconds', '15 seconds'))
  .agg(avg('Light').alias('avg_light'));
const windowName = concat(lit('avg_light ['),
  date_format(col('window.start'), 'yyyy-MM-dd HH:mm:ss'), lit(', '),
  date_format(col('window.end'), 'yyyy-MM-dd HH:mm:ss'), lit(')'));
const lightWindows = await light
  .select(windowName.alias('key'), concat(windowName, lit(': '), round(col('avg_light'), 2).cast('string')).alias('value'))
  .writeStream
  .queryName('light_window')
  .outputMode('append')
  .trigger({ processingTime: args.trigger })
  .format('kafka')
  .option('kafka.bootstrap.servers', args.bootstrap)
  .option('topic', args.output)
  .option('checkpointLocation', join(checkpoint, 'light_window'))
  .start();

process.stdout.write(`reading ${args.input}, writing ${args.output}\n`);
const stop = async (): Promise<void> => {
  await Promise.all([byBatch.stop(), sinceStart.stop(), lightWindows.stop()]);
  await producer.disconnect();
  await spark.stop();
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
await spark.streams.awaitAnyTermination();
