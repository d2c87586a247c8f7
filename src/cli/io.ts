/** Where a command writes: stdout for results, stderr for problems. Tests pass collectors; the binary passes process streams. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Writes to the process's streams. */
export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};
