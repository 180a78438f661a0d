import { Catalog, type SinkContext, type StructType } from '@caudal/core';

type TestSession = SinkContext['session'];

/** A session stand-in with a catalog and a conf, until core exports `Session`. */
export function makeSession(conf: Record<string, string> = {}): TestSession {
  const settings = new Map(Object.entries(conf));
  return { catalog: new Catalog(), conf: { get: (key: string) => settings.get(key) } } as unknown as TestSession;
}

export function makeContext(schema: StructType, overrides: Partial<Omit<SinkContext, 'schema'>> = {}): SinkContext {
  return {
    session: makeSession(),
    queryName: null,
    schema,
    outputMode: 'append',
    checkpointDir: '/tmp/caudal-test-checkpoint',
    partitionBy: [],
    ...overrides,
  };
}
