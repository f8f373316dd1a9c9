import { useEffect, useId, useState } from 'react';
import { deviationCategories, deviationKinds, severities } from '../../../preload/api';
import type { ChannelInput, Deviation, DeviationKind, Severity } from '../../../preload/api';
import { api } from '../bridge/api';
import { deviationCategoryLabels, deviationKindLabels, severityLabels } from '../labels';
import { DateField, errorMap, failureOf, SelectField } from '../placement/fields';
import type { Failure } from '../placement/fields';
import { SignedInAs } from '../shell/SignedInAs';
import { useSession } from '../shell/SignIn';
import { RadioGroup, TextAreaField } from './fields';
import './deviations.css';

interface Values {
  kind: DeviationKind | '';
  reportedOn: string;
  category: string;
  severity: Severity | '';
  description: string;
}

/** The fields in the order shown: after a failed save, focus goes to the first one with a problem. */
const fields = ['kind', 'reportedOn', 'category', 'severity', 'description'] as const;
type FieldName = (typeof fields)[number];

const kindOptions = deviationKinds.map((value) => ({ value, label: deviationKindLabels[value] }));
const severityOptions = severities.map((value) => ({ value, label: severityLabels[value] }));
const categoryOptions = deviationCategories.map((value) => ({ value, label: deviationCategoryLabels[value] }));

/**
 * Records a deviation or a lex Sarah report on a home or a placement (whichever the window knows;
 * at least one). What is missing is told at its field by main, and nothing is written until the
 * whole report is right. Who records it is the signed-in user.
 */
export function DeviationForm(props: { homeId?: string; placementId?: string; today: string; onSaved: (deviation: Deviation) => void; onCancel: () => void }) {
  const { user } = useSession();
  // Several forms may be on one page (a placement's and its home's): ids of their own.
  const prefix = `deviation-${useId().replace(/[^\w-]/g, '')}`;
  const idOf = (field: FieldName) => `${prefix}-${field}`;
  const [values, setValues] = useState<Values>({ kind: '', reportedOn: props.today, category: '', severity: '', description: '' });
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);

  const firstId = `${prefix}-kind`;
  useEffect(() => document.getElementById(firstId)?.focus(), [firstId]);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((old) => ({ ...old, [key]: value }));

  async function save() {
    if (saving) return;
    setSaving(true);
    // Unchosen choices go as they are: main's message lands at their fields with every other problem.
    const input = {
      ...(props.homeId === undefined ? {} : { homeId: props.homeId }),
      ...(props.placementId === undefined ? {} : { placementId: props.placementId }),
      kind: values.kind,
      reportedOn: values.reportedOn.trim(),
      category: values.category === '' ? null : values.category,
      severity: values.severity,
      description: values.description,
      // Main records the signed-in user whatever is sent; this is the same name.
      recordedBy: user.name,
    } as ChannelInput<'recordDeviation'>;
    const result = await api.recordDeviation(input);
    setSaving(false);
    if (!result.ok) {
      const next = failureOf(result.error, (path) => {
        const field = path.split('/').filter(Boolean)[0] ?? '';
        return (fields as readonly string[]).includes(field) ? field : '';
      });
      setFailure(next);
      const first = fields.find((field) => next.issues.some((issue) => issue.field === field));
      if (first) requestAnimationFrame(() => document.getElementById(idOf(first))?.focus());
      return;
    }
    setFailure(null);
    props.onSaved(result.value);
  }

  const errors = errorMap(failure);
  // What belongs to no field here (no home or placement, a home gone meanwhile) is said under the form.
  const general = failure && failure.issues.every((issue) => issue.field === '') ? failure.message : null;
  const elsewhere = failure?.issues.filter((issue) => issue.field === '' && issue.message !== general).map((issue) => issue.message) ?? [];

  return (
    <form
      className="deviation-form"
      aria-label="Ny avvikelse"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          props.onCancel();
        }
      }}
    >
      <RadioGroup
        id={idOf('kind')}
        legend="Slag"
        required
        options={kindOptions}
        value={values.kind}
        error={errors.get('kind')}
        onChange={(kind) => set('kind', kind)}
      />
      {values.kind === 'lex-sarah' && (
        <p className="field__hint deviation-form__note">
          Lex Sarah gäller missförhållanden och påtagliga risker för missförhållanden. Rapporten utreds, bedöms och anmäls till IVO
          om missförhållandet är allvarligt.
        </p>
      )}
      <div className="form-row">
        <DateField
          id={idOf('reportedOn')}
          label="Rapporterad den"
          required
          error={errors.get('reportedOn')}
          value={values.reportedOn}
          onChange={(reportedOn) => set('reportedOn', reportedOn)}
        />
        <SelectField
          id={idOf('category')}
          label="Kategori"
          placeholder="Ingen vald"
          options={categoryOptions}
          error={errors.get('category')}
          value={values.category}
          onChange={(category) => set('category', category)}
        />
      </div>
      <RadioGroup
        id={idOf('severity')}
        legend="Allvarlighet"
        required
        options={severityOptions}
        value={values.severity}
        error={errors.get('severity')}
        onChange={(severity) => set('severity', severity)}
      />
      <TextAreaField
        id={idOf('description')}
        label="Beskrivning"
        required
        hint="Vad hände, när och var. Skriv inte mer om barnet än vad som behövs."
        maxLength={5000}
        rows={5}
        error={errors.get('description')}
        value={values.description}
        onChange={(description) => set('description', description)}
      />
      <SignedInAs label="Registreras av" />
      {(general || elsewhere.length > 0) && (
        <div className="field__error" role="alert">
          {general && <p>{general}</p>}
          {elsewhere.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Sparar…' : 'Spara avvikelsen'}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>Avbryt</button>
      </div>
    </form>
  );
}
