import { useEffect, useState } from 'react';

/** The application shell; the ERD, Review, Dashboard and Settings workspaces grow in here. */
export function App() {
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    window.studio?.version().then(setVersion, () => setVersion(null));
  }, []);
  return (
    <main className="shell">
      <header>
        <h1>DjForge Studio</h1>
        {version && <span className="version">v{version}</span>}
      </header>
      <p>Turn an entity-relationship diagram into a complete, runnable Django REST Framework backend.</p>
      <p>
        The offline engine is ready from the command line: <code>npx djforge generate erd.json --out my-api</code>.
      </p>
    </main>
  );
}
