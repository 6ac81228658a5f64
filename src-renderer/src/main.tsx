import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickClient } from './api/http-client';
import { App } from './shell/App';
import { connectStudio } from './shell/connect';
import { showError } from './store';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
connectStudio(pickClient()).catch((e: unknown) => showError(e instanceof Error ? e.message : String(e)));
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
