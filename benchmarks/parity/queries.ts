// The parity queries: the 8 workloads of the side-by-side suite at small size, then the function library,
// aggregates, output modes, event time, deduplication, a stream–static join and the examples' queries.
// Every expression is Spark SQL text, so each query reads the same in PySpark (spark_runner.py builds it).
import type { InputSpec, Op, QuerySpec, SourceSpec } from './spec.ts';

// ---------------------------------------------------------------------------------------------------------
// Deliberate differences (benchmarks/README.md, "Parity")

const INT53_REASON = '64-bit integers are float64 in Caudal: exact only up to 2^53 (ARCHITECTURE.md)';
const LONG_MAX_REASON = 'Long.MAX_VALUE (2^63 - 1) is no double; Caudal saturates to 2^63, the nearest (64-bit integers exact to 2^53)';
const DECIMAL_REASON = 'Caudal has no decimal type: a decimal literal (2.5, 1.0) is a double, so results are double where Spark has decimal(p,s)';

// ---------------------------------------------------------------------------------------------------------
// Inputs

const jsonLines = (rows: readonly object[]): string => rows.map((r) => `${JSON.stringify(r)}\n`).join('');

/** A general table: every function query reads it, three files so three batches. */
const PEOPLE_SCHEMA = 'id INT, name STRING, city STRING, amount DOUBLE, qty BIGINT, born STRING, ts TIMESTAMP, '
  + 'tags ARRAY<STRING>, scores MAP<STRING, INT>, info STRUCT<zip: STRING, floor: INT>, raw STRING';
const PEOPLE: InputSpec = {
  files: [
    jsonLines([
      { id: 1, name: 'Ana María', city: 'Madrid', amount: 12.5, qty: 3, born: '1990-04-15', ts: '2024-01-15T10:30:00Z', tags: ['a', 'b'], scores: { math: 9, art: 7 }, info: { zip: '28001', floor: 3 }, raw: '{"k":1,"v":[1,2,3],"s":{"x":"y"}}' },
      { id: 2, name: '  pedro  ', city: 'Sevilla', amount: -3.25, qty: -7, born: '1985-12-31', ts: '2024-02-29T23:59:59.123456Z', tags: [], scores: {}, info: { zip: '41001', floor: null }, raw: '{"k":2,"v":[],"s":null}' },
      { id: 3, name: null, city: 'madrid', amount: null, qty: null, born: null, ts: null, tags: null, scores: null, info: null, raw: 'not json' },
    ]),
    jsonLines([
      { id: 4, name: 'ZOË', city: 'Bilbao', amount: 0.1, qty: 2147483647, born: '2000-02-29', ts: '1970-01-01T00:00:00Z', tags: ['x', null, 'y'], scores: { math: null }, info: { zip: '48001', floor: -1 }, raw: '{"k":"text","v":[null]}' },
      { id: 5, name: 'émile 😀', city: 'Madrid', amount: 1e21, qty: 0, born: '2024-13-01', ts: '2023-12-31T23:00:00-01:00', tags: ['a'], scores: { art: 10 }, info: { zip: null, floor: 0 }, raw: '{"k":[1,{"z":2}],"v":[4.5,-1]}' },
      { id: 6, name: "O'Brien", city: 'Valencia', amount: 2.675, qty: 100, born: '1969-07-20', ts: '1969-07-20T20:17:40Z', tags: ['b', 'a'], scores: { math: 5, art: 5 }, info: { zip: '46001', floor: 12 }, raw: '[1,2]' },
    ]),
    jsonLines([
      { id: 7, name: 'x', city: '', amount: -0.5, qty: 5, born: '2024-01-01', ts: '2024-06-30T12:00:00.5Z', tags: ['b', 'a', 'c'], scores: { math: 1 }, info: { zip: '28002', floor: 1 }, raw: '{"k":null}' },
      { id: 8, name: 'Ünïcödé straße', city: 'Sevilla', amount: 2.5, qty: -2147483648, born: '1999-12-31', ts: '2000-01-01T00:00:00.000001Z', tags: [null], scores: { art: 3 }, info: { zip: '41002', floor: 2 }, raw: '{"k":3.0,"v":[true]}' },
    ]),
  ],
};
const PEOPLE_SOURCE: SourceSpec = { kind: 'file', format: 'json', schema: PEOPLE_SCHEMA, input: PEOPLE };

/** One string per line (a text file source: the column `value`), for casts and parsing. */
const textSource = (...files: readonly (readonly string[])[]): SourceSpec =>
  ({ kind: 'file', format: 'text', input: { files: files.map((lines) => `${lines.join('\n')}\n`) } });

/** Timed words: late data arrives in files 2 and 3 (watermark 10 minutes). */
const EVENTS_SCHEMA = 'ts TIMESTAMP, word STRING, n INT';
const ev = (hhmm: string, word: string, n = 1): object => ({ ts: `2024-01-01T${hhmm}:00Z`, word, n });
const EVENTS_SOURCE: SourceSpec = {
  kind: 'file', format: 'json', schema: EVENTS_SCHEMA,
  input: {
    files: [
      jsonLines([ev('12:02', 'dog'), ev('12:04', 'owl', 2), ev('12:07', 'dog', 3)]),
      jsonLines([ev('12:11', 'cat'), ev('12:13', 'dog', 5), ev('12:08', 'owl', 4)]),
      jsonLines([ev('12:25', 'owl'), ev('12:21', 'cat', 2)]),
      jsonLines([ev('12:08', 'dog', 7), ev('12:16', 'cat', 3), ev('12:04', 'donkey')]),
      jsonLines([ev('12:40', 'dog', 2), ev('12:31', 'owl')]),
    ],
  },
};

