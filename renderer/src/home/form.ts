/**
 * The detail form's values (strings, as the inputs hold them) and the way to and from the contract.
 * The contract and the service validate; the form only turns text into numbers, and maps the
 * issues' JSON paths back to its fields.
 */
import { commonNeeds, isFosterHomeKind } from '../../../preload/api';
import type { ChannelInput, Home, HomeKind, Operator, PersonRole, TargetGender } from '../../../preload/api';
import type { ComparedField } from '../components/ConflictPanel';
import { genderLabels, kindLabels, needLabels, operatorLabels, roleLabels } from '../labels';

export interface PersonValues {
  /** React key; stable while the row exists. */
  key: string;
  id?: string;
  name: string;
  role: PersonRole | '';
  birthYear: string;
}

export interface FormValues {
  kind: HomeKind | '';
  name: string;
  municipality: string;
  orgNr: string;
  operator: Operator | '';
  capacity: string;
  minAge: string;
  maxAge: string;
  gender: TargetGender | '';
  needs: string[];
  otherNeeds: string;
  agency: string;
  persons: PersonValues[];
}

let nextKey = 0;
export const newPersonKey = (): string => `p${++nextKey}`;

export const emptyValues = (): FormValues => ({
  kind: '',
  name: '',
  municipality: '',
  orgNr: '',
  operator: '',
  capacity: '',
  minAge: '',
  maxAge: '',
  gender: '',
  needs: [],
  otherNeeds: '',
  agency: '',
  persons: [],
});

const text = (value: string | number | null | undefined): string => (value === null || value === undefined ? '' : String(value));
const isCommonNeed = (need: string): boolean => (commonNeeds as readonly string[]).includes(need);

/**
 * The form's values for a saved home. After a save, pass the values that were sent: the household
 * then keeps its order and its row keys (the server sorts by role and gives new members their
 * ids), so no row is remounted and focus stays where it was.
 */
export function valuesFromHome(home: Home, sent?: FormValues): FormValues {
  const needs = home.targetGroup?.needs ?? [];
  const persons = home.persons.map((person) => ({
    key: person.id,
    id: person.id,
    name: person.name,
    role: person.role,
    birthYear: text(person.birthYear),
  }));
  return {
    kind: home.kind,
    name: home.name,
    municipality: text(home.municipality),
    orgNr: text(home.orgNr),
    operator: home.operator ?? '',
    capacity: text(home.capacity),
    minAge: text(home.targetGroup?.minAge),
    maxAge: text(home.targetGroup?.maxAge),
    gender: home.targetGroup?.gender ?? '',
    needs: needs.filter(isCommonNeed),
    otherNeeds: needs.filter((need) => !isCommonNeed(need)).join(', '),
    agency: text(home.agency),
    persons: sent ? inSentOrder(persons, sent.persons) : persons,
  };
}

/**
 * The saved household in the order and with the keys of the rows that were sent. A member sent
 * without an id is the saved one with the same name, role and year that no other row claimed.
 */
function inSentOrder(saved: PersonValues[], sent: PersonValues[]): PersonValues[] {
  const left = [...saved];
  const ordered: PersonValues[] = [];
  const same = (a: PersonValues, b: PersonValues) =>
    a.name === b.name.trim() && a.role === b.role && a.birthYear === String(integerOrText(b.birthYear) ?? '');
  for (const row of sent) {
    const at = left.findIndex((person) => (row.id ? person.id === row.id : same(person, row)));
    if (at === -1) continue;
    const [person] = left.splice(at, 1);
    if (person) ordered.push({ ...person, key: row.key });
  }
  return [...ordered, ...left];
}

export const sameValues = (a: FormValues, b: FormValues): boolean => JSON.stringify(a) === JSON.stringify(b);

type SaveInput = ChannelInput<'saveHome'>;

/**
 * Digits become a number; anything else ("0x10", "1e1", "tio") goes as the text it is. That is a
 * deliberate lie to the type: the contract then answers "Ange ett heltal." for that very field, in
 * the same round as every other issue, instead of the form guessing a number or a message.
 */
function integerOrText(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : (trimmed as unknown as number);
}

/**
 * The input for `saveHome`. Fields the form hides for a kind keep what the home had (nothing is
 * dropped behind the user's back), except the two the service refuses: a huvudman for a foster
 * home and a household for an institution.
 */
export function toInput(values: FormValues, id: string | undefined): SaveInput {
  const foster = values.kind !== '' && isFosterHomeKind(values.kind);

  const otherNeeds = values.otherNeeds.split(',').map((need) => need.trim()).filter(Boolean);
  const minAge = integerOrText(values.minAge);
  const maxAge = integerOrText(values.maxAge);
  const needs = [...values.needs, ...otherNeeds];
  const targetGroup =
    minAge === null && maxAge === null && values.gender === '' && needs.length === 0
      ? null
      : { minAge, maxAge, gender: values.gender || null, needs };

  const persons = values.persons.map((person) => ({
    id: person.id,
    name: person.name,
    // An empty choice is left out (typed as chosen: a lie like the one in integerOrText), so the
    // contract answers "Välj en roll." for that field.
    role: (person.role || undefined) as PersonRole,
    birthYear: integerOrText(person.birthYear),
  }));

  const input: SaveInput = {
    id,
    // Likewise an unchosen kind: the contract answers "Välj en typ av hem." for /kind.
    kind: (values.kind || undefined) as HomeKind,
    name: values.name,
    municipality: values.municipality,
    orgNr: values.orgNr,
    operator: foster ? null : values.operator || null,
    capacity: integerOrText(values.capacity),
    targetGroup,
    agency: values.agency,
    persons: foster ? persons : [],
  };
  return input;
}

