/**
 * Draws a tree as Spark's treeString: `+- ` before a last child, `:- ` before its siblings, and `:  `
 * carrying a sibling's branch down past its descendants, so every node's parent can be read off.
 */
export function drawTree<T>(root: T, label: (node: T) => string, children: (node: T) => readonly T[]): string {
  const lines: string[] = [];
  const visit = (node: T, lastFlags: readonly boolean[]): void => {
    const depth = lastFlags.length;
    const prefix = depth === 0
      ? ''
      : lastFlags.slice(0, -1).map((last) => (last ? '   ' : ':  ')).join('') + (lastFlags[depth - 1] ? '+- ' : ':- ');
    lines.push(prefix + label(node));
    const cs = children(node);
    cs.forEach((c, i) => visit(c, [...lastFlags, i === cs.length - 1]));
  };
  visit(root, []);
  return lines.join('\n');
}
