import { afterAll, describe, expect, it } from 'vitest';
import { Session, col, count_if, expr, lit, max, sum, upper } from '@caudal/core';

// Spark 4.0.1's names, read from PySpark for the same expressions over the same schema.
const session = Session.builder().config('spark.sql.session.timeZone', 'UTC').create();
afterAll(() => session.stop());

const df = session.createDataFrame([
  { id: 1, name: 'xx', scores: { math: 9 }, info: { zip: '28001', floor: 3, deep: { x: 5 } }, tags: ['b', null, 'a'] },
  { id: 2, name: 'yy', scores: { math: 4 }, info: { zip: '28001', floor: 1, deep: { x: 6 } }, tags: [] },
], 'id INT, name STRING, scores MAP<STRING, INT>, info STRUCT<zip: STRING, floor: INT, deep: STRUCT<x: INT>>, tags ARRAY<STRING>');

describe('names of unaliased expressions over nested values', () => {
  it('names a bare nested column by its last part, an expression over it by the whole path', () => {
    expect(df.selectExpr(
      'info.zip', 'upper(info.zip)', 'cast(info.floor AS STRING)', 'info.floor + 1', 'tags[0]', "scores['math']", 'element_at(tags, 1)',
      'struct(id, name).name',
    ).columns).toEqual([
      'zip', 'upper(info.zip)', 'CAST(info.floor AS STRING)', '(info.floor + 1)', 'tags[0]', 'scores[math]', 'element_at(tags, 1)',
      'struct(id, name).name',
    ]);
  });

  it('keeps the spelling of the query', () => {
    expect(df.selectExpr('upper(INFO.ZIP)', 'INFO.ZIP', 'upper(INFO.zip)', "upper(info['ZIP'])").columns)
      .toEqual(['upper(INFO.ZIP)', 'ZIP', 'upper(INFO.zip)', 'upper(info.ZIP)']);
  });

  it('prints struct fields with a dot and map values with brackets, however they were written', async () => {
    const out = df.selectExpr(
      'info.deep.x', "info['deep'].x", "info.deep['x']", 'info.deep.x + 1', 'scores.math', 'upper(scores.math)', 'scores.math + 1',
      'tags[id]', 'scores[name]', "scores[upper('math')]", 'tags[id + 1]',
    );
    expect(out.columns).toEqual([
      'x', 'info.deep.x', 'info.deep.x', '(info.deep.x + 1)', 'math', 'upper(scores[math])', '(scores[math] + 1)',
      'tags[id]', 'scores[name]', 'scores[upper(math)]', 'tags[(id + 1)]',
    ]);
    // A dotted name after a map column reads the map, as Spark's `scores.math`.
    expect((await df.selectExpr('scores.math', 'upper(scores.math) AS u').collect())).toEqual([{ math: 9, u: '9' }, { math: 4, u: '4' }]);
  });

  it('names operators, CASE and IN over nested values with the path', () => {
    expect(df.selectExpr(
      'info.zip IS NULL', 'CASE WHEN info.floor > 1 THEN info.zip END', 'info.floor IN (1, 3)', '-info.floor', 'coalesce(info.zip, name)',
    ).columns).toEqual([
      '(info.zip IS NULL)', 'CASE WHEN (info.floor > 1) THEN info.zip END', '(info.floor IN (1, 3))', '(- info.floor)', 'coalesce(info.zip, name)',
    ]);
  });

  it('names Column API extractions as Spark does', () => {
    expect(df.select(
      col('info').getItem('zip'), col('info').getField('zip'), col('info.zip'), upper(col('info.zip')), col('scores').getItem('math'),
      col('tags').getItem(0), col('info.zip').cast('int'), col('info.zip').plus(1), col('info').getField('deep').getField('x'),
      col('info.deep').getField('x'), col('info.zip').alias('z'),
    ).columns).toEqual([
      'info.zip', 'info.zip', 'zip', 'upper(info.zip)', 'scores[math]',
      'tags[0]', 'CAST(info.zip AS INT)', '(info.zip + 1)', 'info.deep.x',
      'info.deep.x', 'z',
    ]);
  });

  it('drops a table qualifier from the name', () => {
    expect(df.alias('t').selectExpr(
      'upper(t.name)', 't.name', 'T.NAME', 'upper(T.NAME)', 'upper(t.info.zip)', 't.info.zip', 'cast(t.id as string)', 'cast(t.info.zip as int)',
    ).columns).toEqual([
      'upper(name)', 'name', 'NAME', 'upper(NAME)', 'upper(info.zip)', 'zip', 'id', 'CAST(info.zip AS INT)',
    ]);
  });

  it('names a column whose own name has dots after that name', () => {
    expect(df.withColumn('info.zip', lit(1)).selectExpr('`info.zip`', 'upper(`info.zip`)').columns).toEqual(['info.zip', 'upper(info.zip)']);
  });

  it('names grouping keys and aggregates over nested values', async () => {
    const agg = df.groupBy('info.zip').agg(max('info.floor'), sum(col('scores').getItem('math')), count_if(col('info.floor').gt(1)), expr('max(scores.math)'));
    expect(agg.columns).toEqual(['zip', 'max(info.floor)', 'sum(scores[math])', 'count_if((info.floor > 1))', 'max(scores[math])']);
    expect(await agg.collect()).toEqual([{ zip: '28001', 'max(info.floor)': 3, 'sum(scores[math])': 13, 'count_if((info.floor > 1))': 1, 'max(scores[math])': 9 }]);
    expect(df.groupBy(col('info').getItem('zip'), 'info.floor', upper('info.zip')).count().columns).toEqual(['info.zip', 'floor', 'upper(info.zip)', 'count']);
  });

  it('names the results of SQL queries the same way', async () => {
    df.createOrReplaceTempView('nested_names');
    const grouped = session.sql(
      "SELECT info.zip, max(info.floor), count_if(info.floor > 1), sum(scores['math']), upper(info.zip) FROM nested_names GROUP BY info.zip",
    );
    expect(grouped.columns).toEqual(['zip', 'max(info.floor)', 'count_if((info.floor > 1))', 'sum(scores[math])', 'upper(info.zip)']);
    expect(await grouped.collect()).toEqual([
      { zip: '28001', 'max(info.floor)': 3, 'count_if((info.floor > 1))': 1, 'sum(scores[math])': 13, 'upper(info.zip)': '28001' },
    ]);
    expect(session.sql("SELECT upper(p.info.zip), p.info.zip, scores.math, info['deep'].x FROM nested_names p").columns)
      .toEqual(['upper(info.zip)', 'zip', 'math', 'info.deep.x']);
    expect(session.sql('SELECT upper(info.zip) FROM nested_names GROUP BY upper(info.zip)').columns).toEqual(['upper(info.zip)']);
    expect(session.sql('SELECT max(scores.math) FROM nested_names').columns).toEqual(['max(scores[math])']);
  });
});
