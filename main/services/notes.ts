/**
 * Journal notes: a draft saved as it is typed (one user's, never lost to a closed window), signed
 * once by the signed-in user into a note that never changes, corrected only by a note of its own;
 * and the search across every signed note, in Swedish word forms.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as repo from '../db/journal-repository';
import { inTransaction } from '../db/homes-repository';
import type { Database } from '../db/schema';
import { compareSwedish } from '../domain/swedish';
import { maskNames, matchQuery, snippet } from '../domain/swedish-search';
import { noteCategories } from '../domain/vocabulary';
import type {
  ListNotesInput,
  Note,
  NoteDraft,
  NoteDraftInput,
  NoteHit,
  NoteSearchInput,
  NoteSearchResult,
  NotesPage,
} from '../../preload/api/journal';
import type { NoteCategory } from '../domain/vocabulary';
import type { Clock } from './clock';
import { ServiceError } from './errors';
import { checkTarget, hiddenName, homeOn, targetNamer, type TargetView } from './journal-targets';
import type { User } from '../../preload/api/users';

/** Search hits are counted this far: beyond it the list says "fler än 1 000". */
export const NOTE_COUNT_LIMIT = 1000;

export interface CurrentUser {
  currentUser(): Promise<User | null>;
}

export function createNotesService(db: Kysely<Database>, clock: Clock, users: CurrentUser) {
  async function signedIn(): Promise<User> {
    const user = await users.currentUser();
    if (user === null) throw new ServiceError('FORBIDDEN', 'Välj vem du är innan du skriver anteckningar.');
    return user;
  }

  async function toNotes(rows: repo.NoteRow[], view: TargetView): Promise<Note[]> {
    const fixes = await repo.corrections(db, rows.map((r) => r.id));
    const all = [...rows, ...fixes];
    const name = await targetNamer(db, all.map((r) => ({ homeId: r.homeId, placementId: r.placementId, on: r.writtenOn })), view);
    const note = (r: repo.NoteRow): Note => ({
      id: r.id,
      ...name({ homeId: r.homeId, placementId: r.placementId, on: r.writtenOn }),
      author: r.author,
      writtenOn: r.writtenOn,
      category: r.category,
      text: r.text,
      signedAt: r.signedAt,
      corrects: r.corrects,
      corrections: [],
    });
    const byRoot = new Map<string, Note[]>();
    for (const fix of fixes) byRoot.set(fix.corrects ?? '', [...(byRoot.get(fix.corrects ?? '') ?? []), note(fix)]);
    return rows.map((r) => ({ ...note(r), corrections: byRoot.get(r.id) ?? [] }));
  }

  async function toDrafts(rows: repo.NoteDraftRow[]): Promise<NoteDraft[]> {
    const name = await targetNamer(db, rows.map((r) => ({ homeId: r.homeId, placementId: r.placementId, on: r.writtenOn })), 'placement');
    return rows.map((r) => ({
      id: r.id,
      ...name({ homeId: r.homeId, placementId: r.placementId, on: r.writtenOn }),
      category: r.category as NoteCategory,
      writtenOn: r.writtenOn,
      text: r.text,
      corrects: r.corrects,
      savedAt: r.savedAt,
    }));
  }

  /** The home or placement a note is written on must exist, and a correction be of a signed note. */
  async function checkNoteTarget(input: { homeId?: string | undefined; placementId?: string | undefined; corrects: string | null }): Promise<void> {
    await checkTarget(db, input);
    if (input.corrects !== null && !(await repo.getNote(db, input.corrects))) {
      throw new ServiceError('NOT_FOUND', 'Anteckningen som ska rättas finns inte.', [{ path: '/corrects', message: 'Anteckningen finns inte.' }]);
    }
  }

  return {
    async list(input: ListNotesInput, view: TargetView = input.placementId === undefined ? 'home' : 'placement'): Promise<NotesPage> {
      const user = await users.currentUser();
      const [{ rows, total }, drafts] = await Promise.all([
        repo.listRootNotes(db, input, input.offset, input.limit),
        user === null ? Promise.resolve([]) : repo.listDrafts(db, user.id, input),
      ]);
      return { notes: await toNotes(rows, view), total, drafts: await toDrafts(drafts) };
    },

    async drafts(): Promise<NoteDraft[]> {
      return toDrafts(await repo.listDrafts(db, (await signedIn()).id));
    },

    /** Saved as typed: the first save makes the draft, later ones replace its text. Only its writer's. */
    async saveDraft(input: NoteDraftInput): Promise<NoteDraft> {
      const user = await signedIn();
      const id = input.id ?? randomUUID();
      if (input.id !== undefined) {
        const stored = await repo.getDraft(db, input.id);
        // A draft signed or thrown away in another window: this save starts it again rather than losing the text.
        if (stored && stored.userId !== user.id) throw new ServiceError('FORBIDDEN', 'Utkastet är någon annans.');
      }
      await checkNoteTarget(input);
      const row: repo.NoteDraftRow = {
        id,
        userId: user.id,
        homeId: input.homeId ?? null,
        placementId: input.placementId ?? null,
        category: input.category,
        writtenOn: input.writtenOn,
        text: input.text,
        corrects: input.corrects,
        savedAt: clock.now(),
      };
      await repo.saveDraft(db, row);
      const [draft] = await toDrafts([row]);
      return draft as NoteDraft;
    },

    async removeDraft(id: string): Promise<{ id: string }> {
      const user = await signedIn();
      const stored = await repo.getDraft(db, id);
      if (!stored || stored.userId !== user.id) throw new ServiceError('NOT_FOUND', 'Utkastet finns inte längre.');
      await repo.deleteDraft(db, id);
      return { id };
    },

    /** The draft becomes a note signed by the signed-in user, now; the draft goes, in one transaction. */
    async sign(id: string): Promise<Note> {
      const user = await signedIn();
      const draft = await repo.getDraft(db, id);
      if (!draft || draft.userId !== user.id) throw new ServiceError('NOT_FOUND', 'Utkastet finns inte längre; det kan redan vara signerat.');
      const text = draft.text.trim();
      if (text === '') throw new ServiceError('VALIDATION', 'Skriv något innan du signerar.', [{ path: '/text', message: 'Får inte vara tomt.' }]);
      if (!(noteCategories as readonly string[]).includes(draft.category)) {
        throw new ServiceError('VALIDATION', 'Välj en kategori.', [{ path: '/category', message: 'Välj en kategori.' }]);
      }
      if (draft.writtenOn > clock.today()) {
        throw new ServiceError('VALIDATION', 'Datumet är i framtiden.', [{ path: '/writtenOn', message: 'Datumet kan inte vara i framtiden.' }]);
      }
      const noteId = randomUUID();
      await inTransaction(db, async (trx) => {
        // A correction is of the note first written: a correction of a correction joins the same chain.
        const corrected = draft.corrects === null ? null : await repo.getNote(trx, draft.corrects);
        if (draft.corrects !== null && !corrected) throw new ServiceError('NOT_FOUND', 'Anteckningen som ska rättas finns inte.');
        // A note on a placement belongs to the home of that day's stay too, so the home's history shows
        // it; not for a protected child, whose home is never named with it.
        const facts = draft.placementId === null ? undefined : (await repo.placementFacts(trx, [draft.placementId])).get(draft.placementId);
        const homeId = draft.homeId ?? (facts && !facts.protectedIdentity ? homeOn(facts, draft.writtenOn) : null);
        await repo.insertNote(trx, {
          id: noteId,
          homeId,
          placementId: draft.placementId,
          author: user.name,
          writtenOn: draft.writtenOn,
          category: draft.category,
          text,
          signedAt: clock.now(),
          corrects: corrected ? (corrected.corrects ?? corrected.id) : null,
        });
        await repo.deleteDraft(trx, id);
      });
      const [note] = await toNotes([(await repo.getNote(db, noteId)) as repo.NoteRow], draft.placementId === null ? 'home' : 'placement');
      return note as Note;
    },

    async search(input: NoteSearchInput): Promise<NoteSearchResult> {
      const match = matchQuery(input.query);
      const authors = await repo.noteAuthors(db);
      if (match === null) return { hits: [], total: 0, capped: false, authors: sortSwedish(authors) };
      const { rows, total } = await repo.searchNotes(db, { ...input, match, countLimit: NOTE_COUNT_LIMIT });
      const [facts, corrected] = await Promise.all([
        repo.placementFacts(db, rows.flatMap((r) => r.placementId ?? [])),
        repo.correctedIds(db, rows.map((r) => r.id)),
      ]);
      const name = await targetNamer(db, rows.map((r) => ({ homeId: r.homeId, placementId: r.placementId, on: r.writtenOn })), 'home');
      const hits = rows.map((r): NoteHit => {
        const hidden = hiddenName(r.placementId === null ? undefined : facts.get(r.placementId));
        return {
          id: r.id,
          ...name({ homeId: r.homeId, placementId: r.placementId, on: r.writtenOn }),
          author: r.author,
          writtenOn: r.writtenOn,
          category: r.category,
          snippet: snippet(hidden === null ? r.text : maskNames(r.text, [hidden]), input.query),
          corrected: corrected.has(r.id),
          corrects: r.corrects,
        };
      });
      return { hits, total: Math.min(total, NOTE_COUNT_LIMIT), capped: total > NOTE_COUNT_LIMIT, authors: sortSwedish(authors) };
    },
  };
}

const sortSwedish = (names: string[]) => names.sort(compareSwedish);

export type NotesService = ReturnType<typeof createNotesService>;
