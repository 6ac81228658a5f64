/**
 * Business rules written as sentences ("Job salary must be positive") mapped onto the structured
 * kinds the generator turns into validators. Only unambiguous phrasings are recognised; anything
 * else stays `custom`, which the generator leaves as a TODO for the LLM engine rather than guess.
 */
import type { BusinessRule } from '../../../src-shared/erd/model';

export type RuleShape = Pick<BusinessRule, 'kind' | 'min' | 'max'>;

const NUMBER = String.raw`(-?\d+(?:\.\d+)?)`;

/** The structured form of a rule sentence; `{ kind: 'custom' }` when no pattern applies. */
export function inferRuleKind(text: string): RuleShape {
  const t = text.toLowerCase();
  const between = new RegExp(String.raw`between\s+${NUMBER}\s+and\s+${NUMBER}`).exec(t);
  if (between?.[1] !== undefined && between[2] !== undefined) {
    const a = Number(between[1]);
    const b = Number(between[2]);
    return { kind: 'range', min: Math.min(a, b), max: Math.max(a, b) };
  }
  const atLeastChars = new RegExp(String.raw`at least\s+${NUMBER}\s+characters?`).exec(t);
  if (atLeastChars?.[1] !== undefined) return { kind: 'minLength', min: Number(atLeastChars[1]) };
  const atMostChars = new RegExp(String.raw`(?:at most|no more than|up to)\s+${NUMBER}\s+characters?`).exec(t);
  if (atMostChars?.[1] !== undefined) return { kind: 'maxLength', max: Number(atMostChars[1]) };
  if (
    /cannot be negative|can't be negative|must not be negative|non-?negative|not be less than (0|zero)|>=\s*0\b/.test(t)
  ) {
    return { kind: 'nonNegative' };
  }
  if (/must be positive|should be positive|is positive|greater than (0|zero)\b|more than (0|zero)\b|>\s*0\b/.test(t)) {
    return { kind: 'positive' };
  }
  if (/\bunique\b|\bmust not repeat\b|\bno duplicates?\b/.test(t)) return { kind: 'unique' };
  return { kind: 'custom' };
}
