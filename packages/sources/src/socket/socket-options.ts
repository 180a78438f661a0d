import { OptionError, type Options } from '@caudal/core';

/**
 * `readStream.format('socket').options({...})`; a type alias so it stays assignable to `GenericOptions`.
 *
 * @example
 * ```ts
 * import type { SocketSourceOptions } from 'caudal';
 * // Start a server first: nc -lk 9999
 * const options: SocketSourceOptions = { host: 'localhost', port: 9999, includeTimestamp: true };
 * const lines = spark.readStream.format('socket').options(options).load(); // columns value, timestamp
 * // PySpark: spark.readStream.format("socket").option("host", "localhost").option("port", 9999).load()
 * ```
 */
export type SocketSourceOptions = {
  /** Host of the TCP server to connect to (the source is a client; `nc -lk 9999` is the usual server). Required. */
  host?: string;
  /** Port of the TCP server. Required. */
  port?: number;
  /** Adds `timestamp: timestamp`, the time each line was received. Default false. */
  includeTimestamp?: boolean;
  /** Accepted for compatibility with Spark; lines stay in arrival order in one batch. */
  numPartitions?: number;
};

export interface SocketConfig {
  readonly host: string;
  readonly port: number;
  readonly includeTimestamp: boolean;
}

/** Validates in Spark's order and with Spark's messages (TextSocketSourceProvider.checkParameters). */
export function parseSocketOptions(options: Options): SocketConfig {
  const host = options.get('host');
  if (host === undefined) throw new OptionError('Set a host to read from with option("host", ...).');
  if (!options.has('port')) throw new OptionError('Set a port to read from with option("port", ...).');
  let includeTimestamp: boolean;
  try {
    includeTimestamp = options.getBoolean('includeTimestamp', false);
  } catch {
    throw new OptionError('includeTimestamp must be set to either "true" or "false"');
  }
  const port = options.getInt('port', 0);
  if (port < 1 || port > 65535) {
    throw new OptionError(`Invalid value '${options.get('port') ?? ''}' for option 'port', must be a TCP port between 1 and 65535`);
  }
  options.getInt('numPartitions', 1, 1);
  return { host, port, includeTimestamp };
}
