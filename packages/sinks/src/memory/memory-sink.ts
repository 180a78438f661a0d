import type { ColumnBatch, OutputMode, Sink, SinkBatch, StructType, TableProvider } from '@caudal/core';

/**
 * Keeps a query's output in memory as engine batches and serves it as the table named after the query.
 * Append and update add each batch's rows (update as append, like Spark); complete replaces them.
 * A batch id at or below the last one added is a replay and is skipped, so restarts never duplicate rows.
 *
 * @example
 * ```ts
 * const query = await counts.writeStream.outputMode('complete').format('memory').queryName('word_counts').start();
 * await query.processAllAvailable();
 * await spark.table('word_counts').orderBy('word').show(); // the MemorySink's rows
 * // PySpark: spark.table("word_counts").show()  (after .format("memory").queryName("word_counts"))
 * ```
 */
export class MemorySink implements Sink, TableProvider {
  readonly description = 'MemorySink';
  private batches: ColumnBatch[] = [];
  private lastBatchId: number | null = null;

  constructor(
    /** The query's output columns. */
    readonly schema: StructType,
  ) {}

  /** Id of the last batch added, or null before the first. */
  get latestBatchId(): number | null {
    return this.lastBatchId;
  }

  async addBatch(batch: SinkBatch, outputMode: OutputMode): Promise<void> {
    if (this.lastBatchId !== null && batch.batchId <= this.lastBatchId) return;
    // The table's schema is fixed at start; batches carry the same columns under it.
    const kept = batch.batches.filter((b) => b.numRows > 0).map((b) => (b.schema === this.schema ? b : b.withSchema(this.schema)));
    if (outputMode === 'complete') this.batches = kept;
    else this.batches.push(...kept);
    this.lastBatchId = batch.batchId;
  }

  /** The rows as of now; later batches do not change a snapshot already taken. */
  snapshot(): readonly ColumnBatch[] {
    return [...this.batches];
  }

  /** Rows the table holds now. */
  get numRows(): number {
    let n = 0;
    for (const b of this.batches) n += b.numRows;
    return n;
  }

  /** Drops all rows (the table stays registered). */
  clear(): void {
    this.batches = [];
  }

  /** The table outlives the query (queryable after stop), as in Spark. */
  async stop(): Promise<void> {}
}
