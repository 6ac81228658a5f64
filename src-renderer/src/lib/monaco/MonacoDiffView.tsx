import { useEffect, useLayoutEffect, useRef } from 'react';
import { DiffModels } from './diff-models';
import { monaco } from './monaco-environment';
import type { DiffViewProps } from './DiffView';
import { changeAt, revertChange } from './hunks';
import { languageOfPath } from './languages';

type DiffEditorInstance = ReturnType<typeof monaco.editor.createDiffEditor>;

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

const optionsOf = (inline: boolean, readOnly: boolean) => ({
  renderSideBySide: !inline,
  // Side by side unless the person asks for inline, whatever the width.
  useInlineViewWhenSpaceIsLimited: false,
  originalEditable: false,
  readOnly,
  renderMarginRevertIcon: !readOnly,
});

/**
 * Monaco's diff editor over a file and its base; loaded lazily through `DiffView`. One editor
 * lives as long as the view: choosing another file swaps that file's models in (kept per file
 * version, see `DiffModels`), which is what makes a large file open at once the second time and
 * quickly the first.
 */
export default function MonacoDiffView(props: DiffViewProps) {
  const { path, original, modified, readOnly, inline, dark, markers, reveal } = props;
  const modelKey = props.modelKey ?? path;
  const host = useRef<HTMLDivElement | null>(null);
  const diffRef = useRef<DiffEditorInstance | null>(null);
  const models = useRef<DiffModels | null>(null);
  /** Set while the page itself replaces the text, so the change is not taken for typing. */
  const replacing = useRef(false);
  const handlers = useRef({ onChange: props.onChange, onReady: props.onReady, readOnly });
  useLayoutEffect(() => {
    handlers.current = { onChange: props.onChange, onReady: props.onReady, readOnly };
  });

  useLayoutEffect(() => {
    if (!host.current) return;
    const diff = monaco.editor.createDiffEditor(host.current, {
      ...optionsOf(false, false),
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      automaticLayout: true,
      fontSize: 13,
      // A diff of a generated file is read whole; hiding unchanged regions would hide findings.
      hideUnchangedRegions: { enabled: false },
    });
    diffRef.current = diff;
    models.current = new DiffModels();
    const editor = diff.getModifiedEditor();
    // Text streamed into a read-only editor is the model's, not an edit; a model swapped in is no edit either.
    const typing = editor.onDidChangeModelContent(() => {
      if (!handlers.current.readOnly && !replacing.current) handlers.current.onChange?.(editor.getValue());
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
    return () => {
      typing.dispose();
      diff.setModel(null);
      diff.dispose();
      models.current?.dispose();
      diffRef.current = null;
      models.current = null;
    };
  }, []);

  // The file (or its version, or its base) changed: swap the models in, no new editor.
  useLayoutEffect(() => {
    const diff = diffRef.current;
    const cache = models.current;
    if (!diff || !cache) return;
    const language = languageOfPath(path);
    const shown = diff.getModel();
    const keep = new Set(shown ? [shown.original, shown.modified] : []);
    replacing.current = true;
    try {
      const right = cache.take(`${modelKey}\0modified`, modified, language, keep);
      const left = cache.take(`${modelKey}\0original`, original, language, new Set([...keep, right]));
      if (shown?.original !== left || shown.modified !== right) diff.setModel({ original: left, modified: right });
    } finally {
      replacing.current = false;
    }
  }, [modelKey, path, original, modified]);

  useEffect(() => {
    diffRef.current?.updateOptions(optionsOf(inline, readOnly));
  }, [inline, readOnly]);

  useEffect(() => {
    monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
  }, [dark]);

  useEffect(() => {
    handlers.current.onReady?.();
  }, []);

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
  }, [markers, modelKey, modified]);

  useEffect(() => {
    const editor = diffRef.current?.getModifiedEditor();
    if (!editor || !reveal) return;
    editor.revealLineInCenter(reveal.line);
    editor.setPosition({ lineNumber: reveal.line, column: 1 });
    editor.focus();
  }, [reveal]);

  return <div ref={host} className="monaco-diff-host" style={{ height: '100%', width: '100%' }} />;
}
