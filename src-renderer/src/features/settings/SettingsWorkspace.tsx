import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '@renderer/store';
import type { Provider, Settings } from '@shared/api';
import { PROVIDERS, THEMES } from '@shared/api/settings-constants';
import { refreshKey, saveSettings, storeKey } from './actions';
import { DashboardSettings } from './DashboardSettings';
import { dashboardDraftOf, dashboardPatchOf, type DashboardDraft } from './dashboard-settings';
import { DRAFT_FIELDS, DRAFT_LABELS, draftOf, patchOfDraft, type Draft } from './settings-draft';
import './settings.css';

function KeyFieldset({ provider }: { provider: Provider }) {
  const { isSet, nativeDialogs } = useStudio(
    useShallow((s) => ({ isSet: s.keys[provider] ?? false, nativeDialogs: s.info?.nativeDialogs ?? false })),
  );
  const [key, setKey] = useState('');
  useEffect(() => {
    void refreshKey(provider);
  }, [provider]);
  return (
    <fieldset>
      <legend>API key for {provider}</legend>
      <p aria-label="Key status">{isSet ? 'A key is set.' : 'No key is set.'}</p>
      {nativeDialogs ? (
        <>
          <input
            type="password"
            aria-label="API key"
            autoComplete="off"
            value={key}
            onChange={(e) => setKey(e.target.value)}
          />
          <button
            type="button"
            disabled={key.trim() === ''}
            onClick={() => {
              void storeKey(provider, key.trim());
              setKey('');
            }}
          >
            Store key
          </button>
          <button type="button" disabled={!isSet} onClick={() => void storeKey(provider, null)}>
            Remove key
          </button>
        </>
      ) : (
        <p className="muted">In the browser, keys come from the environment of “djforge serve”.</p>
      )}
    </fieldset>
  );
}

/** Every setting of the app; keys are write-only: the page only learns whether one is set. */
export function SettingsWorkspace() {
  const settings = useStudio((s) => s.settings);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [provider, setProvider] = useState<Provider | null>(null);
  const [engine, setEngine] = useState<Settings['engine'] | null>(null);
  const [theme, setTheme] = useState<Settings['theme'] | null>(null);
  const [dashboardDraft, setDashboardDraft] = useState<DashboardDraft | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  if (!settings) return <p>Loading settings…</p>;
  const chosenProvider = provider ?? settings.provider;
  const values = draft ?? draftOf(settings);
  const dashboardValues = dashboardDraft ?? dashboardDraftOf(settings.baselines, settings.prices);
  const onSave = async () => {
    const checked = dashboardPatchOf(dashboardValues);
    if ('errors' in checked) {
      setProblems(checked.errors);
      return;
    }
    setProblems([]);
    const choices = { engine: engine ?? settings.engine, provider: chosenProvider, theme: theme ?? settings.theme };
    if (await saveSettings({ ...patchOfDraft(values, choices), ...checked.patch })) {
      setDraft(null);
      setDashboardDraft(null);
    }
  };
  return (
    <section aria-label="Settings" className="settings">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void onSave();
        }}
      >
        <label>
          Default engine
          <select
            aria-label="Default engine"
            value={engine ?? settings.engine}
            onChange={(e) => setEngine(e.target.value as Settings['engine'])}
          >
            <option value="template">Template (offline)</option>
            <option value="llm">LLM</option>
          </select>
        </label>
        <label>
          Provider
          <select
            aria-label="Provider"
            value={chosenProvider}
            onChange={(e) => setProvider(e.target.value as Provider)}
          >
            {PROVIDERS.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        {DRAFT_FIELDS.map((field) => (
          <label key={field}>
            {DRAFT_LABELS[field]}
            <input
              aria-label={DRAFT_LABELS[field]}
              value={values[field]}
              onChange={(e) => setDraft({ ...values, [field]: e.target.value })}
            />
          </label>
        ))}
        <label>
          Theme
          <select
            aria-label="Theme"
            value={theme ?? settings.theme}
            onChange={(e) => setTheme(e.target.value as Settings['theme'])}
          >
            {THEMES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <DashboardSettings draft={dashboardValues} onChange={setDashboardDraft} />
        {problems.length > 0 && (
          <div role="alert" aria-label="Settings not saved" className="settings-problems">
            <p>Not saved: correct these fields first.</p>
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        <button type="submit" className="primary">
          Save settings
        </button>
      </form>
      <KeyFieldset provider={chosenProvider} />
    </section>
  );
}
