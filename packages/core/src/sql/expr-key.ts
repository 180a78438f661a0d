import type { Expr } from '../expr/expression.ts';
import { simpleString } from '../types/data-type.ts';

/**
 * A text that two expressions share exactly when they mean the same computation over the same input:
 * names compared case-insensitively (as resolution does), literals by type and value. SQL uses it to
 * find a select item, grouping expression or aggregate again in HAVING, ORDER BY and the select list.
 */
export function exprKey(e: Expr): string {
  return JSON.stringify(normalize(e));
}

function normalize(e: Expr): unknown {
  switch (e.kind) {
    case 'column': return ['col', ...(e.nameParts ?? e.name.split('.')).map((p) => p.toLowerCase())];
    case 'star': return ['star', e.qualifier?.toLowerCase() ?? null];
    case 'literal': return ['lit', simpleString(e.dataType), literalValue(e.value)];
    case 'alias': return ['alias', e.name.toLowerCase(), normalize(e.child)];
    case 'binary': return ['bin', e.op, normalize(e.left), normalize(e.right)];
    case 'unary': return ['un', e.op, normalize(e.child)];
    case 'cast': return ['cast', simpleString(e.to), normalize(e.child)];
    case 'call': return ['call', e.name.toLowerCase(), ...e.args.map(normalize)];
    case 'aggregate': return ['agg', e.fn.toLowerCase(), e.distinct, e.star === true, ...e.args.map(normalize)];
    case 'generator': return ['gen', e.fn, normalize(e.child)];
    case 'caseWhen': return ['case', e.branches.map(([c, v]) => [normalize(c), normalize(v)]), e.otherwise ? normalize(e.otherwise) : null];
    case 'in': return ['in', normalize(e.child), ...e.list.map(normalize)];
    case 'extract': return ['extract', normalize(e.child), normalize(e.key)];
    case 'sortOrder': return ['sort', e.ascending, e.nullsFirst, normalize(e.child)];
  }
}

function literalValue(v: unknown): unknown {
  if (v instanceof Uint8Array) return ['bytes', Array.from(v)];
  if (typeof v === 'number' && !Number.isFinite(v)) return ['num', String(v)];
  return v ?? null;
}
