/**
 * The record of one attempt at a unit, kept for the report and the dashboard: what happened
 * (`ok` or the failure class), what recovery did next, how long it waited and took, and the
 * tokens the provider reported. Messages are redacted before they get here.
 */
import type { FailureClass } from './failure';
import type { RecoveryAction } from './policy';

export interface AttemptRecord {
  model: string;
  outcome: 'ok' | FailureClass;
  /** What recovery did after this attempt; `accept` for the successful one. */
  action: RecoveryAction['kind'] | 'accept';
  /** Time waited before the next attempt (backoff, Retry-After, cooldown). */
  waitMs: number;
  /** Time the unit waited for a cooling model before this, its first, attempt. */
  waitedBeforeMs?: number;
  durationMs: number;
  tokens: number;
  /** Prompt and completion tokens as the provider reported them; absent when it reported none. */
  tokensIn?: number;
  tokensOut?: number;
  message?: string;
}
