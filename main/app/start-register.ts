/**
 * Which register the desktop app opens at start, and what it does when a shared register cannot
 * be reached. IT's deployment (PLACERINGSKOLLEN_DB) wins; otherwise the choice saved on the
 * settings page (main/services/register-choice); otherwise the local file. The decisions are
 * here, apart from the Electron lifecycle, so they are unit-tested with Electron mocked.
 */
import { dialog } from 'electron';
import { defaultDatabasePath } from '../db/paths';
import { describeAddress, isSharedRegisterUrl, parseSharedRegisterUrl, type SharedRegisterAddress } from '../db/pg/connection';
import type { PreferenceStore } from '../services';
import { addressOfSetting, readRegisterChoice } from '../services/register-choice';

export type RegisterTarget =
  /** The local file; `problem`: a saved choice that could not be read, so the local register opens instead. */
  | { kind: 'local'; path: string; problem: string | null }
  /** IT's address in PLACERINGSKOLLEN_DB. */
  | { kind: 'shared'; source: 'it'; url: string }
  /** The address saved on the settings page. */
  | { kind: 'shared'; source: 'setting'; address: SharedRegisterAddress };

export function registerTarget(store: PreferenceStore, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): RegisterTarget {
  const fromIt = env.PLACERINGSKOLLEN_DB?.trim();
  if (fromIt) return isSharedRegisterUrl(fromIt) ? { kind: 'shared', source: 'it', url: fromIt } : { kind: 'local', path: fromIt, problem: null };
  const { choice, problem } = readRegisterChoice(store);
  if (choice.kind === 'shared') return { kind: 'shared', source: 'setting', address: addressOfSetting(choice) };
  return { kind: 'local', path: defaultDatabasePath(env, platform), problem };
}

/**
 * Where the register is, for the start dialog and the console: never a password, not even one IT
 * wrote into PLACERINGSKOLLEN_DB (postgres://user:password@…).
 */
export function describeTarget(target: RegisterTarget): string {
  if (target.kind === 'local') return target.path;
  if (target.source === 'setting') return describeAddress(target.address);
  try {
    return describeAddress(parseSharedRegisterUrl(target.url));
  } catch {
    return 'adressen i PLACERINGSKOLLEN_DB';
  }
}

/** What the person chose when the shared register could not be opened. */
export type StartAnswer = 'retry' | 'local' | 'quit';

/**
 * Opens the shared register, asking what to do each time it fails: try again, open the local
 * register instead (only for the settings page's choice, so an administratör can change it; IT's
 * deployment is not second-guessed), or quit.
 */
export async function openSharedAtStart<T>(
  open: () => Promise<T>,
  ask: (problem: string, offerLocal: boolean) => Promise<StartAnswer>,
  { offerLocal, explain }: { offerLocal: boolean; explain: (error: unknown) => string },
): Promise<{ opened: T } | 'local' | 'quit'> {
  for (;;) {
    try {
      return { opened: await open() };
    } catch (error) {
      console.error('Placeringskollen: det gemensamma registret kunde inte öppnas:', error);
      const answer = await ask(explain(error), offerLocal);
      if (answer === 'quit') return 'quit';
      if (answer === 'local' && offerLocal) return 'local';
    }
  }
}

/** The question itself, in Electron's dialog: the buttons in the order the person reads them. */
export async function askAboutSharedRegister(problem: string, offerLocal: boolean): Promise<StartAnswer> {
  const answers: StartAnswer[] = offerLocal ? ['retry', 'local', 'quit'] : ['retry', 'quit'];
  const labels: Record<StartAnswer, string> = { retry: 'Försök igen', local: 'Öppna det lokala registret', quit: 'Avsluta' };
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'Det gemensamma registret kan inte öppnas',
    message: 'Det gemensamma registret kan inte öppnas.',
    detail: offerLocal
      ? `${problem}\n\nDu kan försöka igen, eller öppna det lokala registret på den här datorn och ändra valet under Registerval i menyn med dina initialer.`
      : `${problem}\n\nDatorn är inställd av IT att öppna just det här registret. Kontakta IT om felet kvarstår.`,
    buttons: answers.map((answer) => labels[answer]),
    defaultId: 0,
    cancelId: answers.length - 1,
    noLink: true,
  });
  return answers[response] ?? 'quit';
}
