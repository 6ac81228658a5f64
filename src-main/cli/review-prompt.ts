/**
 * The terminal review of `djforge generate`, as the predecessor showed it: the files by category,
 * the five batch operations, and a file-by-file walk (approve, skip, edit in $EDITOR, regenerate
 * with feedback). All terminal access goes through `ReviewPromptIo`, so tests script the answers.
 * When the run has no terminal the CLI uses `applyApprovalPolicy` (`--approve`) instead; the
 * session itself belongs to the run (`core/run`'s `GenerationRun`).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import type { ReviewSession, ReviewSummary } from '../core/review/review-session';
import type { ReviewEntry } from '../core/review/types';
import { versionDiff } from '../core/review/version-diff';
import { INTERACTIVE_ENV_ALLOWLIST, spawnChild } from '../core/runtime';

export interface ReviewPromptIo {
  /** Ask one question; resolves with the answer, or null when input has ended. */
  ask(question: string): Promise<string | null>;
  write(text: string): void;
  /** Let the person edit `content`; resolves with the new text, or null when no editor is available. */
  edit?: (filePath: string, content: string) => Promise<string | null>;
}

const RULE = '='.repeat(60);
const LABELS: [keyof ReviewSummary['byCategory'], string][] = [
  ['auto-approved', 'Auto-approved'],
  ['high', 'High quality'],
  ['medium', 'Medium quality'],
  ['low', 'Low quality'],
  ['error', 'Errors'],
];
export const BATCH_OPERATIONS = [
  'Approve all high quality',
  'Approve high + medium quality',
  'Review each file individually',
  'Skip all problematic files',
  'Custom selection',
] as const;

/** The categories block: one line per category with its files. */
export function renderCategories(summary: ReviewSummary): string {
  const lines = [RULE, 'BATCH REVIEW', RULE];
  for (const [category, label] of LABELS) {
    const files = summary.byCategory[category];
    lines.push(`${label} (${files.length}):${files.length > 0 ? ' ' + files.join(', ') : ''}`);
  }
  lines.push(
    '',
    'Batch operations:',
    ...BATCH_OPERATIONS.map((op, i) => `  [${i + 1}] ${op}${i === 0 ? ' (default)' : ''}`),
  );
  return lines.join('\n') + '\n';
}

function describeEntry(entry: ReviewEntry, limit = 5): string {
  const v = entry.current;
  const lines = [
    `\n${entry.path} — ${v.category}, score ${v.score.toFixed(2)}${entry.failed ? ` (failed: ${entry.failed})` : ''}`,
  ];
  for (const f of v.findings.slice(0, limit))
    lines.push(`  ${f.line}:${f.column} ${f.severity} [${f.rule}] ${f.message}`);
  if (v.findings.length > limit) lines.push(`  … and ${v.findings.length - limit} more`);
  return lines.join('\n') + '\n';
}

/** `1,3-5` → [1, 3, 4, 5] within 1..max, or an error sentence. */
export function parseSelection(text: string, max: number): number[] | string {
  const picked = new Set<number>();
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = part.match(/^(\d+)(?:-(\d+))?$/);
    if (!m) return `"${part}" is not a number or a range like 2-4.`;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to > max || from > to) return `"${part}" is outside 1-${max}.`;
    for (let i = from; i <= to; i++) picked.add(i);
  }
  return [...picked].sort((a, b) => a - b);
}

/** What changed from the previous version, so the person compares before deciding again. */
function showChange(io: ReviewPromptIo, entry: ReviewEntry): void {
  const before = entry.previous[entry.previous.length - 1];
  if (!before) return;
  const diff = versionDiff(before.content, entry.current.content);
  io.write(
    `Changes (${before.category} ${before.score.toFixed(2)} → ${entry.current.category} ${entry.current.score.toFixed(2)}):\n${diff || '(no change)\n'}`,
  );
}

async function reviewOne(session: ReviewSession, entry: ReviewEntry, io: ReviewPromptIo): Promise<'next' | 'quit'> {
  for (;;) {
    io.write(describeEntry(session.get(entry.path)));
    const answer = (await io.ask('[a]pprove, [s]kip, [e]dit, [r]egenerate, [q]uit (skip the rest)? '))
      ?.trim()
      .toLowerCase();
    if (answer === undefined || answer === 'q') return 'quit';
    try {
      if (answer === 'a') {
        session.approve(entry.path);
        return 'next';
      }
      if (answer === 's') {
        session.skip(entry.path);
        return 'next';
      }
      if (answer === 'e') {
        const edited = io.edit ? await io.edit(entry.path, session.get(entry.path).current.content) : null;
        if (edited === null) io.write('No editor is available (set $EDITOR).\n');
        else showChange(io, await session.edit(entry.path, edited));
        continue;
      }
      if (answer === 'r') {
        const feedback = (await io.ask('Feedback for the regeneration: '))?.trim();
        if (feedback) showChange(io, await session.regenerate(entry.path, feedback));
        continue;
      }
      io.write('Please answer a, s, e, r or q.\n');
    } catch (e) {
      io.write(`${(e as Error).message}\n`);
    }
  }
}

