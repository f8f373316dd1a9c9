// First: configures zod for the CSP before the contract's schemas are built.
import './csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
// Importing the bridge takes the browser host's token out of the address (bridge/http.ts), so the
// router, made below, never reads `#token=…` as a page.
import './bridge/api';
import { createAppRouter } from './routing/router';
import { SessionGate } from './shell/SignIn';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('Elementet #root saknas i index.html.');

const router = createAppRouter();

// Who is working first (SessionGate), then the register; the gate loads the preferences once someone has signed in.
createRoot(root).render(
  <StrictMode>
    <SessionGate>
      <RouterProvider router={router} />
    </SessionGate>
  </StrictMode>,
);
