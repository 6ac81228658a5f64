/**
 * The quality score of one file and the review category derived from it.
 *
 * Score: start at 1 and subtract a weight per finding, never below 0:
 *
 * | finding                         | weight |
 * | ------------------------------- | ------ |
 * | severity error                  | 0.40   |
 * | severity warning                | 0.10   |
 * | severity warning, security.*    | 0.15   |
 * | warning, drift from the ERD     | 0.25   |
 * | warning, business rule not done | 0.25   |
 * | severity info                   | 0.02   |
 *
 * A file that failed to generate, is an error placeholder, or has a syntax error scores 0.
 *
 * Categories (threshold default 0.8, configurable):
 *
 * | category      | rule                                                                  |
 * | ------------- | --------------------------------------------------------------------- |
 * | error         | failed/placeholder, or any finding of severity error (score ignored)  |
 * | auto-approved | no errors and score ≥ threshold                                       |
 * | high          | no errors and 0.6 ≤ score < threshold                                 |
 * | medium        | no errors and 0.4 ≤ score < 0.6                                       |
 * | low           | no errors and score < 0.4                                             |
 *
 * So one warning leaves a file auto-approved (0.9), three make it high (0.7), five medium (0.5),
 * seven low (0.3); any error — a security smell, an unresolved import — needs a human. A model or
 * field the ERD does not have (`semantic.*-not-in-erd`) weighs more, so one is enough to keep the
 * file out of auto-approval: it is accepted only when a person approves it. So does a business rule
 * left as a TODO (`semantic.rule-not-enforced`): the file does not do what the ERD asks yet.
 */
import type { Finding } from './types';

export const CATEGORIES = ['auto-approved', 'high', 'medium', 'low', 'error'] as const;
export type Category = (typeof CATEGORIES)[number];

export const DEFAULT_THRESHOLD = 0.8;
export const HIGH_FLOOR = 0.6;
export const MEDIUM_FLOOR = 0.4;

export interface FileScore {
  score: number;
  category: Category;
  /** One sentence per contribution, largest first; "no findings" when there were none. */
  reasons: string[];
}

const DRIFT = /^semantic\.(model|field)-not-in-erd$/;
/** A business rule of the ERD that no code enforces (a TODO): like drift, a person must accept it. */
const UNENFORCED_RULE = 'semantic.rule-not-enforced';

/** The weight a finding takes off the score (see the table above). */
export function findingWeight(f: Pick<Finding, 'severity' | 'rule'>): number {
  if (f.severity === 'error') return 0.4;
  if (f.severity === 'warning') {
    if (DRIFT.test(f.rule) || f.rule === UNENFORCED_RULE) return 0.25;
    return f.rule.startsWith('security.') ? 0.15 : 0.1;
  }
  return 0.02;
}

/** Text the generator or an agent writes instead of code when a unit failed. */
const PLACEHOLDER = /^\s*(#|\/\/)\s*(error (while )?generating|generation failed|failed to generate)\b/i;

/**
 * True when `content` is not a real file: empty (a `.py` other than `__init__.py`) or an error
 * stub such as `# Error generating models.py: ...` (the predecessor auto-approved those).
 */
export function isPlaceholder(path: string, content: string): boolean {
  if (content.trim().length === 0) return path.endsWith('.py') && !path.endsWith('__init__.py');
  return PLACEHOLDER.test(content.trimStart().split('\n', 1)[0] ?? '');
}

export interface ScoreInput {
  path: string;
  content: string;
  findings: readonly Finding[];
  /** Why generation failed, when it did. */
  failed?: string;
  threshold?: number;
}

/** Score and categorize one file from its own findings. */
export function scoreFile(input: ScoreInput): FileScore {
  const threshold = input.threshold ?? DEFAULT_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1))
    throw new RangeError(`The auto-approval threshold must be in (0, 1]; got ${threshold}.`);
  if (input.failed !== undefined)
    return { score: 0, category: 'error', reasons: [`Generation failed: ${input.failed}`] };
  if (isPlaceholder(input.path, input.content)) {
    return { score: 0, category: 'error', reasons: ['The file is empty or an error placeholder, not generated code.'] };
  }
  const syntax = input.findings.find((f) => f.layer === 'syntax' && f.severity === 'error');
  if (syntax)
    return { score: 0, category: 'error', reasons: [`Does not parse (line ${syntax.line}): ${syntax.message}`] };
  const weighted = input.findings
    .map((f) => ({ f, w: findingWeight(f) }))
    .sort((a, b) => b.w - a.w || a.f.line - b.f.line);
  const score = Math.max(0, Math.round((1 - weighted.reduce((n, x) => n + x.w, 0)) * 1000) / 1000);
  const reasons =
    weighted.length === 0
      ? ['No findings in any layer that ran.']
      : weighted.map(({ f, w }) => `−${w.toFixed(2)} ${f.rule} (line ${f.line}): ${f.message}`);
  const hasError = input.findings.some((f) => f.severity === 'error');
  return { score, category: categoryOf(score, hasError, threshold), reasons };
}

/** The band of a score (see the table above). */
export function categoryOf(score: number, hasError: boolean, threshold = DEFAULT_THRESHOLD): Category {
  if (hasError) return 'error';
  if (score >= threshold) return 'auto-approved';
  if (score >= HIGH_FLOOR) return 'high';
  if (score >= MEDIUM_FLOOR) return 'medium';
  return 'low';
}
