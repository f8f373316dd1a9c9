import type { Api } from './api';

declare global {
  interface Window {
    /** The preload's bridge in Electron; absent in a plain browser, where bridge/http.ts stands in. */
    api?: Api;
  }
}
