// Reads JSON messages such as [{"randomInt": 7}, {"randomInt": 42}] from a Kafka topic and prints the sum of
// each message's integers. A message that is not such JSON does not stop the query: it shows with a null sum.
//
//   pnpm exec tsx examples/kafka-json-sum/main.ts [bootstrap] [topic] [startingOffsets]
//   (default: 127.0.0.1:19092 json-ints latest)
//
// PySpark                                                     | Caudal
// ------------------------------------------------------------+------------------------------------------------------------
// spark = SparkSession.builder \                              | const spark = Session.builder()
//     .appName("KafkaJsonSum").getOrCreate()                   |   .appName('KafkaJsonSum').getOrCreate();
//                                                              |
// messages = spark.readStream.format("kafka") \                | const messages = spark.readStream.format('kafka')
//     .option("kafka.bootstrap.servers", bootstrap) \          |   .option('kafka.bootstrap.servers', bootstrap)
//     .option("subscribe", topic) \                            |   .option('subscribe', topic)
//     .option("startingOffsets", starting) \                   |   .option('startingOffsets', starting)
//     .load() \                                                |   .load()
//     .select("partition", "offset",                           |   .select(col('partition'), col('offset'),
//             col("value").cast("string").alias("json"))       |     col('value').cast('string').alias('json'));
//                                                              |
// schema = "array<struct<randomInt:int>>"                      | const schema = 'array<struct<randomInt:int>>';
// items = messages.select(                                     | const items = messages.select(
//     "partition", "offset", "json",                           |   col('partition'), col('offset'), col('json'),
//     explode_outer(from_json("json", schema)).alias("item"))  |   explode_outer(from_json(col('json'), schema)).alias('item'));
//                                                              |
// sums = items.groupBy("partition", "offset", "json").agg(     | const sums = items.groupBy('partition', 'offset', 'json').agg(
//     count("item").alias("numbers"),                          |   count(col('item')).alias('numbers'),
//     sum("item.randomInt").alias("sum"))                      |   sum(col('item.randomInt')).alias('sum'));
//                                                              |
// query = sums.writeStream.outputMode("update") \              | const query = await sums.writeStream.outputMode('update')
//     .format("console").option("truncate", False).start()     |   .format('console').option('truncate', false).start();
// query.awaitTermination()                                     | await query.awaitTermination();
//
// from_json gives null for text that is not JSON of the schema; explode_outer keeps such a message as one row
// with a null item, so it is listed with 0 numbers and a null sum instead of vanishing. Each message is a group
// of its own (partition, offset), complete within the batch that reads it, so update mode prints each
// message's sum once. (Spark 3.1+ could also sum without grouping, with the higher-order function
// `aggregate(...)`, which Caudal does not have yet.)
import { Session, col, count, explode_outer, from_json, sum } from 'caudal';

const [bootstrap = '127.0.0.1:19092', topic = 'json-ints', starting = 'latest'] = process.argv.slice(2);

const spark = Session.builder()
  .appName('KafkaJsonSum').getOrCreate();

const messages = spark.readStream.format('kafka')
  .option('kafka.bootstrap.servers', bootstrap)
  .option('subscribe', topic)
  .option('startingOffsets', starting)
  .load()
  .select(col('partition'), col('offset'),
    col('value').cast('string').alias('json'));

const schema = 'array<struct<randomInt:int>>';
const items = messages.select(
  col('partition'), col('offset'), col('json'),
  explode_outer(from_json(col('json'), schema)).alias('item'));

const sums = items.groupBy('partition', 'offset', 'json').agg(
  count(col('item')).alias('numbers'),
  sum(col('item.randomInt')).alias('sum'));

const query = await sums.writeStream.outputMode('update')
  .format('console').option('truncate', false).start();
await query.awaitTermination();
