import { useEffect, useState } from 'react';
import { useStudio } from '../../store';
import { refreshKey, saveSettings, storeKey } from '../../store/actions';
import { PROVIDERS, THEMES, type Provider, type Settings } from '../../../../src-shared/api';

type Draft = Record<
  | 'baseUrl'
  | 'model'
  | 'fallbackModels'
  | 'concurrency'
  | 'timeoutSeconds'
  | 'autoApproveThreshold'
  | 'cacheDir'
  | 'pythonPath'
  | 'pipelineMs',
  string
>;

function draftOf(s: Settings): Draft {
  return {
    baseUrl: s.baseUrl,
    model: s.model,
    fallbackModels: s.fallbackModels.join(', '),
    concurrency: String(s.concurrency),
    timeoutSeconds: String(s.timeoutSeconds),
    autoApproveThreshold: String(s.autoApproveThreshold),
    cacheDir: s.cacheDir ?? '',
    pythonPath: s.pythonPath ?? '',
    pipelineMs: s.baselines.pipelineMs === null ? '' : String(s.baselines.pipelineMs),
  };
}

const LABELS: Record<keyof Draft, string> = {
  baseUrl: 'Base URL (empty: the provider’s)',
  model: 'Model',
  fallbackModels: 'Fallback models (comma-separated)',
  concurrency: 'Concurrency',
  timeoutSeconds: 'Timeout (seconds)',
  autoApproveThreshold: 'Auto-approve threshold (0–1)',
  cacheDir: 'Cache folder (empty: in the data folder)',
  pythonPath: 'Python for runtime validation (empty: find one)',
  pipelineMs: 'Baseline pipeline time (ms, empty: none)',
};

/** Every setting of the app; keys are write-only: the page only learns whether one is set. */
export function SettingsWorkspace() {
  const settings = useStudio((s) => s.settings);
  const keys = useStudio((s) => s.keys);
  const nativeDialogs = useStudio((s) => s.info?.nativeDialogs ?? false);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [provider, setProvider] = useState<Provider | null>(null);
  const [engine, setEngine] = useState<Settings['engine'] | null>(null);
  const [theme, setTheme] = useState<Settings['theme'] | null>(null);
  const [key, setKey] = useState('');
  const chosenProvider = provider ?? settings?.provider ?? 'openrouter';
  useEffect(() => {
    void refreshKey(chosenProvider);
  }, [chosenProvider]);
  if (!settings) return <p>Loading settings…</p>;
  const values = draft ?? draftOf(settings);
  const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  const onSave = async () => {
    const ok = await saveSettings({
      engine: engine ?? settings.engine,
      provider: chosenProvider,
      theme: theme ?? settings.theme,
      baseUrl: values.baseUrl.trim(),
      model: values.model.trim(),
      fallbackModels: values.fallbackModels
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean),
      concurrency: number(values.concurrency),
      timeoutSeconds: number(values.timeoutSeconds),
      autoApproveThreshold: number(values.autoApproveThreshold),
      cacheDir: values.cacheDir.trim() || null,
      pythonPath: values.pythonPath.trim() || null,
      baselines: { pipelineMs: values.pipelineMs.trim() === '' ? null : number(values.pipelineMs) },
    });
    if (ok) setDraft(null);
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
        {(Object.keys(LABELS) as (keyof Draft)[]).map((field) => (
          <label key={field}>
            {LABELS[field]}
            <input
              aria-label={LABELS[field]}
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
        <button type="submit" className="primary">
          Save settings
        </button>
      </form>
      <fieldset>
        <legend>API key for {chosenProvider}</legend>
        <p aria-label="Key status">{keys[chosenProvider] ? 'A key is set.' : 'No key is set.'}</p>
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
                void storeKey(chosenProvider, key.trim());
                setKey('');
              }}
            >
              Store key
            </button>
            <button type="button" disabled={!keys[chosenProvider]} onClick={() => void storeKey(chosenProvider, null)}>
              Remove key
            </button>
          </>
        ) : (
          <p className="muted">In the browser, keys come from the environment of “djforge serve”.</p>
        )}
      </fieldset>
    </section>
  );
}
