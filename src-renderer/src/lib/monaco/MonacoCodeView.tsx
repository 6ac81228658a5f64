import Editor from '@monaco-editor/react';
import './monaco-environment';
import { languageOfPath } from './languages';
import type { CodeViewProps } from './CodeView';

/** A read-only Monaco editor over one text; loaded lazily through `CodeView`. */
export default function MonacoCodeView({ path, text, dark }: CodeViewProps) {
  return (
    <Editor
      path={path}
      value={text}
      language={languageOfPath(path)}
      theme={dark ? 'vs-dark' : 'vs'}
      height="100%"
      options={{ readOnly: true, minimap: { enabled: false }, scrollBeyondLastLine: false, fontSize: 13 }}
      loading={<pre>{text}</pre>}
    />
  );
}
