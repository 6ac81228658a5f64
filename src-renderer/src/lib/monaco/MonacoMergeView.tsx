import Editor from '@monaco-editor/react';
import { useMemo } from 'react';
import './monaco-environment';
import { languageOfPath } from './languages';
import type { MergeViewProps } from './MergeView';

const PANES = [
  ['base', 'Last generated (base)'],
  ['yours', 'Yours (on disk)'],
  ['generated', 'Generated now'],
] as const;

/** The three-way view in Monaco; loaded lazily through `MergeView`. */
export default function MonacoMergeView(props: MergeViewProps) {
  const language = languageOfPath(props.path);
  const theme = props.dark ? 'vs-dark' : 'vs';
  const readOnly = useMemo(
    () => ({
      readOnly: true,
      // Follows the dialog's size as it settles.
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 12,
      lineNumbers: 'off' as const,
    }),
    [],
  );
  const editable = useMemo(
    () => ({ automaticLayout: true, minimap: { enabled: false }, scrollBeyondLastLine: false, fontSize: 13 }),
    [],
  );
  return (
    <>
      <div className="merge-panes">
        {PANES.map(([key, title]) => (
          <section key={key} aria-label={title}>
            <h4>{title}</h4>
            <div className="merge-editor">
              <Editor value={props[key]} language={language} theme={theme} height="22vh" options={readOnly} />
            </div>
          </section>
        ))}
      </div>
      <section className="merge-result" aria-label={`Result of ${props.path}`}>
        <h4>Result (edit it; remove the conflict markers)</h4>
        <div className="merge-editor">
          <Editor
            defaultValue={props.result}
            language={language}
            theme={theme}
            height="28vh"
            options={editable}
            onChange={(text) => props.onResultChange(text ?? '')}
          />
        </div>
      </section>
    </>
  );
}
