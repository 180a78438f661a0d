import { afterAll, describe, expect, it } from 'vitest';
import { Session } from 'caudal';

// `*` among a function's arguments, as Spark expands it: every input column, or with `s.*` every field of
// the struct column s (`to_json(struct(*))` is the usual way to write a Kafka value).
const session = Session.builder().create();
afterAll(() => session.stop());

const df = session.createDataFrame([
  { sensor: 's1', n: 3, r: { t: 1.5, h: 40 } },
  { sensor: 's2', n: 1, r: null },
], 'sensor STRING, n BIGINT, r STRUCT<t: DOUBLE, h: INT>');

describe("'*' as a function argument", () => {
  it('struct(*) is a struct of every column, named after them', async () => {
    const out = df.selectExpr('sensor AS key', 'to_json(struct(*)) AS value');
    expect(out.schema.fields.map((f) => f.name)).toEqual(['key', 'value']);
    expect(await out.collect()).toEqual([
      { key: 's1', value: '{"sensor":"s1","n":3,"r":{"t":1.5,"h":40}}' },
      { key: 's2', value: '{"sensor":"s2","n":1}' },
    ]);
  });

  it('struct(s.*) is a struct of the fields of the struct column s; other arguments stay in place', async () => {
    expect(await df.selectExpr('to_json(struct(sensor, r.*)) AS value').collect()).toEqual([
      { value: '{"sensor":"s1","t":1.5,"h":40}' },
      { value: '{"sensor":"s2"}' },
    ]);
  });

  it("'s.*' over a column that is not a struct fails at analysis", () => {
    expect(() => df.selectExpr('struct(sensor.*)')).toThrow("Invalid usage of '*' in expression: `sensor` is not a struct column, so 'sensor.*' cannot be expanded");
  });
});
