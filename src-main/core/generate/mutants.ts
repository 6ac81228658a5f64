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
  /** The one file the mutant changes. */
  file: string;
  files: GeneratedFile[];
}

interface Edit {
  file: string;
  /** What kind of promise the edit breaks: mutants are sampled per file and kind. */
  kind: string;
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
        kind: what,
        description: `${file.path}: ${what} (${m[0].trim().slice(0, 60)})`,
        apply: (content) => replaceAt(content, m, replacement(m)),
      });
    }
  };
  if (file.path.endsWith('/models.py')) {
    add(/,?\s*validators=\[[^\]]*\]/, 'drop the validators', () => '');
    add(/\b(Min|Max)(Value|Length)Validator\((Decimal\('[^']*'\)|[^)]*)\)/, 'loosen a bound', (m) =>
      m[1] === 'Min' ? `Min${m[2] ?? ''}Validator(0)` : `Max${m[2] ?? ''}Validator(10 ** 12)`,
    );
    add(/, unique=True/, 'drop unique', () => '');
    add(/on_delete=models\.PROTECT/, 'PROTECT → CASCADE', () => 'on_delete=models.CASCADE');
    add(
      /(\n {4}\w+ = models\.(?:Char|Text|Email|URL|Slug)Field\([^\n]*?)(, )?blank=True(, )?/,
      'make an optional field required',
      (m) => `${m[1] ?? ''}${m[2] !== undefined && m[3] !== undefined ? ', ' : ''}`,
    );
    add(/(?<=\n {4}\w+ = models\.CharField\(max_length=)(\d+)/, 'shorten a max_length', (m) =>
      String(Number(m[1]) - 1),
    );
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
    add(/^ {12}'[a-z_0-9]+': \[[^\]]*\],\n/m, 'drop a filter field', () => '');
  }
  if (file.path.endsWith('/views.py')) {
    add(/^( {4}ordering = )\['-id'\]/m, 'reverse the default ordering', (m) => `${m[1] ?? ''}['id']`);
    add(/(?<=^ {4}ordering_fields = \[[^\]]*)'(?!id')[a-z_0-9]+',(?: |\n {8})/m, 'drop an ordering field', () => '');
  }
  if (file.path.endsWith('/serializers.py')) {
    for (const block of occurrences(file.content, /^( {8})fields = \[([^\]]*)\]/m)) {
      const indent = block[1] ?? '';
      const rest = file.content.slice(block.index + block[0].length);
      const meta = rest.slice(0, rest.search(/\n(?:class |\S)|$/));
      const readOnly = /read_only_fields = \[([^\]]*)\]/.exec(meta)?.[1] ?? '';
      for (const name of (block[2] ?? '').match(/'[a-z_0-9]+'/g) ?? []) {
        if (name === "'id'" || name === "'password'" || readOnly.includes(name)) continue;
        edits.push({
          file: file.path,
          kind: 'make a field read-only',
          description: `${file.path}: make a field read-only (${name})`,
          apply: (content) =>
            replaceAt(content, block, `${indent}extra_kwargs = {${name}: {'read_only': True}}\n${block[0]}`),
        });
      }
    }
  }
  return edits;
}

/**
 * Every mutant of `files`, in file order, at most `perKind` of each kind per file (spread over the
 * file's candidates, so a 37-entity models.py does not yield hundreds). Deterministic.
 */
export function mutantsOf(files: readonly GeneratedFile[], perKind = 2): Mutant[] {
  const out: Mutant[] = [];
  for (const file of files) {
    const byKind = new Map<string, Edit[]>();
    for (const edit of editsOf(file)) byKind.set(edit.kind, [...(byKind.get(edit.kind) ?? []), edit]);
    for (const edits of byKind.values()) {
      const step = Math.max(1, Math.ceil(edits.length / perKind));
      for (let i = 0; i < edits.length && out.length < 10_000; i += step) {
        const edit = edits[i];
        if (edit === undefined) continue;
        out.push({
          description: edit.description,
          file: edit.file,
          files: files.map((f) => (f.path === edit.file ? { ...f, content: edit.apply(f.content) } : f)),
        });
      }
    }
  }
  return out;
}
