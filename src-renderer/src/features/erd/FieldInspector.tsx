import { useCallback } from 'react';
import { showError, studioState } from '@renderer/store';
import type { Erd, Field } from '@shared/erd/model';
import { FIELD_TYPES } from '@shared/erd/model-constants';
import { perform } from './canvas-actions';
import { applyEdit } from './erd-edits';
import { patched } from './EntityInspector';
import { Check, Choice, CommitInput, NameInput, Section, parseNumber, splitList } from './inspector-controls';

const LENGTH_TYPES = new Set(['string', 'email', 'url', 'slug', 'file', 'image']);
const NUMBER_TYPES = new Set(['integer', 'bigInteger', 'float', 'decimal']);

function parseDefault(text: string): Field['default'] {
  if (text === '') return undefined;
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null') return null;
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

/** Every property of one field; numbers that do not parse are refused with a toast. */
export function FieldInspector({ erd, entity, field }: { erd: Erd; entity: string; field: Field }) {
  const set = (patch: Partial<Field>) =>
    perform({ kind: 'setField', entity, name: field.name, from: field, to: patched(field, patch) });
  const setNumber = (key: 'maxLength' | 'min' | 'max' | 'maxDigits' | 'decimalPlaces', text: string) => {
    const value = parseNumber(text);
    if (value !== undefined && !Number.isFinite(value))
      showError(`${key} of ${entity}.${field.name}: “${text}” is not a number.`);
    else set({ [key]: value });
  };
  const candidate = useCallback(
    (name: string) => {
      try {
        return applyEdit(erd, { kind: 'renameField', entity, from: field.name, to: name });
      } catch {
        return null;
      }
    },
    [erd, entity, field.name],
  );
  const index = erd.entities.find((e) => e.name === entity)?.fields.findIndex((f) => f.name === field.name) ?? -1;
  return (
    <Section title={`Field ${entity}.${field.name}`}>
      <NameInput
        label="Field name"
        value={field.name}
        candidate={candidate}
        pathOf={(n) => `entities.${entity}.fields.${n}`}
        onCommit={(to) => {
          if (perform({ kind: 'renameField', entity, from: field.name, to })) {
            studioState().setSelection({ entities: [entity], relations: [] }, to);
          }
        }}
      />
      <Choice label="Type" value={field.type} options={FIELD_TYPES} onChange={(type) => set({ type })} />
      <div className="prop-row">
        <Check
          label="Required"
          checked={field.required ?? true}
          onChange={(v) => set({ required: v ? undefined : false })}
        />
        <Check label="Nullable" checked={field.nullable ?? false} onChange={(v) => set({ nullable: v || undefined })} />
        <Check label="Unique" checked={field.unique ?? false} onChange={(v) => set({ unique: v || undefined })} />
        <Check label="Indexed" checked={field.index ?? false} onChange={(v) => set({ index: v || undefined })} />
      </div>
      <CommitInput
        label="Default"
        value={field.default === undefined ? '' : String(field.default)}
        onCommit={(t) => set({ default: parseDefault(t) })}
      />
      {LENGTH_TYPES.has(field.type) && (
        <CommitInput
          label="Max length"
          value={String(field.maxLength ?? '')}
          onCommit={(t) => setNumber('maxLength', t)}
        />
      )}
      {(NUMBER_TYPES.has(field.type) || field.type === 'string') && (
        <div className="prop-row">
          <CommitInput label="Min" value={String(field.min ?? '')} onCommit={(t) => setNumber('min', t)} />
          <CommitInput label="Max" value={String(field.max ?? '')} onCommit={(t) => setNumber('max', t)} />
        </div>
      )}
      {field.type === 'decimal' && (
        <div className="prop-row">
          <CommitInput
            label="Max digits"
            value={String(field.maxDigits ?? '')}
            onCommit={(t) => setNumber('maxDigits', t)}
          />
          <CommitInput
            label="Decimal places"
            value={String(field.decimalPlaces ?? '')}
            onCommit={(t) => setNumber('decimalPlaces', t)}
          />
        </div>
      )}
      {(field.type === 'enum' || field.type === 'string') && (
        <CommitInput
          label="Choices"
          value={(field.choices ?? []).map((c) => c.value).join(', ')}
          placeholder="draft, published"
          onCommit={(t) => set({ choices: splitList(t).map((value) => ({ value })) })}
        />
      )}
      <CommitInput label="Help text" value={field.helpText ?? ''} onCommit={(helpText) => set({ helpText })} />
      <button type="button" onClick={() => perform({ kind: 'removeField', entity, field, index })}>
        Delete field
      </button>
    </Section>
  );
}
