/**
 * Reading what `manage.py` printed and pinning each failure on a generated file: the deepest
 * traceback frame inside the project, or for system-check messages (`shop.Product.price:
 * (fields.E130) …`) the app's `models.py`. Pure functions over text, so they are tested with
 * captured output.
 */
import { finding, type Finding } from './types';

export interface Frame {
  file: string;
  line: number;
}

/** Frames of a traceback that lie inside `root`, as project-relative POSIX paths, outermost first. */
export function projectFrames(text: string, root: string): Frame[] {
  const prefix = root.endsWith('/') ? root : `${root}/`;
  const frames: Frame[] = [];
  for (const m of text.matchAll(/^\s*File "([^"]+)", line (\d+)/gm)) {
    const file = m[1] ?? '';
    if (file.startsWith(prefix))
      frames.push({ file: file.slice(prefix.length).split('\\').join('/'), line: Number(m[2]) });
  }
  return frames;
}

/** The last non-empty line of a traceback: `django.core.exceptions.FieldError: Unknown field(s) …`. */
export function exceptionLine(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('Killed after'));
  return lines.reverse().find((l) => /^[\w.]+(Error|Exception|Warning|Exit)\b|^[\w.]+: /.test(l)) ?? lines[0] ?? '';
}

/** A failure with a traceback (startup crash): one finding on the deepest project frame. */
export function tracebackFinding(
  rule: string,
  text: string,
  root: string,
  what: string,
  fallbackFile: string,
): Finding {
  const frames = projectFrames(text, root);
  const at = frames[frames.length - 1] ?? { file: fallbackFile, line: 1 };
  return finding(
    'runtime',
    'error',
    rule,
    at.file,
    { line: at.line },
    `${what}: ${exceptionLine(text) || 'failed without a message'}`,
  );
}

/** One `manage.py check` message as a finding: errors (`.E`/`.C` ids) and warnings, at `file:line`. */
function checkFinding(id: string, file: string, line: number, where: string, message: string): Finding {
  const severity = /\.[EC]\d+$/.test(id) ? 'error' : 'warning';
  return finding(
    'runtime',
    severity,
    `runtime.check.${id}`,
    file,
    { line },
    `manage.py check: ${where}: ${message.trim()}`,
  );
}

/**
 * `app.Model.field: (fields.E300) msg` lines of `manage.py check`, each as a finding on
 * `app/models.py`; project-wide ones (`?: (security.W004) …`) go to `settingsFile`.
 */
export function checkMessages(
  text: string,
  settingsFile: string,
  contentOf: (file: string) => string = () => '',
): Finding[] {
  const out: Finding[] = [];
  // Admin checks name the admin class: `<class 'shop.admin.ProductAdmin'>: (admin.E116) …`.
  for (const m of text.matchAll(/^<class '([\w.]+)'>: \(([\w.]+)\) (.+)$/gm)) {
    const [, cls = '', id = '', message = ''] = m;
    const parts = cls.split('.');
    const name = parts.pop() ?? '';
    const file = `${parts.join('/')}.py`;
    const line = Math.max(
      1,
      contentOf(file)
        .split('\n')
        .findIndex((l) => new RegExp(`^class ${name}\\b`).test(l)) + 1,
    );
    out.push(checkFinding(id, file, line, name, message));
  }
  for (const m of text.matchAll(/^([A-Za-z_?][\w.]*): \(([\w.]+)\) (.+)$/gm)) {
    const [, where = '', id = '', message = ''] = m;
    const app = where.split('.')[0] ?? '';
    const file = where.includes('.') ? `${app}/models.py` : settingsFile;
    const [, model, field] = where.split('.');
    const line = model === undefined ? 1 : modelLine(contentOf(file), model, field);
    out.push(checkFinding(id, file, line, where, message));
  }
  return out;
}

/**
 * Failed tests of `manage.py test` output: each `FAIL:`/`ERROR:` block becomes one finding on
 * the deepest project frame of its traceback (the test file when the failure is in Django code).
 */
export function testFailures(text: string, root: string): Finding[] {
  const out: Finding[] = [];
  const blocks = text.split(/^={50,}\n/m).slice(1);
  for (const block of blocks) {
    const head = block.match(/^(FAIL|ERROR): (\S+) \(([\w.]+)\)/);
    if (!head) continue;
    const [, kind = '', test = ''] = head;
    const cls = (head[3] ?? '').replace(new RegExp(`\\.${test}$`), '');
    const frames = projectFrames(block, root);
    const at = frames[frames.length - 1] ?? { file: `${cls.split('.')[0] ?? ''}/tests.py`, line: 1 };
    const body = block
      .split(/^-{50,}\n/m)
      .slice(1)
      .join('\n');
    out.push(
      finding(
        'runtime',
        'error',
        kind === 'FAIL' ? 'runtime.test-failed' : 'runtime.test-error',
        at.file,
        { line: at.line },
        `${cls}.${test} ${kind === 'FAIL' ? 'failed' : 'raised'}: ${exceptionLine(body)}`,
      ),
    );
  }
  return out;
}

/** The line of `class Model` (and of `field = ` inside it) in a models file, or 1. */
export function modelLine(content: string, model: string, field?: string): number {
  const lines = content.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^class ${model}\\b`).test(l));
  if (start < 0) return 1;
  if (field === undefined) return start + 1;
  for (let i = start + 1; i < lines.length && !/^\S/.test(lines[i] ?? ''); i++) {
    if (new RegExp(`^\\s+${field}\\s*[=:]`).test(lines[i] ?? '')) return i + 1;
  }
  return start + 1;
}
