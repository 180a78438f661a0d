import { formatCell, type DataType } from '@caudal/core';
import { DEFAULT_PARTITION_NAME, escapePathName } from './escape-path-name.ts';

const utf8 = new TextDecoder();

/**
 * One `key=value` folder name: the value cast to a string as Spark casts it (timestamps in the session
 * zone, `2024-01-01 12:00:00`), null or empty as `__HIVE_DEFAULT_PARTITION__`, both sides escaped.
 */
export function partitionFolderName(name: string, type: DataType, value: unknown, timeZone: string): string {
  return `${escapePathName(name)}=${partitionValueText(type, value, timeZone)}`;
}

function partitionValueText(type: DataType, value: unknown, timeZone: string): string {
  if (value === null || value === undefined) return DEFAULT_PARTITION_NAME;
  const text = type.kind === 'binary' ? utf8.decode(value as Uint8Array) : formatCell(type, value, timeZone);
  return text === '' ? DEFAULT_PARTITION_NAME : escapePathName(text);
}
