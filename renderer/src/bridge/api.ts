import type { Api } from '../../../preload/api';
import { createHttpApi } from './http';

/** Set by the Electron preload (contextBridge); absent when the page is served by the browser host. */
const electronApi = window.api;

export const api: Api = electronApi ?? createHttpApi();
export const isDesktop = electronApi !== undefined;

/** The CSP nonce the host put in the page; AG Grid needs it for the style elements it injects. */
export const cspNonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content || undefined;
