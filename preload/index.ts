/**
 * The sandboxed preload: exposes the contract as `window.api`, one function per channel with the
 * channel fixed in a closure, so the page can call the contract's channels and nothing else.
 * Main checks the sender and validates every input again; this side only forwards.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { implementApi } from './api';

// Built from the contract's channel list, so a new channel needs no change here.
contextBridge.exposeInMainWorld(
  'api',
  implementApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
