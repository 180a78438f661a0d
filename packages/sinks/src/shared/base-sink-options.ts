/** Options every streaming sink accepts (the writer passes them through `.option(...)`). */
export interface BaseSinkOptions {
  /** Where the query keeps offsets and commits; optional for the built-in sinks in this package. */
  readonly checkpointLocation?: string;
}
