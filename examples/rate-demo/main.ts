// The main demo (`pnpm demo`): a streaming aggregation over the embedded rate-micro-batch source, so it
// needs no external service. Every 500 ms a micro-batch of 10 new values arrives; the query groups all
// values so far by `value % 5` and prints the count and sum of each bucket (complete mode). After 5
// batches a listener stops the query, and the program prints a summary from `lastProgress` and exits.
//
// In PySpark:
//   rates = spark.readStream.format("rate-micro-batch").option("rowsPerBatch", 10).load()
//   buckets = rates.withColumn("bucket", col("value") % 5) \
//       .groupBy("bucket").agg(count("*").alias("count"), sum("value").alias("sum"))
//   query = buckets.writeStream.outputMode("complete").format("console") \
//       .trigger(processingTime="500 milliseconds").start()
import { Session, col, count, sum } from 'caudal';

const ROWS_PER_BATCH = 10;
const BATCHES = 5;

const spark = Session.builder().appName('RateDemo').getOrCreate();

const rates = spark.readStream.format('rate-micro-batch').option('rowsPerBatch', ROWS_PER_BATCH).load();

const buckets = rates
  .withColumn('bucket', col('value').mod(5))
  .groupBy('bucket')
  .agg(count('*').alias('count'), sum('value').alias('sum'));

// Stopping from the listener, while the batch loop waits for it, makes the run exactly BATCHES batches.
spark.streams.addListener({
  onQueryProgress: ({ progress }) => {
    if (progress.batchId === BATCHES - 1) void spark.streams.get(progress.id)?.stop();
  },
});

process.stdout.write(
  `Counting rate-micro-batch values (${ROWS_PER_BATCH} per batch) by value % 5, ` +
  `one batch every 500 ms; stopping after ${BATCHES} batches.\n\n`,
);

const query = await buckets
  .writeStream
  .outputMode('complete')
  .format('console')
  .trigger({ processingTime: '500 milliseconds' })
  .start();

await query.awaitTermination();

const last = query.lastProgress;
if (last === null) throw new Error('the demo query stopped before its first batch');
const rowsRead = query.recentProgress.reduce((n, p) => n + p.numInputRows, 0);
process.stdout.write(
  `Done: ${last.batchId + 1} batches, ${rowsRead} rows read from ${last.sources[0]?.description ?? 'the source'}; ` +
  `last batch ${last.batchId}: ${last.numInputRows} rows in, ${last.sink.numOutputRows} rows out, ` +
  `${last.stateOperators[0]?.numRowsTotal ?? 0} groups in state, ${last.batchDuration} ms.\n`,
);

await spark.stop();
