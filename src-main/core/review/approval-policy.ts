/**
 * What a run without a terminal approves (`djforge generate --approve …`, default `high`):
 * `high` = auto-approved + high, `high+medium` adds medium, `all` approves every file that did
 * not fail to generate, `none` approves nothing. The CLI exits 1 when something stayed unapproved.
 */
import type { ReviewSession } from './review-session';

export const APPROVAL_POLICIES = ['high', 'high+medium', 'all', 'none'] as const;
export type ApprovalPolicy = (typeof APPROVAL_POLICIES)[number];

/** The policy named by `text`, or an error sentence naming the accepted values. */
export function parseApprovalPolicy(
  text: string,
): { ok: true; policy: ApprovalPolicy } | { ok: false; message: string } {
  const policy = APPROVAL_POLICIES.find((p) => p === text.trim().toLowerCase());
  if (policy) return { ok: true, policy };
  return { ok: false, message: `--approve must be one of ${APPROVAL_POLICIES.join(', ')}; got "${text}".` };
}

/**
 * Decide every pending file of `session` by `policy`: the chosen ones are approved, the rest
 * skipped (so nothing stays pending). Returns the paths approved and skipped by this call.
 */
export function applyApprovalPolicy(
  session: ReviewSession,
  policy: ApprovalPolicy,
): { approved: string[]; skipped: string[] } {
  let approved: string[] = [];
  if (policy === 'high') approved = session.approveHighQuality();
  else if (policy === 'high+medium') approved = session.approveHighAndMedium();
  else if (policy === 'all') {
    const ok = session
      .list()
      .filter((e) => e.decision === 'pending' && e.failed === null)
      .map((e) => e.path);
    approved = session.approveSelection(ok);
  }
  const skipped: string[] = [];
  for (const e of session.list()) {
    if (e.decision !== 'pending') continue;
    session.skip(e.path);
    skipped.push(e.path);
  }
  return { approved, skipped };
}
