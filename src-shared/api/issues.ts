/**
 * One sentence per schema problem, naming the place: `settings.concurrency: Too big: expected
 * number to be <=32`. Used wherever a zod parse fails at a boundary, so every host reports a
 * bad payload the same way.
 */
import type { z } from 'zod';

export function describeIssues(error: z.ZodError, where: string): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.map(String).join('.');
    return `${path ? `${where}.${path}` : where}: ${issue.message}`;
  });
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : '';
  return `${parts.join('; ')}${more}.`.replace(/\.\.$/, '.');
}
