import { ColumnBatch, type StructType } from '@caudal/core';
import { ColumnBuilder } from './column-builder.ts';

/**
 * Collects parsed rows column by column and hands them out as ColumnBatches of at most `batchRows` rows.
 * A row comes whole (`appendRow`) or one value per column into `columns` followed by `endRow`.
 */
export class BatchBuilder {
  private builders: ColumnBuilder[];
  private rows = 0;
  private readonly done: ColumnBatch[] = [];

  constructor(readonly schema: StructType, private readonly batchRows = 65_536) {
    this.builders = this.newBuilders();
  }

  /** One row of internal values in schema order (null for null). */
  appendRow(values: readonly unknown[]): void {
    const bs = this.builders;
    for (let c = 0; c < bs.length; c++) bs[c]!.append(values[c]);
    if (++this.rows === this.batchRows) this.flush();
  }

  /** The builders of the batch being filled; replaced when `endRow` completes a batch. */
  get columns(): readonly ColumnBuilder[] {
    return this.builders;
  }

  /** Ends a row whose values went into `columns`, one per column. */
  endRow(): void {
    if (++this.rows === this.batchRows) this.flush();
  }

  /** Drops the values of a row begun in `columns` and not ended. */
  dropPartialRow(): void {
    for (const b of this.builders) b.truncate(this.rows);
  }

  get totalRows(): number {
    return this.done.reduce((n, b) => n + b.numRows, 0) + this.rows;
  }

  finish(): ColumnBatch[] {
    this.flush();
    return this.done;
  }

  private flush(): void {
    if (this.rows === 0) return;
    this.done.push(new ColumnBatch(this.schema, this.builders.map((b) => b.finish()), this.rows));
    this.builders = this.newBuilders();
    this.rows = 0;
  }

  private newBuilders(): ColumnBuilder[] {
    return this.schema.fields.map((f) => new ColumnBuilder(f.dataType));
  }
}
