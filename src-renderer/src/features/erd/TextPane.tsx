import { useEffect, useMemo, useState } from 'react';
import { TextEditor, type TextProblem } from '@renderer/lib/monaco/TextEditor';
import { isDark } from '@renderer/lib/theme';
import { useStudio } from '@renderer/store';
import type { Erd } from '@shared/erd/model';
import { applyDocumentText, documentText, refusalPlace, type TextFormat } from './text-edit';

/**
 * The document as DBML or JSON text, editable: Apply parses it and makes it the diagram in one
 * undoable step, or shows the parser's refusal (line, column and message) and changes nothing.
 * The text follows the document until the user starts typing. It is edited in Monaco (loaded on
 * first use) with DBML or JSON highlighting, the refusal marked at the parser's line.
 */
export function TextPane({ erd }: { erd: Erd }) {
  const [format, setFormat] = useState<TextFormat>('dbml');
  const [text, setText] = useState('');
  const [edited, setEdited] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const dark = useStudio((st) => isDark(st.theme));
  const problems = useMemo<TextProblem[]>(() => {
    const at = problem ? refusalPlace(problem) : null;
    return at && problem ? [{ ...at, message: problem }] : [];
  }, [problem]);
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
      <TextEditor
        path={`document.${format}`}
        language={format}
        label="Document text"
        value={text}
        dark={dark}
        problems={problems}
        onChange={(next) => {
          if (next === text) return;
          setText(next);
          setEdited(true);
        }}
      />
    </section>
  );
}
