export interface ToastMessage {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
}

/**
 * One message at a time in a polite live region. A toast with an action (Ångra) stays until it is
 * closed or replaced, so nobody has to race a timer to undo; plain toasts are closed by the caller.
 */
export function Toast({ toast, onClose }: { toast: ToastMessage | null; onClose: () => void }) {
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="toast" key={toast.id}>
          <span className="toast__message">{toast.message}</span>
          {toast.action && (
            <button
              type="button"
              className="toast__action"
              onClick={() => {
                toast.action?.run();
                onClose();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" className="toast__close" aria-label="Stäng meddelandet" onClick={onClose}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
