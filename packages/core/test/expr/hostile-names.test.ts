import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryStream, Session, StructType, col, expr, lit, lower } from 'caudal';

// Names and literals shaped to break out of generated source code, if any were generated.
const NAME = 'x"); globalThis.__pwned = 1; ("';
const QUOTED = '`' + NAME.replaceAll('`', '``') + '`';
const LITERAL = "'); globalThis.__pwned = 1; //";

const g = globalThis as { __pwned?: number; Function: FunctionConstructor; eval: typeof eval };
const compiled: string[] = [];
const realFunction = g.Function;
const realEval = g.eval;

beforeEach(() => {
  compiled.length = 0;
  // Record every piece of source text compiled at run time while the queries run.
  g.Function = new Proxy(realFunction, {
    construct(target, args: string[]) { compiled.push(args.join('\n')); return Reflect.construct(target, args); },
    apply(target, self, args: string[]) { compiled.push(args.join('\n')); return Reflect.apply(target, self, args); },
  });
  g.eval = ((code: string) => { compiled.push(String(code)); return realEval(code); }) as typeof eval;
});
afterEach(() => {
  g.Function = realFunction;
  g.eval = realEval;
  delete g.__pwned;
});

describe('hostile column names and literals are data, never code', () => {
  it('flow through select, filter, selectExpr, groupBy and a streaming query unchanged', async () => {
    const session = Session.builder().create();
    const schema = new StructType([{ name: NAME, dataType: { kind: 'string' }, nullable: true }]);
    const df = session.createDataFrame([{ [NAME]: LITERAL }, { [NAME]: 'ok' }], schema);

    const selected = await df.select(col(NAME), lit(LITERAL).alias(LITERAL)).collect();
    expect(selected).toEqual([{ [NAME]: LITERAL, [LITERAL]: LITERAL }, { [NAME]: 'ok', [LITERAL]: LITERAL }]);
    expect(await df.filter(col(NAME).eq(LITERAL)).count()).toBe(1);
    const viaSql = await df.selectExpr(`${QUOTED} AS y`, `${QUOTED} = '${LITERAL.replaceAll("'", "\\'")}' AS same`).collect();
    expect(viaSql).toEqual([{ y: LITERAL, same: true }, { y: 'ok', same: false }]);
    expect(await df.filter(expr(`${QUOTED} != 'ok'`)).groupBy(lower(col(NAME)).alias(NAME)).count().collect())
      .toEqual([{ [NAME]: LITERAL.toLowerCase(), count: 1 }]);

    const stream = new MemoryStream(session, schema);
    const q = await stream.toDF().groupBy(NAME).count().writeStream.outputMode('complete').format('memory').queryName('hostile').start();
    stream.addData([{ [NAME]: LITERAL }, { [NAME]: LITERAL }]);
    await q.processAllAvailable();
    expect(await session.table('hostile').collect()).toEqual([{ [NAME]: LITERAL, count: 2 }]);
    await session.stop();

    expect(g.__pwned).toBeUndefined();
    expect(compiled.filter((src) => src.includes('__pwned'))).toEqual([]);
  });
});
