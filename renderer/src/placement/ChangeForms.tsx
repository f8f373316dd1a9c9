/** The inline forms that change a placement's course: omplacering and avslut. Esc closes them. */
import { SignedInAs } from '../shell/SignedInAs';
import { useSession } from '../shell/SignIn';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { dateProblem, endReasons } from '../../../preload/api';
import type { Child, EndReason, HomeListRow, Placement } from '../../../preload/api';
import { api } from '../bridge/api';
import type { ConfirmOptions } from '../components/ConfirmDialog';
import { compareSv, endReasonLabels, kindLabels } from '../labels';
import { ChildIdentityFields } from '../children/ChildFields';
import { childFieldOf, childInputId } from '../children/childForm';
import { DateField, errorMap, failureOf, SelectField, TextField } from './fields';
import type { Failure } from './fields';
import { ReadinessPanel, readinessQuery } from './ReadinessPanel';

/** The field of an issue whose path's head is one of `fields`; anything else is about the whole. */
const fieldIn = (fields: readonly string[]) => (path: string) => {
  const head = path.split('/').filter(Boolean)[0] ?? '';
  return fields.includes(head) ? head : '';
};

function InlineForm(props: {
  title: string;
  titleId: string;
  failure: Failure | null;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
  actions: ReactNode;
}) {
  const errors = errorMap(props.failure);
  const general = props.failure && (errors.size === 0 || props.failure.issues.some((i) => i.field === '')) ? props.failure : null;
  return (
    <form
      className="inline-form inline-form--boxed"
      aria-labelledby={props.titleId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
      onKeyDown={(event: KeyboardEvent) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          props.onCancel();
        }
      }}
    >
      <h2 id={props.titleId} className="inline-form__title" tabIndex={-1}>{props.title}</h2>
      <div role="alert">
        {general && (
          <p className="field__error">
            {general.message}
            {general.issues.filter((i) => i.field === '' && i.message !== general.message).map((i) => ` ${i.message}`)}
          </p>
        )}
      </div>
      <div className="inline-form__fields">{props.children}</div>
      <div className="inline-form__actions">{props.actions}</div>
    </form>
  );
}

