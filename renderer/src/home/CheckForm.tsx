import { SignedInAs } from '../shell/SignedInAs';
import { useSession } from '../shell/SignIn';
import { useEffect, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { permitForms, permitOutcomes, personCheckOutcomes } from '../../../preload/api';
import type { ChannelInput, CheckOutcome, PermitForm, PersonRegister, RegisterCheck } from '../../../preload/api';
import { api } from '../bridge/api';
import { checkOutcomeLabels, permitFormLabels, registerLabels } from '../labels';
import { DateField, errorMap, failureOf, SelectField, TextField } from '../placement/fields';
import type { Failure } from '../placement/fields';

/** Whose check it is: an adult of a foster home, or the IVO permit of an HVB or stödboende. */
export type CheckSubject = { kind: 'person'; personId: string; name: string } | { kind: 'home'; homeId: string; name: string };

interface Props {
  /** Unique on the page: the inputs' ids start with it. */
  idPrefix: string;
  subject: CheckSubject;
  /** The registers offered for an adult (the catalogue's, required first). */
  registers: PersonRegister[];
  /** The check being corrected; absent when a new one is recorded. */
  check?: RegisterCheck;
  /** A new check starts from these: the register most needed, the permit's form and holder. */
  defaults?: { register?: PersonRegister; forms?: PermitForm[]; holderOrgNr?: string | null };
  today: string;
  onCancel: () => void;
  onSaved: (check: RegisterCheck) => void;
}

interface Values {
  register: string;
  checkedOn: string;
  outcome: CheckOutcome | '';
  reference: string;
  reason: string;
  forms: PermitForm[];
  minAge: string;
  maxAge: string;
  places: string;
  targetGroup: string;
  holderOrgNr: string;
}

const text = (value: number | string | null | undefined) => (value === null || value === undefined ? '' : String(value));

function initialValues({ check, defaults, registers, today }: Props): Values {
  const permit = check?.permit;
  return {
    register: check?.register ?? defaults?.register ?? registers[0] ?? '',
    checkedOn: check?.checkedOn ?? today,
    outcome: check?.outcome ?? '',
    reference: check?.reference ?? '',
    reason: '',
    forms: permit?.forms ?? defaults?.forms ?? [],
    minAge: text(permit?.minAge),
    maxAge: text(permit?.maxAge),
    places: text(permit?.places),
    targetGroup: permit?.targetGroup ?? '',
    holderOrgNr: permit ? text(permit.holderOrgNr) : text(defaults?.holderOrgNr),
  };
}

/** A number as typed; anything else goes as text so the contract's message lands at the field. */
function integerOrText(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : (trimmed as unknown as number);
}

/** The fields in the order shown: the first one with an error gets focus. */
const personFields = ['register', 'checkedOn', 'outcome', 'reference', 'reason'];
const homeFields = [
  'checkedOn', 'outcome', 'permit.forms', 'permit.minAge', 'permit.maxAge', 'permit.places', 'permit.targetGroup',
  'permit.holderOrgNr', 'reference', 'reason',
];

/**
 * Records a register check of an adult or an IVO permit verification, or corrects one (with a
 * reason: the earlier version stays in the history). Date, outcome, reference and who records;
 * never the contents of an extract. Inside the home's form, so it is a group, not a form: Enter in
 * a field saves the check (never the home), Esc cancels.
 */
export function CheckForm(props: Props) {
  const { idPrefix, subject, check, onCancel } = props;
  const { user } = useSession();
  const [values, setValues] = useState<Values>(() => initialValues(props));
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  const fields = subject.kind === 'person' ? personFields : homeFields;
  const idOf = (field: string) => `${idPrefix}-${field.replace('.', '-')}`;
  const firstId = idOf(fields[0]!);

  useEffect(() => document.getElementById(firstId)?.focus(), [firstId]);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((old) => ({ ...old, [key]: value }));

  function fieldOf(path: string): string {
    const field = path.split('/').filter(Boolean).join('.');
    if (field === 'permit') return 'permit.forms';
    return fields.includes(field) ? field : '';
  }

  async function save() {
    if (saving) return;
    const input = {
      ...(subject.kind === 'person' ? { personId: subject.personId } : { homeId: subject.homeId }),
      register: subject.kind === 'person' ? values.register : 'ivo-tillstand',
      checkedOn: values.checkedOn.trim(),
      outcome: values.outcome,
      reference: values.reference,
      permit:
        subject.kind === 'home'
          ? {
              forms: values.forms,
              minAge: integerOrText(values.minAge),
              maxAge: integerOrText(values.maxAge),
              places: integerOrText(values.places),
              targetGroup: values.targetGroup,
              holderOrgNr: values.holderOrgNr,
            }
          : null,
      // Who records it is who is signed in (main writes the same).
      recordedBy: user.name,
      // The contract validates: an outcome not yet chosen is sent as is and comes back as an issue at its field.
    } as ChannelInput<'recordRegisterCheck'>;
    setSaving(true);
    const result = check
      ? await api.correctRegisterCheck({ ...input, id: check.id, rowVersion: check.rowVersion, reason: values.reason })
      : await api.recordRegisterCheck(input);
    setSaving(false);
    if (!result.ok) {
      const next = failureOf(result.error, fieldOf);
      setFailure(next);
      const first = fields.find((field) => next.issues.some((issue) => issue.field === field));
      if (first) requestAnimationFrame(() => document.getElementById(idOf(first))?.focus());
      return;
    }
    props.onSaved(result.value);
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT') {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      // Leaves the form, not the home's panel around it.
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  const errors = errorMap(failure);
  const general = failure && errors.size === 0 ? failure.message : null;
  const titleId = `${idPrefix}-title`;
  const title = check
    ? `Rätta kontroll: ${registerLabels[check.register]} ${check.checkedOn}`
    : subject.kind === 'person'
      ? `Registrera kontroll för ${subject.name}`
      : 'Registrera kontroll av IVO-tillstånd';
  const outcomes = subject.kind === 'person' ? personCheckOutcomes : permitOutcomes;
  const registerOptions = [...new Set([...props.registers, ...(check && check.register !== 'ivo-tillstand' ? [check.register] : [])])];

  return (
    <div className="inline-form check-form" role="group" aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <p id={titleId} className="check-form__title">{title}</p>
      {subject.kind === 'person' && (
        <p className="check-form__note">
          <strong>Spara aldrig innehållet i ett registerutdrag</strong> – bara datum, utfall och diarienummer.
        </p>
      )}
      <div className="inline-form__fields">
        {subject.kind === 'person' && (
          <SelectField
            id={idOf('register')}
            label="Register"
            required
            options={registerOptions.map((value) => ({ value, label: registerLabels[value] }))}
            error={errors.get('register')}
            value={values.register as PersonRegister}
            onChange={(value) => set('register', value)}
          />
        )}
        <DateField id={idOf('checkedOn')} label="Kontrollerat den" required error={errors.get('checkedOn')} value={values.checkedOn} onChange={(v) => set('checkedOn', v)} />
      </div>

      <Choices
        id={idOf('outcome')}
        legend="Utfall"
        required
        type="radio"
        options={outcomes.map((value) => ({ value, label: checkOutcomeLabels[value] }))}
        chosen={values.outcome === '' ? [] : [values.outcome]}
        error={errors.get('outcome')}
        onChange={(value) => set('outcome', value as CheckOutcome)}
      />

      {subject.kind === 'home' && (
        <fieldset className="check-form__scope">
          <legend>Vad tillståndet omfattar</legend>
          <Choices
            id={idOf('permit.forms')}
            legend="Gäller"
            type="checkbox"
            options={permitForms.map((value) => ({ value, label: permitFormLabels[value] }))}
            chosen={values.forms}
            error={errors.get('permit.forms')}
            onChange={(value, on) => set('forms', on ? [...values.forms, value as PermitForm] : values.forms.filter((f) => f !== value))}
          />
          <div className="inline-form__fields">
            <TextField id={idOf('permit.minAge')} label="Ålder från" narrow error={errors.get('permit.minAge')} value={values.minAge} onChange={(v) => set('minAge', v)} />
            <TextField id={idOf('permit.maxAge')} label="Ålder till" narrow error={errors.get('permit.maxAge')} value={values.maxAge} onChange={(v) => set('maxAge', v)} />
            <TextField id={idOf('permit.places')} label="Antal platser" narrow error={errors.get('permit.places')} value={values.places} onChange={(v) => set('places', v)} />
          </div>
          <TextField id={idOf('permit.targetGroup')} label="Målgrupp" maxLength={500} error={errors.get('permit.targetGroup')} value={values.targetGroup} onChange={(v) => set('targetGroup', v)} />
          <TextField
            id={idOf('permit.holderOrgNr')}
            label="Tillståndshavarens organisationsnummer"
            hint="Till exempel 556677-8899."
            error={errors.get('permit.holderOrgNr')}
            value={values.holderOrgNr}
            onChange={(v) => set('holderOrgNr', v)}
          />
        </fieldset>
      )}

      <div className="inline-form__fields">
        <TextField id={idOf('reference')} label="Diarienummer eller referens" maxLength={200} className="inline-form__wide" error={errors.get('reference')} value={values.reference} onChange={(v) => set('reference', v)} />
      </div>
      <SignedInAs label={check ? 'Rättas av' : 'Registreras av'} />
      {check && (
        <TextField
          id={idOf('reason')}
          label="Varför rättas kontrollen?"
          required
          hint="Den tidigare uppgiften finns kvar i historiken."
          maxLength={500}
          error={errors.get('reason')}
          value={values.reason}
          onChange={(v) => set('reason', v)}
        />
      )}

      {general && <p className="field__error" role="alert">{general}</p>}
      <div className="inline-form__actions">
        <button type="button" className="button button--primary" disabled={saving} onClick={() => void save()}>
          {saving ? 'Sparar…' : check ? 'Spara rättelsen' : 'Spara kontrollen'}
        </button>
        <button type="button" className="button" onClick={onCancel}>Avbryt</button>
      </div>
    </div>
  );
}

/** Radio buttons or checkboxes in a fieldset; the first one carries `id`, for focus on an error. */
function Choices(props: {
  id: string;
  legend: string;
  type: 'radio' | 'checkbox';
  required?: boolean;
  options: { value: string; label: string }[];
  chosen: string[];
  error: string | undefined;
  onChange: (value: string, on: boolean) => void;
}) {
  const errorId = props.error ? `${props.id}-error` : undefined;
  return (
    <fieldset className={`checkbox-group check-form__choices${props.error ? ' field--invalid' : ''}`} aria-describedby={errorId}>
      <legend>
        {props.legend}
        {props.required && <span className="field__required"> (obligatoriskt)</span>}
      </legend>
      <div className="check-form__choice-items">
        {props.options.map((option, index) => (
          <label key={option.value} className="checkbox">
            <input
              type={props.type}
              id={index === 0 ? props.id : undefined}
              name={props.id}
              value={option.value}
              aria-invalid={props.error ? true : undefined}
              checked={props.chosen.includes(option.value)}
              onChange={(e) => props.onChange(option.value, e.target.checked)}
            />
            {option.label}
          </label>
        ))}
      </div>
      {props.error && <p className="field__error" id={errorId}>{props.error}</p>}
    </fieldset>
  );
}