/** Duplicated ids within a batch and across batches; event times for the watermarked variants. */
const DEDUP_SOURCE: SourceSpec = {
  kind: 'file', format: 'json', schema: 'id STRING, ts TIMESTAMP, v INT',
  input: {
    files: [
      jsonLines([{ id: 'a', ts: '2024-01-01T00:00:00Z', v: 1 }, { id: 'b', ts: '2024-01-01T00:00:05Z', v: 2 }, { id: 'a', ts: '2024-01-01T00:00:00Z', v: 3 }]),
      jsonLines([{ id: 'a', ts: '2024-01-01T00:00:10Z', v: 4 }, { id: 'c', ts: '2024-01-01T00:00:20Z', v: 5 }, { id: 'b', ts: '2024-01-01T00:00:05Z', v: 6 }]),
      jsonLines([{ id: 'd', ts: '2024-01-01T00:01:00Z', v: 7 }, { id: 'a', ts: '2024-01-01T00:00:00Z', v: 8 }, { id: null, ts: null, v: 9 }]),
      jsonLines([{ id: 'c', ts: '2024-01-01T00:00:50Z', v: 10 }, { id: 'e', ts: '2024-01-01T00:01:30Z', v: 11 }, { id: 'a', ts: '2024-01-01T00:00:10Z', v: 12 }]),
    ],
  },
};

/** User clicks with gaps, for session windows. */
const CLICKS_SOURCE: SourceSpec = {
  kind: 'file', format: 'json', schema: 'user STRING, ts TIMESTAMP',
  input: {
    files: [
      jsonLines([{ user: 'u1', ts: '2024-01-01T00:00:00Z' }, { user: 'u1', ts: '2024-01-01T00:00:03Z' }, { user: 'u2', ts: '2024-01-01T00:00:01Z' }]),
      jsonLines([{ user: 'u1', ts: '2024-01-01T00:00:20Z' }, { user: 'u2', ts: '2024-01-01T00:00:04Z' }, { user: 'u1', ts: '2024-01-01T00:00:06Z' }]),
      jsonLines([{ user: 'u2', ts: '2024-01-01T00:01:00Z' }, { user: 'u1', ts: '2024-01-01T00:01:10Z' }]),
    ],
  },
};

const rate = (rowsPerBatch: number, batches: number, extra: Omit<Extract<SourceSpec, { kind: 'rate-micro-batch' }>['options'], 'rowsPerBatch'> = {}): SourceSpec =>
  ({ kind: 'rate-micro-batch', options: { rowsPerBatch, ...extra }, batches });

/** A stateless query: `selectExpr(exprs)` over a source, append mode, compared per batch. */
function project(name: string, about: string, exprs: readonly string[], source: SourceSpec = PEOPLE_SOURCE, extra: Partial<QuerySpec> = {}): QuerySpec {
  return { name, about, source, ops: [{ op: 'selectExpr', exprs }], outputMode: 'append', ...extra };
}

const agg = (keys: readonly string[], aggs: readonly string[] | 'count'): Op => ({ op: 'groupBy', keys, aggs });

// ---------------------------------------------------------------------------------------------------------
// The 8 workloads of the side-by-side suite (spark-suite-contract.md), small.

