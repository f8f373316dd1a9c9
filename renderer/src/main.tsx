// First: configures zod for the CSP before the contract's schemas are built.
import './csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
// Importing the bridge takes the browser host's token out of the address (bridge/http.ts), so the
// router, made below, never reads `#token=…` as a page.
import './bridge/api';
import { loadPreferences } from './preferences';
import { createAppRouter } from './routing/router';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('Elementet #root saknas i index.html.');

const router = createAppRouter();

// The preferences first, so the forms can offer the remembered name at once; without them the app still starts.
void loadPreferences().finally(() => {
  createRoot(root).render(
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>,
  );
});
