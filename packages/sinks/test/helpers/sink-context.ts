import { Session, type SinkContext, type StructType } from '@caudal/core';

/** What the engine hands a sink at start, over a real (query-less) session unless one is given. */
export function makeContext(schema: StructType, overrides: Partial<Omit<SinkContext, 'schema'>> = {}): SinkContext {
  return {
    session: Session.builder().create(),
    queryName: null,
    schema,
    outputMode: 'append',
    checkpointDir: '/tmp/caudal-test-checkpoint',
    partitionBy: [],
    ...overrides,
  };
}
