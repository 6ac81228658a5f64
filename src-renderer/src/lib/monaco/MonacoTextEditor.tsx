import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useMemo, useState } from 'react';
import { monaco } from './monaco-environment';
import { registerDbml } from './dbml-language';
import type { TextEditorProps } from './TextEditor';

/** Who owns the markers this editor sets on its model (Monaco keeps them per owner). */
const OWNER = 'djforge-text';

/** The editable Monaco view; loaded lazily through `TextEditor`. */
export default function MonacoTextEditor({ path, language, label, value, dark, onChange, problems }: TextEditorProps) {
  registerDbml(monaco);
  const [model, setModel] = useState<ReturnType<typeof monaco.editor.getModel>>(null);
  const onMount: OnMount = (editor) => {
    setModel(editor.getModel());
    editor.onDidChangeModel(() => setModel(editor.getModel()));
  };
  useEffect(() => {
    if (!model || model.isDisposed()) return;
    const lines = model.getLineCount();
    monaco.editor.setModelMarkers(
      model,
      OWNER,
      problems.map((p) => {
        const line = Math.min(Math.max(1, p.line), lines);
        const column = Math.min(Math.max(1, p.column), model.getLineMaxColumn(line));
        return {
          severity: monaco.MarkerSeverity.Error,
          message: p.message,
          startLineNumber: line,
          startColumn: column,
          endLineNumber: line,
          endColumn: Math.max(column + 1, model.getLineMaxColumn(line)),
        };
      }),
    );
  }, [model, problems]);
  const options = useMemo(
    () => ({
      ariaLabel: label,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 12,
      tabSize: 2,
      wordWrap: 'off' as const,
    }),
    [label],
  );
  return (
    <Editor
      path={path}
      value={value}
      language={language}
      theme={dark ? 'vs-dark' : 'vs'}
      height="100%"
      options={options}
      onMount={onMount}
      onChange={(text) => onChange(text ?? '')}
      loading={<pre>{value}</pre>}
    />
  );
}