const WORKLOADS: QuerySpec[] = [
  {
    name: 'w1-filter-project',
    about: 'rate-micro-batch → filter(value % 2 = 0) → value, value * 2 AS doubled, timestamp',
    source: rate(10, 3, { numPartitions: 2 }),
    ops: [{ op: 'filter', condition: 'value % 2 = 0' }, { op: 'selectExpr', exprs: ['value', 'value * 2 AS doubled', 'timestamp'] }],
    outputMode: 'append',
  },
  {
    name: 'w2-group-count',
    about: 'rate-micro-batch → groupBy(value % 7 AS k).count(), update',
    source: rate(20, 3, { numPartitions: 2 }),
    ops: [agg(['value % 7 AS k'], 'count')],
    outputMode: 'update',
  },
  {
    name: 'w3-windowed-count',
    // 5 s of event time per batch (the suite uses 1 s) so that two windows close within 8 batches.
    about: 'rate-micro-batch 5 s per batch → watermark 10 s → count per 10-second window and value % 3, append (windows close in batches 5 and 7)',
    source: rate(6, 8, { numPartitions: 2, startTimestamp: 0, advanceMillisPerBatch: 5000 }),
    ops: [
      { op: 'withWatermark', column: 'timestamp', delay: '10 seconds' },
      agg(["window(timestamp, '10 seconds')", 'value % 3 AS k'], 'count'),
    ],
    outputMode: 'append',
  },
  {
    name: 'w4-wordcount',
    about: 'text stream of el_quijote.txt in 3 files → explode(split(value, " ")) → word count, complete',
    source: { kind: 'file', format: 'text', input: { shared: 'quijote', parts: 3 } },
    ops: [
      { op: 'selectExpr', exprs: ["explode(split(value, ' ')) AS word"] },
      { op: 'filter', condition: "word != ''" },
      agg(['word'], 'count'),
    ],
    outputMode: 'complete',
  },
  {
    name: 'w5-invoices',
    about: 'the shared invoices (3 files) → explode(InvoiceLineItems) → five LineItem fields, append',
    source: {
      kind: 'file', format: 'json', input: { shared: 'invoices' },
      schema: 'CESS DOUBLE,CGST DOUBLE,CashierID STRING,CreatedTime BIGINT,CustomerCardNo STRING,CustomerType STRING,'
        + 'DeliveryAddress STRUCT<AddressLine: STRING, City: STRING, ContactNumber: STRING, PinCode: STRING, State: STRING>,'
        + 'DeliveryType STRING,InvoiceLineItems ARRAY<STRUCT<ItemCode: STRING, ItemDescription: STRING, ItemPrice: DOUBLE, ItemQty: BIGINT, TotalValue: DOUBLE>>,'
        + 'InvoiceNumber STRING,NumberOfItems BIGINT,PaymentMethod STRING,PosID STRING,SGST DOUBLE,StoreID STRING,TaxableAmount DOUBLE,TotalAmount DOUBLE',
    },
    ops: [
      {
        op: 'selectExpr', exprs: ['InvoiceNumber', 'CreatedTime', 'StoreID', 'PosID', 'CustomerType', 'PaymentMethod', 'DeliveryType',
          'DeliveryAddress.City', 'DeliveryAddress.State', 'DeliveryAddress.PinCode', 'explode(InvoiceLineItems) as LineItem'],
      },
      { op: 'withColumn', name: 'ItemCode', expr: 'LineItem.ItemCode' },
      { op: 'withColumn', name: 'ItemDescription', expr: 'LineItem.ItemDescription' },
      { op: 'withColumn', name: 'ItemPrice', expr: 'LineItem.ItemPrice' },
      { op: 'withColumn', name: 'ItemQty', expr: 'LineItem.ItemQty' },
      { op: 'withColumn', name: 'TotalValue', expr: 'LineItem.TotalValue' },
      { op: 'drop', columns: ['LineItem'] },
    ],
    outputMode: 'append',
  },
  {
    name: 'w6-bizum',
    about: 'the shared bizum CSVs (; separated, one file per batch) → max(Cantidad) per lower(Nombre), update',
    source: { kind: 'file', format: 'csv', schema: 'Nombre STRING, Cantidad INT, Concepto STRING', options: { sep: ';' }, input: { shared: 'bizums' } },
    ops: [{ op: 'selectExpr', exprs: ['lower(Nombre) AS Nombre', 'Cantidad'] }, agg(['Nombre'], ['max(Cantidad) AS Maximo'])],
    outputMode: 'update',
  },
  {
    // The workload reads a socket; the same stateless query runs here over a text file stream.
    name: 'w7-socket-lines',
    about: 'w7 over a text file stream instead of a socket: cast(split(value, ",")[0] as bigint), cast(...[1] as double)',
    source: textSource(['1,1700000000000.25', '2,1700000000001.5', '3,1700000000002'], ['4,17e11', '5,not-a-number', 'bad line']),
    ops: [{ op: 'selectExpr', exprs: ["cast(split(value, ',')[0] as bigint) as seq", "cast(split(value, ',')[1] as double) as sentMs"] }],
    outputMode: 'append',
  },
  {
    // The workload reads and writes Kafka; the same from_json → aggregation → to_json runs here over JSON
    // lines read as text (the `value` column a Kafka source gives after cast(value as string)).
    name: 'w8-sensors-json',
    about: 'w8 over a text file stream of JSON messages instead of Kafka: from_json → count/avg/max per sensor → to_json(struct(*)), update',
    source: textSource(
      ['{"sensor":"s1","temperature":21.5,"humidity":40.1,"ts":"2024-01-01T00:00:00Z"}', '{"sensor":"s2","temperature":19.25,"humidity":55,"ts":"2024-01-01T00:00:01Z"}', '{"sensor":"s1","temperature":22.75,"humidity":38.5,"ts":"2024-01-01T00:00:02Z"}'],
      ['{"sensor":"s1","temperature":20.1,"humidity":41.3,"ts":"2024-01-01T00:00:03Z"}', '{"sensor":"s3","temperature":-4.5,"humidity":90.0,"ts":"2024-01-01T00:00:04Z"}', '{"sensor":"s2","temperature":1e10,"humidity":0.001,"ts":"2024-01-01T00:00:05Z"}'],
    ),
    ops: [
      { op: 'selectExpr', exprs: ["from_json(cast(value as string), 'sensor STRING, temperature DOUBLE, humidity DOUBLE, ts TIMESTAMP') AS r"] },
      agg(['r.sensor'], ["count(*) AS n", 'avg(r.temperature) AS avg_temperature', 'max(r.humidity) AS max_humidity']),
      { op: 'selectExpr', exprs: ['sensor AS key', 'to_json(struct(*)) AS value'] },
    ],
    outputMode: 'update',
  },
];
WORKLOADS.push({
  name: 'w8-sensors-json-named-struct',
  about: 'w8 with the struct written out (struct(sensor, n, avg_temperature, max_humidity)) instead of struct(*)',
  source: WORKLOADS[7]!.source,
  ops: [
    ...WORKLOADS[7]!.ops.slice(0, 2),
    { op: 'selectExpr', exprs: ['sensor AS key', 'to_json(struct(sensor, n, avg_temperature, max_humidity)) AS value'] },
  ],
  outputMode: 'update',
});

// ---------------------------------------------------------------------------------------------------------
// The function library (stateless, append, per batch).

