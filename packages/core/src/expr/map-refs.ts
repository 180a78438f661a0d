import type { BoundExpr } from './bound-expr.ts';

type Ref = Extract<BoundExpr, { kind: 'ref' }>;

/**
 * A copy of a bound expression with every column reference replaced by `f(ref)`: rebinds an expression
 * to another input layout (a join condition's right-side part onto the right side's own columns).
 */
export function mapRefs(e: BoundExpr, f: (ref: Ref) => BoundExpr): BoundExpr {
  const m = (x: BoundExpr): BoundExpr => mapRefs(x, f);
  switch (e.kind) {
    case 'ref': return f(e);
    case 'literal': return e;
    case 'binary': return { ...e, left: m(e.left), right: m(e.right) };
    case 'unary': case 'cast': case 'getField': return { ...e, child: m(e.child) };
    case 'call': return { ...e, args: e.args.map(m) };
    case 'caseWhen': return { ...e, branches: e.branches.map(([c, v]) => [m(c), m(v)] as const), otherwise: e.otherwise ? m(e.otherwise) : null };
    case 'in': return { ...e, child: m(e.child), list: e.list.map(m) };
    case 'getItem': return { ...e, child: m(e.child), key: m(e.key) };
  }
}

/** The expression with every column index moved by `delta`. */
export function shiftRefs(e: BoundExpr, delta: number): BoundExpr {
  return delta === 0 ? e : mapRefs(e, (r) => ({ ...r, index: r.index + delta }));
}
