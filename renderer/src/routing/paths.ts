/**
 * The app's addresses (the part after `#`). Every page and every entity has one, so a page can be
 * reached by Back and Forward, a reload keeps it, and a link to it can be followed from any list.
 */

/** The main menu's items; a page that is not one of them belongs to one (its section). */
export type Section = 'bevakning' | 'placeringar' | 'hitta-placering' | 'kontroller' | 'avvikelser' | 'aktgranskning' | 'rapporter' | 'register' | 'regler';

export const sections: readonly { section: Section; label: string }[] = [
  { section: 'bevakning', label: 'Bevakning' },
  { section: 'placeringar', label: 'Placeringar' },
  { section: 'hitta-placering', label: 'Hitta placering' },
  { section: 'kontroller', label: 'Kontroller' },
  { section: 'avvikelser', label: 'Avvikelser' },
  { section: 'aktgranskning', label: 'Aktgranskning' },
  { section: 'rapporter', label: 'Rapporter' },
  { section: 'register', label: 'Register' },
  { section: 'regler', label: 'Regler' },
];

export const paths = {
  /** The start page. */
  start: '/bevakning',
  section: (section: Section) => `/${section}`,
  placement: (id: string) => `/placeringar/${encodeURIComponent(id)}`,
  /** A home: the register with that home's panel open. */
  home: (id: string) => `/register/hem/${encodeURIComponent(id)}`,
  newHome: '/register/nytt',
  /** A home's whole history ("Vårdgivarhistorik"): before the next placement. */
  homeHistory: (id: string) => `/register/historik/${encodeURIComponent(id)}`,
  /** "Sök i anteckningar": reached from every list of notes (the menu has no room for it). */
  notesSearch: '/anteckningar',
  /** A deviation: the Avvikelser page with it open. */
  deviation: (id: string) => `/avvikelser/${encodeURIComponent(id)}`,
  /** Träffsäkerhet: the quality index beside how placements ended (enhetschef), from Regler. */
  accuracy: '/regler/traffsakerhet',
  /** A random file audit's round, and one of its files. */
  auditRound: (id: string) => `/aktgranskning/${encodeURIComponent(id)}`,
  auditFile: (id: string, ordinal: number) => `/aktgranskning/${encodeURIComponent(id)}/akt/${ordinal}`,
  newAuditRound: '/aktgranskning/ny',
  /** The nämndrapport on screen; its period and unit follow in the query (`?from=…&to=…&enhet=…`). */
  boardReport: '/rapporter/namnd',
  /** The users and their roles (administratör). */
  users: '/anvandare',
  /** The access log (enhetschef): in the user menu, not the main menu. */
  log: '/logg',
  /** Säkerhet och säkerhetskopior (enhetschef): in the user menu. */
  security: '/sakerhet',
  /** Registerval (administratör): which register this computer opens; in the user menu. */
  registerChoice: '/registerval',
};

/**
 * Kept in the history entry of a page opened from another page of the app: where from (for
 * "Tillbaka", which is one step back in the history), and the menu item it belongs to (a placement
 * opened from the bevakningslista marks Bevakning). An address typed or opened afresh has none.
 */
export interface Opened {
  from: string;
  section: Section;
}

const isSection = (value: unknown): value is Section => sections.some((item) => item.section === value);

/** The `Opened` of a history entry's state; anything else in it (an older version's state) counts as none. */
export function openedFrom(state: unknown): Opened | null {
  if (typeof state !== 'object' || state === null) return null;
  const { from, section } = state as Partial<Record<keyof Opened, unknown>>;
  return typeof from === 'string' && isSection(section) ? { from, section } : null;
}

/** The menu item a page belongs to: its own, a placement's opener's (else Placeringar), or none for an unknown address. */
export function sectionOf(pathname: string, state: unknown): Section | null {
  const first = pathname.split('/')[1] ?? '';
  if (!isSection(first)) return null;
  if (first === 'placeringar' && pathname !== paths.section('placeringar')) return openedFrom(state)?.section ?? 'placeringar';
  return first;
}

/**
 * How the menu marks its items: "page" for the page shown (the register with a home's panel is
 * still the register), "true" for the list a placement was opened from.
 */
export function menuCurrent(item: Section, pathname: string, state: unknown): 'page' | 'true' | undefined {
  const section = sectionOf(pathname, state);
  if (section !== item) return undefined;
  const own = paths.section(item);
  return pathname === own || (item === 'register' && pathname.startsWith(`${own}/`)) ? 'page' : 'true';
}

/** The state a page opened from `pathname` keeps: see `Opened`. */
export function openedState(pathname: string, state: unknown): Opened {
  return { from: pathname, section: sectionOf(pathname, state) ?? 'bevakning' };
}

/** What unsaved edits on a page are lost in, for the question before leaving it. */
export function unsavedWhat(pathname: string): string {
  // Before the register's own: /registerval begins with /register too.
  if (pathname === paths.registerChoice) return 'registervalet';
  if (pathname.startsWith('/register')) return 'hemmet';
  if (pathname.startsWith('/placeringar/')) return 'placeringen';
  if (pathname === paths.section('regler')) return 'reglerna';
  return 'formuläret';
}
