import { BASELINE_FIELDS, type DashboardDraft, type PriceRow } from './dashboard-settings';

interface DashboardSettingsProps {
  draft: DashboardDraft;
  onChange(draft: DashboardDraft): void;
}

/** The baselines the dashboard rates each run against, in the units it shows them. */
function BaselinesFieldset({ draft, onChange }: DashboardSettingsProps) {
  return (
    <fieldset className="baselines">
      <legend>Dashboard baselines</legend>
      <p className="muted">
        Each run is rated against these: excellent when 10 % better, good within 10 %, needs attention beyond.
      </p>
      {BASELINE_FIELDS.map((field) => (
        <label key={field.key}>
          {field.label}
          <input
            aria-label={field.label}
            inputMode="decimal"
            value={draft.baselines[field.key]}
            onChange={(e) => onChange({ ...draft, baselines: { ...draft.baselines, [field.key]: e.target.value } })}
          />
        </label>
      ))}
    </fieldset>
  );
}

/** One row per model, in US dollars per million tokens; a model without a row has no cost. */
function PriceTableFieldset({ draft, onChange }: DashboardSettingsProps) {
  const setRow = (index: number, row: PriceRow) =>
    onChange({ ...draft, prices: draft.prices.map((r, i) => (i === index ? row : r)) });
  return (
    <fieldset className="prices">
      <legend>Model prices (US$ per million tokens)</legend>
      <p className="muted">
        The dashboard prices every recorded run with this table. A model without a row costs nothing on a local endpoint
        and shows “no price” on a hosted one.
      </p>
      <table className="price-table" aria-label="Model prices">
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Input</th>
            <th scope="col">Output</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {draft.prices.map((row, index) => {
            const name = row.model.trim() || `row ${index + 1}`;
            return (
              // Rows have no identity but their place: the model id itself is being edited.
              <tr key={index}>
                <td>
                  <input
                    aria-label={`Model of ${name}`}
                    value={row.model}
                    onChange={(e) => setRow(index, { ...row, model: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Input price of ${name}`}
                    inputMode="decimal"
                    value={row.input}
                    onChange={(e) => setRow(index, { ...row, input: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Output price of ${name}`}
                    inputMode="decimal"
                    value={row.output}
                    onChange={(e) => setRow(index, { ...row, output: e.target.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={`Remove ${name}`}
                    onClick={() => onChange({ ...draft, prices: draft.prices.filter((_, i) => i !== index) })}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() => onChange({ ...draft, prices: [...draft.prices, { model: '', input: '0', output: '0' }] })}
      >
        Add model price
      </button>
    </fieldset>
  );
}

/** The dashboard's part of the settings: baselines and the price table. */
export function DashboardSettings(props: DashboardSettingsProps) {
  return (
    <>
      <BaselinesFieldset {...props} />
      <PriceTableFieldset {...props} />
    </>
  );
}
