import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ReviewSession } from '../core/review/review-session';
import type { Finding, SourceFile } from '../core/validate/types';
import { editInEditor, parseSelection, runReviewPrompt, terminalIo, type ReviewPromptIo } from './review-prompt';

/** Every `#warn` line is a warning, every `#err` line an error. */
async function markers(files: readonly SourceFile[]): Promise<Finding[]> {
  return files.flatMap((f) =>
    f.content.split('\n').flatMap((line, i): Finding[] => {
      const at = { file: f.path, line: i + 1, column: 1, message: `marker ${i + 1}`, layer: 'security' as const };
      if (line.includes('#err')) return [{ ...at, severity: 'error', rule: 'security.test' }];
      if (line.includes('#warn')) return [{ ...at, severity: 'warning', rule: 'best-practice.test' }];
      return [];
    }),
  );
}

async function session(regenerate?: (p: string, f: string) => Promise<string>) {
  const s = new ReviewSession({ validate: markers, ...(regenerate ? { regenerate } : {}) });
  await s.add({ path: 'models.py', content: 'x = 1\n' });
  await s.add({ path: 'serializers.py', content: 'a  #warn\nb  #warn\nc  #warn\n' });
  await s.add({ path: 'views.py', content: Array(5).fill('v  #warn').join('\n') });
  await s.add({ path: 'settings.py', content: 'DEBUG = True  #err\n' });
  return s;
}

function scripted(answers: (string | null)[], edit?: ReviewPromptIo['edit']) {
  const out: string[] = [];
  const asked: string[] = [];
  const io: ReviewPromptIo = {
    ask: async (q) => {
      asked.push(q);
      return answers.length > 0 ? (answers.shift() ?? null) : null;
    },
    write: (t) => out.push(t),
    ...(edit ? { edit } : {}),
  };
  return { io, out, asked };
}

describe('runReviewPrompt', () => {
  it('shows the categories and the five operations; the default approves high quality and skips the rest', async () => {
    const s = await session();
    const { io, out } = scripted(['']);
    const summary = await runReviewPrompt(s, io);
    expect(out[0]).toBe(
      [
        '='.repeat(60),
        'BATCH REVIEW',
        '='.repeat(60),
        'Auto-approved (1): models.py',
        'High quality (1): serializers.py',
        'Medium quality (1): views.py',
        'Low quality (0):',
        'Errors (1): settings.py',
        '',
        'Batch operations:',
        '  [1] Approve all high quality (default)',
        '  [2] Approve high + medium quality',
        '  [3] Review each file individually',
        '  [4] Skip all problematic files',
        '  [5] Custom selection',
        '',
      ].join('\n'),
    );
    expect(out.at(-1)).toBe('Batch operation complete: 2 approved, 2 skipped\n');
    expect(summary).toMatchObject({ approved: 2, skipped: 2, pending: 0 });
    expect(s.approvedFiles().map((f) => f.path)).toEqual(['models.py', 'serializers.py']);
  });

  it('re-asks after an invalid choice; 4 skips the problematic files and approves the rest', async () => {
    const s = await session();
    const { io, out } = scripted(['7', '4']);
    await runReviewPrompt(s, io);
    expect(out).toContain('Please answer a number from 1 to 5.\n');
    expect(s.approvedFiles().map((f) => f.path)).toEqual(['models.py', 'serializers.py', 'views.py']);
    expect(s.get('settings.py').decision).toBe('skipped');
  });

  it('2 approves high + medium', async () => {
    const s = await session();
    await runReviewPrompt(s, scripted(['2']).io);
    expect(s.approvedFiles().map((f) => f.path)).toEqual(['models.py', 'serializers.py', 'views.py']);
  });

  it('3 walks the pending files: edit re-scores, regenerate passes feedback, quit skips the rest', async () => {
    const calls: string[] = [];
    const s = await session(async (p, f) => {
      calls.push(`${p}:${f}`);
      return 'fine = 1\n';
    });
    const edits: string[] = [];
    const { io, out } = scripted(['3', 'x', 'a', 'e', 'a', 'r', 'use env vars', 'q'], async (p, c) => {
      edits.push(`${p}:${c}`);
      return 'a = 1\n';
    });
    await runReviewPrompt(s, io);
    expect(out).toContain('Please answer a, s, e, r or q.\n');
    expect(edits).toEqual(['settings.py:DEBUG = True  #err\n']);
    expect(s.get('serializers.py').decision).toBe('approved');
    expect(s.get('settings.py')).toMatchObject({
      decision: 'approved',
      current: { content: 'a = 1\n', origin: 'edited' },
    });
    expect(calls).toEqual(['views.py:use env vars']);
    expect(s.get('views.py').current.origin).toBe('regenerated');
    expect(s.get('views.py').previous).toHaveLength(1);
    expect(
      out.some((t) => t.startsWith('\nsettings.py — error, score 0.60\n  1:1 error [security.test] marker 1')),
    ).toBe(true);
    expect(out).toContain('Changes (error 0.60 → auto-approved 1.00):\n- DEBUG = True  #err\n+ a = 1\n  \n');
  });

  it('3 without an editor says so and asks again', async () => {
    const s = await session();
    const { io, out } = scripted(['3', 'a', 'e', 's', 's']);
    await runReviewPrompt(s, io);
    expect(out).toContain('No editor is available (set $EDITOR).\n');
    expect(s.get('settings.py').decision).toBe('skipped');
  });

  it('5 approves the chosen numbers after rejecting a bad selection', async () => {
    const s = await session();
    const { io, out } = scripted(['5', '1,9', '1-2']);
    await runReviewPrompt(s, io);
    expect(out).toContain('"9" is outside 1-3.\n');
    expect(s.approvedFiles().map((f) => f.path)).toEqual(['models.py', 'serializers.py', 'settings.py']);
    expect(s.get('views.py').decision).toBe('skipped');
  });

  it('treats the end of input as the default operation', async () => {
    const s = await session();
    await runReviewPrompt(s, scripted([null]).io);
    expect(s.summary()).toMatchObject({ approved: 2, pending: 0 });
  });
});

describe('helpers', () => {
  it('parseSelection accepts numbers and ranges and names the bad part', () => {
    expect(parseSelection('3, 1-2 ,2', 4)).toEqual([1, 2, 3]);
    expect(parseSelection('', 4)).toEqual([]);
    expect(parseSelection('a', 4)).toBe('"a" is not a number or a range like 2-4.');
    expect(parseSelection('3-1', 4)).toBe('"3-1" is outside 1-4.');
  });

  it('editInEditor runs $EDITOR on a temporary copy and returns the edited text', async () => {
    expect(await editInEditor('core/models.py', 'x = 1\n', { EDITOR: 'sed -i s/1/2/' })).toBe('x = 2\n');
    expect(await editInEditor('core/models.py', 'x = 1\n', {})).toBeNull();
    expect(await editInEditor('core/models.py', 'x = 1\n', { EDITOR: 'false' })).toBeNull();
  });

  it('terminalIo answers questions from its input and null once it ends', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const io = terminalIo(input, output, {});
    const first = io.ask('op? ');
    input.write('2\n');
    expect(await first).toBe('2');
    const second = io.ask('again? ');
    input.end();
    expect(await second).toBeNull();
    io.close();
  });
});
