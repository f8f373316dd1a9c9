/** Swedish labels for the contract's enumerations (the values themselves are lowercase ASCII). */
import type { HomeKind, Operator, PersonRole, TargetGender } from '../../preload/api';

export const kindLabels: Record<HomeKind, string> = {
  hvb: 'HVB',
  stodboende: 'Stödboende',
  sis: 'SiS-hem',
  familjehem: 'Familjehem',
  jourhem: 'Jourhem',
  natverkshem: 'Nätverkshem',
};

/** The kind inside a sentence ("när hemmet blir stödboende"): HVB and SiS keep their capitals. */
export const kindInText = (kind: HomeKind): string => (kind === 'hvb' || kind === 'sis' ? kindLabels[kind] : kindLabels[kind].toLowerCase());

export const operatorLabels: Record<Operator, string> = {
  enskild: 'Enskild',
  kommunal: 'Kommunal',
  region: 'Region',
  statlig: 'Statlig',
};

export const roleLabels: Record<PersonRole, string> = {
  uppdragstagare: 'Uppdragstagare',
  'annan-vuxen': 'Annan vuxen',
  'barn-i-hemmet': 'Barn i hemmet',
};

export const genderLabels: Record<TargetGender, string> = {
  alla: 'Alla',
  flickor: 'Flickor',
  pojkar: 'Pojkar',
};

/** Labels for `commonNeeds`; other needs are free text and shown as written. */
export const needLabels: Record<string, string> = {
  missbruk: 'Missbruk',
  kriminalitet: 'Kriminalitet',
  neuropsykiatri: 'Neuropsykiatriska svårigheter',
  'psykisk-ohalsa': 'Psykisk ohälsa',
  sjalvskada: 'Självskadebeteende',
  'hedersrelaterat-vald': 'Hedersrelaterat våld',
  skyddsbehov: 'Skyddsbehov',
  ensamkommande: 'Ensamkommande',
};

/** Swedish alphabetical order: Å, Ä, Ö after Z; case and accents otherwise ignored. */
export const svCollator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

/** Compares with the Swedish collator and puts empty values last. */
export function compareSv(a: string | null | undefined, b: string | null | undefined): number {
  if (!a) return b ? 1 : 0;
  if (!b) return -1;
  return svCollator.compare(a, b);
}
