/**
 * A placement need as the form holds it, as the address keeps it, and as the contract takes it.
 *
 * The search lives in the address (`#/hitta-placering?alder=15&kon=flicka&behov=missbruk…`), so
 * Back from a home's history comes to the same results with the form filled, and Forward and a
 * reload keep them. That puts a child's needs in the address: acceptable here because the search
 * names no child (no name, no personnummer: a need is not a person), and the address is the hash
 * fragment of a local app, which no request carries off the machine; the desktop window keeps its
 * history in memory only. Nothing of it is written to the register.
 */
import { childGenders, commonNeeds, findMunicipality, homeKinds, legalBases } from '../../../preload/api';
import type { ChannelInput, HomeKind, LegalBasis } from '../../../preload/api';
import { kindInText, legalBasisLabels, needLabels } from '../labels';

export type ChildGender = (typeof childGenders)[number];

export interface MatchValues {
  age: string;
  gender: ChildGender | '';
  /** The chosen words of `commonNeeds`, in the list's order. */
  needs: string[];
  /** Other needs as typed, separated by commas. */
  otherNeeds: string;
  legalBasis: LegalBasis | '';
  municipality: string;
  form: HomeKind | '';
  startOn: string;
}

/** The address's names for the fields: Swedish, as a user reading the address would say them. */
const keys = { age: 'alder', gender: 'kon', need: 'behov', legalBasis: 'lagrum', municipality: 'kommun', form: 'form', startOn: 'start' } as const;

const isCommonNeed = (need: string): boolean => (commonNeeds as readonly string[]).includes(need);
const oneOf = <V extends string>(values: readonly V[], value: string | null): V | '' => (values as readonly string[]).includes(value ?? '') ? (value as V) : '';

/** The other needs typed in the field, one by one: blanks and repeats dropped. */
export function splitNeeds(text: string): string[] {
  return [...new Set(text.split(',').map((need) => need.trim()).filter((need) => need !== ''))];
}

/** An empty form: the start is `today`. */
export const emptyValues = (today: string): MatchValues => ({
  age: '',
  gender: '',
  needs: [],
  otherNeeds: '',
  legalBasis: '',
  municipality: '',
  form: '',
  startOn: today,
});

/** Whether the address holds a search (the form was sent at least once). */
export const hasSearch = (params: URLSearchParams): boolean => params.has(keys.age);

/** The form's values from the address; what the address lacks (or holds wrongly) is left empty. */
export function valuesFromParams(params: URLSearchParams, today: string): MatchValues {
  const needs = params.getAll(keys.need);
  return {
    age: params.get(keys.age) ?? '',
    gender: oneOf(childGenders, params.get(keys.gender)),
    needs: commonNeeds.filter((need) => needs.includes(need)),
    otherNeeds: needs.filter((need) => !isCommonNeed(need)).join(', '),
    legalBasis: oneOf(legalBases, params.get(keys.legalBasis)),
    municipality: params.get(keys.municipality) ?? '',
    form: oneOf(homeKinds, params.get(keys.form)),
    startOn: params.get(keys.startOn) ?? today,
  };
}

/** The address's part for the form's values (empty choices left out; the age always there). */
export function paramsFromValues(values: MatchValues): URLSearchParams {
  const params = new URLSearchParams();
  params.set(keys.age, values.age.trim());
  if (values.gender) params.set(keys.gender, values.gender);
  for (const need of needsOf(values)) params.append(keys.need, need);
  if (values.legalBasis) params.set(keys.legalBasis, values.legalBasis);
  if (values.municipality.trim()) params.set(keys.municipality, values.municipality.trim());
  if (values.form) params.set(keys.form, values.form);
  params.set(keys.startOn, values.startOn.trim());
  return params;
}

/** A typed need that is one of the common ones by its word or its name ("Missbruk") is that one. */
const commonNeedOf = (typed: string): string => {
  const text = typed.toLocaleLowerCase('sv');
  return commonNeeds.find((need) => need === text || (needLabels[need] ?? '').toLocaleLowerCase('sv') === text) ?? typed;
};

