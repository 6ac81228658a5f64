import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { pickClient } from './api/http-client';
import { connectStudio } from './store/actions';
import { useStudio } from './store';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
connectStudio(pickClient()).catch((e: unknown) =>
  useStudio.getState().pushToast('error', e instanceof Error ? e.message : String(e)),
);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
