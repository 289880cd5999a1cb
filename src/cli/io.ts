/** What a face gets from the process, as plain data, so commands are testable without touching globals. */
export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  /** Reads all of stdin (hooks get their ref lines there). */
  readStdin: () => Promise<string>;
  /** Whether stderr is a terminal (progress bars are drawn only then). */
  isTty: boolean;
  /** Live progress for long scans; bin draws it on a TTY and drops it otherwise. */
  progress?: (line: string) => void;
}

/** What every command returns; `cli/bin.ts` is the only place that prints it and exits. */
export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export function result(exitCode: number, stdout = '', stderr = ''): CliResult {
  return { exitCode, stdout, stderr };
}