const FUNCTIONS: QuerySpec[] = [
  project('strings-case-length', 'upper, lower, length (code points), trim family on accents, emoji and ß', [
    'id', 'upper(name) AS up', 'lower(name) AS low', 'length(name) AS len', 'char_length(city) AS clen',
    'trim(name) AS t', 'ltrim(name) AS lt', 'rtrim(name) AS rt',
  ]),
  project('trim-from-syntax', "SQL's trim(BOTH | LEADING | TRAILING chars FROM str)", [
    'id', "trim(BOTH 'x' FROM name) AS tb", "trim(LEADING ' ' FROM name) AS tl", "trim(TRAILING 'e' FROM city) AS tt",
  ]),
  project('strings-concat-substring', 'concat / concat_ws with nulls, substring with 0 and negative positions, instr, lpad / rpad', [
    'id', "concat(name, '-', city) AS c", "concat_ws('|', name, city, born) AS cw", "concat_ws(',', tags) AS joined",
    'substring(city, 2, 3) AS s1', 'substring(city, 0, 2) AS s0', 'substring(city, -3) AS sneg', 'substr(city, -3, 2) AS sneg2',
    "instr(city, 'a') AS i", "lpad(city, 8, '*') AS lp", "rpad(city, 4, '.-') AS rp", "lpad(city, 3, 'x') AS lcut",
  ]),
  project('strings-unnamed-columns', 'default column names of unaliased expressions (Spark derives them from the expression text)', [
    'upper(name)', 'length(city)', "concat(city, '!')", 'substring(city, 1, 3)', 'id + 1', 'amount * 2', 'cast(id as string)',
    'id % 3', '-id', 'NOT (id > 3)', 'id IS NULL', "coalesce(name, 'none')", 'abs(qty)', 'round(amount, 1)',
  ]),
  project('nested-unnamed-columns', 'default names of unaliased expressions over struct fields, array elements and map values', [
    'info.zip', 'upper(info.zip)', 'cast(info.floor AS STRING)', 'info.floor + 1', 'tags[0]', "scores['math']", 'element_at(tags, 1)',
    'struct(id, city).city',
  ]),
  project('regexp-functions', 'regexp_extract (groups, no match → ""), regexp_replace with $1 back-references, rlike, like', [
    'id', "regexp_extract(city, '([A-Z])([a-z]+)', 2) AS rest", "regexp_extract(city, '(\\\\d+)', 1) AS digits",
    "regexp_extract(name, '^(\\\\w+)', 0) AS first_word", "regexp_replace(city, '([aeiou])', '<$1>') AS marked",
    "regexp_replace(name, '\\\\s+', '_') AS underscored", "city rlike '^[MS]' AS ms", "city LIKE '%a_' AS like_a",
    "name LIKE '%\\\\_%' AS has_underscore", "city NOT LIKE 'M%' AS not_m",
  ]),
  project('split-and-index', 'split with regex and limit, [i] out of range → null, element_at negative, size', [
    'id', "split(city, 'a') AS parts", "split(city, '') AS chars", "split(raw, '[,:]', 2) AS limited",
    "split(city, 'a')[0] AS first", "split(city, 'a')[5] AS missing", "element_at(split(city, 'a'), -1) AS last_part",
    "size(split(city, 'a')) AS n", "split(name, ' ') AS words",
  ]),
  {
    name: 'explode-variants',
    about: 'explode drops empty and null arrays, explode_outer keeps them, posexplode numbers elements',
    source: PEOPLE_SOURCE,
    ops: [
      { op: 'selectExpr', exprs: ['id', 'explode_outer(tags) AS tag'] },
      { op: 'withColumn', name: 'upper_tag', expr: 'upper(tag)' },
    ],
    outputMode: 'append',
  },
  project('posexplode', 'posexplode over an array gives pos and col columns', [
    'id', 'posexplode(tags)',
  ], PEOPLE_SOURCE),
  project('explode-map', 'explode of a map gives key and value columns', ['id', 'explode(scores)']),
  project('arrays', 'array(), array_contains (null element, null array), size of null (-1, non-ANSI), element_at', [
    'id', 'array(id, qty) AS pair', "array_contains(tags, 'a') AS has_a", 'array_contains(tags, cast(null AS STRING)) AS has_null',
    'size(tags) AS n', 'cardinality(tags) AS card', 'element_at(tags, 1) AS e1', 'element_at(tags, 10) AS e10', 'tags[1] AS t1',
  ]),
  project('maps', 'map(), map lookup by key with [] and element_at, missing key → null, size of a map', [
    'id', "map('k', id, 'q', cast(qty as int)) AS m", "scores['math'] AS math", "element_at(scores, 'art') AS art",
    "scores['nope'] AS nope", 'size(scores) AS n',
  ]),
  project('structs', 'struct, named_struct, field access, star expansion of a struct', [
    'id', 'struct(id, city) AS s', "named_struct('a', id, 'b', named_struct('c', city)) AS ns", 'info.zip AS zip',
    'info.floor + 1 AS next_floor', 'info.*', 'struct(id, city).city AS back',
  ]),
  project('json-functions', 'from_json (permissive: bad JSON → null), get_json_object paths, to_json of struct/map/array', [
    'id', "from_json(raw, 'k INT, v ARRAY<DOUBLE>, s STRUCT<x: STRING>') AS parsed", "get_json_object(raw, '$.k') AS k",
    "get_json_object(raw, '$.v[1]') AS v1", "get_json_object(raw, '$.s.x') AS sx", "get_json_object(raw, '$.missing') AS missing",
    "get_json_object(raw, '$') AS whole", 'to_json(info) AS info_json', 'to_json(scores) AS scores_json',
    'to_json(named_struct("id", id, "amount", amount, "ts", ts, "tags", tags)) AS row_json',
  ]),
  project('math-functions', 'abs, sqrt(-1) = NaN, ln/log10 of 0 and negatives → null, log(base, x), pow, exp, floor/ceil → bigint', [
    'id', 'abs(amount) AS a', 'sqrt(amount) AS sq', 'ln(amount) AS l', 'log10(amount) AS l10', 'log2(amount) AS l2', 'log(2, qty) AS lb',
    'pow(amount, 2) AS p', 'power(2, id) AS p2', 'exp(id) AS e', 'floor(amount) AS f', 'ceil(amount) AS c', 'ceiling(-amount) AS c2',
    'greatest(id, qty, 4) AS g', 'least(amount, id) AS lst',
  ], PEOPLE_SOURCE, { known: [{ column: 'f', aspect: 'values', caudal: '9223372036854775808', spark: '9223372036854775807', reason: LONG_MAX_REASON }, { column: 'c', aspect: 'values', caudal: '9223372036854775808', spark: '9223372036854775807', reason: LONG_MAX_REASON }] }),
  project('rounding', 'round is HALF_UP on the decimal text of the double (2.675 → 2.68), negative scale, ints', [
    'id', 'amount', 'round(amount) AS r0', 'round(amount, 2) AS r2', 'round(amount, 1) AS r1', 'round(qty, -1) AS rq',
    'round(-2.5) AS neg_half', 'round(2.5) AS half', 'round(0.125, 2) AS r125', 'round(1.005, 2) AS r1005', 'round(id * 1.5) AS r15',
  ], PEOPLE_SOURCE, { known: ['neg_half', 'half', 'r125', 'r1005', 'r15'].map((column) => ({ column, aspect: 'type' as const, reason: DECIMAL_REASON })) }),
  project('arithmetic-edges', 'division by zero → null, % of negatives (sign of dividend), int overflow wraps, int / int → double', [
    'id', 'qty / 0 AS div0', 'qty % 0 AS mod0', '-7 % 3 AS m1', '7 % -3 AS m2', 'qty % 3 AS mq', 'amount % 2 AS md',
    'id / 4 AS q', 'cast(id / 4 AS INT) AS qi', '-qty AS neg', 'cast(qty AS INT) + 1 AS int_plus', 'id * 2147483647 AS big',
    '1.0 / 0 AS ddiv0', 'amount / 0.0 AS ddiv00',
  ], PEOPLE_SOURCE, { known: [{ column: 'ddiv0', aspect: 'type', reason: DECIMAL_REASON }] }),
  project('casts-numeric-from-string', 'string → int/bigint/double/boolean: whitespace, decimals, exponents, overflow, garbage → null', [
    'value', 'cast(value AS INT) AS i', 'cast(value AS BIGINT) AS l', 'cast(value AS DOUBLE) AS d', 'cast(value AS BOOLEAN) AS b',
  ], textSource(
    [' 42 ', '4.7', '-4.7', '-0', '1e3', 'abc', '', '2147483648', '-2147483649', '+5', '0x1A', '1_000', '007'],
    ['NaN', 'Infinity', '-Infinity', 'inf', '1.7976931348623157E309', '9007199254740993', 'true', 'T', 'yes', 'n', 'FALSE', '0', '1', ' 2 '],
    ['1d', '1.5F', '-nan', '+NaN', '4.', '.5', '- 5', '\t7', '9223372036854775807', '9223372036854775808', '-9223372036854775808'],
  ), {
    known: [
      { column: 'l', aspect: 'values', caudal: 9007199254740992, spark: '9007199254740993', reason: INT53_REASON },
      { column: 'l', aspect: 'values', caudal: '9223372036854775808', spark: '9223372036854775807', reason: LONG_MAX_REASON },
    ],
  }),
  project('casts-between-types', 'double → int/bigint (truncation, NaN → 0, saturation), numbers → string, booleans, dates', [
    'id', 'amount', 'cast(amount AS INT) AS i', 'cast(amount AS BIGINT) AS l', 'cast(amount AS STRING) AS s', 'cast(qty AS STRING) AS qs',
    'cast(id > 4 AS STRING) AS bs', 'cast(id AS BOOLEAN) AS ib', 'cast(cast(born AS DATE) AS STRING) AS ds', 'cast(ts AS STRING) AS tss',
    'cast(id * cast(0.1 AS DOUBLE) AS STRING) AS tenth', "cast(cast('NaN' AS DOUBLE) AS INT) AS nan_int", 'cast(1e20 AS INT) AS sat_int',
    'cast(qty * 3 AS INT) AS wrap_int', 'cast(amount * 1e10 AS INT) AS sat_col',
  ], PEOPLE_SOURCE, { known: [{ column: 'l', aspect: 'values', caudal: '9223372036854775808', spark: '9223372036854775807', reason: LONG_MAX_REASON }] }),
  project('casts-to-timestamp', 'string → timestamp / date: ISO forms, T and space, zones, fractions, partial dates, invalid → null', [
    'value', 'cast(value AS TIMESTAMP) AS ts', 'cast(value AS DATE) AS d', 'cast(cast(value AS TIMESTAMP) AS BIGINT) AS secs',
  ], textSource(
    ['2024-01-15', '2024-01-15 10:30:00', '2024-01-15T10:30:00Z', '2024-01-15T10:30:00+05:30', '2024-01-15 10:30:00.123456'],
    ['2024-1-5 1:2:3', '2024-02-30', '2024', '2024-06', ' 2024-01-15 ', 'garbage', '2024-01-15T10:30', '1969-12-31 23:59:59.999999'],
    ['2024-01-15 10:30:00.123456789', '2024-01-15T10:30Z', '2024-01-15 10:30:00 UTC', '2024-01-15T10:30:00-8:00', '2024-01-15T',
      '2024-01-15 10:30:00Europe/Madrid', '2024-07-01T10:30:00 PST', '2024-01-15T10:30:00UTC+01:00', '2024-01-15 24:00:00',
      '2023-02-29', '+2024-01-01', '2024-01-15 garbage', '2024-06x'],
  )),
  {
    name: 'timestamp-numbers',
    about: 'bigint/double seconds → timestamp, timestamp → bigint/double, date → timestamp (1e21 s is left out: beyond Python datetime)',
    source: PEOPLE_SOURCE,
    ops: [
      { op: 'filter', condition: 'id != 5' },
      {
        op: 'selectExpr', exprs: ['id', 'cast(qty AS TIMESTAMP) AS from_secs', 'cast(amount AS TIMESTAMP) AS from_double', 'cast(ts AS BIGINT) AS secs',
          'cast(ts AS DOUBLE) AS dsecs', 'cast(cast(born AS DATE) AS TIMESTAMP) AS midnight'],
      },
    ],
    outputMode: 'append',
  },
  project('date-format', 'date_format with common Spark patterns (UTC session zone)', [
    'id', "date_format(ts, 'yyyy-MM-dd HH:mm:ss') AS f1", "date_format(ts, 'dd/MM/yy hh:mm a') AS f2", "date_format(ts, 'EEE, d MMM yyyy') AS f3",
    "date_format(ts, 'EEEE MMMM D') AS f4", "date_format(ts, 'HH:mm:ss.SSS') AS f5", 'date_format(ts, "yyyy-MM-dd\'T\'HH:mm:ss.SSSSSSXXX") AS f6',
    "date_format(born, 'yyyy/MM/dd') AS from_string", "date_format(ts, 'Q qqq') AS quarter",
  ]),
  project('parse-datetimes', 'to_timestamp / to_date with and without formats, unix_timestamp, from_unixtime, to_unix_timestamp', [
    'id', 'born', 'to_date(born) AS d', "to_date(born, 'yyyy-MM-dd') AS d2", 'to_timestamp(born) AS t',
    "to_timestamp(concat(born, ' 07:08:09'), 'yyyy-MM-dd HH:mm:ss') AS t2", "unix_timestamp(born, 'yyyy-MM-dd') AS u",
    'unix_timestamp(ts) AS u2', "from_unixtime(qty) AS fu", "from_unixtime(id * 86400, 'yyyy-MM-dd') AS fu2",
    "to_unix_timestamp(born, 'yyyy-MM-dd') AS tu", "to_timestamp('15/01/2024 10:30', 'dd/MM/yyyy HH:mm') AS t3",
  ]),
  project('date-parts-arithmetic', 'year … second, dayofweek/dayofyear/quarter, date_add/date_sub/datediff, interval arithmetic', [
    'id', 'year(ts) AS y', 'month(ts) AS mo', 'dayofmonth(ts) AS dm', 'day(ts) AS d', 'dayofweek(ts) AS dw', 'dayofyear(ts) AS dy',
    'quarter(ts) AS q', 'hour(ts) AS h', 'minute(ts) AS mi', 'second(ts) AS s', 'date_add(born, 30) AS plus30',
    'date_sub(born, id) AS minus_id', "datediff(ts, born) AS dd", 'ts + INTERVAL 1 HOUR AS plus_hour', 'ts - INTERVAL 2 DAYS AS minus_days',
    'year(born) AS born_year',
  ]),
  project('conditionals', 'CASE WHEN (searched and simple), coalesce, nvl, ifnull, isnull, isnan, null in branches', [
    'id', "CASE WHEN amount > 10 THEN 'big' WHEN amount > 0 THEN 'small' ELSE 'other' END AS size",
    "CASE id WHEN 1 THEN 'one' WHEN 2 THEN 'two' END AS word", 'CASE WHEN id > 4 THEN amount END AS only_big',
    "coalesce(name, city, 'none') AS who", 'nvl(amount, -1) AS amt', "ifnull(born, 'unknown') AS b", 'isnull(name) AS no_name',
    'isnan(amount) AS nan', "isnan(cast('NaN' AS DOUBLE)) AS nan2", 'coalesce(info.floor, qty, 0) AS fl',
  ]),
  project('bround', 'bround: HALF_EVEN rounding, against round (HALF_UP)', [
    'id', 'amount', 'bround(amount, 1) AS b1', 'bround(cast(2.5 AS DOUBLE)) AS b25', 'bround(cast(3.5 AS DOUBLE)) AS b35', 'bround(qty, -1) AS bq',
  ]),
  project('sort-array', 'sort_array ascending (nulls first) and descending (nulls last)', [
    'id', 'sort_array(tags) AS up', 'sort_array(tags, false) AS down',
  ]),
  project('if-function', 'if(cond, a, b)', ['id', "if(id > 4, 'high', 'low') AS level", 'if(amount IS NULL, 0.0, amount) AS amt']),
  project('null-logic', 'three-valued logic, <=>, IN / NOT IN with nulls, comparisons with null, string + number coercion', [
    'id', 'amount > 0 AND name IS NOT NULL AS both', 'NULL AND false AS nf', 'NULL OR true AS nt', 'amount <=> NULL AS null_safe',
    'id IN (1, 2, NULL) AS in_null', 'id NOT IN (1, 2, NULL) AS not_in_null', 'id BETWEEN 2 AND 5 AS btw', "'5' + id AS str_plus",
    "id = '3' AS str_eq", "'abc' > 'abd' AS str_cmp", 'NOT (amount < 0) AS not_neg',
  ]),
  {
    name: 'filter-and-project',
    about: 'filter with a compound predicate, then arithmetic and string building',
    source: PEOPLE_SOURCE,
    ops: [
      { op: 'filter', condition: "(amount > 0 OR qty < 0) AND city != 'Bilbao'" },
      { op: 'selectExpr', exprs: ['id', "concat(upper(substring(trim(name), 1, 1)), lower(substring(trim(name), 2))) AS proper", 'qty * amount AS total'] },
    ],
    outputMode: 'append',
  },
];

