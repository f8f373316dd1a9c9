// First: configures zod for the CSP before the contract's schemas are built.
import './csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('Elementet #root saknas i index.html.');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
