/** The one error type of the output layer; `code` lets hosts map it to an exit code or a toast. */
export class OutputError extends Error {
  constructor(
    message: string,
    readonly code: 'output.not-empty' | 'output.not-directory' | 'output.unsafe-path' | 'output.write-failed',
  ) {
    super(message);
    this.name = 'OutputError';
  }
}

/**
 * Test seam for crash injection: called with the name of each step of a write just before it runs.
 * Throwing from it simulates the process being killed at that point: the writer stops at once and
 * cleans up nothing (no rollback, the lock file stays), exactly what a `kill -9` leaves for
 * `recoverInterruptedWrite` to repair. Never set in production code.
 */
export type KillPoint = (step: string) => void | Promise<void>;

/** Carries the error thrown by a `KillPoint` past every cleanup handler of the writer. */
export class WriterKilled extends Error {
  constructor(
    readonly step: string,
    readonly injected: unknown,
  ) {
    super(`writer killed before step "${step}"`);
  }
}

/** A step function for `hook`: awaits it and turns what it throws into `WriterKilled`. */
export function killPoints(hook: KillPoint | undefined): (step: string) => Promise<void> {
  return async (step) => {
    if (!hook) return;
    try {
      await hook(step);
    } catch (e) {
      throw new WriterKilled(step, e);
    }
  };
}
