/**
 * The one error type of the core. Anything the core refuses for a reason a person can act on is a
 * `DjForgeError` with a code from `src-shared/error-codes.ts` and a sentence naming the place and
 * the problem; hosts match it by class and code (never by `name`), and the Studio returns it as
 * data with the same code and sentence. Subclasses (`ReviewError`, `RegenerationError`) only
 * narrow the code.
 */
import type { Diagnostic } from '../../src-shared/diagnostics';
import type { ErrorCode } from '../../src-shared/error-codes';

export class DjForgeError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: C,
    message: string,
    /** Whether trying again unchanged may succeed (a busy run, a full disk). */
    readonly retryable = false,
    /** The problems behind the refusal, each with its place (an ERD that does not import). */
    readonly diagnostics?: Diagnostic[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}
