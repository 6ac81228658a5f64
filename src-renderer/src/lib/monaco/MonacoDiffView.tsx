import { DiffEditor, type DiffOnMount } from '@monaco-editor/react';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { monaco } from './monaco-environment';
import type { DiffViewProps } from './DiffView';
import { changeAt, revertChange } from './hunks';
import { languageOfPath } from './languages';

type DiffEditorInstance = Parameters<DiffOnMount>[0];

const SEVERITY = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

/** Takes back the change under the cursor (the base's lines return), as one undoable edit. */
function revertAtCursor(diff: DiffEditorInstance): void {
  const editor = diff.getModifiedEditor();
  const model = editor.getModel();
  const original = diff.getOriginalEditor().getModel();
  const line = editor.getPosition()?.lineNumber;
  const change = line === undefined ? null : changeAt(diff.getLineChanges() ?? [], line);
  if (!model || !original || !change) return;
  const text = revertChange(original.getValue(), model.getValue(), change);
  editor.pushUndoStop();
  editor.executeEdits('djforge.revert-change', [{ range: model.getFullModelRange(), text }]);
  editor.pushUndoStop();
}

/** Monaco's diff editor over a file and its base; loaded lazily through `DiffView`. */
export default function MonacoDiffView(props: DiffViewProps) {
  const { path, original, modified, readOnly, inline, dark, markers, reveal } = props;
  const diffRef = useRef<DiffEditorInstance | null>(null);
  const handlers = useRef({ onChange: props.onChange, onReady: props.onReady, readOnly });
  useLayoutEffect(() => {
    handlers.current = { onChange: props.onChange, onReady: props.onReady, readOnly };
  });

  const options = useMemo(
    () => ({
      renderSideBySide: !inline,
      // Side by side unless the person asks for inline, whatever the width.
      useInlineViewWhenSpaceIsLimited: false,
      originalEditable: false,
      readOnly,
      renderMarginRevertIcon: !readOnly,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      automaticLayout: true,
      fontSize: 13,
      // A diff of a generated file is read whole; hiding unchanged regions would hide findings.
      hideUnchangedRegions: { enabled: false },
    }),
    [inline, readOnly],
  );

  const onMount: DiffOnMount = (diff) => {
    diffRef.current = diff;
    const editor = diff.getModifiedEditor();
    // Text streamed into a read-only editor is the model's, not an edit.
    editor.onDidChangeModelContent(() => {
      if (!handlers.current.readOnly) handlers.current.onChange?.(editor.getValue());
    });
    editor.addAction({
      id: 'djforge.revert-change',
      label: 'Revert this change',
      keybindings: [monaco.KeyMod.Alt | monaco.KeyCode.Backspace],
      run: () => revertAtCursor(diff),
    });
    editor.addAction({
      id: 'djforge.next-change',
      label: 'Accept this change and go to the next',
      keybindings: [monaco.KeyMod.Alt | monaco.KeyCode.DownArrow],
      run: () => diff.goToDiff('next'),
    });
    editor.addAction({
      id: 'djforge.previous-change',
      label: 'Go to the previous change',
      keybindings: [monaco.KeyMod.Alt | monaco.KeyCode.UpArrow],
      run: () => diff.goToDiff('previous'),
    });
    handlers.current.onReady?.();
  };

  useEffect(() => {
    const model = diffRef.current?.getModifiedEditor().getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'djforge',
      markers.map((m) => {
        const line = Math.min(Math.max(m.line, 1), model.getLineCount());
        return {
          severity: SEVERITY[m.severity],
          message: m.message,
          code: m.code,
          source: 'DjForge',
          startLineNumber: line,
          startColumn: m.column ?? model.getLineFirstNonWhitespaceColumn(line) ?? 1,
          endLineNumber: line,
          endColumn: model.getLineMaxColumn(line),
        };
      }),
    );
  });

  useEffect(() => {
    const editor = diffRef.current?.getModifiedEditor();
    if (!editor || !reveal) return;
    editor.revealLineInCenter(reveal.line);
    editor.setPosition({ lineNumber: reveal.line, column: 1 });
    editor.focus();
  }, [reveal]);

  return (
    <DiffEditor
      original={original}
      modified={modified}
      language={languageOfPath(path)}
      theme={dark ? 'vs-dark' : 'vs'}
      height="100%"
      options={options}
      onMount={onMount}
      loading={<pre className="code-fallback">{modified}</pre>}
    />
  );
}
