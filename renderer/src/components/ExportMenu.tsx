/**
 * "Exportera": a list, with the filter on screen, to Excel or CSV. Main writes the file (a job,
 * page by page); this button starts it, asks how far it has come every 150 ms, shows a dialog with
 * a progress bar and "Avbryt" when it takes a moment, and saves the file when it is done.
 *
 * A menu button as WAI-ARIA describes it: Enter, Space or ↓ opens the menu on its first item, ↑
 * on its last; the arrows, Home and End move; Enter chooses; Esc closes it and returns to the button.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ChannelInput, ExportFormat, ExportProgress } from '../../../preload/api';
import { api } from '../bridge/api';
import { downloadFile } from './downloadFile';

type WithoutFormat<T> = T extends unknown ? Omit<T, 'format'> : never;
/** What to export: the list and its filter as the page asks main for it. */
export type ExportRequest = WithoutFormat<ChannelInput<'startExport'>>;

const options: { format: ExportFormat; label: string }[] = [
  { format: 'xlsx', label: 'Excel (.xlsx)' },
  { format: 'csv', label: 'CSV (.csv)' },
];

/** How often the window asks how far an export has come. */
const POLL_MS = 150;
/** A shorter export is done before a dialog would be worth opening: the dialog comes at the third question. */
const DIALOG_AFTER_POLLS = 3;

const count = new Intl.NumberFormat('sv-SE');

interface Running {
  jobId: string;
  progress: ExportProgress;
  /** The dialog is shown (the export took longer than a moment). */
  shown: boolean;
  /** Avbryt was pressed: main is stopping the job. */
  cancelling: boolean;
}

interface Props {
  /** The list and the filter on screen, asked for when an option is chosen. */
  request: () => ExportRequest;
  /** Nothing to export (the list is empty). */
  disabled?: boolean;
}

export function ExportMenu({ request, disabled = false }: Props) {
  // The outcome, for screen readers ("Exporten avbröts.", "… är sparad.").
  const [said, setSaid] = useState('');
  const [open, setOpen] = useState(false);
  const [running, setRunning] = useState<Running | null>(null);
  const [error, setError] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const wrapRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const busy = running !== null;

  // A click outside closes the menu.
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!wrapRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  // The item to focus once the menu is drawn.
  const [focusOn, setFocusOn] = useState(0);
  useEffect(() => {
    if (open) itemRefs.current[focusOn]?.focus();
  }, [open, focusOn]);
  const openOn = (index: number) => {
    setFocusOn((index + options.length) % options.length);
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  async function start(format: ExportFormat) {
    setOpen(false);
    setError(null);
    setSaid('');
    const started = await api.startExport({ ...request(), format } as ChannelInput<'startExport'>);
    if (!started.ok) {
      setError(`Listan kunde inte exporteras. ${started.error.message}`);
      return;
    }
    const { jobId, total } = started.value;
    setRunning({ jobId, progress: { done: 0, total, state: 'running' }, shown: false, cancelling: false });
    const progress = await follow(jobId, total, (now, polls) =>
      setRunning((was) => (was?.jobId === jobId ? { ...was, progress: now, shown: was.shown || polls >= DIALOG_AFTER_POLLS } : was)),
    );
    setRunning(null);
    buttonRef.current?.focus();
    if (progress.state === 'cancelled') {
      setSaid('Exporten avbröts.');
      return;
    }
    if (progress.state === 'failed') {
      setError(`Listan kunde inte exporteras. ${progress.message ?? ''}`.trim());
      return;
    }
    const file = await api.exportResult({ jobId });
    if (!file.ok) {
      setError(`Listan kunde inte exporteras. ${file.error.message}`);
      return;
    }
    downloadFile(file.value.base64, file.value.fileName, file.value.mimeType);
    setSaid(`${file.value.fileName} är sparad.`);
  }

  const cancel = () => {
    if (!running || running.cancelling) return;
    setRunning({ ...running, cancelling: true });
    void api.cancelExport({ jobId: running.jobId });
  };

  return (
    <div className="export-menu" ref={wrapRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled || busy}
        onClick={() => (open ? setOpen(false) : openOn(0))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            openOn(0);
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            openOn(options.length - 1);
          }
        }}
      >
        {busy ? 'Exporterar…' : 'Exportera'}
        <span className="export-menu__caret" aria-hidden="true">▾</span>
      </button>
      {open && (
        <div id={menuId} className="export-menu__list" role="menu" aria-label="Exportera listan">
          {options.map((option, index) => (
            <button
              key={option.format}
              ref={(element) => {
                itemRefs.current[index] = element;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="export-menu__item"
              onClick={() => void start(option.format)}
              onKeyDown={(event) => {
                const move = (to: number) => {
                  event.preventDefault();
                  itemRefs.current[(to + options.length) % options.length]?.focus();
                };
                if (event.key === 'ArrowDown') move(index + 1);
                else if (event.key === 'ArrowUp') move(index - 1);
                else if (event.key === 'Home') move(0);
                else if (event.key === 'End') move(options.length - 1);
                else if (event.key === 'Escape') {
                  event.preventDefault();
                  close();
                } else if (event.key === 'Tab') setOpen(false);
              }}
            >
              {option.label}
            </button>
          ))}
        </div>
      )}
      <span className="visually-hidden" role="status">
        {said}
      </span>
      {error !== null && (
        <p className="export-menu__error" role="alert">
          {error}
        </p>
      )}
      {running?.shown && <ExportDialog progress={running.progress} cancelling={running.cancelling} onCancel={cancel} />}
    </div>
  );
}

/** Asks main how far job `jobId` has come every POLL_MS until it has ended; its last answer. */
async function follow(jobId: string, total: number, onProgress: (progress: ExportProgress, polls: number) => void): Promise<ExportProgress> {
  let last: ExportProgress = { done: 0, total, state: 'running' };
  for (let polls = 1; last.state === 'running'; polls++) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const asked = await api.exportProgress({ jobId });
    if (!asked.ok) return { ...last, state: 'failed', message: asked.error.message };
    last = asked.value;
    onProgress(last, polls);
  }
  return last;
}

/** The export under way: how many rows of how many, a bar, and "Avbryt". Esc cancels too. */
function ExportDialog({ progress, cancelling, onCancel }: { progress: ExportProgress; cancelling: boolean; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);
  const { done, total } = progress;
  const text = `Exporterar ${count.format(done)} av ${count.format(total)} rader …`;
  return (
    <dialog
      ref={ref}
      className="confirm-dialog export-dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="confirm-dialog__title">Exporterar listan</h2>
      <p id={textId} className="confirm-dialog__message" aria-live="polite">
        {cancelling ? 'Avbryter …' : done >= total ? 'Skapar filen …' : text}
      </p>
      <progress className="export-dialog__bar" max={Math.max(1, total)} value={done} aria-labelledby={textId} />
      <div className="confirm-dialog__actions">
        <button type="button" className="button" onClick={onCancel} disabled={cancelling} autoFocus>
          Avbryt
        </button>
      </div>
    </dialog>
  );
}
