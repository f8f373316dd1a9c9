/**
 * The sandboxed preload: exposes the contract as `window.api`, one function per channel with the
 * channel fixed in a closure, so the page can call the contract's channels and nothing else.
 * Main checks the sender and validates every input again; this side only forwards.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channels, type Api, type Channel, type ChannelInput, type ChannelOutput, type Result } from './api';

const invoke =
  <C extends Channel>(channel: C) =>
  (input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> =>
    ipcRenderer.invoke(channel, input);

// Built from the channel list, so a new channel in the contract needs no change here.
const api = Object.fromEntries(channels.map((channel) => [channel, invoke(channel)])) as Api;

contextBridge.exposeInMainWorld('api', api);
