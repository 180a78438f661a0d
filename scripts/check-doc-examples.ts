// Lists every public export of the API docs that has no `@example` in its doc comment. The exports are
// those of typedoc.json's entry points and of the `src/index.ts` of each package it requires documentation
// for; `@internal` ones are skipped, as TypeDoc's `excludeInternal` drops them from the docs.
// Run: `pnpm run docs:check` (exit code 1 and the list when some lack an example).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface TypedocConfig {
  entryPoints?: string[];
  packagesRequiringDocumentation?: string[];
}

/** One export of a docs entry point whose declarations carry no `@example`. */
export interface MissingExample {
  /** The exported name. */
  name: string;
  /** The entry point (relative to the repository root) that exports it. */
  entryPoint: string;
  /** Where it is declared, `path:line` relative to the repository root. */
  declaredAt: string;
}

/** The result of a check: how many exports were looked at, and those without an example. */
export interface DocExamplesReport {
  entryPoints: string[];
  exportCount: number;
  missing: MissingExample[];
}

/** The entry points of the docs: typedoc.json's, plus `packages/<dir>/src/index.ts` of each package it names. */
export function docEntryPoints(root: string = ROOT): string[] {
  const config = JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8')) as TypedocConfig;
  const entries = new Set((config.entryPoints ?? []).map((p) => resolve(root, p)));
  const packageIndexByName = new Map<string, string>();
  for (const dir of ts.sys.getDirectories(join(root, 'packages'))) {
    const manifest = join(root, 'packages', dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string };
    packageIndexByName.set(name, join(root, 'packages', dir, 'src', 'index.ts'));
  }
  for (const name of config.packagesRequiringDocumentation ?? []) {
    const index = packageIndexByName.get(name);
    if (index === undefined) throw new Error(`typedoc.json names package ${name}, which is not under packages/`);
    entries.add(index);
  }
  return [...entries];
}

function hasTag(decl: ts.Declaration, tag: string): boolean {
  return ts.getJSDocTags(decl).some((t) => t.tagName.text === tag);
}

/** Checks every export of the docs entry points for an `@example` tag in the JSDoc of one of its declarations. */
export function checkDocExamples(root: string = ROOT): DocExamplesReport {
  const entryPoints = docEntryPoints(root);
  const configFile = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  if (configFile.error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(configFile.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
  // Only the entry points as roots: what they reach is all that is bound, which keeps the check fast.
  const program = ts.createProgram({ rootNames: entryPoints, options: { ...parsed.options, noEmit: true } });
  const checker = program.getTypeChecker();
  const missing: MissingExample[] = [];
  let exportCount = 0;
  const seen = new Set<ts.Declaration>();
  for (const entry of entryPoints) {
    const source = program.getSourceFile(entry);
    const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) throw new Error(`cannot read entry point ${entry}`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declarations = target.declarations ?? [];
      if (declarations.length === 0 || declarations.some((d) => hasTag(d, 'internal'))) continue;
      // The same declaration reached through several entry points is counted (and reported) once; merged
      // (augmented) interfaces get a fresh symbol per module, so the key is the first declaration.
      const first = declarations[0]!;
      if (seen.has(first)) continue;
      seen.add(first);
      exportCount++;
      if (declarations.some((d) => hasTag(d, 'example'))) continue;
      const file = first.getSourceFile();
      const line = file.getLineAndCharacterOfPosition(first.getStart(file)).line + 1;
      missing.push({
        name: exported.name,
        entryPoint: relative(root, entry),
        declaredAt: `${relative(root, file.fileName)}:${line}`,
      });
    }
  }
  missing.sort((a, b) => a.declaredAt.localeCompare(b.declaredAt, 'en', { numeric: true }));
  return { entryPoints: entryPoints.map((e) => relative(root, e)), exportCount, missing };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const report = checkDocExamples();
  if (report.missing.length > 0) {
    for (const m of report.missing) console.error(`${m.declaredAt}  ${m.name}  (exported by ${m.entryPoint})`);
    console.error(`\n${report.missing.length} of ${report.exportCount} public exports have no @example.`);
    process.exitCode = 1;
  } else {
    console.log(`All ${report.exportCount} public exports have an @example.`);
  }
}
