import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: the nearest directory above `from` holding pnpm-workspace.yaml. */
export function repoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
  }
}

/** A file of the shared data sets, which live beside the repository (`<repo>/../shared/data/...`). */
export function sharedData(from: string, ...path: string[]): string {
  return join(repoRoot(from), '..', 'shared', 'data', ...path);
}
