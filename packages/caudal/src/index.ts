// The one import a Caudal program needs: the whole public API of @caudal/core, with every built-in
// source (rate, rate-micro-batch, socket) and sink (console, memory, foreach, foreachBatch, noop) registered.
import { registerBuiltinSinks } from '@caudal/sinks';
import { registerBuiltinSources } from '@caudal/sources';

registerBuiltinSources();
registerBuiltinSinks();

export * from '@caudal/core';
export type * from '@caudal/sources';
export type * from '@caudal/sinks';
