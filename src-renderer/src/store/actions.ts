/**
 * What the user can do, as plain functions over the store and the Studio client. Every failed
 * call shows its error sentence in a toast; nothing here throws to a component.
 */
import type {
  CapabilityId,
  Engine,
  MethodInput,
  MethodName,
  MethodOutput,
  Provider,
  ReviewDecision,
  SettingsPatch,
  StudioClient,
  Theme,
} from '../../../src-shared/api';
import type { Result } from '../../../src-shared/result';
import { useStudio } from './index';
import { viewOfSnapshot } from './run-slice';

let client: StudioClient | null = null;
/** Runs whose end the page has heard of, in case the end arrives before `startRun` returns. */
const endedRuns = new Set<string>();
const state = () => useStudio.getState();

function studio(): StudioClient {
  if (!client) throw new Error('The Studio client is not connected yet.');
  return client;
}

/** Calls a method; on failure shows the error sentence and returns null. */
async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M> | null> {
  const fn = studio()[method] as (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
  const result = await fn(input);
  if (result.ok) return result.value;
  state().pushToast('error', result.error.message);
  return null;
}

async function refreshLists(): Promise<void> {
  const [history, recentFiles] = await Promise.all([call('listHistory', {}), call('listRecentFiles', {})]);
  state().patch({ ...(history ? { history } : {}), ...(recentFiles ? { recentFiles } : {}) });
}

function reportDocument(): void {
  const { document, dirty } = state();
  if (!document) return;
  globalThis.document.title = `${dirty ? '• ' : ''}${document.name} — DjForge Studio`;
  void call('setDocumentState', { name: document.name, dirty });
}

/** Events and replies travel separately; at the end of a run the host's snapshot is the truth. */
async function resync(runId: string): Promise<void> {
  const snapshot = await call('getRun', { runId });
  const current = state().run;
  if (snapshot && current?.runId === runId)
    state().setRun({ ...viewOfSnapshot(snapshot), streams: current.streams, endedAt: current.endedAt });
}

/** Connects the page to a host: subscribes to events and loads what the views show. */
export async function connectStudio(studioClient: StudioClient): Promise<void> {
  client = studioClient;
  const s = state();
  studioClient.onRunProgress((e) => s.onProgress(e));
  studioClient.onRunText((e) => s.onText(e));
  studioClient.onFileReady((e) => s.onFile(e));
  studioClient.onFindings((e) => s.onFindings(e));
  studioClient.onRunFinished((e) => {
    endedRuns.add(e.runId);
    state().onFinished(e, Date.now());
    if (e.status === 'failed' && e.error) state().pushToast('error', e.error);
    void resync(e.runId);
    void refreshLists();
  });
  studioClient.onMenuCommand((e) => void runMenuCommand(e.command, e.file));
  useStudio.subscribe((next, prev) => {
    if (next.document !== prev.document || next.dirty !== prev.dirty) reportDocument();
  });
  const [info, settings, blank] = await Promise.all([call('appInfo', {}), call('getSettings', {}), call('newErd', {})]);
  state().patch({ ...(info ? { info } : {}), ...(settings ? { settings } : {}) });
  if (settings) state().setTheme(settings.theme);
  if (blank) state().setDocument(blank);
  await refreshLists();
}

export async function newDocument(): Promise<void> {
  if (state().dirty && !confirm('Discard the unsaved changes?')) return;
  const blank = await call('newErd', {});
  if (blank) state().setDocument(blank);
}

/** Opens a typed path (hosts without dialogs), a granted file id (recent files), or asks. */
export async function openDocument(path?: string, file?: CapabilityId): Promise<void> {
  const document = await call('openErd', file ? { file } : path ? { path } : {});
  if (!document) return;
  state().setDocument(document);
  state().setWorkspace('erd');
  await refreshLists();
}

/** A file dropped on the window or picked in the page: imported from its text. */
export async function importFile(file: File): Promise<void> {
  const document = await call('importErd', { text: await file.text(), fileName: file.name });
  if (!document) return;
  state().setDocument(document);
  state().setWorkspace('erd');
}

export async function saveDocument(saveAs = false, path?: string): Promise<void> {
  const { document } = state();
  if (!document) return;
  const target = path ? { path } : !saveAs && document.file ? { file: document.file } : {};
  const saved = await call('saveErd', { erd: document.erd, ...target });
  if (!saved) return;
  state().markSaved(saved.path, saved.name, saved.file);
  state().pushToast('info', `Saved ${saved.path}.`);
  await refreshLists();
}

export async function exportDocument(): Promise<void> {
  const { document } = state();
  if (!document) return;
  const exported = await call('exportErd', { erd: document.erd, format: 'djforge-erd' });
  if (!exported) return;
  const url = URL.createObjectURL(new Blob([exported.text], { type: 'application/json' }));
  const link = Object.assign(globalThis.document.createElement('a'), { href: url, download: exported.fileName });
  link.click();
  URL.revokeObjectURL(url);
}

export async function startRun(engine?: Engine): Promise<void> {
  const { document } = state();
  if (!document) return;
  const started = await call('startRun', { erd: document.erd, ...(engine ? { engine } : {}) });
  if (!started) return;
  const snapshot = await call('getRun', { runId: started.runId });
  if (snapshot) {
    const current = state().run;
    // Events may have arrived before the snapshot; keep whichever saw more.
    if (!current || current.runId !== started.runId || current.finished <= snapshot.units.length)
      state().setRun(viewOfSnapshot(snapshot));
  }
}

export async function cancelRun(): Promise<void> {
  const { run } = state();
  if (run) await call('cancelRun', { runId: run.runId });
}

export async function decideFiles(paths: string[], decision: ReviewDecision): Promise<void> {
  const { run } = state();
  if (!run || paths.length === 0) return;
  const result = await call('decideFiles', { runId: run.runId, paths, decision });
  if (result) state().setDecisions(result.decisions);
}

/** Writes the approved files; replacing a folder DjForge did not write asks for its name first. */
export async function writeApproved(outDir?: string, force = false): Promise<void> {
  const { run } = state();
  if (!run) return;
  const input = { runId: run.runId, ...(outDir ? { outDir } : {}), force };
  let result = await studio().writeProject(input);
  if (!result.ok && result.error.code === 'output.confirm-required') {
    const typed = prompt(result.error.message);
    if (typed === null) return;
    result = await studio().writeProject({ ...input, confirm: typed });
  }
  if (!result.ok) return void state().pushToast('error', result.error.message);
  const written = result.value;
  if (!written) return;
  const how = written.mode === 'merged' ? 'Merged' : 'Wrote';
  const where = written.mode === 'merged' ? 'into' : 'to';
  state().pushToast('info', `${how} ${written.written.length} files ${where} ${written.outDir}.`);
  if (written.conflicts.length > 0) {
    state().pushToast(
      'error',
      `${written.conflicts.length} file(s) you changed conflict with the new generation and were kept as you left them: ` +
        `${written.conflicts.join(', ')}. The merges with conflict markers are in .djforge/conflicts/.`,
    );
  }
}

export async function saveSettings(patch: SettingsPatch): Promise<boolean> {
  const settings = await call('updateSettings', patch);
  if (!settings) return false;
  state().patch({ settings });
  state().setTheme(settings.theme);
  state().pushToast('info', 'Settings saved.');
  return true;
}

export async function refreshKey(provider: Provider): Promise<void> {
  const status = await call('hasApiKey', { provider });
  if (status) state().patch({ keys: { ...state().keys, [provider]: status.set } });
}

export async function storeKey(provider: Provider, key: string | null): Promise<void> {
  const status = await call('setApiKey', { provider, key });
  if (status) state().patch({ keys: { ...state().keys, [provider]: status.set } });
}

export async function clearRecent(): Promise<void> {
  const recentFiles = await call('clearRecentFiles', {});
  if (recentFiles) state().patch({ recentFiles });
}

export function toggleTheme(): void {
  const { theme } = state();
  const dark = theme === 'dark' || (theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  const next: Theme = dark ? 'light' : 'dark';
  state().setTheme(next);
  void call('updateSettings', { theme: next });
}

export async function runMenuCommand(command: string, file?: CapabilityId): Promise<void> {
  const s = state();
  const commands: Record<string, () => unknown> = {
    new: newDocument,
    open: () => openDocument(undefined, file),
    save: () => saveDocument(false),
    saveAs: () => saveDocument(true),
    import: () => openDocument(),
    export: exportDocument,
    generate: () => startRun(),
    cancel: cancelRun,
    undo: s.undo,
    redo: s.redo,
    toggleTheme,
    about: () => s.pushToast('info', `${s.info?.name ?? 'DjForge Studio'} ${s.info?.version ?? ''}`.trim()),
  };
  await commands[command]?.();
}
