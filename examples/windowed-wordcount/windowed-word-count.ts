// Spark's structured_network_wordcount_windowed.py with the programming guide's watermark ("Handling Late
// Data and Watermarking"), ported line by line: the words of the lines a TCP server sends, counted per
// event-time window of the time each line arrived (`includeTimestamp`), with a watermark so that append
// mode can print each window once, final, after the watermark has passed its end, and then forget it.
// main.ts runs it with the console sink; the test runs it on a manual clock.
//
// PySpark                                                          | Caudal
// -----------------------------------------------------------------+------------------------------------------------------------
// lines = spark\                                                    | const lines = spark
//     .readStream\                                                  |   .readStream
//     .format('socket')\                                            |   .format('socket')
//     .option('host', host)\                                        |   .option('host', host)
//     .option('port', port)\                                        |   .option('port', port)
//     .option('includeTimestamp', 'true')\                          |   .option('includeTimestamp', 'true')
//     .load()                                                       |   .load();
//                                                                   |
// # Split the lines into words, retaining timestamps                | // Split the lines into words, retaining timestamps
// words = lines.select(                                             | const words = lines.select(
//     explode(split(lines.value, ' ')).alias('word'),               |   explode(split(col('value'), ' ')).alias('word'),
//     lines.timestamp                                               |   col('timestamp'),
// )                                                                 | );
//                                                                   |
// # Group the data by window and word and compute the count          | // Group the data by window and word and compute the count
// windowedCounts = words \                                          | const windowedCounts = words
//     .withWatermark('timestamp', watermarkDelay) \                 |   .withWatermark('timestamp', watermarkDelay)
//     .groupBy(                                                     |   .groupBy(
//         window(words.timestamp, windowDuration, slideDuration),   |     window(col('timestamp'), windowDuration, slideDuration),
//         words.word                                                |     col('word'),
//     ).count()                                                     |   ).count();
//
// Spark's example sorts the windows (`.orderBy('window')`) and runs in complete mode; append mode cannot
// sort (Spark allows sorting only in complete mode), and needs no sort: windows come out as they close.
import { col, explode, split, window, type DataFrame, type Session } from 'caudal';

export interface WindowedWordCountOptions {
  readonly host: string;
  readonly port: number;
  /** e.g. `10 minutes`. */
  readonly windowDuration: string;
  /** Equal to windowDuration for tumbling windows. */
  readonly slideDuration: string;
  /** How late (behind the latest arrival seen) a line may still be counted, e.g. `10 minutes`. */
  readonly watermarkDelay: string;
}

/** The windowed word counts of the lines the server at host:port sends (a streaming DataFrame; nothing runs yet). */
export function windowedWordCounts(spark: Session, o: WindowedWordCountOptions): DataFrame {
  const { host, port, windowDuration, slideDuration, watermarkDelay } = o;

  const lines = spark
    .readStream
    .format('socket')
    .option('host', host)
    .option('port', port)
    .option('includeTimestamp', 'true')
    .load();

  // Split the lines into words, retaining timestamps
  const words = lines.select(
    explode(split(col('value'), ' ')).alias('word'),
    col('timestamp'),
  );

  // Group the data by window and word and compute the count of each group
  const windowedCounts = words
    .withWatermark('timestamp', watermarkDelay)
    .groupBy(
      window(col('timestamp'), windowDuration, slideDuration),
      col('word'),
    ).count();

  return windowedCounts;
}
