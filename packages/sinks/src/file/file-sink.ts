import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  ColumnBatch, FileSinkLog, type FileSinkLogSettings, type OutputMode, type Sink, type SinkBatch, type SinkFileStatus, type StructType,
} from '@caudal/core';
import type { PartFileEncoder } from './format/part-file-encoder.ts';
import type { PartitionLayout } from './partition/partition-columns.ts';
import { splitByPartition } from './partition/split-by-partition.ts';
import { partFileName } from './part-file-name.ts';
import { writePartFile } from './write-part-file.ts';

export interface FileSinkConfig {
  /** Absolute output folder. */
  readonly path: string;
  readonly schema: StructType;
  readonly layout: PartitionLayout;
  readonly encoder: PartFileEncoder;
  /** 0 for no limit. */
  readonly maxRecordsPerFile: number;
  /** Zone for timestamp partition values. */
  readonly timeZone: string;
  readonly log: FileSinkLogSettings;
}

// The engine runs a batch as one task, so every part file carries task number 0.
const TASK = 0;

/**
 * Spark's `FileStreamSink`: each batch writes new part files (one per partition folder, more with
 * `maxRecordsPerFile`), then commits their list to `<path>/_caudal_metadata/<batchId>` (FileSinkLog).
 * Exactly-once: a batch id the manifest already holds is skipped, and readers see only listed files, so
 * files of a batch that failed before its commit are never read. A failing batch removes the files it wrote.
 *
 * @example
 * ```ts
 * import { FileSinkLog } from 'caudal';
 * const query = await df.writeStream.format('parquet').partitionBy('country')
 *   .option('path', 'out/orders').option('checkpointLocation', 'chk/orders').start();
 * await query.processAllAvailable();
 * FileSinkLog.readCommittedFiles('out/orders'); // the part files committed so far
 * await spark.read.parquet('out/orders').show(); // reads only committed files
 * // PySpark: df.writeStream.format("parquet").partitionBy("country").option("path", "out/orders").option("checkpointLocation", "chk/orders").start()
 * ```
 */
export class FileSink implements Sink {
  readonly description: string;
  private readonly log: FileSinkLog;

  constructor(private readonly cfg: FileSinkConfig) {
    this.description = `FileSink[${cfg.path}]`;
    this.log = new FileSinkLog(cfg.path, cfg.log);
  }

  async addBatch(batch: SinkBatch, _outputMode: OutputMode): Promise<void> {
    if (this.log.isCommitted(batch.batchId)) return;
    const parts = batch.batches.filter((b) => b.numRows > 0);
    const jobId = randomUUID();
    const written: string[] = [];
    try {
      const files: SinkFileStatus[] = [];
      const { encoder, layout, maxRecordsPerFile } = this.cfg;
      const total = parts.reduce((n, b) => n + b.numRows, 0);
      if (encoder.encodeStream !== undefined && layout.partitionIndices.length === 0 && (maxRecordsPerFile <= 0 || total <= maxRecordsPerFile)) {
        // One part file of all rows, written batch by batch: the same file as the general way below.
        if (total > 0) {
          const name = partFileName(TASK, jobId, 0, encoder.extension);
          const absolute = join(this.cfg.path, name);
          written.push(absolute);
          files.push(writePartFile(absolute, name, encoder.encodeStream(parts.map((b) => this.dataColumns(b.withSchema(this.cfg.schema))))));
        }
      } else {
        const rows = ColumnBatch.concat(this.cfg.schema, parts);
        for (const group of this.groups(rows)) {
          const data = this.dataColumns(group.rows === null ? rows : rows.take(group.rows));
          const chunk = maxRecordsPerFile > 0 ? maxRecordsPerFile : data.numRows;
          for (let start = 0, counter = 0; start < data.numRows; start += chunk, counter++) {
            const name = partFileName(TASK, jobId, counter, encoder.extension);
            const relative = group.folder === '' ? name : `${group.folder}/${name}`;
            const absolute = join(this.cfg.path, ...relative.split('/'));
            const bytes = await encoder.encode(data.slice(start, start + chunk));
            written.push(absolute);
            files.push(writePartFile(absolute, relative, bytes));
          }
        }
      }
      // Published last and atomically: until this line the batch is invisible to readers.
      this.log.add(batch.batchId, files);
    } catch (e) {
      for (const f of written) rmSync(f, { force: true });
      throw e;
    }
  }

  async stop(): Promise<void> {}

  /** The rows of each folder; without partition columns, one group of all rows (`rows: null`, no copy). */
  private groups(rows: ColumnBatch): { readonly folder: string; readonly rows: readonly number[] | null }[] {
    if (rows.numRows === 0) return [];
    if (this.cfg.layout.partitionIndices.length === 0) return [{ folder: '', rows: null }];
    return splitByPartition(rows, this.cfg.layout, this.cfg.timeZone);
  }

  private dataColumns(b: ColumnBatch): ColumnBatch {
    const { dataIndices, dataSchema } = this.cfg.layout;
    return new ColumnBatch(dataSchema, dataIndices.map((i) => b.column(i)), b.numRows);
  }
}
