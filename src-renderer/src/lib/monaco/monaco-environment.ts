/**
 * Monaco from the app's own bundle, never a CDN: `@monaco-editor/react` is pointed at the local
 * `monaco-editor` (only the editor core and the languages DjForge generates: Python, JSON,
 * Markdown, Dockerfile, `.env`/INI, YAML, shell), and its workers are built by Vite. Imported only
 * by the lazily loaded views of this folder, so all of it loads with the first one shown.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/definitions/markdown/register';
import 'monaco-editor/languages/definitions/dockerfile/register';
import 'monaco-editor/languages/definitions/ini/register';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/definitions/shell/register';
import 'monaco-editor/language/json/monaco.contribution';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};
loader.config({ monaco });

export { monaco };
