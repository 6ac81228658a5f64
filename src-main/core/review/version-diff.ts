/**
 * A line diff between two versions of a file, for comparing a regenerated or edited file with
 * the version before it (terminal review; the desktop review uses Monaco's diff editor instead).
 */
import { diffComm } from 'node-diff3';

type CommRegion = { common?: string[]; buffer1?: string[]; buffer2?: string[] };

/**
 * `before` → `after` as `-`/`+` lines with `context` unchanged lines around each change and
 * `…` where unchanged lines are left out; empty when the versions are equal.
 */
export function versionDiff(before: string, after: string, context = 2): string {
  if (before === after) return '';
  const regions = diffComm(before.split('\n'), after.split('\n')) as CommRegion[];
  const out: string[] = [];
  regions.forEach((region, i) => {
    if (region.common) {
      const lines = region.common;
      const head = i === 0 ? [] : lines.slice(0, context);
      const tail = i === regions.length - 1 ? [] : lines.slice(Math.max(head.length, lines.length - context));
      out.push(...head.map((l) => `  ${l}`));
      if (head.length + tail.length < lines.length) out.push('…');
      out.push(...tail.map((l) => `  ${l}`));
    } else {
      out.push(...(region.buffer1 ?? []).map((l) => `- ${l}`), ...(region.buffer2 ?? []).map((l) => `+ ${l}`));
    }
  });
  return out.join('\n') + '\n';
}
