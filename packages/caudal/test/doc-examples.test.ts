import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDocExamples } from '../../../scripts/check-doc-examples.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'caudal-doc-examples-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('API doc examples (pnpm run docs:check)', () => {
  it('every public export of the docs entry points has an @example', () => {
    const report = checkDocExamples();
    expect(report.entryPoints).toEqual([
      'packages/caudal/src/index.ts',
      'packages/core/src/index.ts',
      'packages/sources/src/index.ts',
      'packages/sinks/src/index.ts',
      'packages/ui/src/index.ts',
    ]);
    expect(report.missing).toEqual([]);
  });

  it('lists the exports without an example, once each, and skips @internal ones', () => {
    const root = project({
      'typedoc.json': JSON.stringify({ entryPoints: ['packages/app/src/index.ts'], packagesRequiringDocumentation: ['@demo/lib'] }),
      'tsconfig.json': JSON.stringify({
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', allowImportingTsExtensions: true, noEmit: true, strict: true, types: [] },
      }),
      'packages/lib/package.json': JSON.stringify({ name: '@demo/lib' }),
      'packages/lib/src/index.ts': [
        '/**',
        ' * Adds.',
        ' *',
        ' * @example',
        ' * ```ts',
        ' * add(1, 2);',
        ' * ```',
        ' */',
        'export function add(a: number, b: number): number { return a + b; }',
        '/** Subtracts. */',
        'export function sub(a: number, b: number): number { return a - b; }',
        '/** @internal */',
        'export const secret = 1;',
        '',
      ].join('\n'),
      'packages/app/package.json': JSON.stringify({ name: '@demo/app' }),
      'packages/app/src/index.ts': [
        "export * from '../../lib/src/index.ts';",
        '/** The version. */',
        "export const VERSION = '1';",
        '',
      ].join('\n'),
    });
    expect(checkDocExamples(root)).toEqual({
      entryPoints: ['packages/app/src/index.ts', 'packages/lib/src/index.ts'],
      exportCount: 3,
      missing: [
        { name: 'VERSION', entryPoint: 'packages/app/src/index.ts', declaredAt: 'packages/app/src/index.ts:3' },
        { name: 'sub', entryPoint: 'packages/app/src/index.ts', declaredAt: 'packages/lib/src/index.ts:11' },
      ],
    });
  });
});
