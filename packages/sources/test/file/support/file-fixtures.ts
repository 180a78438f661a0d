import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Session } from '@caudal/core';
import { registerBuiltinSources } from '../../../src/index.ts';

/** A temporary directory of test files, written by the test itself; `remove` deletes it. */
export class Fixtures {
  private constructor(readonly dir: string) {}

  static async create(): Promise<Fixtures> {
    return new Fixtures(await mkdtemp(join(tmpdir(), 'caudal-files-')));
  }

  /** Writes a file (text as UTF-8, or raw bytes) under the directory and returns its absolute path. */
  async write(name: string, content: string | Uint8Array): Promise<string> {
    const path = join(this.dir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    return path;
  }

  path(name: string): string {
    return join(this.dir, name);
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** A session with the built-in sources registered, as `import 'caudal'` gives one. */
export function fileSession(): Session {
  registerBuiltinSources();
  return Session.builder().appName('file-readers-test').create();
}

/** The repository's root (this file is `<repo>/packages/sources/test/file/support/`). */
const REPO = join(import.meta.dirname, '../../../../..');

/** The shared real data sets: `<repo>/../shared/data/<name>`. */
export function sharedData(name: string): string {
  return join(REPO, '../shared/data', name);
}

/** Thrown error's message, or a failure when nothing was thrown. */
export function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error('expected an error');
}

export async function rejectionOf(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Error) return e;
    throw new Error(`rejected with a non-Error: ${String(e)}`);
  }
  throw new Error('expected a rejection');
}
