import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';

export interface ConfirmOptions {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel?: string;
  /** "danger" for actions that take something away. */
  tone?: 'default' | 'danger';
  /** Asks why as well (required): the text is handed to `given` before the answer. */
  reason?: { label: string; given: (text: string) => void };
}

interface Pending extends ConfirmOptions {
  resolve: (confirmed: boolean) => void;
}

/**
 * A modal confirmation on the native `<dialog>`: the browser traps focus, Esc cancels, and focus
 * returns to where it was. Returns the element to render and an `ask` that resolves to the answer.
 */
export function useConfirm(): [ReactNode, (options: ConfirmOptions) => Promise<boolean>] {
  const [pending, setPending] = useState<Pending | null>(null);
  const ask = useCallback(
    (options: ConfirmOptions) => new Promise<boolean>((resolve) => setPending({ ...options, resolve })),
    [],
  );
  const answer = useCallback(
    (confirmed: boolean) => {
      pending?.resolve(confirmed);
      setPending(null);
    },
    [pending],
  );
  return [pending ? <ConfirmDialog key={pending.title} {...pending} onAnswer={answer} /> : null, ask];
}

function ConfirmDialog(props: ConfirmOptions & { onAnswer: (confirmed: boolean) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const messageId = useId();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const confirm = () => {
    if (props.reason) {
      if (reason.trim() === '') {
        setReasonMissing(true);
        reasonRef.current?.focus();
        return;
      }
      props.reason.given(reason.trim());
    }
    props.onAnswer(true);
  };

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog?.showModal();
    // Start on the harmless choice, or on the reason asked for.
    (reasonRef.current ?? cancelRef.current)?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={messageId}
      onCancel={(event) => {
        event.preventDefault();
        props.onAnswer(false);
      }}
    >
      <h2 id={titleId} className="confirm-dialog__title">{props.title}</h2>
      <p id={messageId} className="confirm-dialog__message">{props.message}</p>
      {props.reason && (
        <div className={reasonMissing ? 'field field--invalid' : 'field'}>
          <label htmlFor={reasonId}>{props.reason.label}</label>
          <input
            ref={reasonRef}
            id={reasonId}
            className="input"
            maxLength={500}
            value={reason}
            aria-invalid={reasonMissing ? true : undefined}
            aria-describedby={reasonMissing ? `${reasonId}-error` : undefined}
            onChange={(event) => setReason(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                confirm();
              }
            }}
          />
          {reasonMissing && <p id={`${reasonId}-error`} className="field__error">Skriv varför: det sparas i loggen.</p>}
        </div>
      )}
      <div className="confirm-dialog__actions">
        <button type="button" ref={cancelRef} className="button" onClick={() => props.onAnswer(false)}>
          {props.cancelLabel ?? 'Avbryt'}
        </button>
        <button
          type="button"
          className={props.tone === 'danger' ? 'button button--danger' : 'button button--primary'}
          onClick={confirm}
        >
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
