import { useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { dateProblem, noteCategories, type Note, type NoteCategory, type NoteDraft, type NotesPage } from '../../../preload/api';
import { api } from '../bridge/api';
import type { ConfirmOptions } from '../components/ConfirmDialog';
import { DateInput } from '../components/DateInput';
import { noteCategoryLabel, noteCategoryLabels } from '../labels';
import { AppLink } from '../routing/links';
import { paths } from '../routing/paths';
import { timeOf } from '../today';
import { notesCount, preview, problemsOf, signedText, type Problems } from './noteText';
import './journal.css';

/** Notes a page: a screenful, then "Visa fler". */
const PAGE_SIZE = 20;
/** The most the contract lets one call give: a refresh keeps at most this many notes shown. */
const MOST = 200;
/** A draft is saved when the typing has stopped this long (and when a field is left). */
const SAVE_DELAY = 600;

export interface NotesTarget {
  homeId?: string;
  placementId?: string;
}

export interface NotesSectionProps {
  target: NotesTarget;
  today: string;
  /** The data's version: the notes are fetched again when it changes. */
  version: number;
  notify: (message: string) => void;
  confirm: (options: ConfirmOptions) => Promise<boolean>;
  /** A note was signed. */
  onChanged: () => void;
  /** "Anteckningar" unless told otherwise. */
  heading?: string;
  /** The first page, when the page around already has it (a home's history): not asked for again. */
  initial?: NotesPage;
}

/** What the editor holds: a draft as typed, not yet (or no longer) the same as the one saved. */
interface EditorStart {
  /** Changes with every editor opened, so each starts afresh. */
  key: number;
  id?: string;
  category: NoteCategory | '';
  writtenOn: string;
  text: string;
  corrects: string | null;
  /** Where focus goes when the editor opens. */
  focus: 'category' | 'text';
}

const isCategory = (value: string): value is NoteCategory => (noteCategories as readonly string[]).includes(value);

/**
 * The journal notes of a home or a placement: what colleagues need to know, written as drafts that
 * are saved while typed, then signed. A signed note never changes; a mistake is corrected by a note
 * of its own, shown with the one it corrects.
 */
export function NotesSection({ target, today, version, notify, confirm, onChanged, heading = 'Anteckningar', initial }: NotesSectionProps) {
  const { homeId, placementId } = target;
  const [notes, setNotes] = useState<Note[] | null>(initial?.notes ?? null);
  const [total, setTotal] = useState(initial?.total ?? 0);
  const [drafts, setDrafts] = useState<NoteDraft[]>(initial?.drafts ?? []);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const [moreState, setMoreState] = useState<'idle' | 'busy' | { error: string }>('idle');
  const [editor, setEditor] = useState<EditorStart | null>(null);
  const editors = useRef(0);
  const headingId = useId();
  const newButton = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  /** The note to take focus once the list shows it (a note just signed, the first of "Visa fler"). */
  const focusNote = useRef<string | null>(null);
  // The page around may already have the first page (a home's history): no second question for it.
  const skipFirstLoad = useRef(initial !== undefined);
  const shown = notes?.length ?? 0;

  // A refresh keeps as many notes shown as were, so a note read on "Visa fler" does not go away.
  const load = useEffectEvent(async (isCurrent: () => boolean) => {
    const limit = Math.min(MOST, Math.max(PAGE_SIZE, shown));
    const result = await api.listNotes({ homeId, placementId, offset: 0, limit });
    if (!isCurrent()) return;
    if (result.ok) {
      setNotes(result.value.notes);
      setTotal(result.value.total);
      setDrafts(result.value.drafts);
      setLoadError(null);
    } else {
      setLoadError(result.error.message);
    }
  });

  useEffect(() => {
    if (skipFirstLoad.current) {
      skipFirstLoad.current = false;
      return;
    }
    let current = true;
    void load(() => current);
    return () => {
      current = false;
    };
  }, [homeId, placementId, version, reloads]);

  useEffect(() => {
    const id = focusNote.current;
    if (id === null || !notes?.some((note) => note.id === id || note.corrections.some((c) => c.id === id))) return;
    focusNote.current = null;
    document.getElementById(noteElementId(id))?.focus();
  }, [notes]);

  async function showMore() {
    if (notes === null) return;
    setMoreState('busy');
    const result = await api.listNotes({ homeId, placementId, offset: notes.length, limit: PAGE_SIZE });
    if (!result.ok) {
      setMoreState({ error: result.error.message });
      return;
    }
    setMoreState('idle');
    // A note signed meanwhile moves the others down a place: one already shown is not shown twice.
    const known = new Set(notes.map((note) => note.id));
    const fresh = result.value.notes.filter((note) => !known.has(note.id));
    focusNote.current = fresh[0]?.id ?? null;
    setNotes([...notes, ...fresh]);
    setTotal(result.value.total);
  }

  function open(start: Omit<EditorStart, 'key'>) {
    editors.current += 1;
    setEditor({ key: editors.current, ...start });
  }

  function startNew() {
    open({ category: '', writtenOn: today, text: '', corrects: null, focus: 'category' });
  }

  function resume(draft: NoteDraft) {
    open({ id: draft.id, category: draft.category, writtenOn: draft.writtenOn, text: draft.text, corrects: draft.corrects, focus: 'text' });
  }

  function correct(note: Note) {
    // A correction already begun is taken up again rather than begun twice.
    const begun = drafts.find((draft) => draft.corrects === note.id);
    if (begun) return resume(begun);
    open({ category: isCategory(note.category) ? note.category : '', writtenOn: today, text: '', corrects: note.id, focus: 'text' });
  }

  /** The editor closed: its draft (kept, signed or thrown away) shows where it now belongs. */
  function closed(after: 'kept' | 'discarded' | { signed: Note }) {
    setEditor(null);
    setReloads((n) => n + 1);
    if (typeof after === 'object') {
      notify('Anteckningen är signerad.');
      // The note just signed, or the correction under the note it corrects.
      focusNote.current = after.signed.id;
      onChanged();
      return;
    }
    if (after === 'discarded') notify('Utkastet är slängt.');
    requestAnimationFrame(() => (newButton.current ?? headingRef.current)?.focus());
  }

  const editing = editor !== null;
  const otherDrafts = drafts.filter((draft) => draft.id !== editor?.id);
  const corrected = editor?.corrects ? (notes?.find((note) => note.id === editor.corrects) ?? null) : null;

  return (
    <section className="notes" aria-labelledby={headingId}>
      <div className="notes__head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="notes__title">
          {heading}
          {notes !== null && total > 0 && <span className="notes__count"> {notesCount(total)}</span>}
        </h2>
        <AppLink to={paths.notesSearch} className="text-link notes__search">
          Sök i alla anteckningar
        </AppLink>
        {!editing && (
          <button type="button" ref={newButton} className="button" onClick={startNew}>
            Ny anteckning
          </button>
        )}
      </div>

      {editor !== null && (
        <NoteEditor
          key={editor.key}
          start={editor}
          target={{ homeId, placementId }}
          corrected={corrected}
          confirm={confirm}
          onClosed={closed}
        />
      )}

      {otherDrafts.length > 0 && (
        <div className="notes__drafts">
          <h3 className="notes__subtitle">Dina utkast</h3>
          <ul className="notes__draft-list">
            {otherDrafts.map((draft) => (
              <li key={draft.id} className="notes__draft">
                <div className="notes__draft-body">
                  <p className="notes__draft-what">
                    <strong>{draft.corrects ? 'Rättelse' : noteCategoryLabels[draft.category]}</strong>
                    <span className="muted"> · {draft.writtenOn} · sparat {signedText(draft.savedAt)}</span>
                  </p>
                  <p className="notes__draft-text">{draft.text.trim() === '' ? <span className="muted">Ingen text ännu</span> : preview(draft.text)}</p>
                </div>
                <button
                  type="button"
                  className="button"
                  disabled={editing}
                  // Two drafts of a day are told apart by what they are.
                  aria-label={`Fortsätt ${draft.corrects ? 'rättelsen' : `utkastet ${noteCategoryLabels[draft.category].toLocaleLowerCase('sv')}`} från ${draft.writtenOn}`}
                  onClick={() => resume(draft)}
                >
                  Fortsätt
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      {loadError !== null && (
        <div className="list-error" role="alert">
          <p>Anteckningarna kunde inte hämtas. {loadError}</p>
          <button type="button" className="button" onClick={() => setReloads((n) => n + 1)}>Försök igen</button>
        </div>
      )}

      {notes === null ? (
        loadError === null && <p className="muted" role="status">Hämtar anteckningar…</p>
      ) : notes.length === 0 ? (
        // While the first note is being written, the invitation to write one has done its work.
        !editing && <p className="notes__empty">Inga anteckningar ännu. Skriv ner det kollegor behöver veta om hemmet eller placeringen.</p>
      ) : (
        <>
          <ol className="notes__list" aria-label={`${heading}, de senaste först`}>
            {notes.map((note) => (
              <li key={note.id}>
                <NoteItem note={note} from={placementId !== undefined ? 'placement' : 'home'} editing={editing} onCorrect={() => correct(note)} />
              </li>
            ))}
          </ol>
          {notes.length < total && (
            <div className="notes__more">
              <button type="button" className="button" disabled={moreState === 'busy'} onClick={() => void showMore()}>
                {moreState === 'busy' ? 'Hämtar…' : 'Visa fler'}
              </button>
              <span className="muted">Visar {notes.length} av {total}</span>
              {typeof moreState === 'object' && (
                <p className="field__error" role="alert">Fler anteckningar kunde inte hämtas. {moreState.error}</p>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}

const noteElementId = (id: string) => `note-${id}`;

/** A signed note, read only, with its corrections under it. */
function NoteItem({ note, from, editing, onCorrect }: { note: Note; from: 'home' | 'placement'; editing: boolean; onCorrect: () => void }) {
  const titleId = `${noteElementId(note.id)}-title`;
  // Where a note on a placement was written: the home, on the placement's page. A home's page names
  // no child (its history shows placements by age): a note on one of them leads to it, unnamed, and
  // a protected child's (no placement given in this view) leads nowhere.
  const about =
    from === 'placement' ? (
      note.homeName
    ) : note.placementId !== null ? (
      <AppLink to={paths.placement(note.placementId)} className="text-link">Placeringen</AppLink>
    ) : null;
  return (
    <article id={noteElementId(note.id)} className="note-item" aria-labelledby={titleId} tabIndex={-1}>
      <header className="note-item__head">
        <h3 id={titleId} className="note-item__title">
          {noteCategoryLabel(note.category)} <span className="note-item__date">{note.writtenOn}</span>
        </h3>
        <p className="note-item__meta">
          {note.author}
          {about && <> · {about}</>}
          <span className="muted"> · signerad {signedText(note.signedAt)}</span>
        </p>
      </header>
      <p className="note-item__text">{note.text}</p>
      {note.corrections.length > 0 && (
        <ul className="note-item__corrections" aria-label="Rättelser">
          {note.corrections.map((correction) => (
            <li key={correction.id} id={noteElementId(correction.id)} tabIndex={-1} className="note-item__correction">
              <strong>Rättad {correction.writtenOn} av {correction.author}:</strong> <span className="note-item__text">{correction.text}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="note-item__actions">
        <button
          type="button"
          className="button button--quiet"
          disabled={editing}
          aria-label={`Rätta anteckningen ${noteCategoryLabel(note.category).toLocaleLowerCase('sv')} ${note.writtenOn}`}
          onClick={onCorrect}
        >
          Rätta
        </button>
      </div>
    </article>
  );
}

type SaveStatus = { state: 'none' } | { state: 'saved'; at: string } | { state: 'needs-category' } | { state: 'needs-date' } | { state: 'failed'; message: string };

interface Values {
  category: NoteCategory | '';
  writtenOn: string;
  text: string;
}

interface EditorProps {
  start: EditorStart;
  target: NotesTarget;
  /** The note a correction corrects, when it is among those shown. */
  corrected: Note | null;
  confirm: (options: ConfirmOptions) => Promise<boolean>;
  onClosed: (after: 'kept' | 'discarded' | { signed: Note }) => void;
}

const SIGN_QUESTION: ConfirmOptions = {
  title: 'Signera anteckningen',
  message: 'En signerad anteckning kan inte ändras eller tas bort, bara rättas. Signera?',
  confirmLabel: 'Signera',
};

/**
 * One draft being written. It is saved while typed (SAVE_DELAY after the typing stops, and when a
 * field is left), one save at a time so the first save's id is used by the next and a draft is
 * never made twice. Nothing needs saving by hand: closing the page keeps what was saved.
 */
function NoteEditor({ start, target, corrected, confirm, onClosed }: EditorProps) {
  const [values, setValues] = useState<Values>({ category: start.category, writtenOn: start.writtenOn, text: start.text });
  // A save's problems go with the next good save; signing's stay until signing is tried again or the field changes.
  const [saveProblems, setSaveProblems] = useState<Problems>({});
  const [signProblems, setSignProblems] = useState<Problems>({});
  const problems = { ...saveProblems, ...signProblems };
  const [status, setStatus] = useState<SaveStatus>({ state: 'none' });
  const [busy, setBusy] = useState(false);
  const formId = useId();
  const categoryRef = useRef<HTMLSelectElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);

  // The save machinery lives in refs: timers and answers arrive after renders.
  const latest = useRef(values);
  const draftId = useRef(start.id);
  const dirty = useRef(false);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const element = start.focus === 'category' ? categoryRef.current : textRef.current;
    element?.focus();
    // Continue where the text ends.
    if (element instanceof HTMLTextAreaElement) element.setSelectionRange(element.value.length, element.value.length);
  }, [start.focus]);

  /**
   * Saves what is typed unless it is saved already; resolves to whether the draft as shown is saved.
   * Saves wait for each other: the next goes with the id the first one got.
   */
  function save(): Promise<boolean> {
    if (timer.current !== null) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    const run = queue.current.then(async (): Promise<boolean> => {
      if (!dirty.current) return draftId.current !== undefined;
      const { category, writtenOn, text } = latest.current;
      // A draft needs a category and a date to be kept; until then nothing is sent, and the status says why.
      if (category === '') {
        setStatus({ state: 'needs-category' });
        return false;
      }
      if (dateProblem(writtenOn) !== null) {
        setStatus({ state: 'needs-date' });
        return false;
      }
      dirty.current = false;
      const result = await api.saveNoteDraft({
        ...(draftId.current === undefined ? {} : { id: draftId.current }),
        ...target,
        category,
        writtenOn: writtenOn.trim(),
        text,
        corrects: start.corrects,
      });
      if (!result.ok) {
        dirty.current = true;
        setStatus({ state: 'failed', message: `Utkastet kunde inte sparas. ${result.error.message}` });
        setSaveProblems(problemsOf(result.error));
        return false;
      }
      draftId.current = result.value.id;
      setStatus({ state: 'saved', at: result.value.savedAt });
      setSaveProblems({});
      // Typed again while this save was on its way: that is saved next.
      return !dirty.current;
    });
    queue.current = run.catch(() => undefined);
    return run;
  }

  // Leaving the page while a save waits for the typing to stop: it is made now, not lost.
  const saveOnLeave = useRef(save);
  useEffect(() => {
    saveOnLeave.current = save;
  });
  useEffect(() => {
    const pending = timer;
    const leave = saveOnLeave;
    return () => {
      if (pending.current !== null) void leave.current();
    };
  }, []);

  function change(next: Partial<Values>) {
    const merged = { ...latest.current, ...next };
    latest.current = merged;
    setValues(merged);
    dirty.current = true;
    // A problem goes as soon as its field is changed; the next save judges again.
    const changedPaths = Object.keys(next).map((key) => `/${key}`);
    if (changedPaths.some((path) => problems[path])) {
      const keep = (old: Problems) => Object.fromEntries(Object.entries(old).filter(([path]) => !changedPaths.includes(path)));
      setSaveProblems(keep);
      setSignProblems(keep);
    }
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), SAVE_DELAY);
  }

  async function sign() {
    if (busy) return;
    setSignProblems({});
    // What main would refuse anyway is told before the question, in main's words.
    if (latest.current.category === '') {
      setSignProblems({ '/category': 'Välj en kategori.' });
      categoryRef.current?.focus();
      return;
    }
    if (latest.current.text.trim() === '') {
      setSignProblems({ '/text': 'Får inte vara tomt.' });
      textRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      // Saved first, so what is signed is what is shown, and a problem is told before the question.
      if (!(await save())) return;
      if (!(await confirm(SIGN_QUESTION))) return;
      const result = await api.signNote({ id: draftId.current as string });
      if (!result.ok) {
        setStatus({ state: 'failed', message: `Anteckningen kunde inte signeras. ${result.error.message}` });
        const refused = problemsOf(result.error);
        setSignProblems(refused);
        // On to the field to put right (the dialog gave focus back to Signera).
        const field = refused['/category'] ? categoryRef : refused['/writtenOn'] ? dateRef : refused['/text'] ? textRef : null;
        requestAnimationFrame(() => field?.current?.focus());
        return;
      }
      onClosed({ signed: result.value });
    } finally {
      setBusy(false);
    }
  }

  async function discard() {
    if (busy) return;
    const nothingWritten = draftId.current === undefined && latest.current.text.trim() === '';
    if (!nothingWritten) {
      const confirmed = await confirm({
        title: 'Släng utkastet?',
        message: 'Utkastet tas bort och kan inte tas tillbaka.',
        confirmLabel: 'Släng utkast',
        tone: 'danger',
      });
      if (!confirmed) return;
    }
    setBusy(true);
    try {
      // A save on its way may be the one that makes the draft: wait for it, then remove what it made.
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      dirty.current = false;
      await queue.current;
      if (draftId.current !== undefined) {
        const result = await api.removeNoteDraft({ id: draftId.current });
        if (!result.ok) {
          setStatus({ state: 'failed', message: `Utkastet kunde inte slängas. ${result.error.message}` });
          return;
        }
      }
      onClosed('discarded');
    } finally {
      setBusy(false);
    }
  }

  async function close() {
    if (busy) return;
    setBusy(true);
    try {
      const saved = await save();
      if (!saved && latest.current.text.trim() !== '') {
        const leave = await confirm({
          title: 'Stäng utan att spara?',
          message:
            latest.current.category === ''
              ? 'Utkastet sparas först när det har en kategori. Stänger du nu försvinner texten.'
              : 'Utkastet kunde inte sparas. Stänger du nu försvinner det du har skrivit sedan det sparades senast.',
          confirmLabel: 'Stäng ändå',
          tone: 'danger',
        });
        if (!leave) return;
      }
      onClosed('kept');
    } finally {
      setBusy(false);
    }
  }

  const onTextKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void sign();
    }
  };

  const field = (name: keyof Values) => {
    const problem = problems[`/${name}`];
    const id = `${formId}-${name}`;
    return {
      id,
      problem,
      props: {
        id,
        'aria-invalid': problem ? (true as const) : undefined,
        'aria-describedby': problem ? `${id}-error` : undefined,
      },
      error: problem ? <p id={`${id}-error`} className="field__error">{problem}</p> : null,
    };
  };
  const category = field('category');
  const writtenOn = field('writtenOn');
  const text = field('text');
  const title = start.corrects !== null ? 'Rätta anteckning' : start.id !== undefined ? 'Utkast' : 'Ny anteckning';

  return (
    <form
      className="note-editor"
      aria-labelledby={`${formId}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void sign();
      }}
      // Leaving a field saves at once (blur bubbles in React), so a click elsewhere loses nothing.
      onBlur={() => {
        if (dirty.current) void save();
      }}
    >
      <h3 id={`${formId}-title`} className="note-editor__title">{title}</h3>
      {start.corrects !== null && (
        <div className="note-editor__corrects">
          {corrected ? (
            <>
              <p className="note-editor__corrects-what">
                Rättar {noteCategoryLabel(corrected.category).toLocaleLowerCase('sv')} {corrected.writtenOn} av {corrected.author}:
              </p>
              <blockquote className="note-item__text">{corrected.text}</blockquote>
            </>
          ) : (
            <p className="note-editor__corrects-what">Rättar en signerad anteckning.</p>
          )}
          <p className="field__hint">Den signerade anteckningen ändras inte. Rättelsen visas tillsammans med den.</p>
        </div>
      )}
      <div className="note-editor__fields">
        <div className={category.problem ? 'field field--invalid' : 'field'}>
          <label htmlFor={category.id}>Kategori</label>
          <select
            ref={categoryRef}
            className="input"
            aria-required="true"
            value={values.category}
            onChange={(event) => change({ category: event.target.value as NoteCategory | '' })}
            {...category.props}
          >
            <option value="">Välj kategori</option>
            {noteCategories.map((value) => (
              <option key={value} value={value}>{noteCategoryLabels[value]}</option>
            ))}
          </select>
          {category.error}
        </div>
        <div className={writtenOn.problem ? 'field field--date field--invalid' : 'field field--date'}>
          <label htmlFor={writtenOn.id}>Datum</label>
          <DateInput
            ref={dateRef}
            value={values.writtenOn}
            onChange={(writtenOn) => change({ writtenOn })}
            aria-required
            {...writtenOn.props}
          />
          {writtenOn.error}
        </div>
      </div>
      <div className={text.problem ? 'field field--invalid' : 'field'}>
        <label htmlFor={text.id}>{start.corrects !== null ? 'Rättelse' : 'Anteckning'}</label>
        <textarea
          ref={textRef}
          className="input note-editor__text"
          rows={7}
          maxLength={20_000}
          aria-keyshortcuts="Control+Enter"
          value={values.text}
          onChange={(event) => change({ text: event.target.value })}
          onKeyDown={onTextKey}
          {...text.props}
        />
        {text.error}
      </div>
      <p className="note-editor__status" role="status" aria-live="polite">
        <StatusText status={status} />
      </p>
      {problems[''] && <p className="field__error" role="alert">{problems['']}</p>}
      <div className="note-editor__actions">
        <button type="submit" className="button button--primary" disabled={busy}>Signera</button>
        <button type="button" className="button" disabled={busy} onClick={() => void close()}>Stäng</button>
        <button type="button" className="button button--danger-quiet note-editor__discard" disabled={busy} onClick={() => void discard()}>
          Släng utkast
        </button>
      </div>
      <p className="field__hint">
        Utkastet sparas medan du skriver och syns bara för dig tills du signerar. <kbd>Ctrl</kbd>+<kbd>Enter</kbd> signerar.
      </p>
    </form>
  );
}

function StatusText({ status }: { status: SaveStatus }) {
  switch (status.state) {
    case 'saved':
      return <>Utkast sparat {timeOf(status.at)}</>;
    case 'needs-category':
      return <>Välj kategori så sparas utkastet.</>;
    case 'needs-date':
      return <>Skriv ett riktigt datum så sparas utkastet.</>;
    case 'failed':
      return <span className="note-editor__failed">{status.message}</span>;
    default:
      return null;
  }
}