async function customSelection(session: ReviewSession, io: ReviewPromptIo): Promise<void> {
  const pending = session.list().filter((e) => e.decision === 'pending');
  io.write(
    pending.map((e, i) => `  [${i + 1}] ${e.path} (${e.current.category}, ${e.current.score.toFixed(2)})`).join('\n') +
      '\n',
  );
  for (;;) {
    const answer = await io.ask('Files to approve (e.g. 1,3-5; empty for none): ');
    const picked = parseSelection(answer ?? '', pending.length);
    if (typeof picked === 'string') {
      io.write(`${picked}\n`);
      if (answer === null) return;
      continue;
    }
    const chosen = picked.map((i) => pending[i - 1]).filter((e): e is ReviewEntry => e !== undefined);
    const refused = chosen.filter((e) => e.failed !== null);
    if (refused.length > 0) io.write(`Not approved (failed to generate): ${refused.map((e) => e.path).join(', ')}\n`);
    session.approveSelection(chosen.filter((e) => e.failed === null).map((e) => e.path));
    return;
  }
}

/**
 * The interactive review: show categories, run the chosen batch operation, then skip whatever is
 * still pending (nothing is written without an approval). Resolves with the final summary.
 */
export async function runReviewPrompt(session: ReviewSession, io: ReviewPromptIo): Promise<ReviewSummary> {
  io.write(renderCategories(session.summary()));
  let op = 0;
  while (op === 0) {
    const answer = await io.ask(`Select batch operation (1-${BATCH_OPERATIONS.length}) [1]: `);
    const text = answer?.trim() ?? '';
    if (text === '') op = 1;
    else if (/^[1-5]$/.test(text)) op = Number(text);
    else io.write(`Please answer a number from 1 to ${BATCH_OPERATIONS.length}.\n`);
  }
  if (op === 1) session.approveHighQuality();
  else if (op === 2) session.approveHighAndMedium();
  else if (op === 3) {
    for (const entry of session.reviewEach()) if ((await reviewOne(session, entry, io)) === 'quit') break;
  } else if (op === 4) {
    session.skipProblematic();
    session.approveHighAndMedium();
  } else await customSelection(session, io);
  for (const e of session.list()) if (e.decision === 'pending') session.skip(e.path);
  const summary = session.summary();
  io.write(`Batch operation complete: ${summary.approved} approved, ${summary.skipped} skipped\n`);
  return summary;
}

/** `ReviewPromptIo` over a real terminal (readline), with $VISUAL/$EDITOR for edits. */
export function terminalIo(
  input: Readable = process.stdin,
  output: Writable = process.stdout,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ReviewPromptIo & { close(): void } {
  const rl = createInterface({ input, output, terminal: false });
  let closed = false;
  rl.on('close', () => (closed = true));
  return {
    ask: (question) =>
      closed
        ? Promise.resolve(null)
        : new Promise((resolve) => {
            const onClose = () => resolve(null);
            rl.once('close', onClose);
            rl.question(question).then(
              (a) => {
                rl.off('close', onClose);
                resolve(a);
              },
              () => resolve(null),
            );
          }),
    write: (text) => output.write(text),
    edit: (filePath, content) => editInEditor(filePath, content, env),
    close: () => rl.close(),
  };
}

/** Open `content` in $VISUAL or $EDITOR (a command, optionally with arguments); null when none is set or it fails. */
export async function editInEditor(
  filePath: string,
  content: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<string | null> {
  const command = (env.VISUAL ?? env.EDITOR ?? '').trim();
  if (!command) return null;
  const [program = '', ...args] = command.split(/\s+/);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-edit-'));
  const file = path.join(dir, path.basename(filePath));
  try {
    await fs.writeFile(file, content);
    const code = await new Promise<number | null>((resolve) => {
      const child = spawnChild(program, [...args, file], {
        stdio: 'inherit',
        group: false,
        allowEnv: INTERACTIVE_ENV_ALLOWLIST,
      });
      child.on('error', () => resolve(null));
      child.on('close', resolve);
    });
    return code === 0 ? await fs.readFile(file, 'utf8') : null;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
