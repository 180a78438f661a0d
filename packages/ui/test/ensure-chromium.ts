import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

/** Debian's Chromium, which the browser test drives (Playwright's own browser builds are not used). */
export const CHROMIUM = '/usr/bin/chromium';

/** Time allowed for each apt-get step: a download of Chromium and its libraries. */
const APT_TIMEOUT_MS = 8 * 60_000;

/**
 * The path of Chromium. In CI (`CI=true`, as root) a missing Chromium is installed with apt-get; anywhere
 * else its absence fails the test with the command that installs it. Never a skip: a dashboard test that
 * did not run must not pass.
 */
export async function ensureChromium(): Promise<string> {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.env.CI === 'true' && process.getuid?.() === 0) {
    const run = promisify(execFile);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    // Another run of the suite may be installing at the same time: wait for dpkg's lock, do not fail on it.
    const lock = ['-o', 'DPkg::Lock::Timeout=300'];
    for (const args of [[...lock, 'update'], [...lock, 'install', '-y', 'chromium']]) {
      try {
        await run('apt-get', args, { env, timeout: APT_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
      } catch (e) {
        const err = e as { stderr?: string; message: string };
        throw new Error(`apt-get ${args.slice(lock.length).join(' ')} failed while installing Chromium for the dashboard test: ${err.stderr?.trim() || err.message}`);
      }
    }
    if (existsSync(CHROMIUM)) return CHROMIUM;
    throw new Error(`apt-get installed chromium but ${CHROMIUM} is still missing`);
  }
  throw new Error(
    `The dashboard browser test needs Debian's Chromium at ${CHROMIUM}, which is not installed. ` +
    'Install it with `sudo apt-get install chromium` and run the test again.',
  );
}