// ---------------------------------------------------------------------------------------------------------
// Aggregates and output modes.

const AGGREGATES: QuerySpec[] = [
  {
    name: 'agg-basic-update',
    about: 'count(*), count(col) skips nulls, sum/avg/min/max per key, update mode',
    source: PEOPLE_SOURCE,
    ops: [agg(['lower(city) AS city'], ['count(*) AS n', 'count(amount) AS n_amount', 'sum(qty) AS total', 'avg(amount) AS mean',
      'min(amount) AS lo', 'max(name) AS top', 'sum(id) AS ids'])],
    outputMode: 'update',
  },
  {
    name: 'agg-unnamed-complete',
    about: 'default names of aggregates (count(1), sum(x), avg(x), ...) and groupBy().count(), complete mode',
    source: PEOPLE_SOURCE,
    ops: [agg(['city'], ['count(*)', 'sum(qty)', 'avg(id)', 'max(amount)', 'min(born)'])],
    outputMode: 'complete',
  },
  {
    name: 'agg-statistics',
    about: 'stddev / stddev_samp / stddev_pop / variance / var_pop per group, single-row groups → null or NaN',
    source: PEOPLE_SOURCE,
    ops: [agg(['id % 2 AS parity'], ['stddev(id) AS sd', 'stddev_samp(qty) AS sds', 'stddev_pop(id) AS sdp', 'variance(id) AS v', 'var_pop(id) AS vp', 'var_samp(id) AS vs'])],
    outputMode: 'complete',
  },
  {
    name: 'agg-global-complete',
    about: 'a global aggregation (no keys) in complete mode, sum of doubles and avg of longs',
    source: PEOPLE_SOURCE,
    ops: [agg([], ['count(*) AS n', 'sum(amount) AS total', 'avg(qty) AS mean_qty', 'min(ts) AS first_ts', 'max(ts) AS last_ts'])],
    outputMode: 'complete',
  },
  {
    name: 'agg-first-last-collect',
    about: 'first / last (with and without ignoreNulls) and collect_list, size(collect_set) in complete mode',
    source: PEOPLE_SOURCE,
    ops: [agg(['id % 2 AS parity'], ['first(name) AS f', 'last(name) AS l', 'first(name, true) AS fi', 'last(born, true) AS li',
      'collect_list(id) AS ids', 'size(collect_set(city)) AS cities'])],
    outputMode: 'complete',
  },
  {
    name: 'agg-sorted-complete',
    about: 'complete mode with orderBy (desc, nulls): rows compared in order',
    source: PEOPLE_SOURCE,
    ops: [agg(['city'], ['count(*) AS n', 'max(amount) AS top']), { op: 'orderBy', exprs: ['n DESC', 'city ASC'] }],
    outputMode: 'complete',
    ordered: true,
  },
  {
    name: 'agg-count-if',
    about: 'count_if(condition) per group, complete mode',
    source: PEOPLE_SOURCE,
    ops: [agg(['id % 2 AS parity'], ['count_if(amount > 0) AS positive', 'count_if(name IS NULL) AS nameless'])],
    outputMode: 'complete',
  },
  {
    name: 'agg-approx-distinct',
    about: 'approx_count_distinct (HyperLogLog++: exact at these small counts in Spark)',
    source: PEOPLE_SOURCE,
    ops: [agg(['id % 2 AS parity'], ['approx_count_distinct(city) AS cities', 'approx_count_distinct(id) AS ids'])],
    outputMode: 'complete',
  },
];

