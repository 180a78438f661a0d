import { afterEach, describe, expect, it } from 'vitest';
import {
  AnalysisError, ArrayType, BooleanType, DoubleType, IntegerType, LongType, Session, StringType, StructField, StructType, TimestampType,
} from 'caudal';

// session.createDataFrame: rows with an explicit StructType, a DDL string, column names, or inferred types.

let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; });

describe('createDataFrame', () => {
  it('takes a StructType', async () => {
    session = Session.builder().create();
    const schema = new StructType([
      new StructField('id', IntegerType(), false),
      new StructField('name', StringType()),
      new StructField('tags', ArrayType(StringType())),
    ]);
    const df = session.createDataFrame([{ id: 1, name: 'ann', tags: ['x'] }, [2, null, []]], schema);
    expect(df.schema).toEqual(schema);
    expect(df.isStreaming).toBe(false);
    expect(await df.collect()).toEqual([{ id: 1, name: 'ann', tags: ['x'] }, { id: 2, name: null, tags: [] }]);
  });

  it('takes a DDL string', async () => {
    session = Session.builder().create();
    const df = session.createDataFrame([['a', 1, 2.5, true]], 'name STRING, qty INT, price DOUBLE, ok BOOLEAN');
    expect(df.schema).toEqual(new StructType()
      .add('name', StringType()).add('qty', IntegerType()).add('price', DoubleType()).add('ok', BooleanType()));
    expect(await df.collect()).toEqual([{ name: 'a', qty: 1, price: 2.5, ok: true }]);
  });

  it('infers types from the values (integers as long, as PySpark infers Python ints)', async () => {
    session = Session.builder().create();
    const when = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
    const df = session.createDataFrame([
      { s: 'x', i: 1, d: 1.5, b: false, t: when, arr: [1, 2] },
      { s: null, i: null, d: 2, b: null, t: null, arr: null },
    ]);
    expect(df.schema).toEqual(new StructType()
      .add('s', StringType()).add('i', LongType()).add('d', DoubleType()).add('b', BooleanType())
      .add('t', TimestampType()).add('arr', ArrayType(LongType())));
    expect(await df.collect()).toEqual([
      { s: 'x', i: 1, d: 1.5, b: false, t: when, arr: [1, 2] },
      { s: null, i: null, d: 2, b: null, t: null, arr: null },
    ]);
  });

  it('takes column names for rows given as arrays, inferring the first non-null value\'s type', async () => {
    session = Session.builder().create();
    const df = session.createDataFrame([[null, 'p'], [7, 'q']], ['n', 'label']);
    expect(df.columns).toEqual(['n', 'label']);
    expect(df.schema.fields.map((f) => f.dataType.kind)).toEqual(['long', 'string']);
    expect(await df.count()).toBe(2);
  });

  it('explains what is wrong with the data', () => {
    session = Session.builder().create();
    const s = session;
    expect(() => s.createDataFrame([[1]])).toThrow(new AnalysisError(
      'createDataFrame needs a schema (StructType, DDL string or column names) for rows given as arrays',
    ));
    expect(() => s.createDataFrame([{ a: null }, { a: null }])).toThrow(new AnalysisError(
      "createDataFrame cannot infer the type of column 'a': every value is null; give a schema",
    ));
    expect(() => s.createDataFrame([[1], [null]], new StructType([new StructField('id', IntegerType(), false)]))).toThrow(
      new AnalysisError('row 1, column id: null in a non-nullable column'),
    );
    expect(() => s.createDataFrame([['seven']], 'n INT')).toThrow('row 0, column n: cannot use the string "seven" as a value of type int');
  });
});
