// Writes each spec's input folder (and its static side's folder) under the run's work directory. Files get
// ascending modification times in the order given, so both engines' file sources take them in that order.
import { mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { InputSpec, QuerySpec, ResolvedSpec } from './spec.ts';

const SHARED = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
/** Modification time of the first file; each next file is 10 s later. */
const FIRST_MTIME_S = 1_700_000_000;

/** The text split into `parts` pieces at line ends (each keeps its own line endings). */
function splitText(text: string, parts: number): string[] {
  const out: string[] = [];
  let start = 0;
  for (let p = 1; p <= parts; p++) {
    let end = p === parts ? text.length : Math.round((text.length * p) / parts);
    if (p < parts) {
      const nl = text.indexOf('\n', end);
      end = nl < 0 ? text.length : nl + 1;
    }
    if (end > start) out.push(text.slice(start, end));
    start = end;
  }
  return out;
}

/** Bizum1 < Bizum2 < ... < Bizum10: the numeric order of the names' digits. */
function byNumberInName(a: string, b: string): number {
  const n = (s: string): number => Number(/\d+/.exec(s)?.[0] ?? 0);
  return n(a) - n(b) || a.localeCompare(b);
}

function filesOf(input: InputSpec, defaultExt: string): { name: string; content: string | Buffer }[] {
  if ('files' in input) {
    const ext = input.ext ?? defaultExt;
    return input.files.map((content, i) => ({ name: `part-${String(i).padStart(3, '0')}.${ext}`, content }));
  }
  switch (input.shared) {
    case 'bizums':
    case 'invoices': {
      const dir = join(SHARED, input.shared);
      return readdirSync(dir).sort(byNumberInName).map((name) => ({ name, content: readFileSync(join(dir, name)) }));
    }
    case 'quijote': {
      const text = readFileSync(join(SHARED, 'text', 'el_quijote.txt'), 'utf8');
      return splitText(text, input.parts ?? 1).map((content, i) => ({ name: `part-${String(i).padStart(3, '0')}.txt`, content }));
    }
  }
}

function writeFolder(dir: string, files: readonly { name: string; content: string | Buffer }[]): void {
  mkdirSync(dir, { recursive: true });
  files.forEach((f, i) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.content);
    const t = FIRST_MTIME_S + i * 10;
    utimesSync(path, t, t);
  });
}

/** Writes the inputs of `specs` under `workDir` and returns the specs with their folders filled in. */
export function prepareInputs(specs: readonly QuerySpec[], workDir: string): ResolvedSpec[] {
  return specs.map((spec) => {
    let resolved: ResolvedSpec = spec;
    if (spec.source.kind === 'file') {
      const inputDir = join(workDir, 'inputs', spec.name);
      writeFolder(inputDir, filesOf(spec.source.input, spec.source.format === 'text' ? 'txt' : spec.source.format));
      resolved = { ...resolved, inputDir };
    }
    if (spec.static !== undefined) {
      const staticDir = join(workDir, 'static', spec.name);
      writeFolder(staticDir, filesOf({ files: spec.static.files }, spec.static.format));
      resolved = { ...resolved, staticDir };
    }
    return resolved;
  });
}