/** Omplacering: the current stay ends on the date and a stay in the new home begins. */
export function MoveForm(props: {
  placement: Placement;
  currentHomeId: string | null;
  today: string;
  /** The placement's child, for the permit's age range in "Redo för beslut?" (main reads its birth date). */
  childId: string;
  /** "Öppna hemmet" in "Redo för beslut?". */
  onOpenHome?: (homeId: string) => void;
  onCancel: () => void;
  onMoved: (placement: Placement, homeName: string) => void;
}) {
  const { placement, today } = props;
  const [homes, setHomes] = useState<HomeListRow[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [on, setOn] = useState(today);
  const [homeId, setHomeId] = useState('');
  const [decidedOn, setDecidedOn] = useState('');
  const [investigationCompletedOn, setInvestigationCompletedOn] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  const focused = useRef(false);

  useEffect(() => {
    let current = true;
    void api.listHomes({}).then((result) => {
      if (!current) return;
      if (result.ok) setHomes(result.value);
      else setLoadError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, []);

  // Start at the date once the form is drawn with its fields.
  useEffect(() => {
    if (homes && !focused.current) {
      focused.current = true;
      document.getElementById('move-on')?.focus();
    }
  }, [homes]);

  const options = useMemo(
    () =>
      (homes ?? [])
        .filter((home) => home.active && home.id !== props.currentHomeId)
        .sort((a, b) => compareSv(a.name, b.name))
        .map((home) => ({ value: home.id, label: `${home.name} (${kindLabels[home.kind]}${home.municipality ? `, ${home.municipality}` : ''})` })),
    [homes, props.currentHomeId],
  );
  const chosen = homes?.find((home) => home.id === homeId);
  const jourhem = chosen?.kind === 'jourhem';

  async function save() {
    if (saving) return;
    setSaving(true);
    const result = await api.movePlacement({
      id: placement.id,
      on,
      // Unchosen: left out, so the contract answers at the field.
      homeId: homeId || (undefined as unknown as string),
      decidedOn: decidedOn || null,
      investigationCompletedOn: jourhem ? investigationCompletedOn || null : null,
    });
    setSaving(false);
    if (!result.ok) {
      setFailure(failureOf(result.error, fieldIn(['on', 'homeId', 'decidedOn', 'investigationCompletedOn'])));
      return;
    }
    props.onMoved(result.value, chosen?.name ?? 'det nya hemmet');
  }

  const errors = errorMap(failure);
  // The move's own decision, else the day it happens (rules.md: a later stay's decision date).
  const readiness = readinessQuery(homeId, decidedOn || on, on, { childId: props.childId });
  return (
    <InlineForm
      title="Omplacera"
      titleId="move-title"
      failure={failure}
      onSubmit={() => void save()}
      onCancel={props.onCancel}
      actions={
        <>
          <button type="submit" className="button button--primary" disabled={saving || homes === null}>
            {saving ? 'Sparar…' : 'Omplacera'}
          </button>
          <button type="button" className="button" onClick={props.onCancel}>Avbryt</button>
        </>
      }
    >
      {loadError && <p className="field__error" role="alert">Hemmen kunde inte hämtas. {loadError}</p>}
      {homes === null && !loadError && <p className="muted" role="status">Hämtar hemmen…</p>}
      {homes !== null && (
        <>
          <DateField id="move-on" label="Flyttdatum" hint="Dagen barnet flyttar." required error={errors.get('on')} value={on} onChange={setOn} />
          <SelectField
            id="move-homeId"
            label="Nytt hem"
            required
            hint={chosen ? `Vistelseform: ${kindLabels[chosen.kind]}` : 'Vistelseformen följer hemmets typ.'}
            placeholder={options.length === 0 ? 'Inga andra aktiva hem' : 'Välj hem'}
            options={options}
            error={errors.get('homeId')}
            value={homeId}
            onChange={setHomeId}
          />
          <DateField
            id="move-decidedOn"
            label="Beslut om vistelsen"
            hint="Frivilligt."
            error={errors.get('decidedOn')}
            value={decidedOn}
            onChange={setDecidedOn}
          />
          {jourhem && (
            <DateField
              id="move-investigationCompletedOn"
              label="Utredning avslutad"
              hint="Frivilligt."
              error={errors.get('investigationCompletedOn')}
              value={investigationCompletedOn}
              onChange={setInvestigationCompletedOn}
            />
          )}
          {readiness && (
            <div className="readiness-wrap">
              <ReadinessPanel idPrefix="move" query={readiness} today={today} onOpenHome={props.onOpenHome} />
            </div>
          )}
        </>
      )}
    </InlineForm>
  );
}

const reasonOptions = endReasons.map((value) => ({ value, label: endReasonLabels[value] }));

/** Avslut: the date the care ended and why; asks before it ends the placement. */
export function EndForm(props: {
  placement: Placement;
  childLabel: string;
  today: string;
  confirm: (options: ConfirmOptions) => Promise<boolean>;
  onCancel: () => void;
  onEnded: (placement: Placement) => void;
}) {
  const { placement, today } = props;
  const [on, setOn] = useState(today);
  const [reason, setReason] = useState<EndReason | ''>('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => document.getElementById('end-on')?.focus(), []);

  async function save() {
    if (saving) return;
    // What can be told here is told before the question, not after it (the service checks again).
    const lastFrom = placement.stays.at(-1)?.from ?? placement.startedOn;
    const onProblem =
      dateProblem(on) ??
      (on > today
        ? `Placeringen kan inte avslutas efter i dag (${today}). Avsluta den när barnet har flyttat.`
        : on <= lastFrom
          ? `Slutdatumet måste vara efter att den sista vistelsen började (${lastFrom}).`
          : null);
    const issues = [
      ...(onProblem ? [{ field: 'on', message: onProblem }] : []),
      ...(reason === '' ? [{ field: 'reason', message: 'Välj en orsak.' }] : []),
    ];
    if (issues.length > 0 || reason === '') {
      setFailure({ message: 'Placeringen kunde inte avslutas.', issues });
      document.getElementById(onProblem ? 'end-on' : 'end-reason')?.focus();
      return;
    }
    const confirmed = await props.confirm({
      title: 'Avsluta placeringen?',
      message: `Placeringen för ${props.childLabel} avslutas ${on} (${endReasonLabels[reason].toLowerCase()}). ${
        placement.legalBasis === 'SoL'
          ? 'Placeringens bevakningar upphör.'
          : 'Placeringens bevakningar upphör och uppföljningen efter LVU-vården börjar räknas.'
      }`,
      confirmLabel: 'Avsluta placeringen',
      tone: 'danger',
    });
    if (!confirmed) return;
    setSaving(true);
    const result = await api.endPlacement({ id: placement.id, on, reason });
    setSaving(false);
    if (!result.ok) {
      setFailure(failureOf(result.error, fieldIn(['on', 'reason'])));
      return;
    }
    props.onEnded(result.value);
  }

  const errors = errorMap(failure);
  return (
    <InlineForm
      title="Avsluta placeringen"
      titleId="end-title"
      failure={failure}
      onSubmit={() => void save()}
      onCancel={props.onCancel}
      actions={
        <>
          <button type="submit" className="button button--danger" disabled={saving}>
            {saving ? 'Sparar…' : 'Avsluta placeringen'}
          </button>
          <button type="button" className="button" onClick={props.onCancel}>Avbryt</button>
        </>
      }
    >
      <DateField id="end-on" label="Slutdatum" hint="Dagen vården upphörde." required error={errors.get('on')} value={on} onChange={setOn} />
      <SelectField
        id="end-reason"
        label="Orsak"
        required
        placeholder="Välj orsak"
        options={reasonOptions}
        error={errors.get('reason')}
        value={reason}
        onChange={setReason}
      />
    </InlineForm>
  );
}

/** Corrects a child's details (name, birth date, personnummer, protected identity) from its placement's page. */
export function EditChildForm(props: { child: Child; onCancel: () => void; onSaved: (child: Child) => void }) {
  const { child } = props;
  const [values, setValues] = useState({
    name: child.name ?? '',
    birthDate: child.birthDate ?? '',
    personnummer: child.personnummer ?? '',
    protectedIdentity: child.protectedIdentity,
  });
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => document.getElementById(childInputId('child.name'))?.focus(), []);

  async function save() {
    if (saving) return;
    setSaving(true);
    const result = await api.saveChild({ id: child.id, rowVersion: child.rowVersion, ...values });
    setSaving(false);
    if (!result.ok) {
      setFailure(failureOf(result.error, childFieldOf));
      return;
    }
    props.onSaved(result.value);
  }

  return (
    <InlineForm
      title="Ändra barnets uppgifter"
      titleId="edit-child-title"
      failure={failure}
      onSubmit={() => void save()}
      onCancel={props.onCancel}
      actions={
        <>
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? 'Sparar…' : 'Spara barnets uppgifter'}
          </button>
          <button type="button" className="button" onClick={props.onCancel}>Avbryt</button>
        </>
      }
    >
      <ChildIdentityFields values={values} errors={errorMap(failure)} onChange={(change) => setValues((old) => ({ ...old, ...change }))} />
    </InlineForm>
  );
}

/**
 * Removes a placement entered by mistake: why, and who removes it, are required and kept with the
 * whole placement in the history. A child with no other placement can go with it.
 */
export function RemovePlacementForm(props: {
  placement: Placement;
  childLabel: string;
  /** The child has no other placement: it may be removed too. */
  childAlone: boolean;
  confirm: (options: ConfirmOptions) => Promise<boolean>;
  onCancel: () => void;
  onRemoved: (childRemoved: boolean) => void;
}) {
  const [reason, setReason] = useState('');
  // Who removes it is who is signed in (main writes the same).
  const removedBy = useSession().user.name;
  const [alsoChild, setAlsoChild] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => document.getElementById('remove-reason')?.focus(), []);

  async function save() {
    if (saving) return;
    const issues = [
      ...(reason.trim() === '' ? [{ field: 'reason', message: 'Skriv varför placeringen tas bort: skälet sparas i historiken.' }] : []),
    ];
    if (issues.length > 0) {
      setFailure({ message: 'Placeringen kunde inte tas bort.', issues });
      document.getElementById(issues[0]!.field === 'reason' ? 'remove-reason' : 'remove-by')?.focus();
      return;
    }
    const confirmed = await props.confirm({
      title: 'Ta bort placeringen?',
      message: `Placeringen för ${props.childLabel} tas bort med sina vistelser och händelser${alsoChild ? ', och barnets uppgifter med den' : ''}. Allt sparas i historiken med ditt namn och skälet; bevakningarna räknas om.`,
      confirmLabel: 'Ta bort placeringen',
      tone: 'danger',
    });
    if (!confirmed) return;
    setSaving(true);
    const removal = { reason: reason.trim(), removedBy: removedBy.trim() };
    const result = await api.removePlacement({ id: props.placement.id, ...removal });
    if (result.ok && alsoChild) {
      const child = await api.removeChild({ id: props.placement.childId, ...removal });
      if (!child.ok) {
        setSaving(false);
        setFailure({ message: `Placeringen är borttagen, men barnet kunde inte tas bort. ${child.error.message}`, issues: [] });
        return;
      }
    }
    setSaving(false);
    if (!result.ok) {
      setFailure(failureOf(result.error, fieldIn(['reason', 'removedBy'])));
      return;
    }
    props.onRemoved(alsoChild);
  }

  const errors = errorMap(failure);
  return (
    <InlineForm
      title="Ta bort placeringen"
      titleId="remove-title"
      failure={failure}
      onSubmit={() => void save()}
      onCancel={props.onCancel}
      actions={
        <>
          <button type="submit" className="button button--danger" disabled={saving}>
            {saving ? 'Tar bort…' : 'Ta bort placeringen'}
          </button>
          <button type="button" className="button" onClick={props.onCancel}>Avbryt</button>
        </>
      }
    >
      <p className="field__hint">
        Bara för en placering som registrerats av misstag. En placering som har upphört avslutas i stället med ”Avsluta placering”.
      </p>
      <TextField id="remove-reason" label="Skäl" required maxLength={500} error={errors.get('reason')} value={reason} onChange={setReason} />
      <SignedInAs label="Tas bort av" />
      {props.childAlone && (
        <label className="checkbox">
          <input type="checkbox" checked={alsoChild} onChange={(e) => setAlsoChild(e.target.checked)} />
          Ta bort även barnets uppgifter (barnet har inga andra placeringar)
        </label>
      )}
    </InlineForm>
  );
}
