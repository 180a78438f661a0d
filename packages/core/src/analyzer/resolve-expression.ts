import { AnalysisError } from './analysis-error.ts';
import { comparisonType } from './comparison-type.ts';
import { QualifiedSchema } from './qualified-schema.ts';
import type { BoundExpr } from '../expr/bound-expr.ts';
import { canCast, castErrorMessage } from '../expr/cast.ts';
import { exprToString, type BinaryOp, type Expr } from '../expr/expression.ts';
import { lookupFunction } from '../functions/registry.ts';
import { resolveTimeShift } from '../functions/time-add.ts';
import type { DataType } from '../types/data-type.ts';
import { BOOLEAN, DOUBLE, STRING, isNumeric, sameType, simpleString, widerNumeric } from '../types/data-type.ts';
import type { StructType } from '../types/schema.ts';

/**
 * Resolves an expression against the schema of its input: names become column indices (matched
 * case-insensitively, as Spark does by default), types are checked and implicit casts inserted.
 * Aggregates, generators and sort orders are handled by the plan nodes that allow them.
 */
export function resolveExpr(e: Expr, schema: StructType): BoundExpr {
  switch (e.kind) {
    case 'column':
      return resolveColumn(e.nameParts ?? splitName(e.name), schema);
    case 'star':
      throw new AnalysisError(`Invalid usage of '*' in expression; '*' is only allowed as a whole select item`);
    case 'literal':
      return { kind: 'literal', value: e.value, dataType: e.dataType, nullable: e.value === null };
    case 'alias':
      return resolveExpr(e.child, schema);
    case 'binary':
      return resolveBinary(e.op, resolveExpr(e.left, schema), resolveExpr(e.right, schema), exprToString(e));
    case 'unary': {
      const child = resolveExpr(e.child, schema);
      const sql = exprToString(e);
      switch (e.op) {
        case 'not':
          return { kind: 'unary', op: 'not', child: requireBoolean(child, sql), dataType: BOOLEAN, nullable: child.nullable };
        case 'negate':
          if (!isNumeric(child.dataType) && child.dataType.kind !== 'null') throw mismatch(sql, `argument must be numeric, not ${simpleString(child.dataType)}`);
          return { kind: 'unary', op: 'negate', child, dataType: child.dataType, nullable: child.nullable };
        case 'isNull': case 'isNotNull':
          return { kind: 'unary', op: e.op, child, dataType: BOOLEAN, nullable: false };
      }
      break;
    }
    case 'cast': {
      const child = resolveExpr(e.child, schema);
      if (!canCast(child.dataType, e.to)) throw new AnalysisError(castErrorMessage(child.dataType, e.to, exprToString(e)));
      return castTo(child, e.to);
    }
    case 'call': {
      const fn = lookupFunction(e.name);
      const sql = exprToString(e);
      // As Spark, `*` (or `s.*` of a struct s) among a function's arguments stands for every column (field): `to_json(struct(*))`.
      const args = e.args.flatMap((a) => (a.kind === 'star' ? expandStarArgument(a.qualifier, schema) : [resolveExpr(a, schema)]));
      const resolved = fn.resolve(args, sql);
      const castArgs = args.map((a, i) => {
        const want = resolved.argTypes?.[i];
        return want ? castTo(a, want) : a;
      });
      return { kind: 'call', fn, args: castArgs, dataType: resolved.dataType, nullable: resolved.nullable ?? true, sql };
    }
    case 'aggregate':
      throw new AnalysisError(`Aggregate function ${exprToString(e)} is not allowed here; use it in groupBy(...).agg(...) or a select over the whole DataFrame`);
    case 'generator':
      throw new AnalysisError(`Generator ${exprToString(e)} is only allowed as a top-level select item, e.g. select(explode(col('words')).alias('word'))`);
    case 'sortOrder':
      throw new AnalysisError(`Sort order ${exprToString(e)} is only allowed in orderBy/sort`);
    case 'caseWhen': {
      const sql = exprToString(e);
      const branches = e.branches.map(([c, v]) => [requireBoolean(resolveExpr(c, schema), sql), resolveExpr(v, schema)] as const);
      const otherwise = e.otherwise ? resolveExpr(e.otherwise, schema) : null;
      const values = [...branches.map(([, v]) => v), ...(otherwise ? [otherwise] : [])];
      const type = commonType(values.map((v) => v.dataType), sql);
      return {
        kind: 'caseWhen',
        branches: branches.map(([c, v]) => [c, castTo(v, type)] as const),
        otherwise: otherwise ? castTo(otherwise, type) : null,
        dataType: type,
        nullable: true,
      };
    }
    case 'in': {
      const sql = exprToString(e);
      const child = resolveExpr(e.child, schema);
      const list = e.list.map((x) => resolveExpr(x, schema));
      const type = commonType([child.dataType, ...list.map((x) => x.dataType)], sql);
      return { kind: 'in', child: castTo(child, type), list: list.map((x) => castTo(x, type)), dataType: BOOLEAN, nullable: true };
    }
    case 'extract':
      return resolveExtract(resolveExpr(e.child, schema), e.key, schema, exprToString(e));
  }
}

