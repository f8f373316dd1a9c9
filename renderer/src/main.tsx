// First: configures zod for the CSP before the contract's schemas are built.
import './csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadPreferences } from './preferences';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('Elementet #root saknas i index.html.');

// The preferences first, so the forms can offer the remembered name at once; without them the app still starts.
void loadPreferences().finally(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