/**
 * The form field an issue belongs to, from its JSON path: "/orgNr" → "orgNr",
 * "/targetGroup/needs/2" → "needs", "" when it is about the whole. An issue about a member of the
 * household names the member by row key, not by position ("/persons/1/name" → "persons.p7.name"),
 * so it stays with that person when a row above is removed. `persons` are the rows that were sent.
 */
export function fieldOf(path: string, persons: readonly PersonValues[]): string {
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'targetGroup') {
    const field = parts[1];
    return field === 'minAge' || field === 'maxAge' || field === 'gender' || field === 'needs' ? field : 'minAge';
  }
  if (parts[0] === 'persons' && parts[1] !== undefined) {
    const person = persons[Number(parts[1])];
    return person ? `persons.${person.key}.${parts[2] ?? 'name'}` : 'persons';
  }
  return parts[0] ?? '';
}

/** A household field's parts: "persons.p7.name" → { key: "p7", sub: "name" }. */
export function personField(field: string): { key: string; sub: string } | null {
  const [head, key, sub] = field.split('.');
  return head === 'persons' && key !== undefined ? { key, sub: sub ?? 'name' } : null;
}

/** The id of a field's input element, so the error summary can move focus to it. */
export const inputId = (field: string): string => `home-${field.replaceAll('.', '-')}`;

const fieldLabels: Record<string, string> = {
  kind: 'Typ av hem',
  name: 'Namn',
  municipality: 'Kommun',
  orgNr: 'Organisationsnummer',
  operator: 'Huvudman',
  capacity: 'Antal platser',
  minAge: 'Ålder från',
  maxAge: 'Ålder till',
  gender: 'Kön',
  needs: 'Behov',
  agency: 'Konsulentverksamhet',
  persons: 'Hushållet',
};

/** The label of a field in the error summary; `index` is the person's row for household fields. */
export function fieldLabel(field: string, index?: number): string {
  const person = personField(field);
  if (person) {
    const { sub } = person;
    const what = sub === 'name' ? 'namn' : sub === 'role' ? 'roll' : sub === 'birthYear' ? 'födelseår' : 'uppgifter';
    return `Person ${(index ?? 0) + 1}, ${what}`;
  }
  return fieldLabels[field] ?? 'Hemmet';
}

/**
 * After a save the user kept typing in: their edits stay, but new members of the household get
 * the ids the save gave them, so the next save updates them instead of adding them twice.
 */
export function adoptIds(values: FormValues, saved: FormValues): FormValues {
  const ids = new Map(saved.persons.map((person) => [person.key, person.id]));
  return { ...values, persons: values.persons.map((person) => ({ ...person, id: person.id ?? ids.get(person.key) })) };
}

/**
 * The fields in which the user's version and the saved one differ, as the form shows them: what
 * the panel that refuses a save over someone else's lists (components/ConflictPanel). The
 * household is one field, its members in the saved order.
 */
export function differences(mine: FormValues, saved: FormValues): ComparedField[] {
  const person = (p: PersonValues) =>
    [p.name.trim() || '(utan namn)', p.role === '' ? null : roleLabels[p.role].toLocaleLowerCase('sv'), p.birthYear.trim() || null].filter(Boolean).join(', ');
  const needs = (v: FormValues) => [...v.needs.map((need) => needLabels[need] ?? need), ...v.otherNeeds.split(',').map((n) => n.trim()).filter(Boolean)].join(', ');
  const shown = (v: FormValues): [string, string][] => [
    ['kind', v.kind === '' ? '' : kindLabels[v.kind]],
    ['name', v.name.trim()],
    ['municipality', v.municipality.trim()],
    ['orgNr', v.orgNr.trim()],
    ['operator', v.operator === '' ? '' : operatorLabels[v.operator]],
    ['capacity', v.capacity.trim()],
    ['minAge', v.minAge.trim()],
    ['maxAge', v.maxAge.trim()],
    ['gender', v.gender === '' ? '' : genderLabels[v.gender]],
    ['needs', needs(v)],
    ['agency', v.agency.trim()],
    ['persons', v.persons.map(person).join('; ')],
  ];
  const theirs = new Map(shown(saved));
  return shown(mine)
    .filter(([field, text]) => theirs.get(field) !== text)
    .map(([field, text]) => ({ label: fieldLabels[field]!, mine: text, saved: theirs.get(field) ?? '' }));
}
