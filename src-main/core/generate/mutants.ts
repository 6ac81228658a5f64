/**
 * Small text-level mutants of a generated project, for the mutation check of the generated tests:
 * each mutant breaks one promise the generated code makes (a validator, a permission, a filter, a
 * unique column, a protected delete, a writable field) in one file, the way a careless edit would.
 * The generated tests must fail on it.
 */
import type { GeneratedFile } from './types';

/** One mutant: what it breaks, and the project with that one change. */
export interface Mutant {
  description: string;
  files: GeneratedFile[];
}

interface Edit {
  file: string;
  description: string;
  apply(content: string): string;
}

function occurrences(content: string, pattern: RegExp): RegExpExecArray[] {
  return [
    ...content.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)),
  ];
}

function replaceAt(content: string, match: RegExpExecArray, replacement: string): string {
  return content.slice(0, match.index) + replacement + content.slice(match.index + match[0].length);
}

function editsOf(file: GeneratedFile): Edit[] {
  const edits: Edit[] = [];
  const add = (pattern: RegExp, what: string, replacement: (m: RegExpExecArray) => string): void => {
    for (const m of occurrences(file.content, pattern)) {
      edits.push({
        file: file.path,
        description: `${file.path}: ${what} (${m[0].trim().slice(0, 60)})`,
        apply: (content) => replaceAt(content, m, replacement(m)),
      });
    }
  };
  if (file.path.endsWith('/models.py')) {
    add(/,?\s*validators=\[[^\]]*\]/, 'drop the validators', () => '');
    add(/, unique=True/, 'drop unique', () => '');
    add(/on_delete=models\.PROTECT/, 'PROTECT → CASCADE', () => 'on_delete=models.CASCADE');
  }
  if (file.path.endsWith('/permissions.py')) {
    add(/^ {4}owner_field = '[^']+'\n/m, 'drop the owner check', () => '');
    add(/^ {4}is_user_model = True\n/m, 'drop the user-model check', () => '');
    add(/^ {8}'(create|update|delete)': \([^)]*\),\n/m, 'drop a role list', () => '');
    if (/AccessPolicy\(RoleBasedPermission\):\n {4}"{3}[^\n]*"{3}\n(?!\n {4})/.test(file.content))
      add(
        /default_access = 'readOnly'/,
        'open writes to every logged-in user',
        () => "default_access = 'authenticated'",
      );
  }
  if (file.path.endsWith('/filters.py')) {
    add(/^ {12}'[a-z_0-9]+': \[[^\]]*'exact'[^\]]*\],\n/m, 'drop a filter field', () => '');
  }
  if (file.path.endsWith('/serializers.py')) {
    add(/^( {8})fields = \[\s*'id',\s*'([a-z_0-9]+)'/m, 'make a field read-only', (m) => {
      const indent = m[1] ?? '';
      return `${indent}extra_kwargs = {'${m[2] ?? ''}': {'read_only': True}}\n${m[0]}`;
    });
  }
  return edits;
}

/**
 * Every mutant of `files`, in file order, at most `perFile` per file (spread over the file's
 * candidates, so a 37-entity models.py does not yield hundreds). Deterministic.
 */
export function mutantsOf(files: readonly GeneratedFile[], perFile = 4): Mutant[] {
  const out: Mutant[] = [];
  for (const file of files) {
    const edits = editsOf(file);
    const step = Math.max(1, Math.ceil(edits.length / perFile));
    for (let i = 0; i < edits.length && out.length < 10_000; i += step) {
      const edit = edits[i];
      if (edit === undefined) continue;
      out.push({
        description: edit.description,
        files: files.map((f) => (f.path === edit.file ? { ...f, content: edit.apply(f.content) } : f)),
      });
    }
  }
  return out;
}
