/**
 * The inspector's inputs. Text is committed on Enter or when leaving the input (one undo step
 * per change, not per keystroke); Escape puts the saved value back. A name is checked by the
 * core as it is typed and is not committed while it has errors.
 */
import { useId, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Erd } from '@shared/erd/model';
import { useNameCheck } from './use-validation';

interface TextProps {
  label: string;
  value: string;
  onCommit(value: string): void;
  multiline?: boolean;
  placeholder?: string;
}

/** A text input whose value reaches the document only when committed. */
export function CommitInput({ label, value, onCommit, multiline, placeholder }: TextProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? value;
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  const common = {
    'aria-label': label,
    value: shown,
    placeholder,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter' && !(multiline && e.shiftKey)) {
        e.preventDefault();
        commit();
      } else if (e.key === 'Escape') setDraft(null);
    },
  };
  return (
    <label className="prop">
      <span>{label}</span>
      {multiline ? <textarea rows={3} {...common} /> : <input {...common} />}
    </label>
  );
}

interface NameProps {
  label: string;
  value: string;
  /** The document with `name` in place of the current one, to validate. */
  candidate(name: string): Erd | null;
  /** Where the core reports problems of the candidate name, e.g. `entities.Job`. */
  pathOf(name: string): string;
  onCommit(value: string): void;
}

/** A name input checked by the core's validation as it is typed. */
export function NameInput({ label, value, candidate, pathOf, onCommit }: NameProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const id = useId();
  const shown = draft ?? value;
  const doc = useMemo(() => (draft !== null && draft !== value ? candidate(draft) : null), [draft, value, candidate]);
  const errors = useNameCheck(doc, pathOf(shown));
  const blocked = draft !== null && (draft.trim() === '' || (doc !== null && errors.length > 0));
  const commit = () => {
    if (draft !== null && draft !== value && !blocked) onCommit(draft.trim());
    setDraft(null);
  };
  return (
    <label className="prop">
      <span>{label}</span>
      <input
        aria-label={label}
        aria-invalid={blocked || undefined}
        aria-describedby={blocked ? id : undefined}
        value={shown}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          else if (e.key === 'Escape') setDraft(null);
        }}
      />
      {blocked && (
        <span id={id} role="alert" className="prop-error">
          {draft?.trim() === '' ? 'A name is needed.' : errors.join(' ')}
        </span>
      )}
    </label>
  );
}

export function Check(props: { label: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <label className="prop check">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <span>{props.label}</span>
    </label>
  );
}

export function Choice<T extends string>(props: {
  label: string;
  value: T | '';
  options: readonly T[] | readonly { value: T; label: string }[];
  onChange(value: T): void;
  empty?: string;
}) {
  return (
    <label className="prop">
      <span>{props.label}</span>
      <select aria-label={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.empty !== undefined && <option value="">{props.empty}</option>}
        {props.options.map((o) => {
          const { value, label } = typeof o === 'string' ? { value: o, label: o } : o;
          return (
            <option key={value} value={value}>
              {label}
            </option>
          );
        })}
      </select>
    </label>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="inspector-section" aria-label={title}>
      <h4>{title}</h4>
      {children}
    </section>
  );
}

/** `a, b , c` → `['a', 'b', 'c']` (blanks dropped). */
export const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** A number typed in an input, or undefined when blank; NaN is refused by the caller. */
export function parseNumber(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}