/** Every need of the form, each once: the chosen common ones first, then the typed ones. */
export const needsOf = (values: MatchValues): string[] => [...new Set([...values.needs, ...splitNeeds(values.otherNeeds).map(commonNeedOf)])];

/**
 * The contract's input. An age that is no whole number goes as typed, so main's message for it
 * ("Ange barnets ålder i hela år.") is the one shown at the field.
 */
export function inputFromValues(values: MatchValues): ChannelInput<'matchHomes'> {
  const age = values.age.trim();
  const municipality = values.municipality.trim();
  return {
    age: /^-?\d{1,3}$/.test(age) ? Number(age) : age,
    gender: values.gender || null,
    needs: needsOf(values),
    legalBasis: values.legalBasis || null,
    municipality: municipality === '' ? null : (findMunicipality(municipality)?.name ?? municipality),
    form: values.form || null,
    startOn: values.startOn.trim(),
  } as ChannelInput<'matchHomes'>;
}

/** The form's fields in the order shown: after a failed search, focus goes to the first with a problem. */
export const matchFields = ['age', 'gender', 'needs', 'otherNeeds', 'legalBasis', 'municipality', 'form', 'startOn'] as const;
export type MatchField = (typeof matchFields)[number];

/**
 * The field an issue's path ("/age", "/needs/2") belongs to. The common needs are fixed words, so
 * a need main refuses is one the user typed.
 */
export function fieldOfPath(path: string): MatchField | '' {
  const first = path.split('/').filter(Boolean)[0] ?? '';
  if (first === 'needs') return 'otherNeeds';
  return (matchFields as readonly string[]).includes(first) ? (first as MatchField) : '';
}

/** Why the typed kommun cannot be searched near, or null: the contract takes any text, the form only Sweden's kommuner. */
export function municipalityProblem(text: string): string | null {
  const value = text.trim();
  if (value === '' || findMunicipality(value) !== undefined) return null;
  return `Ingen av Sveriges kommuner heter "${value}". Välj en kommun i listan.`;
}

/** The address's word for whether the homes that cannot take the child are unfolded. */
const EXCLUDED_KEY = 'uteslutna';

/** Whether the address says the excluded homes are unfolded; null when it says nothing. */
export function excludedOpenIn(params: URLSearchParams): boolean | null {
  const value = params.get(EXCLUDED_KEY);
  return value === 'visa' ? true : value === 'dolj' ? false : null;
}

/** The address with the excluded homes unfolded or folded. */
export function withExcludedOpen(params: URLSearchParams, open: boolean): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set(EXCLUDED_KEY, open ? 'visa' : 'dolj');
  return next;
}

/** The search itself, without what only says how its answer is shown: the same key, the same answer. */
export function searchKey(params: URLSearchParams): string {
  const search = new URLSearchParams(params);
  search.delete(EXCLUDED_KEY);
  return search.toString();
}

/** The child's gender as the form and the search's words say it. */
export const genderLabels: Record<ChildGender, string> = { flicka: 'Flicka', pojke: 'Pojke' };

/** The search in words, above its answer ("15 år · flicka · missbruk · HVB · nära Sundsvall · från 2026-12-01"): the form may have been changed since. */
export function describeSearch(values: MatchValues): string {
  const parts = [
    `${values.age.trim()} år`,
    values.gender ? genderLabels[values.gender].toLowerCase() : null,
    // A common need by its name in a sentence; another as it was typed.
    ...needsOf(values).map((need) => (isCommonNeed(need) ? (needLabels[need] ?? need).toLowerCase() : need)),
    values.legalBasis ? legalBasisLabels[values.legalBasis] : null,
    values.form ? kindInText(values.form) : 'alla boendeformer',
    values.municipality.trim() ? `nära ${values.municipality.trim()}` : null,
    `från ${values.startOn.trim()}`,
  ];
  return parts.filter((part) => part !== null).join(' · ');
}