// ---------------------------------------------------------------------------------------------------------
// Event time: windows, watermarks, late data.

const EVENT_TIME: QuerySpec[] = [
  {
    name: 'window-tumbling-append',
    about: 'tumbling 10-minute windows, watermark 10 minutes, append: each window once when it closes; late rows dropped',
    source: EVENTS_SOURCE,
    ops: [{ op: 'withWatermark', column: 'ts', delay: '10 minutes' }, agg(["window(ts, '10 minutes')", 'word'], ['count(*) AS c', 'sum(n) AS total'])],
    outputMode: 'append',
  },
  {
    name: 'window-tumbling-update',
    about: 'tumbling windows with watermark in update mode: changed windows per batch, late rows dropped',
    source: EVENTS_SOURCE,
    ops: [{ op: 'withWatermark', column: 'ts', delay: '10 minutes' }, agg(["window(ts, '10 minutes') AS w"], 'count')],
    outputMode: 'update',
  },
  {
    name: 'window-sliding',
    about: 'sliding windows (10 minutes every 5), complete mode without watermark',
    source: EVENTS_SOURCE,
    ops: [agg(["window(ts, '10 minutes', '5 minutes')", 'word'], ['sum(n) AS total'])],
    outputMode: 'complete',
  },
  {
    name: 'window-start-time',
    about: 'tumbling windows with a startTime offset (window(ts, "10 minutes", "10 minutes", "3 minutes"))',
    source: EVENTS_SOURCE,
    ops: [agg(["window(ts, '10 minutes', '10 minutes', '3 minutes') AS w"], ['count(*) AS c'])],
    outputMode: 'complete',
  },
  {
    name: 'window-time',
    about: 'window_time(window) of windowed aggregates, and window.start / window.end fields',
    source: EVENTS_SOURCE,
    ops: [
      { op: 'withWatermark', column: 'ts', delay: '10 minutes' },
      agg(["window(ts, '5 minutes')"], ['sum(n) AS total']),
      { op: 'selectExpr', exprs: ['window.start AS s', 'window.end AS e', 'window_time(window) AS wt', 'total'] },
    ],
    outputMode: 'append',
  },
  {
    name: 'watermark-filter-stateless',
    about: 'a watermark on a stateless query does not drop rows (only stateful operators do)',
    source: EVENTS_SOURCE,
    ops: [{ op: 'withWatermark', column: 'ts', delay: '1 minute' }, { op: 'selectExpr', exprs: ['word', 'ts', 'n * 10 AS n10'] }],
    outputMode: 'append',
  },
  {
    name: 'rate-window-update',
    about: 'rate-micro-batch event time (startTimestamp, advanceMillisPerBatch) → 3-second windows, watermark 2 s, update',
    source: rate(4, 8, { numPartitions: 2, startTimestamp: 1_700_000_000_000, advanceMillisPerBatch: 1500 }),
    ops: [
      { op: 'withWatermark', column: 'timestamp', delay: '2 seconds' },
      agg(["window(timestamp, '3 seconds') AS w"], ['count(*) AS n', 'sum(value) AS total', 'max(value) AS top']),
    ],
    outputMode: 'update',
  },
];

