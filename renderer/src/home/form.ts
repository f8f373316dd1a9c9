/**
 * The detail form's values (strings, as the inputs hold them) and the way to and from the contract.
 * The contract and the service validate; the form only turns text into numbers, and maps the
 * issues' JSON paths back to its fields.
 */
import { commonNeeds, isFosterHomeKind } from '../../../preload/api';
import type { ChannelInput, Home, HomeKind, Operator, PersonRole, TargetGender } from '../../../preload/api';

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

export function valuesFromHome(home: Home): FormValues {
  const needs = home.targetGroup?.needs ?? [];
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
    persons: home.persons.map((person) => ({
      key: person.id,
      id: person.id,
      name: person.name,
      role: person.role,
      birthYear: text(person.birthYear),
    })),
  };
}

export const sameValues = (a: FormValues, b: FormValues): boolean => JSON.stringify(a) === JSON.stringify(b);

type SaveInput = ChannelInput<'saveHome'>;

/**
 * The input for `saveHome`. Fields the form hides for a kind keep what the home had (nothing is
 * dropped behind the user's back), except the two the service refuses: a huvudman for a foster
 * home and a household for an institution.
 */
export function toInput(values: FormValues, id: string | undefined): SaveInput {
  // Text that is not a number goes as it is: the contract then answers "Ange ett heltal." for that
  // field, in the same round as every other issue.
  const integer = (value: string): number | null => {
    const trimmed = value.trim();
    if (trimmed === '') return null;
    const number = Number(trimmed);
    return Number.isFinite(number) ? number : (trimmed as unknown as number);
  };
  const foster = values.kind !== '' && isFosterHomeKind(values.kind);

  const otherNeeds = values.otherNeeds.split(',').map((need) => need.trim()).filter(Boolean);
  const minAge = integer(values.minAge);
  const maxAge = integer(values.maxAge);
  const needs = [...values.needs, ...otherNeeds];
  const targetGroup =
    minAge === null && maxAge === null && values.gender === '' && needs.length === 0
      ? null
      : { minAge, maxAge, gender: values.gender || null, needs };

  const persons = values.persons.map((person) => ({
    id: person.id,
    name: person.name,
    // An empty choice is left out, so the contract answers "Välj en roll." for that field.
    role: (person.role || undefined) as PersonRole,
    birthYear: integer(person.birthYear),
  }));

  const input: SaveInput = {
    id,
    // Likewise an unchosen kind: the contract answers "Välj en typ av hem." for /kind.
    kind: (values.kind || undefined) as HomeKind,
    name: values.name,
    municipality: values.municipality,
    orgNr: values.orgNr,
    operator: foster ? null : values.operator || null,
    capacity: integer(values.capacity),
    targetGroup,
    agency: values.agency,
    persons: foster ? persons : [],
  };
  return input;
}

/**
 * The form field an issue belongs to, from its JSON path: "/orgNr" → "orgNr",
 * "/persons/0/name" → "persons.0.name", "/targetGroup/needs/2" → "needs". "" when it is about the whole.
 */
export function fieldOf(path: string): string {
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'targetGroup') {
    const field = parts[1];
    return field === 'minAge' || field === 'maxAge' || field === 'gender' || field === 'needs' ? field : 'minAge';
  }
  if (parts[0] === 'persons') return parts.slice(0, 3).join('.');
  return parts[0] ?? '';
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

export function fieldLabel(field: string): string {
  const [head, index, sub] = field.split('.');
  if (head === 'persons' && index !== undefined) {
    const what = sub === 'name' ? 'namn' : sub === 'role' ? 'roll' : sub === 'birthYear' ? 'födelseår' : 'uppgifter';
    return `Person ${Number(index) + 1}, ${what}`;
  }
  return fieldLabels[field] ?? 'Hemmet';
}
