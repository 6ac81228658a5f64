/**
 * The prompts of the LLM engine. A unit's prompt carries the deterministic draft (correct and
 * runnable, so the model refines rather than invents), the ERD slice it reads, the outputs of the
 * units it depends on, the business rules and the user's instructions. Shrinking for a context
 * that is too long drops, in order, the dependency outputs, the ERD slice, then the rules; the
 * draft and the task always stay. Bump PROMPT_VERSION whenever the wording changes: it is part of
 * every cache key.
 */
import type { ChatMessage } from './types';

export const PROMPT_VERSION = 2;
/** Levels above 0 remove: 1 dependency outputs, 2 the ERD slice, 3 rules and instructions. */
export const MAX_SHRINK_LEVEL = 3;

export interface UnitPromptInput {
  unitId: string;
  agent: string;
  file: string;
  entity?: string;
  /** What this agent is asked to improve, in a sentence or two. */
  task: string;
  /** True when the unit is a whole file (it owns its imports); false for a block of a file. */
  wholeFile: boolean;
  language: string;
  draft: string;
  slice: unknown;
  dependencies: ReadonlyArray<{ unitId: string; code: string }>;
  rules: readonly string[];
  instructions: string;
}

const SYSTEM = `You are a senior Django REST Framework engineer working inside DjForge Studio, which generates a Django project from an entity-relationship diagram.
You improve one unit of the generated project at a time. The draft you receive is correct and runs; keep every class, function, field and name it defines, because other files use them.
Improve it where the business rules, the user's instructions or Django/DRF best practice call for it (validation, permissions, docstrings, query efficiency). The code must run on Django 3.2 through 5.x and DRF 3.14+.
Answer with exactly one fenced code block containing the complete unit, and nothing else.`;

function fence(language: string, code: string): string {
  const ticks = code.includes('```') ? '````' : '```';
  return `${ticks}${language}\n${code.replace(/\s+$/, '')}\n${ticks}`;
}

/** The system and user messages of a unit at a shrink level. */
export function unitMessages(input: UnitPromptInput, shrinkLevel = 0): ChatMessage[] {
  const subject = input.entity === undefined ? '' : ` (entity ${input.entity})`;
  const scope = input.wholeFile
    ? 'This unit is the whole file, imports included.'
    : 'This unit is one top-level block of the file, whose imports are derived from the names its blocks use. If you need a name the draft does not import, put its one-line import at the very top of the unit: it is moved to the imports of the file.';
  const sections = [
    `## Task\nAgent ${input.agent}, file ${input.file}, unit ${input.unitId}${subject}.\n${input.task}\n${scope}`,
  ];
  sections.push(`## Deterministic draft\n${fence(input.language, input.draft)}`);
  if (shrinkLevel < 2)
    sections.push(`## ERD slice this unit reads\n${fence('json', JSON.stringify(input.slice, null, 1))}`);
  if (shrinkLevel < 1 && input.dependencies.length > 0) {
    const deps = input.dependencies.map((d) => `### ${d.unitId}\n${fence(input.language, d.code)}`);
    sections.push(`## Units it builds on (already final)\n${deps.join('\n\n')}`);
  }
  if (shrinkLevel < 3 && input.rules.length > 0)
    sections.push(`## Business rules\n${input.rules.map((r) => `- ${r}`).join('\n')}`);
  if (shrinkLevel < 3 && input.instructions.trim() !== '')
    sections.push(`## User instructions\n${input.instructions.trim()}`);
  sections.push(`Reply with the complete improved unit in one \`\`\`${input.language} block.`);
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: sections.join('\n\n') },
  ];
}

/** The next shrink level after `level` that removes something from the prompt, or null. */
export function nextShrinkLevel(input: UnitPromptInput, level: number): number | null {
  for (let next = level + 1; next <= MAX_SHRINK_LEVEL; next++) {
    if (next === 1 && input.dependencies.length > 0) return next;
    if (next === 2) return next;
    if (next === 3 && (input.rules.length > 0 || input.instructions.trim() !== '')) return next;
  }
  return null;
}

export const CONTINUE_MESSAGE =
  'Your answer was cut off. Continue exactly where it stopped: no repetition, no preface, no closing remarks.';
export const NUDGE_MESSAGE = 'Reply with the code only, in one fenced code block, with no text before or after it.';

export function repairMessage(error: string, language: string): string {
  return `The code you returned is not valid: ${error}\nReturn the complete corrected unit in one \`\`\`${language} block.`;
}

/** The top-level names (classes, functions, assignments) a Python unit defines. */
export function topLevelNames(code: string): string[] {
  const names = new Set<string>();
  for (const match of code.matchAll(
    /^(?:class|def|async\s+def)\s+([A-Za-z_]\w*)|^([A-Za-z_]\w*)\s*(?::[^=\n]*)?=(?!=)/gm,
  )) {
    const name = match[1] ?? match[2];
    if (name) names.add(name);
  }
  return [...names];
}