// ---------------------------------------------------------------------------------------------------------
// Deduplication.

const DEDUP: QuerySpec[] = [
  {
    name: 'dedup-columns-no-watermark',
    about: 'dropDuplicates(["id"]) without watermark: the first row per id across all batches (null id is a key too)',
    source: DEDUP_SOURCE,
    ops: [{ op: 'dropDuplicates', columns: ['id'] }],
    outputMode: 'append',
  },
  {
    name: 'dedup-all-columns',
    about: 'dropDuplicates() over every column after a projection',
    source: DEDUP_SOURCE,
    ops: [{ op: 'selectExpr', exprs: ['id', 'ts'] }, { op: 'dropDuplicates' }],
    outputMode: 'append',
  },
  {
    name: 'dedup-with-watermark',
    about: 'dropDuplicates(["id", "ts"]) with a 30-second watermark: state evicted, late duplicates dropped',
    source: DEDUP_SOURCE,
    ops: [{ op: 'withWatermark', column: 'ts', delay: '30 seconds' }, { op: 'dropDuplicates', columns: ['id', 'ts'] }],
    outputMode: 'append',
  },
  {
    name: 'dedup-within-watermark',
    about: 'dropDuplicatesWithinWatermark(["id"]) with a 30-second watermark',
    source: DEDUP_SOURCE,
    ops: [{ op: 'withWatermark', column: 'ts', delay: '30 seconds' }, { op: 'dropDuplicatesWithinWatermark', columns: ['id'] }],
    outputMode: 'append',
  },
];

