/** Where a source reports warnings and notices; stderr by default, injectable so tests can read it. */
export type Log = (message: string) => void;

export const stderrLog: Log = (message) => {
  process.stderr.write(`${message}\n`);
};
