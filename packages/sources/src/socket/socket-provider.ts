import type { SourceProvider } from '@caudal/core';
import { rejectUserSchema } from '../common/reject-user-schema.ts';
import { parseSocketOptions } from './socket-options.ts';
import { socketSchema } from './socket-schema.ts';
import { SocketSource } from './socket-source.ts';

/** `readStream.format('socket')`. Streaming only, as in Spark. Options are checked here, with no I/O. */
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
