import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Log } from '../../common/log.ts';
import { isGlob } from '../listing/glob-pattern.ts';

/**
 * Watches the folder a file source reads (chokidar: inotify, FSEvents or polling, as the platform allows)
 * and calls `onChange` when a file appears or changes, so an idle query lists it at once instead of at
 * its next poll. Only a wake-up call: the listing decides what is new, so a missed event only delays a file.
 */
export class DirectoryWatcher {
  private constructor(private readonly watcher: FSWatcher) {}

  /**
   * Starts watching `abs` (a folder, a file or a glob: its fixed leading folders are watched, as deep as
   * the glob goes, or at every depth with `recursive`). Resolves once the watcher is ready, or at once with
   * undefined when the folder does not exist yet (listings still find what appears later).
   */
  static async start(abs: string, recursive: boolean, onChange: () => void, log: Log): Promise<DirectoryWatcher | undefined> {
    const parts = abs.split(sep);
    const firstGlob = parts.findIndex(isGlob);
    const root = firstGlob === -1 ? abs : parts.slice(0, firstGlob).join(sep) || sep;
    if (!existsSync(root)) return undefined;
    const globDepth = firstGlob === -1 ? 0 : parts.length - firstGlob;
    const watcher = watch(root, {
      ignoreInitial: true,
      persistent: false,
      ...(recursive ? {} : { depth: globDepth }),
    });
    watcher.on('add', onChange);
    watcher.on('change', onChange);
    watcher.on('addDir', onChange);
    watcher.on('error', (e) => log(`File source watcher on ${root}: ${e instanceof Error ? e.message : String(e)}`));
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    return new DirectoryWatcher(watcher);
  }

  close(): Promise<void> {
    return this.watcher.close();
  }
}
