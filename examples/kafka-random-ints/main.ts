// Reads random integers from a Kafka topic and prints those above 50 after every micro-batch.
//
//   pnpm exec tsx examples/kafka-random-ints/main.ts [bootstrap] [topic] [startingOffsets]
//   (default: 127.0.0.1:19092 random-ints latest)
//
// Start a broker first (`bash scripts/kafka.sh start`) and the producer beside it
// (`pnpm exec tsx examples/kafka-random-ints/producer.ts`).
//
// PySpark                                                     | Caudal
// ------------------------------------------------------------+------------------------------------------------------------
// spark = SparkSession.builder \                              | const spark = Session.builder()
//     .appName("KafkaRandomInts").getOrCreate()                |   .appName('KafkaRandomInts').getOrCreate();
//                                                              |
// records = spark.readStream \                                 | const records = spark.readStream
//     .format("kafka") \                                       |   .format('kafka')
//     .option("kafka.bootstrap.servers", bootstrap) \          |   .option('kafka.bootstrap.servers', bootstrap)
//     .option("subscribe", topic) \                            |   .option('subscribe', topic)
//     .option("startingOffsets", starting) \                   |   .option('startingOffsets', starting)
//     .load()                                                  |   .load();
//                                                              |
// numbers = records.select(                                    | const numbers = records.select(
//     col("partition"), col("offset"),                         |   col('partition'), col('offset'),
//     col("value").cast("string").cast("int")                  |   col('value').cast('string').cast('int')
//         .alias("number"))                                    |     .alias('number'));
//                                                              |
// big = numbers.filter(col("number") > 50)                     | const big = numbers.filter(col('number').gt(50));
//                                                              |
// query = big.writeStream \                                    | const query = await big.writeStream
//     .format("console") \                                     |   .format('console')
//     .start()                                                 |   .start();
// query.awaitTermination()                                     | await query.awaitTermination();
//
// `col("number") > 50` becomes `col('number').gt(50)` (TypeScript has no operator overloading).
import { Session, col } from 'caudal';

const [bootstrap = '127.0.0.1:19092', topic = 'random-ints', starting = 'latest'] = process.argv.slice(2);

const spark = Session.builder()
  .appName('KafkaRandomInts').getOrCreate();

// Each Kafka record's value is the text of one integer, e.g. "73".
const records = spark.readStream
  .format('kafka')
  .option('kafka.bootstrap.servers', bootstrap)
  .option('subscribe', topic)
  .option('startingOffsets', starting)
  .load();

const numbers = records.select(
  col('partition'), col('offset'),
  col('value').cast('string').cast('int')
    .alias('number'));

const big = numbers.filter(col('number').gt(50));

const query = await big.writeStream
  .format('console')
  .start();
await query.awaitTermination();
