import { terminalIo, type ReviewPromptIo } from './review-prompt';

/** What the CLI needs from its process, injected so tests run it in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /**
   * Opens the interactive review; present only when stdin and stdout are terminals. A factory,
   * so nothing reads stdin unless a review actually asks. Tests inject scripted answers here.
   */
  terminal?: () => ReviewPromptIo & { close(): void };
}

export function processIo(): CliIo {
  const interactive = process.stdin.isTTY && process.stdout.isTTY;
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    ...(interactive ? { terminal: () => terminalIo(process.stdin, process.stdout, process.env) } : {}),
  };
}
