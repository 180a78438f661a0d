/** Where and why a record could not be parsed. `line` is 1-based within the file. */
export interface MalformedRecord {
  readonly path: string;
  readonly line: number;
  readonly reason: string;
}

/**
 * FAILFAST's error:
 * `Malformed records are detected in record parsing. Parse Mode: FAILFAST. File /x/y.json, line 3: <reason>`.
 * `phase` is `record parsing` when reading and `schema inference` while inferring the schema.
 */
export class MalformedRecordError extends Error {
  override readonly name = 'MalformedRecordError';

  constructor(readonly record: MalformedRecord, phase: 'record parsing' | 'schema inference' = 'record parsing') {
    super(`Malformed records are detected in ${phase}. Parse Mode: FAILFAST. File ${record.path}, line ${record.line}: ${record.reason}`);
  }
}
