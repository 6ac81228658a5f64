import { useEffect, useState } from 'react';
import type { Erd } from '@shared/erd/model';
import { applyDocumentText, documentText, type TextFormat } from './text-edit';

/**
 * The document as DBML or JSON text, editable: Apply parses it and makes it the diagram in one
 * undoable step, or shows the parser's refusal (line, column and message) and changes nothing.
 * The text follows the document until the user starts typing.
 */
export function TextPane({ erd }: { erd: Erd }) {
  const [format, setFormat] = useState<TextFormat>('dbml');
  const [text, setText] = useState('');
  const [edited, setEdited] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (edited) return;
    let stale = false;
    void documentText(erd, format).then((r) => {
      if (stale) return;
      if ('text' in r) setText(r.text);
      else setProblem(r.error);
    });
    return () => {
      stale = true;
    };
  }, [erd, format, edited]);
  const apply = async () => {
    const refusal = await applyDocumentText(text, format);
    setProblem(refusal);
    if (refusal === null) setEdited(false);
  };
  return (
    <section className="text-pane" aria-label="Document as text">
      <div className="text-pane-head">
        <select
          aria-label="Text format"
          value={format}
          onChange={(e) => {
            setFormat(e.target.value as TextFormat);
            setEdited(false);
            setProblem(null);
          }}
        >
          <option value="dbml">DBML</option>
          <option value="json">JSON</option>
        </select>
        <button type="button" className="primary" disabled={!edited} onClick={() => void apply()}>
          Apply text
        </button>
        <button
          type="button"
          disabled={!edited}
          onClick={() => {
            setEdited(false);
            setProblem(null);
          }}
        >
          Revert text
        </button>
      </div>
      {problem && (
        <p role="alert" className="diag-error">
          {problem}
        </p>
      )}
      <textarea
        aria-label="Document text"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setEdited(true);
        }}
      />
    </section>
  );
}
