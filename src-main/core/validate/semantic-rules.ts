/**
 * Business rules left as TODOs: the generator writes `# TODO(djforge-llm): <rule>` for every ERD
 * rule no generated code enforces (a custom rule, a rule on a field that cannot carry it). Such a
 * file must not look finished: each TODO is a warning naming the rule, weighted so the file leaves
 * auto-approval (see score.ts) until the LLM engine or a person implements the rule and removes
 * the line. Read from the text, because comments never reach the analyzer's structure.
 */
import { finding, type Finding, type SourceFile } from './types';

/** The marker the generator (and the LLM prompts) use for a rule still to implement. */
export const RULE_TODO = /^\s*#\s*TODO\(djforge-llm\):\s*(.+?)\s*$/;

/** One `semantic.rule-not-enforced` warning per rule TODO in the Python files. */
export function unenforcedRuleFindings(files: readonly SourceFile[]): Finding[] {
  const out: Finding[] = [];
  for (const file of files) {
    if (!file.path.endsWith('.py')) continue;
    file.content.split('\n').forEach((line, i) => {
      const rule = RULE_TODO.exec(line)?.[1];
      if (rule === undefined) return;
      out.push(
        finding(
          'semantic',
          'warning',
          'semantic.rule-not-enforced',
          file.path,
          { line: i + 1, column: line.indexOf('#') + 1 },
          `Business rule not enforced by any code: "${rule}". Implement it (validator, clean(), serializer validate, permission or queryset) and remove the TODO, or accept the file knowing the rule is not applied.`,
        ),
      );
    });
  }
  return out;
}
