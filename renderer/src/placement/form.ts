/**
 * The placement form's values (strings, as the inputs hold them) and the way to and from the
 * contract. The stays tile the placement, so the form never asks for a stay's end: the first stay
 * begins when the placement does, each ends when the next begins, and the last on the end date.
 */
import type { ChannelInput, EndReason, HomeKind, LegalBasis, Placement } from '../../../preload/api';
import type { ComparedField } from '../components/ConflictPanel';
import { endReasonLabels, legalBasisLabels } from '../labels';

export interface StayValues {
  /** React key; stable while the row exists. */
  key: string;
  homeId: string;
  /** The first stay's `from` is the placement's start and not asked for. */
  from: string;
  decidedOn: string;
  investigationCompletedOn: string;
}

export interface PlacementValues {
  legalBasis: LegalBasis | '';
  decidedOn: string;
  startedOn: string;
  endedOn: string;
  endReason: EndReason | '';
  caseworker: string;
  unit: string;
  /** Dygnskostnad as typed ("1 850" or "1850"); empty when not known. */
  dailyCost: string;
  stays: StayValues[];
}

let nextKey = 0;
export const newStayKey = (): string => `s${++nextKey}`;

export const emptyPlacement = (): PlacementValues => ({
  legalBasis: '',
  decidedOn: '',
  startedOn: '',
  endedOn: '',
  endReason: '',
  caseworker: '',
  unit: '',
  dailyCost: '',
  stays: [{ key: newStayKey(), homeId: '', from: '', decidedOn: '', investigationCompletedOn: '' }],
});

const text = (value: string | null): string => value ?? '';

export function valuesFromPlacement(placement: Placement): PlacementValues {
  return {
    legalBasis: placement.legalBasis,
    decidedOn: placement.decidedOn,
    startedOn: placement.startedOn,
    endedOn: text(placement.endedOn),
    endReason: placement.endReason ?? '',
    caseworker: text(placement.caseworker),
    unit: text(placement.unit),
    dailyCost: placement.dailyCost === null ? '' : String(placement.dailyCost),
    stays: placement.stays.map((stay) => ({
      key: `saved-${stay.ordinal}`,
      // Known whenever the form opens: a protected child's homes are revealed before it may be edited.
      homeId: stay.homeId ?? '',
      from: stay.from,
      decidedOn: text(stay.decidedOn),
      investigationCompletedOn: text(stay.investigationCompletedOn),
    })),
  };
}

export const sameValues = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Whole kronor as typed: spaces (thousands separators, also non-breaking ones) are left out, and
 * digits become a number. Anything else ("1850,50", "tusen") goes as the text it is, a deliberate
 * lie to the type like the home form's integerOrText: the contract then answers at this very field
 * ("Ange hela kronor, 0–1 000 000."), in the same round as every other issue.
 */
export function kronorOrText(value: string): number | null {
  const compact = value.replace(/\s/g, '');
  if (compact === '') return null;
  return /^-?\d+$/.test(compact) ? Number(compact) : (compact as unknown as number);
}

/**
 * The input for `savePlacement`. `kindOf` gives a home's kind: a completed investigation is only
 * sent for a jourhem (the field is hidden for other homes, and the service would refuse it).
 */
export function toInput(
  values: PlacementValues,
  childId: string,
  id: string | undefined,
  kindOf: (homeId: string) => HomeKind | undefined,
): ChannelInput<'savePlacement'> {
  const endedOn = values.endedOn || null;
  const stays = values.stays.map((stay, k) => {
    const next = values.stays[k + 1];
    return {
      homeId: stay.homeId,
      from: k === 0 ? values.startedOn : stay.from,
      to: next ? (next.from || null) : endedOn,
      decidedOn: stay.decidedOn || null,
      investigationCompletedOn: kindOf(stay.homeId) === 'jourhem' ? stay.investigationCompletedOn || null : null,
    };
  });
  return {
    id,
    childId,
    // Unchosen: left out (a lie to the type), so the contract answers at the field ("Välj SoL …").
    legalBasis: (values.legalBasis || undefined) as LegalBasis,
    decidedOn: values.decidedOn,
    startedOn: values.startedOn,
    endedOn,
    endReason: endedOn ? values.endReason || null : null,
    caseworker: values.caseworker,
    unit: values.unit,
    dailyCost: kronorOrText(values.dailyCost),
    stays,
  };
}

