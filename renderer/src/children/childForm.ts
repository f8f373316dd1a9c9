/**
 * The child part of the new-placement form: either a child already in the register or a new one
 * (minimal identity: name or initials, birth date, personnummer, protected identity).
 */
import type { ChannelInput } from '../../../preload/api';

export type ChildMode = 'existing' | 'new';

export interface ChildValues {
  mode: ChildMode;
  /** The chosen child (mode "existing"). */
  childId: string;
  name: string;
  birthDate: string;
  personnummer: string;
  protectedIdentity: boolean;
}

export const emptyChild = (mode: ChildMode): ChildValues => ({
  mode,
  childId: '',
  name: '',
  birthDate: '',
  personnummer: '',
  protectedIdentity: false,
});

/** The input for `saveChild`; `id` when the child was already created by an earlier try. */
export function childInput(values: ChildValues, id: string | undefined): ChannelInput<'saveChild'> {
  return {
    id,
    name: values.name,
    // An empty date is sent as it is: the contract answers "Ange datumet som ÅÅÅÅ-MM-DD." at the field.
    birthDate: values.birthDate,
    personnummer: values.personnummer,
    protectedIdentity: values.protectedIdentity,
  };
}

/** The form field of a `saveChild` issue: "/personnummer" → "child.personnummer". */
export function childFieldOf(path: string): string {
  const field = path.split('/').filter(Boolean)[0];
  return field === 'name' || field === 'birthDate' || field === 'personnummer' || field === 'protectedIdentity'
    ? `child.${field}`
    : 'child.birthDate';
}

/** The id of a child field's input ("child.personnummer" → "child-personnummer"); "child" is the picker. */
export const childInputId = (field: string): string => (field === 'child' ? 'child-pick' : field.replace('.', '-'));

export const childFieldLabels: Record<string, string> = {
  child: 'Barn',
  'child.name': 'Namn eller initialer',
  'child.birthDate': 'Födelsedatum',
  'child.personnummer': 'Personnummer',
  'child.protectedIdentity': 'Skyddad identitet',
};