function splitName(name: string): string[] {
  return name.split('.');
}

/** Finds a column (case-insensitively), then follows any remaining name parts as struct fields. */
/** A function argument `*` (every column of the input) or `s.*` (every field of the struct column s). */
function expandStarArgument(qualifier: string | undefined, schema: StructType): BoundExpr[] {
  if (qualifier === undefined) {
    return schema.fields.map((f, index): BoundExpr => ({ kind: 'ref', index, name: f.name, dataType: f.dataType, nullable: f.nullable }));
  }
  const parent = resolveColumn(splitName(qualifier), schema);
  if (parent.dataType.kind !== 'struct') {
    throw new AnalysisError(`Invalid usage of '*' in expression: \`${qualifier}\` is not a struct column, so '${qualifier}.*' cannot be expanded`);
  }
  return parent.dataType.fields.map((f) => getField(parent, f.name, `${qualifier}.${f.name}`));
}

function resolveColumn(parts: readonly string[], schema: StructType): BoundExpr {
  const whole = parts.join('.');
  // A column whose own name contains dots (e.g. created from a file header) wins over field access.
  const exact = findField(schema.fields.map((f) => f.name), whole, schema);
  if (exact !== -1 && parts.length > 1) {
    const f = schema.fields[exact]!;
    return { kind: 'ref', index: exact, name: f.name, dataType: f.dataType, nullable: f.nullable };
  }
  // `t.col[.field...]`: the column of the relation named t (an alias or table name).
  const qualified = parts.length > 1 && schema instanceof QualifiedSchema ? schema.qualifiedIndex(parts[0]!, parts[1]!) : -1;
  const idx = qualified !== -1 ? qualified : findField(schema.fields.map((f) => f.name), parts[0]!, schema);
  if (idx === -1) {
    throw new AnalysisError(
      `A column or function parameter with name \`${whole}\` cannot be resolved. Available columns: ${schema.fields.map((f) => `\`${f.name}\``).join(', ') || '(none)'}`,
    );
  }
  const f = schema.fields[idx]!;
  let cur: BoundExpr = { kind: 'ref', index: idx, name: f.name, dataType: f.dataType, nullable: f.nullable };
  for (const part of parts.slice(qualified === -1 ? 1 : 2)) {
    // As Spark's ExtractValue, a dotted part after a map is a key: `scores.math` is `scores['math']`.
    if (cur.dataType.kind === 'map') {
      const key = castTo({ kind: 'literal', value: part, dataType: STRING, nullable: false }, cur.dataType.keyType);
      cur = { kind: 'getItem', child: cur, key, dataType: cur.dataType.valueType, nullable: true };
    } else {
      cur = getField(cur, part, whole);
    }
  }
  return cur;
}

function findField(names: readonly string[], name: string, schema: StructType): number {
  const lower = name.toLowerCase();
  const hits: number[] = [];
  names.forEach((n, i) => { if (n.toLowerCase() === lower) hits.push(i); });
  if (hits.length > 1) {
    const exact = hits.filter((i) => names[i] === name);
    if (exact.length === 1) return exact[0]!;
    const display = (i: number): string => (schema instanceof QualifiedSchema ? schema.display(i) : `\`${schema.fields[i]!.name}\``);
    throw new AnalysisError(`Reference \`${name}\` is ambiguous, could be: ${hits.map(display).join(', ')}`);
  }
  return hits[0] ?? -1;
}

