// Spark's structured_network_wordcount.py, ported line by line: counts the words of the lines a TCP
// server sends and prints the running counts after every micro-batch.
//
//   pnpm exec tsx examples/socket-wordcount/main.ts [host] [port] [mode]     (default: localhost 9999 complete)
//
// Start a line server first: `nc -lk 9999`, or `pnpm exec tsx examples/socket-wordcount/line-server.ts`.
//
// PySpark                                                     | Caudal
// ------------------------------------------------------------+------------------------------------------------------------
// spark = SparkSession \                                        | const spark = Session
//     .builder \                                               |   .builder()
//     .appName("StructuredNetworkWordCount") \                 |   .appName('StructuredNetworkWordCount')
//     .getOrCreate()                                           |   .getOrCreate();
//                                                              |
// lines = spark \                                              | const lines = spark
//     .readStream \                                            |   .readStream
//     .format("socket") \                                      |   .format('socket')
//     .option("host", host) \                                  |   .option('host', host)
//     .option("port", port) \                                  |   .option('port', port)
//     .load()                                                  |   .load();
//                                                              |
// words = lines.select(                                        | const words = lines.select(
//    explode(                                                  |   explode(
//        split(lines.value, " ")                               |     split(col('value'), ' '),
//    ).alias("word")                                           |   ).alias('word'),
// )                                                            | );
//                                                              |
// wordCounts = words.groupBy("word").count()                   | const wordCounts = words.groupBy('word').count();
//                                                              |
// query = wordCounts \                                         | const query = await wordCounts
//     .writeStream \                                           |   .writeStream
//     .outputMode("complete") \                                |   .outputMode(mode)
//     .format("console") \                                     |   .format('console')
//     .start()                                                 |   .start();
//                                                              |
// query.awaitTermination()                                     | await query.awaitTermination();
//
// `lines.value` becomes `col('value')` (TypeScript has no column attributes), and `start()` and
// `awaitTermination()` are awaited.
import { Session, col, explode, split } from 'caudal';

const USAGE = 'Usage: main.ts [host] [port] [append|update|complete]   (default: localhost 9999 complete)';

/** `[host] [port] [mode]`; a first argument of digits is the port, so `main.ts 9999 update` works. */
function parseArgs(argv: readonly string[]): { host: string; port: number; mode: string } {
  const args = [...argv];
  const host = args[0] !== undefined && !/^\d+$/.test(args[0]) ? args.shift()! : 'localhost';
  const portText = args.shift() ?? '9999';
  const mode = args.shift() ?? 'complete';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535 || args.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(1);
  }
  return { host, port, mode };
}

const { host, port, mode } = parseArgs(process.argv.slice(2));

const spark = Session
  .builder()
  .appName('StructuredNetworkWordCount')
  .getOrCreate();

// Create DataFrame representing the stream of input lines from connection to host:port
const lines = spark
  .readStream
  .format('socket')
  .option('host', host)
  .option('port', port)
  .load();

// Split the lines into words
const words = lines.select(
  explode(
    split(col('value'), ' '),
  ).alias('word'),
);

// Generate running word count
const wordCounts = words.groupBy('word').count();

// Start running the query that prints the running counts to the console
const query = await wordCounts
  .writeStream
  .outputMode(mode)
  .format('console')
  .start();

await query.awaitTermination();
