import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { exportDocument, importFile, newDocument, openDocument, saveDocument } from '@renderer/features/erd';
import { startRun } from '@renderer/features/run';
import { toggleTheme } from '@renderer/features/settings';
import { useStudio } from '@renderer/store';
import type { Engine } from '@shared/api';

/** File actions, the engine choice and Generate. Without native dialogs, paths are typed. */
export function Toolbar() {
  const { nativeDialogs, engine, running, hasDocument } = useStudio(
    useShallow((s) => ({
      nativeDialogs: s.info?.nativeDialogs ?? false,
      engine: s.settings?.engine ?? 'template',
      running: s.run?.status === 'running',
      hasDocument: s.document !== null,
    })),
  );
  const [chosenEngine, setChosenEngine] = useState<Engine | null>(null);
  const [path, setPath] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const pathOrDialog = () => (nativeDialogs ? undefined : path.trim() || undefined);
  return (
    <div className="toolbar" role="toolbar" aria-label="Document actions">
      <button type="button" onClick={() => void newDocument()}>
        New
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        Import file…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,.dbml,.sql,application/json"
        aria-label="ERD file"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void importFile(file);
          e.target.value = '';
        }}
      />
      {!nativeDialogs && (
        <input
          className="path"
          aria-label="File path"
          placeholder="/path/to/erd.json"
          value={path}
          onChange={(e) => setPath(e.target.value)}
        />
      )}
      <button type="button" onClick={() => void openDocument(pathOrDialog())}>
        Open
      </button>
      <button type="button" disabled={!hasDocument} onClick={() => void saveDocument(false, pathOrDialog())}>
        Save
      </button>
      <button type="button" disabled={!hasDocument} onClick={() => void exportDocument()}>
        Export
      </button>
      <span className="spacer" />
      <label>
        Engine{' '}
        <select
          aria-label="Engine"
          value={chosenEngine ?? engine}
          onChange={(e) => setChosenEngine(e.target.value as Engine)}
        >
          <option value="template">Template (offline)</option>
          <option value="llm">LLM</option>
        </select>
      </label>
      <button
        type="button"
        className="primary"
        disabled={!hasDocument || running}
        onClick={() => void startRun(chosenEngine ?? engine)}
      >
        Generate
      </button>
      <button type="button" aria-label="Toggle theme" onClick={() => void toggleTheme()}>
        ◐
      </button>
    </div>
  );
}