function getField(child: BoundExpr, name: string, sql: string): BoundExpr {
  const t = child.dataType;
  if (t.kind !== 'struct') {
    throw new AnalysisError(`Cannot resolve '${sql}': field access '${name}' needs a struct, but the value has type ${simpleString(t)}`);
  }
  const lower = name.toLowerCase();
  const ordinal = t.fields.findIndex((f) => f.name.toLowerCase() === lower);
  if (ordinal === -1) {
    throw new AnalysisError(`No such struct field \`${name}\` in ${t.fields.map((f) => `\`${f.name}\``).join(', ')} (in '${sql}')`);
  }
  const f = t.fields[ordinal]!;
  return { kind: 'getField', child, ordinal, dataType: f.dataType, nullable: true };
}

function resolveExtract(child: BoundExpr, key: Expr, schema: StructType, sql: string): BoundExpr {
  const t = child.dataType;
  if (t.kind === 'struct') {
    if (key.kind !== 'literal' || typeof key.value !== 'string') throw mismatch(sql, 'a struct field must be named by a string literal');
    return getField(child, key.value, sql);
  }
  const k = resolveExpr(key, schema);
  if (t.kind === 'array') {
    if (!isNumeric(k.dataType) || k.dataType.kind === 'double') throw mismatch(sql, `array index must be an integer, not ${simpleString(k.dataType)}`);
    return { kind: 'getItem', child, key: k, dataType: t.elementType, nullable: true };
  }
  if (t.kind === 'map') {
    return { kind: 'getItem', child, key: castTo(k, t.keyType), dataType: t.valueType, nullable: true };
  }
  throw mismatch(sql, `cannot extract a value from ${simpleString(t)}; it needs a struct, array or map`);
}

function mismatch(sql: string, why: string): AnalysisError {
  return new AnalysisError(`Cannot resolve '${sql}' due to data type mismatch: ${why}`);
}

function requireBoolean(e: BoundExpr, sql: string): BoundExpr {
  if (e.dataType.kind === 'boolean') return e;
  if (e.dataType.kind === 'null') return castTo(e, BOOLEAN);
  throw mismatch(sql, `expected a boolean, but got ${simpleString(e.dataType)}`);
}

export function castTo(e: BoundExpr, to: DataType): BoundExpr {
  if (sameType(e.dataType, to)) return e;
  if (e.kind === 'literal' && e.value === null) return { ...e, dataType: to };
  return { kind: 'cast', child: e, dataType: to, nullable: true };
}

/** The type values of several types can share (CASE branches, IN lists), or an error naming them. */
export function commonType(types: readonly DataType[], sql: string): DataType {
  let acc: DataType = { kind: 'null' };
  for (const t of types) {
    if (acc.kind === 'null') { acc = t; continue; }
    if (t.kind === 'null' || sameType(acc, t)) continue;
    const wide = widerNumeric(acc, t);
    if (wide) { acc = wide; continue; }
    if (acc.kind === 'string' || t.kind === 'string') { acc = STRING; continue; }
    if ((acc.kind === 'date' && t.kind === 'timestamp') || (acc.kind === 'timestamp' && t.kind === 'date')) { acc = { kind: 'timestamp' }; continue; }
    throw mismatch(sql, `the values have incompatible types (${simpleString(acc)} and ${simpleString(t)})`);
  }
  return acc;
}

function resolveBinary(op: BinaryOp, left: BoundExpr, right: BoundExpr, sql: string): BoundExpr {
  const lt = left.dataType;
  const rt = right.dataType;
  const nullable = left.nullable || right.nullable;
  const incompatible = (): AnalysisError =>
    mismatch(sql, `the left and right operands of the binary operator have incompatible types (${simpleString(lt)} and ${simpleString(rt)})`);
  switch (op) {
    case '+': case '-': case '*': case '/': case '%': {
      const shifted = op === '+' || op === '-' ? resolveTimeShift(op, left, right, sql) : undefined;
      if (shifted) return shifted;
      const asNum = (t: DataType): DataType | undefined => (t.kind === 'string' ? DOUBLE : isNumeric(t) || t.kind === 'null' ? t : undefined);
      const l = asNum(lt);
      const r = asNum(rt);
      if (!l || !r) throw incompatible();
      let type = widerNumeric(l, r) ?? DOUBLE;
      if (type.kind === 'null') type = op === '/' ? DOUBLE : { kind: 'int' };
      if (op === '/') type = DOUBLE;
      return { kind: 'binary', op, left: castTo(left, type), right: castTo(right, type), dataType: type, nullable: true };
    }
    case '=': case '!=': case '<': case '<=': case '>': case '>=': case '<=>': {
      const t = comparisonType(lt, rt);
      if (!t) throw incompatible();
      return { kind: 'binary', op, left: castTo(left, t), right: castTo(right, t), dataType: BOOLEAN, nullable: op === '<=>' ? false : nullable };
    }
    case 'and': case 'or':
      return { kind: 'binary', op, left: requireBoolean(left, sql), right: requireBoolean(right, sql), dataType: BOOLEAN, nullable };
    case 'like': case 'rlike':
      if ((lt.kind !== 'string' && lt.kind !== 'null') || (rt.kind !== 'string' && rt.kind !== 'null')) throw incompatible();
      return { kind: 'binary', op, left: castTo(left, STRING), right: castTo(right, STRING), dataType: BOOLEAN, nullable };
    case '||':
      return { kind: 'binary', op, left: castTo(left, STRING), right: castTo(right, STRING), dataType: STRING, nullable };
  }
}

/** The column name an unaliased select item gets, as in Spark. */
export function outputName(e: Expr): string {
  if (e.kind === 'alias') return e.name;
  if (e.kind === 'column') {
    const parts = e.nameParts ?? splitName(e.name);
    return parts[parts.length - 1]!;
  }
  return exprToString(e);
}
