// Windowed word count over a socket, with a watermark, in append mode (see windowed-word-count.ts for the
// query beside its PySpark original):
//
//   pnpm exec tsx examples/windowed-wordcount/main.ts [host] [port] [--window '10 minutes'] [--slide D] [--watermark '10 minutes']
//
// Defaults: localhost 9999, 10-minute tumbling windows, a 10-minute watermark: a window is printed once the
// server has sent a line 10 minutes after the window's end. Try `--window '20 seconds' --watermark '5 seconds'`
// to see windows close sooner. Start a line server first: `nc -lk 9999`, or
// `pnpm exec tsx examples/socket-wordcount/line-server.ts --loop`.
//
// PySpark                                                          | Caudal
// -----------------------------------------------------------------+------------------------------------------------------------
// spark = SparkSession\                                             | const spark = Session
//     .builder\                                                     |   .builder()
//     .appName("StructuredNetworkWordCountWindowed")\               |   .appName('StructuredNetworkWordCountWindowed')
//     .getOrCreate()                                                |   .getOrCreate();
//                                                                   |
// ... (windowed-word-count.ts)                                      | const windowedCounts = windowedWordCounts(spark, {...});
//                                                                   |
// query = windowedCounts\                                           | const query = await windowedCounts
//     .writeStream\                                                 |   .writeStream
//     .outputMode('append')\                                        |   .outputMode('append')
//     .format('console')\                                           |   .format('console')
//     .option('truncate', 'false')\                                 |   .option('truncate', 'false')
//     .start()                                                      |   .start();
//                                                                   |
// query.awaitTermination()                                          | await query.awaitTermination();
import { parseArgs } from 'node:util';
import { Session } from 'caudal';
import { windowedWordCounts } from './windowed-word-count.ts';

const USAGE = "Usage: main.ts [host] [port] [--window '10 minutes'] [--slide DURATION] [--watermark '10 minutes']";

function usage(): never {
  process.stderr.write(`${USAGE}\n`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      window: { type: 'string', default: '10 minutes' },
      slide: { type: 'string' },
      watermark: { type: 'string', default: '10 minutes' },
    },
    allowPositionals: true,
  });
} catch {
  usage();
}
const { values, positionals } = parsed;

// `[host] [port]`; a first argument of digits is the port, so `main.ts 9999` works.
const rest = [...positionals];
const host = rest[0] !== undefined && !/^\d+$/.test(rest[0]) ? rest.shift()! : 'localhost';
const portText = rest.shift() ?? '9999';
const port = Number(portText);
if (!/^\d+$/.test(portText) || port < 1 || port > 65535 || rest.length > 0) usage();

const spark = Session
  .builder()
  .appName('StructuredNetworkWordCountWindowed')
  .getOrCreate();

const windowedCounts = windowedWordCounts(spark, {
  host,
  port,
  windowDuration: values.window,
  slideDuration: values.slide ?? values.window,
  watermarkDelay: values.watermark,
});

const query = await windowedCounts
  .writeStream
  .outputMode('append')
  .format('console')
  .option('truncate', 'false')
  .start();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void query.stop());
}

await query.awaitTermination();
