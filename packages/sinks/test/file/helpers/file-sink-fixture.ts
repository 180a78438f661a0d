import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterEach } from 'vitest';
import { FileSinkLog, Session } from 'caudal';

const cleanups: (() => void | Promise<void>)[] = [];

/** Registers the after-each cleanup of everything the helpers below create. Call once per test file. */
export function useCleanup(): void {
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
}

export function onCleanup(fn: () => void | Promise<void>): void {
  cleanups.push(fn);
}

/** An independent session with timestamps shown in `timeZone` (UTC unless given). */
export function newSession(timeZone = 'UTC'): Session {
  const session = Session.builder().config('spark.sql.session.timeZone', timeZone).create();
  cleanups.push(() => session.stop());
  return session;
}

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'caudal-file-sink-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The committed files of an output folder, relative to it with `/` separators. */
export function committedFiles(out: string): string[] {
  const files = FileSinkLog.readCommittedFiles(out);
  if (files === null) throw new Error(`${out} has no manifest`);
  return files.map((f) => relative(out, f).split(sep).join('/'));
}

/** The text of every committed file, in commit order. */
export function committedTexts(out: string): string[] {
  return (FileSinkLog.readCommittedFiles(out) ?? []).map((f) => readFileSync(f, 'utf8'));
}

/** Every regular file under `dir` (hidden manifest folder excluded), relative, sorted. */
export function filesOnDisk(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (name !== '_caudal_metadata') walk(p);
      } else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The raw text of manifest entry `name` (a batch id, or `<id>.compact`). */
export function manifestText(out: string, name: number | string): string {
  return readFileSync(join(out, '_caudal_metadata', String(name)), 'utf8');
}

/** A part-file name with its uuid replaced by `<uuid>`, for exact comparisons. */
export function withoutUuid(path: string): string {
  return path.replace(/part-(\d{5})-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\./, 'part-$1-<uuid>.');
}
