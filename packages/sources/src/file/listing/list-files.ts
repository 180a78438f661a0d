import { readdirSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { AnalysisError } from '@caudal/core';
import { globToRegExp, isGlob } from './glob-pattern.ts';

/** A data file found under a read path. */
export interface InputFile {
  /** Absolute path. */
  readonly path: string;
  readonly size: number;
  readonly modificationTimeMs: number;
}

export interface ListingSettings {
  /** Descend into subdirectories (Spark's `recursiveFileLookup`). */
  readonly recursive: boolean;
  /** Spark's `pathGlobFilter`: only file names matching this glob. */
  readonly nameFilter: RegExp | undefined;
}

/**
 * Files and directories Spark skips when it lists a directory: names starting with `_` or `.`
 * (`_SUCCESS`, `_spark_metadata`, `.part.crc`), and files still being copied.
 */
export function isHiddenName(name: string): boolean {
  return name.startsWith('_') || name.startsWith('.') || name.endsWith('._COPYING_');
}

/** `file:/x`, `file:///x` and plain paths, made absolute against the working directory. */
export function localPath(path: string): string {
  const p = path.startsWith('file://') ? path.slice('file://'.length) : path.startsWith('file:') ? path.slice('file:'.length) : path;
  return isAbsolute(p) ? resolve(p) : resolve(process.cwd(), p);
}

/**
 * The files a read path names, sorted by path: the file itself; the files directly in a directory
 * (all levels with `recursive`), skipping hidden names; or what a glob (`/data/*.json`,
 * `/logs/2024-0[1-3]/*`) matches. A path that matches nothing fails as in Spark.
 */
export function listFiles(path: string, settings: ListingSettings): InputFile[] {
  const abs = localPath(path);
  const roots = hasGlob(abs) ? expandGlob(abs) : [abs];
  if (roots.length === 0) throw pathNotFound(abs);
  const out: InputFile[] = [];
  for (const root of roots) {
    const st = statOrUndefined(root);
    if (st === undefined) throw pathNotFound(root);
    if (st.isDirectory()) collectDirectory(root, settings, out);
    else if (accepts(root, settings)) out.push(fileOf(root, st));
  }
  const seen = new Set<string>();
  return out
    .filter((f) => (seen.has(f.path) ? false : (seen.add(f.path), true)))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function pathNotFound(abs: string): AnalysisError {
  return new AnalysisError(`Path does not exist: file:${abs}`);
}

function hasGlob(abs: string): boolean {
  return abs.split(sep).some(isGlob);
}

function statOrUndefined(p: string): Stats | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

function fileOf(path: string, st: Stats): InputFile {
  return { path, size: st.size, modificationTimeMs: st.mtimeMs };
}

function accepts(path: string, settings: ListingSettings): boolean {
  if (settings.nameFilter === undefined) return true;
  const name = path.slice(path.lastIndexOf(sep) + 1);
  return settings.nameFilter.test(name);
}

function collectDirectory(dir: string, settings: ListingSettings, out: InputFile[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (isHiddenName(entry.name)) continue;
    const child = join(dir, entry.name);
    // Follow symbolic links as Hadoop's local file system does.
    const st = entry.isSymbolicLink() ? statOrUndefined(child) : undefined;
    const isDir = st ? st.isDirectory() : entry.isDirectory();
    if (isDir) {
      if (settings.recursive) collectDirectory(child, settings, out);
    } else if (accepts(child, settings)) {
      const fst = st ?? statOrUndefined(child);
      if (fst !== undefined && fst.isFile()) out.push(fileOf(child, fst));
    }
  }
}

/** Expands a glob component by component from the root; hidden names only match a literal component. */
function expandGlob(abs: string): string[] {
  const parts = abs.split(sep).filter((p) => p !== '');
  let current: string[] = [sep];
  for (const part of parts) {
    const next: string[] = [];
    if (!isGlob(part)) {
      for (const base of current) {
        const p = join(base, part);
        if (statOrUndefined(p) !== undefined) next.push(p);
      }
    } else {
      const re = globToRegExp(part);
      for (const base of current) {
        let names: string[];
        try {
          names = readdirSync(base);
        } catch {
          continue;
        }
        for (const name of names.sort()) if (!isHiddenName(name) && re.test(name)) next.push(join(base, name));
      }
    }
    current = next;
    if (current.length === 0) break;
  }
  return current;
}
