// The Bizum exercise of the seed course ("Ejercicio Bizum"): payments arrive as small CSV files
// `Nombre;Cantidad;Concepto` (no header) in a folder; the query shows, for each person, their largest
// payment (the same name in another letter case is the same person), the whole table after every batch.
//
//   pnpm exec tsx examples/bizum/main.ts [--input DIR] [--checkpoint DIR]
//
// Default input: .caudal-tmp/bizum/recibidos. Feed it with `simulator.ts`, which copies the files of
// examples/bizum/data (the payments "not yet arrived") into it every few seconds.
//
// PySpark                                                         | Caudal
// ----------------------------------------------------------------+------------------------------------------------------------
// spark = SparkSession.builder.appName("Bizums").getOrCreate()     | const spark = Session.builder().appName('Bizums').getOrCreate();
//                                                                  |
// bizums = spark.readStream \                                      | const bizums = spark.readStream
//     .option("sep", ";") \                                        |   .option('sep', ';')
//     .schema("Nombre STRING, Cantidad INT, Concepto STRING") \    |   .schema('Nombre STRING, Cantidad INT, Concepto STRING')
//     .csv("recibidos")                                            |   .csv(input);
//                                                                  |
// maximos = bizums \                                               | const maximos = bizums
//     .select(lower(col("Nombre")).alias("Nombre"), "Cantidad") \  |   .select(lower(col('Nombre')).alias('Nombre'), 'Cantidad')
//     .groupBy("Nombre") \                                         |   .groupBy('Nombre')
//     .agg(max("Cantidad").alias("Maximo")) \                      |   .agg(max('Cantidad').alias('Maximo'))
//     .orderBy("Nombre")                                           |   .orderBy('Nombre');
//                                                                  |
// query = maximos.writeStream \                                    | const query = await maximos.writeStream
//     .outputMode("complete") \                                    |   .outputMode('complete')
//     .format("console") \                                         |   .format('console')
//     .start()                                                     |   .start();
// query.awaitTermination()                                         | await query.awaitTermination();
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Session, col, lower, max } from 'caudal';

const { values: args } = parseArgs({
  options: {
    input: { type: 'string', default: '.caudal-tmp/bizum/recibidos' },
    // The console sink needs no checkpoint; give one to keep the progress across restarts.
    checkpoint: { type: 'string' },
  },
  strict: true,
});

const input = resolve(args.input);
// Spark fails on a folder that does not exist yet; the example creates it so either program may start first.
mkdirSync(input, { recursive: true });

const spark = Session.builder().appName('Bizums').getOrCreate();

const bizums = spark.readStream
  .option('sep', ';')
  .schema('Nombre STRING, Cantidad INT, Concepto STRING')
  .csv(input);

const maximos = bizums
  .select(lower(col('Nombre')).alias('Nombre'), 'Cantidad')
  .groupBy('Nombre')
  .agg(max('Cantidad').alias('Maximo'))
  .orderBy('Nombre');

let writer = maximos.writeStream
  .outputMode('complete')
  .format('console');
if (args.checkpoint !== undefined) writer = writer.option('checkpointLocation', resolve(args.checkpoint));
const query = await writer.start();
process.stderr.write(`Waiting for bizums in ${input}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void query.stop());
}

await query.awaitTermination();
