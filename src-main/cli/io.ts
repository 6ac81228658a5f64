import { detachSecrets } from '../core/runtime/child-env';
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

/**
 * The real process. The API keys are read from this snapshot and deleted from `process.env`
 * (`detachSecrets`), so no child process can inherit them.
 */
export function processIo(): CliIo {
  const interactive = process.stdin.isTTY && process.stdout.isTTY;
  const env = detachSecrets();
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env,
    ...(interactive ? { terminal: () => terminalIo(process.stdin, process.stdout, env) } : {}),
  };
}
