// The socket word count in Spark SQL: the lines a TCP server sends become a temporary view, and one SQL
// query counts their words. Two ways to see the counts, as in the course material:
//   console  the query writes the running counts to the console after every micro-batch;
//   memory   the query writes them to an in-memory table `wordcounts`, and after every micro-batch
//            the program runs `SELECT * FROM wordcounts ORDER BY count DESC, word` and shows it.
//
//   pnpm exec tsx examples/sql-wordcount/main.ts [host] [port] [console|memory]   (default: localhost 9999 console)
//
// Start a line server first: `nc -lk 9999`, or `pnpm exec tsx examples/socket-wordcount/line-server.ts`.
//
// PySpark                                                     | Caudal
// ------------------------------------------------------------+------------------------------------------------------------
// lines = spark.readStream.format("socket") \                  | const lines = spark.readStream.format('socket')
//     .option("host", host).option("port", port).load()        |   .option('host', host).option('port', port).load();
// lines.createOrReplaceTempView("lines")                       | lines.createOrReplaceTempView('lines');
//                                                              |
// wordCounts = spark.sql("""                                   | const wordCounts = spark.sql(`
//     SELECT word, count(*) AS count                           |   SELECT word, count(*) AS count
//     FROM (SELECT explode(split(value, ' ')) AS word          |   FROM (SELECT explode(split(value, ' ')) AS word
//           FROM lines)                                        |         FROM lines)
//     GROUP BY word""")                                        |   GROUP BY word`);
//                                                              |
// query = wordCounts.writeStream.outputMode("complete") \      | const query = await wordCounts.writeStream.outputMode('complete')
//     .format("memory").queryName("wordcounts").start()        |   .format('memory').queryName('wordcounts').start();
// spark.sql("SELECT * FROM wordcounts "                        | await spark.sql('SELECT * FROM wordcounts '
//           "ORDER BY count DESC, word").show()                |   + 'ORDER BY count DESC, word').show();
//
// (With `console`, the query uses `.format("console")` and the program waits in `awaitTermination()`.)
import { Session, type QueryProgressEvent } from 'caudal';

const USAGE = 'Usage: main.ts [host] [port] [console|memory]   (default: localhost 9999 console)';

/** `[host] [port] [sink]`; a first argument of digits is the port, so `main.ts 9999 memory` works. */
function parseArgs(argv: readonly string[]): { host: string; port: number; sink: 'console' | 'memory' } {
  const args = [...argv];
  const host = args[0] !== undefined && !/^\d+$/.test(args[0]) ? args.shift()! : 'localhost';
  const portText = args.shift() ?? '9999';
  const sink = args.shift() ?? 'console';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535 || (sink !== 'console' && sink !== 'memory') || args.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(1);
  }
  return { host, port, sink };
}

const { host, port, sink } = parseArgs(process.argv.slice(2));

const spark = Session.builder().appName('StructuredNetworkWordCountSQL').getOrCreate();

// The stream of input lines from host:port, as a temporary view
const lines = spark.readStream.format('socket').option('host', host).option('port', port).load();
lines.createOrReplaceTempView('lines');

// The running word count, in SQL: a streaming DataFrame like the one the DataFrame API builds
const wordCounts = spark.sql(`
  SELECT word, count(*) AS count
  FROM (SELECT explode(split(value, ' ')) AS word FROM lines)
  GROUP BY word`);

if (sink === 'console') {
  const query = await wordCounts.writeStream.outputMode('complete').format('console').start();
  await query.awaitTermination();
} else {
  const rule = '-'.repeat(43);
  // After each micro-batch that read lines, query the memory table (one at a time, in batch order).
  let shown: Promise<void> = Promise.resolve();
  spark.streams.addListener({
    onQueryProgress({ progress }: QueryProgressEvent) {
      if (progress.numInputRows === 0) return;
      shown = shown.then(async () => {
        process.stdout.write(`${rule}\nwordcounts after batch ${progress.batchId}\n${rule}\n`);
        await spark.sql('SELECT * FROM wordcounts ORDER BY count DESC, word').show();
      });
    },
  });
  const query = await wordCounts.writeStream.outputMode('complete').format('memory').queryName('wordcounts').start();
  await query.awaitTermination();
}
