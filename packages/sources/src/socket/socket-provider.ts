import type { SourceProvider } from '@caudal/core';
import { rejectUserSchema } from '../common/reject-user-schema.ts';
import { parseSocketOptions } from './socket-options.ts';
import { socketSchema } from './socket-schema.ts';
import { SocketSource } from './socket-source.ts';

/**
 * `readStream.format('socket')`. Streaming only, as in Spark. Options are checked here, with no I/O.
 *
 * @example
 * ```ts
 * import { Session, registerSource } from '@caudal/core';
 * import { socketProvider } from '@caudal/sources';
 * registerSource(socketProvider);
 * const lines = Session.builder().getOrCreate().readStream.format('socket').option('host', 'localhost').option('port', 9999).load();
 * ```
 */
export const socketProvider: SourceProvider = {
  format: 'socket',
  streamSchema(options, userSchema) {
    rejectUserSchema('socket', userSchema);
    return socketSchema(parseSocketOptions(options).includeTimestamp);
  },
  createStreamSource(options, _schema, ctx) {
    return new SocketSource(parseSocketOptions(options), ctx);
  },
};
