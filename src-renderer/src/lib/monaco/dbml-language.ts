/**
 * DBML for Monaco (dbdiagram's schema language, which the text pane edits): keywords, settings
 * in brackets, strings, notes, numbers, comments and reference arrows, as a Monarch grammar.
 * Registered once, on the first editor that needs it.
 */
import type * as Monaco from 'monaco-editor/editor';

let registered = false;

/** Monarch rules for DBML; exported for the grammar's test. */
export const DBML_GRAMMAR = {
  ignoreCase: true,
  keywords: ['project', 'table', 'ref', 'enum', 'tablegroup', 'indexes', 'note', 'as', 'records'],
  settings: [
    'pk',
    'primary',
    'key',
    'increment',
    'unique',
    'null',
    'not',
    'default',
    'note',
    'ref',
    'delete',
    'update',
    'cascade',
    'restrict',
    'set',
    'no',
    'action',
    'name',
    'type',
    'headercolor',
    'database_type',
  ],
  tokenizer: {
    root: [
      [/\/\/.*$/, 'comment'],
      [/\/\*/, 'comment', '@comment'],
      [/'''/, 'string', '@multiline'],
      [/'([^'\\]|\\.)*'/, 'string'],
      [/"([^"\\]|\\.)*"/, 'type.identifier'],
      [/`[^`]*`/, 'string.escape'],
      [/<>|[<>-](?=\s)/, 'operator'],
      [/\[/, 'delimiter.bracket', '@settings'],
      [/\d+(\.\d+)?/, 'number'],
      [/[a-z_][\w]*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
      [/[{}():,.]/, 'delimiter'],
    ],
    settings: [
      [/\]/, 'delimiter.bracket', '@pop'],
      [/'([^'\\]|\\.)*'/, 'string'],
      [/`[^`]*`/, 'string.escape'],
      [/\d+(\.\d+)?/, 'number'],
      [/[<>-]|<>/, 'operator'],
      [/[a-z_][\w]*/, { cases: { '@settings': 'keyword', '@default': 'identifier' } }],
    ],
    comment: [
      [/\*\//, 'comment', '@pop'],
      [/./, 'comment'],
    ],
    multiline: [
      [/'''/, 'string', '@pop'],
      [/./, 'string'],
    ],
  },
} as const;

/** Makes `dbml` a Monaco language (once). */
export function registerDbml(monaco: typeof Monaco): void {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: 'dbml', extensions: ['.dbml'], aliases: ['DBML'] });
  monaco.languages.setMonarchTokensProvider('dbml', DBML_GRAMMAR as unknown as Monaco.languages.IMonarchLanguage);
  monaco.languages.setLanguageConfiguration('dbml', {
    comments: { lineComment: '//', blockComment: ['/*', '*/'] },
    brackets: [
      ['{', '}'],
      ['[', ']'],
      ['(', ')'],
    ],
    autoClosingPairs: [
      { open: '{', close: '}' },
      { open: '[', close: ']' },
      { open: '(', close: ')' },
      { open: "'", close: "'" },
      { open: '"', close: '"' },
    ],
  });
}
