// Child process of the crash test: a rate-micro-batch query (7 rows a batch) into a json file sink
// partitioned by value % 3, run until the parent kills it with SIGKILL. Args: <output folder> <checkpoint>.
import { Session, col } from 'caudal';

const [out, checkpoint] = process.argv.slice(2);
if (out === undefined || checkpoint === undefined) throw new Error('usage: crash-writer <out> <checkpoint>');
const session = Session.builder().config('spark.sql.session.timeZone', 'UTC').create();
const query = await session.readStream.format('rate-micro-batch').option('rowsPerBatch', 7).load()
  .select(col('value'), col('value').mod(3).alias('bucket'))
  .writeStream.format('json').partitionBy('bucket').trigger({ processingTime: '15 milliseconds' })
  .option('checkpointLocation', checkpoint).start(out);
await query.awaitTermination();
