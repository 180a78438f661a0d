import { fork } from 'node:child_process';
import type { WorkloadResult } from './measure.ts';
import type { WorkloadParams } from './workload.ts';

/** The message a child sends back: its result or why it failed. */
export type ChildMessage = { readonly ok: true; readonly result: WorkloadResult } | { readonly ok: false; readonly error: string };

/**
 * Runs one workload in a fresh Node process (same flags as this one, so `--import tsx` and `--cpu-prof`
 * carry over, plus `--expose-gc`): peak RSS and JIT state then belong to that workload alone.
 */
export function runInChild(script: string, workload: string, params: WorkloadParams): Promise<WorkloadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(script, ['--child', workload, '--params', JSON.stringify(params)], {
      execArgv: [...process.execArgv, '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let message: ChildMessage | undefined;
    child.on('message', (m) => { message = m as ChildMessage; });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (message?.ok) resolve(message.result);
      else if (message) reject(new Error(`${workload}: ${message.error}`));
      else reject(new Error(`${workload}: child exited with ${signal ?? `code ${String(code)}`} before reporting`));
    });
  });
}
