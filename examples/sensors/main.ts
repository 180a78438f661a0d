// The occupancy sensors exercise of the seed course (a DStream program over Kafka), as two Structured
// Streaming queries over the readings the simulator drops into a folder as CSV files:
//
//   1. the average light in 45-second windows sliding every 15 seconds, by event time, with a watermark:
//      each window is printed once, when the watermark has passed its end (append mode);
//   2. the running averages of temperature, humidity and CO2 since the start (an aggregation over the
//      whole stream, update mode).
//
//   pnpm exec tsx examples/sensors/main.ts [--input DIR] [--watermark '10 seconds'] [--checkpoint DIR]
//
// Default input: .caudal-tmp/sensors/input; feed it with simulator.ts. See README.md for the course's DStream
// version beside this one.
//
// PySpark (Structured Streaming)                                  | Caudal
// ----------------------------------------------------------------+------------------------------------------------------------
// spark = SparkSession.builder \                                   | const spark = Session.builder()
//     .appName("Sensores").getOrCreate()                           |   .appName('Sensores').getOrCreate();
//                                                                  |
// lecturas = spark.readStream \                                    | const lecturas = spark.readStream
//     .schema(ESQUEMA) \                                           |   .schema(READINGS_SCHEMA)
//     .option("header", True) \                                    |   .option('header', true)
//     .option("maxFilesPerTrigger", 1) \                           |   .option('maxFilesPerTrigger', 1)
//     .csv("entrada")                                              |   .csv(input);
//                                                                  |
// luz = lecturas \                                                 | const luz = lecturas
//     .withWatermark("EventTime", "10 seconds") \                  |   .withWatermark('EventTime', args.watermark)
//     .groupBy(window("EventTime", "45 seconds", "15 seconds")) \ |   .groupBy(window(col('EventTime'), '45 seconds', '15 seconds'))
//     .agg(avg("Light").alias("AvgLight"))                         |   .agg(avg('Light').alias('AvgLight'));
//                                                                  |
// medias = lecturas.agg(                                           | const medias = lecturas.agg(
//     avg("Temperature").alias("AvgTemperature"),                  |   avg('Temperature').alias('AvgTemperature'),
//     avg("Humidity").alias("AvgHumidity"),                        |   avg('Humidity').alias('AvgHumidity'),
//     avg("CO2").alias("AvgCO2"))                                  |   avg('CO2').alias('AvgCO2'));
//                                                                  |
// q1 = luz.writeStream.outputMode("append") \                      | const q1 = await luz.writeStream.outputMode('append')
//     .format("console").option("truncate", False) \               |   .format('console').option('truncate', false)
//     .queryName("luz").start()                                    |   .queryName('luz').start();
// q2 = medias.writeStream.outputMode("update") \                   | const q2 = await medias.writeStream.outputMode('update')
//     .format("console").option("truncate", False) \               |   .format('console').option('truncate', false)
//     .queryName("medias").start()                                 |   .queryName('medias').start();
// spark.streams.awaitAnyTermination()                              | await spark.streams.awaitAnyTermination();
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Session, avg, col, window } from 'caudal';
import { READINGS_SCHEMA } from './replay.ts';

const { values: args } = parseArgs({
  options: {
    input: { type: 'string', default: '.caudal-tmp/sensors/input' },
    watermark: { type: 'string', default: '10 seconds' },
    checkpoint: { type: 'string' },
  },
  strict: true,
});

const input = resolve(args.input);
// Spark fails on a folder that does not exist yet; the example creates it so either program may start first.
mkdirSync(input, { recursive: true });

const spark = Session.builder().appName('Sensores').getOrCreate();

const lecturas = spark.readStream
  .schema(READINGS_SCHEMA)
  .option('header', true)
  .option('maxFilesPerTrigger', 1)
  .csv(input);

// Ejercicio 2: average light in 45-second windows sliding every 15 seconds (by event time).
const luz = lecturas
  .withWatermark('EventTime', args.watermark)
  .groupBy(window(col('EventTime'), '45 seconds', '15 seconds'))
  .agg(avg('Light').alias('AvgLight'));

// Ejercicio 1: averages since the start of the application.
const medias = lecturas.agg(
  avg('Temperature').alias('AvgTemperature'),
  avg('Humidity').alias('AvgHumidity'),
  avg('CO2').alias('AvgCO2'));

/** The console sink needs no checkpoint; with --checkpoint each query keeps its own folder under it. */
const checkpointOf = (name: string): Record<string, string> =>
  args.checkpoint === undefined ? {} : { checkpointLocation: join(resolve(args.checkpoint), name) };

const q1 = await luz.writeStream.outputMode('append')
  .format('console').option('truncate', false)
  .options(checkpointOf('luz'))
  .queryName('luz').start();
const q2 = await medias.writeStream.outputMode('update')
  .format('console').option('truncate', false)
  .options(checkpointOf('medias'))
  .queryName('medias').start();
process.stderr.write(`Waiting for sensor readings in ${input}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void Promise.all([q1.stop(), q2.stop()]));
}

await spark.streams.awaitAnyTermination();
await Promise.all([q1.stop(), q2.stop()]);
