import type { Expr } from '../expr/expression.ts';

/**
 * Rewrites an expression top-down: where `f` returns an expression it replaces the node (its children
 * are not visited); where it returns undefined the node is rebuilt from its rewritten children.
 */
export function transformExpr(e: Expr, f: (e: Expr) => Expr | undefined): Expr {
  const replaced = f(e);
  if (replaced !== undefined) return replaced;
  const t = (x: Expr): Expr => transformExpr(x, f);
  switch (e.kind) {
    case 'column': case 'star': case 'literal': return e;
    case 'alias': case 'unary': case 'cast': case 'generator': case 'sortOrder': return { ...e, child: t(e.child) };
    case 'binary': return { ...e, left: t(e.left), right: t(e.right) };
    case 'call': case 'aggregate': return { ...e, args: e.args.map(t) };
    case 'caseWhen': return { ...e, branches: e.branches.map(([c, v]) => [t(c), t(v)] as const), otherwise: e.otherwise ? t(e.otherwise) : null };
    case 'in': return { ...e, child: t(e.child), list: e.list.map(t) };
    case 'extract': return { ...e, child: t(e.child), key: t(e.key) };
  }
}

/** The parts of a column reference (`t.a.b` → t, a, b). */
export function columnParts(e: Extract<Expr, { kind: 'column' }>): readonly string[] {
  return e.nameParts ?? e.name.split('.');
}

/** A reference to the column named `name` exactly (a dot in it is part of the name). */
export function columnRef(name: string): Expr {
  return { kind: 'column', name, nameParts: [name] };
}

export function stripAlias(e: Expr): Expr {
  return e.kind === 'alias' ? stripAlias(e.child) : e;
}
