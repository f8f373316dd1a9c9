import { channels } from '../../preload/api';
import { dispatch, forbidden, type Handlers } from './dispatch';

/** The parts of Electron's IpcMain and IpcMainInvokeEvent used here, so this file needs no Electron. */
export interface IpcInvokeEvent {
  /** Null when the frame has navigated away or been destroyed before the call arrived. */
  senderFrame: { url: string; parent: unknown } | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEvent, input: unknown) => Promise<unknown>): void;
}

export type SenderCheck = (sender: { url: string; isMainFrame: boolean }) => boolean;

/**
 * The one registration loop: every channel of the contract, the sender checked first (only the
 * app's own page in the main frame may call), then dispatch (validation, service, error envelope).
 */
export function registerIpc(ipcMain: IpcMainLike, handlers: Handlers, isTrusted: SenderCheck): void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, input) => {
      const frame = event.senderFrame;
      if (!frame || !isTrusted({ url: frame.url, isMainFrame: frame.parent === null })) return forbidden();
      return dispatch(channel, input, handlers);
    });
  }
}