/**
 * The form field of a `savePlacement` issue, from its JSON path. A stay's start is the
 * placement's start for the first stay; a stay's end is the next stay's start, or the end date.
 */
export function fieldOf(path: string, sent: PlacementValues): string {
  const parts = path.split('/').filter(Boolean);
  const head = parts[0] ?? '';
  if (head === 'childId') return 'child';
  if (head !== 'stays') return head;
  if (parts[1] === undefined) return 'stays';
  const k = Number(parts[1]);
  const stay = sent.stays[k];
  if (!stay) return 'stays';
  const sub = parts[2] ?? 'homeId';
  if (sub === 'from') return k === 0 ? 'startedOn' : `stays.${stay.key}.from`;
  if (sub === 'to') {
    const next = sent.stays[k + 1];
    return next ? `stays.${next.key}.from` : sent.endedOn ? 'endedOn' : `stays.${stay.key}.homeId`;
  }
  if (sub === 'decidedOn' || sub === 'investigationCompletedOn') return `stays.${stay.key}.${sub}`;
  return `stays.${stay.key}.homeId`;
}

/** The id of a field's input ("stays.s3.homeId" → "placement-stays-s3-homeId"). */
export const inputId = (field: string): string => `placement-${field.replaceAll('.', '-')}`;

const fieldLabels: Record<string, string> = {
  legalBasis: 'Lagrum',
  decidedOn: 'Beslutsdatum',
  startedOn: 'Startdatum',
  endedOn: 'Slutdatum',
  endReason: 'Orsak',
  caseworker: 'Handläggare',
  unit: 'Enhet',
  dailyCost: 'Dygnskostnad',
  stays: 'Hem',
};

/** The label of a field in the error summary; stays are named by their position. */
export function fieldLabel(field: string, sent: PlacementValues | null): string {
  const [head, key, sub] = field.split('.');
  if (head === 'stays' && key !== undefined) {
    const index = sent ? sent.stays.findIndex((stay) => stay.key === key) : -1;
    const which = sent && sent.stays.length === 1 ? 'Hem' : `Vistelse ${index + 1}`;
    const what = sub === 'from' ? 'från' : sub === 'decidedOn' ? 'beslut om vistelsen' : sub === 'investigationCompletedOn' ? 'utredning avslutad' : 'hem';
    return which === 'Hem' && what === 'hem' ? 'Hem' : `${which}, ${what}`;
  }
  return fieldLabels[field] ?? 'Placeringen';
}

/**
 * The fields in which the user's version and the saved one differ, as the form shows them, for the
 * panel that refuses a save over someone else's (components/ConflictPanel). The stays are one
 * field: each home with the day it begins.
 */
export function differences(mine: PlacementValues, saved: PlacementValues, homeName: (homeId: string) => string): ComparedField[] {
  const stays = (v: PlacementValues) =>
    v.stays
      .map((stay, index) =>
        [
          `${homeName(stay.homeId)} från ${index === 0 ? v.startedOn : stay.from}`,
          stay.decidedOn && `beslut ${stay.decidedOn}`,
          stay.investigationCompletedOn && `utredning avslutad ${stay.investigationCompletedOn}`,
        ]
          .filter(Boolean)
          .join(', '),
      )
      .join('; ');
  const shown = (v: PlacementValues): [string, string][] => [
    ['legalBasis', v.legalBasis === '' ? '' : legalBasisLabels[v.legalBasis]],
    ['decidedOn', v.decidedOn],
    ['startedOn', v.startedOn],
    ['endedOn', v.endedOn],
    ['endReason', v.endReason === '' ? '' : endReasonLabels[v.endReason]],
    ['caseworker', v.caseworker.trim()],
    ['unit', v.unit.trim()],
    ['dailyCost', v.dailyCost.replace(/\s/g, '')],
    ['stays', stays(v)],
  ];
  const theirs = new Map(shown(saved));
  return shown(mine)
    .filter(([field, text]) => theirs.get(field) !== text)
    .map(([field, text]) => ({ label: fieldLabels[field]!, mine: text, saved: theirs.get(field) ?? '' }));
}
