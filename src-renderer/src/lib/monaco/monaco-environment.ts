/**
 * Monaco from the app's own bundle, never a CDN: `@monaco-editor/react` is pointed at the local
 * `monaco-editor` (only the editor core and the languages DjForge generates), and its worker is
 * built by Vite. Imported only by `MonacoCodeView.tsx`, so all of it loads with the first view.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/definitions/markdown/register';
import 'monaco-editor/languages/definitions/dockerfile/register';
import 'monaco-editor/languages/definitions/ini/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
loader.config({ monaco });