// ---------------------------------------------------------------------------------------------------------
// Stream–static joins and the examples' queries.

const CITIES = {
  format: 'json' as const,
  schema: 'city STRING, region STRING, population INT',
  files: [jsonLines([
    { city: 'Madrid', region: 'Centro', population: 3300000 },
    { city: 'Sevilla', region: 'Sur', population: 680000 },
    { city: 'Bilbao', region: 'Norte', population: 345000 },
    { city: 'Madrid', region: 'Capital', population: null },
  ])],
};

const JOINS_AND_EXAMPLES: QuerySpec[] = [
  {
    name: 'join-static-inner',
    about: 'stream–static inner join on city (a duplicated static key gives two rows; unmatched rows drop)',
    source: PEOPLE_SOURCE,
    static: CITIES,
    ops: [{ op: 'selectExpr', exprs: ['id', 'city', 'amount'] }, { op: 'joinStatic', on: ['city'], how: 'inner' }],
    outputMode: 'append',
  },
  {
    name: 'join-static-left-outer',
    about: 'stream–static left outer join on city: unmatched stream rows keep null static columns',
    source: PEOPLE_SOURCE,
    static: CITIES,
    ops: [{ op: 'selectExpr', exprs: ['id', 'city'] }, { op: 'joinStatic', on: ['city'], how: 'left_outer' }],
    outputMode: 'append',
  },
  {
    name: 'example-bizum-complete-sorted',
    about: 'examples/bizum as in the course: max per lower-cased name, complete mode, ordered by name',
    source: { kind: 'file', format: 'csv', schema: 'Nombre STRING, Cantidad INT, Concepto STRING', options: { sep: ';' }, input: { shared: 'bizums' } },
    ops: [
      { op: 'selectExpr', exprs: ['lower(Nombre) AS Nombre', 'Cantidad'] },
      agg(['Nombre'], ['max(Cantidad) AS Maximo']),
      { op: 'orderBy', exprs: ['Nombre'] },
    ],
    outputMode: 'complete',
    ordered: true,
  },
  {
    name: 'example-invoices-per-store',
    about: 'examples/invoices style: exploded line items → totals per store and payment method, update',
    source: WORKLOADS[4]!.source,
    ops: [
      { op: 'selectExpr', exprs: ['StoreID', 'PaymentMethod', 'explode(InvoiceLineItems) AS item'] },
      agg(['StoreID', 'PaymentMethod'], ['count(*) AS items', 'sum(item.TotalValue) AS value', 'sum(item.ItemQty) AS qty']),
    ],
    outputMode: 'update',
  },
  {
    name: 'example-word-count-lower',
    about: 'word count with lower() and a regex split, update mode, over small text files with punctuation and blank lines',
    source: textSource(['The quick brown fox', '', 'jumps over the lazy dog.', 'THE END'], ['  spaced   out  ', 'dog, fox; the'], ['á é í Á']),
    ops: [
      { op: 'selectExpr', exprs: ["explode(split(lower(value), '[^\\\\p{L}]+')) AS word"] },
      { op: 'filter', condition: "word <> ''" },
      agg(['word'], 'count'),
    ],
    outputMode: 'update',
  },
  {
    name: 'csv-options',
    about: 'CSV with header, quoted fields with separators and quotes, empty values → null, a malformed row (permissive)',
    source: {
      kind: 'file', format: 'csv', schema: 'name STRING, n INT, price DOUBLE, day DATE', options: { header: true },
      input: {
        files: [
          'name,n,price,day\n"Smith, J",1,2.5,2024-01-15\n"say ""hi""",2,,2024-02-29\n',
          'name,n,price,day\nplain,x,3.0,2024-13-01\n,4,1e3,\n',
        ],
      },
    },
    ops: [{ op: 'selectExpr', exprs: ['name', 'n', 'price', 'day'] }],
    outputMode: 'append',
  },
  {
    name: 'json-source-types',
    about: 'the JSON source with a schema: wrong-typed fields, numbers as strings, nested nulls, an unparseable line',
    source: {
      kind: 'file', format: 'json', schema: 'a INT, b DOUBLE, c STRING, d BOOLEAN, e ARRAY<INT>, f STRUCT<g: STRING>',
      input: {
        files: [
          '{"a":1,"b":2.5,"c":"x","d":true,"e":[1,2],"f":{"g":"h"}}\n{"a":"2","b":"3.5","c":5,"d":"true","e":[1,"z"],"f":null}\n',
          '{"a":3.7,"b":1,"c":{"k":1},"d":false,"e":null,"f":{"g":1}}\n{broken\n{"a":null}\n',
        ],
      },
    },
    ops: [{ op: 'selectExpr', exprs: ['a', 'b', 'c', 'd', 'e', 'f'] }],
    outputMode: 'append',
  },
];

// ---------------------------------------------------------------------------------------------------------
// Session windows.

const SESSION_WINDOWS: QuerySpec[] = [
  {
    name: 'session-window-append',
    about: 'session_window(ts, "10 seconds") per user with a 10-second watermark, append: sessions once closed',
    source: CLICKS_SOURCE,
    ops: [{ op: 'withWatermark', column: 'ts', delay: '10 seconds' }, agg(["session_window(ts, '10 seconds')", 'user'], ['count(*) AS clicks'])],
    outputMode: 'append',
  },
  {
    name: 'session-window-complete',
    about: 'session_window(ts, "5 seconds") per user in complete mode: sessions merge as events arrive',
    source: CLICKS_SOURCE,
    ops: [agg(["session_window(ts, '5 seconds') AS s", 'user'], ['count(*) AS clicks', 'max(ts) AS last'])],
    outputMode: 'complete',
  },
];

export const QUERIES: readonly QuerySpec[] = [
  ...WORKLOADS, ...FUNCTIONS, ...AGGREGATES, ...EVENT_TIME, ...DEDUP, ...JOINS_AND_EXAMPLES, ...SESSION_WINDOWS,
];
