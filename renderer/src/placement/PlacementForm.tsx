import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { legalBases, endReasons } from '../../../preload/api';
import { ageOn, isCalendarDate, type ChangedBy, type ChildListRow, type HomeKind, type HomeListRow, type Placement, type PlacementSuggestions } from '../../../preload/api';
import { api } from '../bridge/api';
import { ChildFields } from '../children/ChildFields';
import { childFieldLabels, childFieldOf, childInput, childInputId, emptyChild } from '../children/childForm';
import type { ChildValues } from '../children/childForm';
import type { ConfirmOptions } from '../components/ConfirmDialog';
import { ConflictPanel } from '../components/ConflictPanel';
import { compareSv, endReasonLabels, kindLabels, legalBasisLabels } from '../labels';
import { DateField, ErrorSummary, errorMap, failureOf, SelectField, TextField } from './fields';
import { ReadinessPanel, readinessQuery, type ReadinessChild } from './ReadinessPanel';
import type { Failure } from './fields';
import { keepDraft, takeDraft } from './draft';
import { differences, emptyPlacement, fieldLabel, fieldOf, inputId, sameValues, toInput, valuesFromPlacement } from './form';
import type { PlacementValues, StayValues } from './form';

const noSuggestions: PlacementSuggestions = { caseworkers: [], units: [] };

interface Props {
  today: string;
  /** The placement to change, or null for a new one. */
  placement: Placement | null;
  /** The child of the placement being changed, as the page names it. */
  childLabel?: string;
  onClose: () => void;
  /** Saved: `childLabel` names the child in the message. */
  onSaved: (placement: Placement, childLabel: string) => void;
  onDirtyChange: (dirty: boolean) => void;
  confirm: (options: ConfirmOptions) => Promise<boolean>;
  /** "Öppna hemmet" in "Redo för beslut?": where missing checks are recorded. */
  onOpenHome?: (homeId: string) => void;
}

interface FormState {
  child: ChildValues;
  placement: PlacementValues;
}

const SAVE_FAILED = 'Placeringen kunde inte sparas';
const CHILD_FAILED = 'Barnet kunde inte sparas';

const legalBasisOptions = legalBases.map((value) => ({ value, label: legalBasisLabels[value] }));
const endReasonOptions = endReasons.map((value) => ({ value, label: endReasonLabels[value] }));

function homeLabel(home: HomeListRow): string {
  const where = home.municipality ? `, ${home.municipality}` : '';
  return `${home.name} (${kindLabels[home.kind]}${where})${home.active ? '' : ' – inaktivt'}`;
}

/**
 * A placement's form in the side panel: a new placement (with its child, new or from the
 * register, and its first home) or the fields of one that exists, stays included.
 */
export function PlacementForm(props: Props) {
  const { today, placement, onClose, onSaved, onDirtyChange, confirm } = props;
  const isNew = placement === null;
  const initial = useMemo<FormState>(
    () => ({ child: emptyChild('new'), placement: placement ? valuesFromPlacement(placement) : emptyPlacement() }),
    [placement],
  );
  // A new placement's form left for the home ("Öppna hemmet") comes back as it was left.
  const [restored] = useState(() => (isNew ? takeDraft<FormState>() : null));
  const [baseline, setBaseline] = useState<FormState>(initial);
  const [values, setValues] = useState<FormState>(restored ?? initial);
  const [homes, setHomes] = useState<HomeListRow[] | null>(null);
  /** Handläggare and enheter written before, suggested as the user types; none if they cannot be read. */
  const [suggestions, setSuggestions] = useState<PlacementSuggestions>(noSuggestions);
  const [children, setChildren] = useState<ChildListRow[] | null>(isNew ? null : []);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [failureTitle, setFailureTitle] = useState(SAVE_FAILED);
  /** The placement values a failed save sent, so its issues find their stays. */
  const [sent, setSent] = useState<PlacementValues | null>(null);
  const [saving, setSaving] = useState(false);
  /** The stored version the form now builds on: the one opened, or the one someone else saved since and the user has seen. */
  const [stored, setStored] = useState<Placement | null>(placement);
  /** Someone else saved the placement while this user edited it: theirs, until the user chooses. */
  const [conflict, setConflict] = useState<{ changed: ChangedBy; saved: Placement } | null>(null);
  /** A new child already saved by an earlier try whose placement failed: saved again, not twice. */
  const titleRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    void api.listHomes({}).then((result) => {
      if (!current) return;
      if (result.ok) setHomes(result.value);
      else setLoadError(result.error.message);
    });
    // Only suggestions: without them the fields still take any name.
    void api.getPlacementSuggestions({}).then((result) => {
      if (current && result.ok) setSuggestions(result.value);
    });
    if (isNew) {
      void api.listChildren({ date: today }).then((result) => {
        if (!current) return;
        if (!result.ok) {
          setLoadError(result.error.message);
          return;
        }
        setChildren(result.value);
        // Start on the register's children when there are any; that choice is no edit.
        if (result.value.length > 0) {
          const start = (old: FormState) => ({ ...old, child: { ...old.child, mode: 'existing' as const } });
          setBaseline(start);
          setValues((old) => (sameValues(old.child, emptyChild('new')) ? start(old) : old));
        }
      });
    }
    return () => {
      current = false;
    };
  }, [isNew, today]);

  useEffect(() => titleRef.current?.focus(), []);

  const dirty = !sameValues(values, baseline);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const homeById = useMemo(() => new Map((homes ?? []).map((home) => [home.id, home])), [homes]);
  const kindOf = (homeId: string): HomeKind | undefined => homeById.get(homeId)?.kind;

  /** Active homes, and any home a stay is already in (a home may have been inactivated since). */
  const homeOptions = (stay: StayValues) =>
    (homes ?? [])
      .filter((home) => home.active || home.id === stay.homeId)
      .sort((a, b) => compareSv(a.name, b.name))
      .map((home) => ({ value: home.id, label: homeLabel(home) }));

  const errors = errorMap(failure);
  const p = values.placement;

  /**
   * The child for the permit's age range: the placement's or the chosen one by id (main reads its
   * birth date, which is withheld here for a protected child), or the new one's birth date as typed.
   */
  const readinessChild: ReadinessChild = !isNew
    ? { childId: props.placement?.childId ?? null }
    : values.child.mode === 'existing'
      ? { childId: values.child.childId || null }
      : { birthDate: values.child.birthDate };
  /** The child's age on the first day, when its birth date is known here (a protected child's is not). */
  const knownBirthDate =
    isNew && values.child.mode !== 'existing' ? values.child.birthDate : (children ?? []).find((c) => c.id === values.child.childId)?.birthDate;
  const ageAtStart = knownBirthDate && isCalendarDate(knownBirthDate) && isCalendarDate(p.startedOn) ? ageOn(knownBirthDate, p.startedOn) : null;

  /**
   * "Redo för beslut?" for a stay being decided now: every stay of a new placement, and a stay of a
   * saved one whose home or dates are new or changed (an old decision is judged on the placement's page).
   */
  const readinessPanel = (stay: StayValues, index: number): ReactNode => {
    const saved = baseline.placement.stays.find((s) => s.key === stay.key);
    const savedFirst = baseline.placement;
    const unchanged =
      !isNew &&
      saved !== undefined &&
      saved.homeId === stay.homeId &&
      saved.decidedOn === stay.decidedOn &&
      saved.from === stay.from &&
      (index > 0 || (savedFirst.decidedOn === p.decidedOn && savedFirst.startedOn === p.startedOn));
    if (unchanged) return null;
    const decisionOn = stay.decidedOn || (index === 0 ? p.decidedOn : stay.from);
    const query = readinessQuery(stay.homeId, decisionOn, index === 0 ? p.startedOn : stay.from, readinessChild);
    return query && <ReadinessPanel idPrefix={`placement-${stay.key}`} query={query} today={today} onOpenHome={openHome} keepsDraft={isNew} />;
  };

  const setPlacement = (change: Partial<PlacementValues>) => setValues((old) => ({ ...old, placement: { ...old.placement, ...change } }));
  const setChild = (change: Partial<ChildValues>) => {
    setValues((old) => ({ ...old, child: { ...old.child, ...change } }));
    // Another way to give the child: what was said about the first way no longer holds.
    if (change.mode !== undefined) setFailure((old) => (old ? { ...old, issues: old.issues.filter((issue) => !issue.field.startsWith('child')) } : old));
  };
  const setStay = (key: string, change: Partial<StayValues>) =>
    setValues((old) => ({
      ...old,
      placement: { ...old.placement, stays: old.placement.stays.map((stay) => (stay.key === key ? { ...stay, ...change } : stay)) },
    }));

  async function requestClose() {
    if (saving) return;
    if (dirty) {
      const leave = await confirm({
        title: 'Lämna utan att spara?',
        message: 'Du har ändringar i placeringen som inte är sparade. Om du stänger formuläret försvinner de.',
        confirmLabel: 'Lämna utan att spara',
        cancelLabel: 'Fortsätt redigera',
        tone: 'danger',
      });
      if (!leave) return;
    }
    onDirtyChange(false);
    onClose();
  }

  async function removeStay(index: number) {
    const stay = p.stays[index];
    if (!stay) return;
    const home = homeById.get(stay.homeId);
    const confirmed = await confirm({
      title: 'Ta bort vistelsen?',
      message: `Vistelsen${home ? ` i ${home.name}` : ''} från ${stay.from} tas bort när du sparar. Den föregående vistelsen fortsätter då i stället.`,
      confirmLabel: 'Ta bort vistelsen',
      tone: 'danger',
    });
    if (!confirmed) return;
    setPlacement({ stays: p.stays.filter((s) => s.key !== stay.key) });
  }

  function showFailure(title: string, next: Failure) {
    setFailureTitle(title);
    setFailure(next);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  /** `over`: the stored version the user chose to save over, after seeing it (ConflictPanel). */
  async function save(over?: Placement) {
    if (saving) return;
    const state = values;
    const base = over ?? stored;
    setSaving(true);
    try {
      let childId = placement?.childId ?? '';
      let childLabel = props.childLabel ?? '';
      if (isNew && state.child.mode === 'existing') {
        // Unchosen, it is sent empty: main says "Välj ett barn." beside every other problem of the form.
        const chosen = (children ?? []).find((child) => child.id === state.child.childId);
        childId = chosen?.id ?? '';
        childLabel = chosen?.label ?? '';
      }
      // A new child goes with the placement in one call: if the placement fails, no child is left behind.
      const newChild = isNew && state.child.mode !== 'existing' ? childInput(state.child, undefined) : undefined;
      const { id: _id, ...newChildFields } = newChild ?? { id: undefined };
      const input = { ...toInput(state.placement, childId, placement?.id, kindOf), ...(base ? { rowVersion: base.rowVersion } : {}) };
      const result = await api.savePlacement(
        newChild ? { ...input, childId: undefined, newChild: newChildFields as NonNullable<typeof input.newChild> } : input,
      );
      setConflict(null);
      if (!result.ok && result.error.changed && placement) {
        // Someone saved first: their version beside this user's, and the user chooses.
        const current = await api.getPlacement({ id: placement.id, date: today });
        if (current.ok) {
          setFailure(null);
          setConflict({ changed: result.error.changed, saved: current.value.placement });
          return;
        }
      }
      if (!result.ok) {
        setSent(state.placement);
        const childIssue = (result.error.issues ?? []).some((issue) => issue.path.startsWith('/newChild'));
        showFailure(
          childIssue ? CHILD_FAILED : SAVE_FAILED,
          failureOf(result.error, (path) =>
            path.startsWith('/newChild') ? childFieldOf(path.slice('/newChild'.length)) : fieldOf(path, state.placement),
          ),
        );
        return;
      }
      if (newChild) {
        // The label comes from main, which masks a protected identity.
        const saved = await api.getChild({ id: result.value.childId });
        if (saved.ok) childLabel = saved.value.label;
      }
      setFailure(null);
      onDirtyChange(false);
      onSaved(result.value, childLabel);
    } finally {
      setSaving(false);
    }
  }

  /** The user drops their edits for the version someone else saved. */
  function takeSaved(saved: Placement) {
    const next = { ...values, placement: valuesFromPlacement(saved) };
    setConflict(null);
    setStored(saved);
    setBaseline(next);
    setValues(next);
    requestAnimationFrame(() => titleRef.current?.focus());
  }

  const homeName = (homeId: string) => homeById.get(homeId)?.name ?? 'Okänt hem';
  const labelOf = (field: string) => childFieldLabels[field] ?? fieldLabel(field, sent ?? p);
  const focusField = (field: string) => {
    const id = field.startsWith('child') ? childInputId(field) : inputId(field);
    (document.getElementById(id) ?? document.getElementById(inputId('legalBasis')))?.focus();
  };

  /** To the home to record a check: a new placement's form is kept and comes back (draft.ts), so nothing is asked or lost. */
  const openHome = props.onOpenHome && ((homeId: string) => {
    if (isNew) {
      keepDraft(values);
      onDirtyChange(false);
    }
    props.onOpenHome?.(homeId);
  });

  const loading = homes === null || children === null;
  const ended = !isNew && placement.endedOn !== null;
  const title = isNew ? 'Ny placering' : 'Ändra placeringen';

  return (
    <section
      className="panel"
      aria-labelledby="placement-form-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          void requestClose();
        }
      }}
    >
      <header className="panel__header">
        <div>
          {(props.childLabel || dirty) && (
            <p className="panel__eyebrow">
              {props.childLabel}
              {dirty && <span className="panel__dirty">Osparade ändringar</span>}
            </p>
          )}
          <h2 id="placement-form-title" className="panel__title" ref={titleRef} tabIndex={-1}>{title}</h2>
        </div>
        <button type="button" className="icon-button" aria-label="Stäng" aria-keyshortcuts="Escape" title="Stäng (Esc)" onClick={() => void requestClose()}>
          ×
        </button>
      </header>

      {loadError && <div className="panel__message panel__message--error" role="alert">Uppgifterna kunde inte hämtas. {loadError}</div>}
      {loading && !loadError && <p className="panel__message" role="status">Hämtar hem och barn…</p>}

      {!loading && !loadError && (
        <form
          className="panel__form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <div className="panel__body">
            {restored && (
              <p className="note" role="status">
                Formuläret är som du lämnade det när du öppnade hemmet. Inget är sparat ännu.
              </p>
            )}
            {conflict && (
              <ConflictPanel
                what="placeringen"
                changed={conflict.changed}
                fields={differences(values.placement, valuesFromPlacement(conflict.saved), homeName)}
                busy={saving}
                onKeepMine={() => {
                  // Built on from now on: a save that fails for another reason is tried again from it.
                  setStored(conflict.saved);
                  void save(conflict.saved);
                }}
                onTakeSaved={() => takeSaved(conflict.saved)}
              />
            )}
            <ErrorSummary title={failureTitle} failure={failure} labelOf={labelOf} focusField={focusField} summaryRef={summaryRef} />

            {isNew && <ChildFields values={values.child} known={children} errors={errors} onChange={setChild} />}

            <fieldset className="form-section">
              <legend>Beslutet</legend>
              <SelectField
                id={inputId('legalBasis')}
                label="Lagrum"
                required
                placeholder="Välj lagrum"
                options={legalBasisOptions}
                error={errors.get('legalBasis')}
                value={p.legalBasis}
                onChange={(legalBasis) => setPlacement({ legalBasis })}
              />
              <div className="form-row">
                <DateField id={inputId('decidedOn')} label="Beslutsdatum" required error={errors.get('decidedOn')} value={p.decidedOn} onChange={(decidedOn) => setPlacement({ decidedOn })} />
                <DateField
                  id={inputId('startedOn')}
                  label="Startdatum (verkställd)"
                  hint={ageHint(ageAtStart) ?? 'Dagen barnet flyttade.'}
                  required
                  error={errors.get('startedOn')}
                  value={p.startedOn}
                  onChange={(startedOn) => setPlacement({ startedOn })}
                />
              </div>
              {ended && (
                <div className="form-row">
                  <DateField id={inputId('endedOn')} label="Slutdatum" required error={errors.get('endedOn')} value={p.endedOn} onChange={(endedOn) => setPlacement({ endedOn })} />
                  <SelectField
                    id={inputId('endReason')}
                    label="Orsak"
                    placeholder="Ej angiven"
                    options={endReasonOptions}
                    error={errors.get('endReason')}
                    value={p.endReason}
                    onChange={(endReason) => setPlacement({ endReason })}
                  />
                </div>
              )}
              <div className="form-row">
                <TextField id={inputId('caseworker')} label="Handläggare" maxLength={200} suggestions={suggestions.caseworkers} error={errors.get('caseworker')} value={p.caseworker} onChange={(caseworker) => setPlacement({ caseworker })} />
                <TextField id={inputId('unit')} label="Enhet" maxLength={200} suggestions={suggestions.units} error={errors.get('unit')} value={p.unit} onChange={(unit) => setPlacement({ unit })} />
              </div>
              <TextField
                id={inputId('dailyCost')}
                label="Dygnskostnad (kr)"
                hint="Frivilligt. Hela kronor per dygn."
                narrow
                numeric
                maxLength={20}
                error={errors.get('dailyCost')}
                value={p.dailyCost}
                onChange={(dailyCost) => setPlacement({ dailyCost })}
              />
            </fieldset>

            <fieldset className="form-section">
              <legend>{isNew ? 'Första hemmet' : p.stays.length === 1 ? 'Hemmet' : 'Hemmen'}</legend>
              {errors.get('stays') && <p className="field__error">{errors.get('stays')}</p>}
              {p.stays.map((stay, index) => (
                <StayFields
                  key={stay.key}
                  stay={stay}
                  index={index}
                  count={p.stays.length}
                  isNew={isNew}
                  startedOn={p.startedOn}
                  kind={kindOf(stay.homeId)}
                  options={homeOptions(stay)}
                  errors={errors}
                  onChange={(change) => setStay(stay.key, change)}
                  onRemove={() => void removeStay(index)}
                  readiness={readinessPanel(stay, index)}
                />
              ))}
              {homes !== null && homes.every((home) => !home.active) && (
                <p className="field__hint">Det finns inga aktiva hem i registret. Lägg in hemmet under Register först.</p>
              )}
            </fieldset>
          </div>

          <footer className="panel__footer">
            <div className="panel__footer-main">
              <button type="submit" className="button button--primary" disabled={saving}>
                {saving ? 'Sparar…' : isNew ? 'Spara placeringen' : 'Spara ändringar'}
              </button>
              <button type="button" className="button" onClick={() => void requestClose()}>{dirty ? 'Avbryt' : 'Stäng'}</button>
            </div>
          </footer>
        </form>
      )}
    </section>
  );
}

/** One stay: its home (the stay's form follows the home's kind), and its own dates. */
function StayFields(props: {
  stay: StayValues;
  index: number;
  count: number;
  isNew: boolean;
  startedOn: string;
  kind: HomeKind | undefined;
  options: { value: string; label: string }[];
  errors: Map<string, string>;
  onChange: (change: Partial<StayValues>) => void;
  onRemove: () => void;
  /** "Redo för beslut?" once the stay has a home and a decision date. */
  readiness: ReactNode;
}) {
  const { stay, index, kind, errors } = props;
  const field = (name: string) => `stays.${stay.key}.${name}`;
  const formText = kind ? `Vistelseform: ${kindLabels[kind]}` : 'Vistelseformen följer hemmets typ.';
  const body = (
    <>
      <SelectField
        id={inputId(field('homeId'))}
        label="Hem"
        required
        hint={formText}
        placeholder="Välj hem"
        options={props.options}
        error={errors.get(field('homeId'))}
        value={stay.homeId}
        onChange={(homeId) => props.onChange({ homeId })}
      />
      {!props.isNew && (
        <div className="form-row">
          {index > 0 && (
            <DateField id={inputId(field('from'))} label="Från" required error={errors.get(field('from'))} value={stay.from} onChange={(from) => props.onChange({ from })} />
          )}
          <DateField
            id={inputId(field('decidedOn'))}
            label="Beslut om vistelsen"
            hint={index === 0 ? 'Lämna tomt om det är placeringens beslut.' : 'Lämna tomt om inget eget beslut finns.'}
            error={errors.get(field('decidedOn'))}
            value={stay.decidedOn}
            onChange={(decidedOn) => props.onChange({ decidedOn })}
          />
        </div>
      )}
      {kind === 'jourhem' && (
        <DateField
          id={inputId(field('investigationCompletedOn'))}
          label="Utredning avslutad"
          hint="Frivilligt. Tidsgränsen i jourhem räknas från den dagen."
          error={errors.get(field('investigationCompletedOn'))}
          value={stay.investigationCompletedOn}
          onChange={(investigationCompletedOn) => props.onChange({ investigationCompletedOn })}
        />
      )}
      {props.readiness}
    </>
  );
  if (props.count === 1) return body;
  return (
    <fieldset className="person stay-fields">
      <legend className="person__legend">Vistelse {index + 1}{index === 0 && props.startedOn ? ` (från ${props.startedOn})` : ''}</legend>
      {body}
      {index > 0 && (
        <button type="button" className="button button--quiet person__remove" aria-label={`Ta bort vistelse ${index + 1}`} onClick={props.onRemove}>
          Ta bort
        </button>
      )}
    </fieldset>
  );
}

/**
 * Said beside the start date before anything is saved: 18–20 is possible (unga vuxna) but worth a
 * second look; 21 or older main refuses (placements are for children and young people under 21).
 */
function ageHint(age: number | null): string | null {
  if (age === null || age < 18) return null;
  if (age >= 21) return `Barnet är ${age} år när placeringen börjar: placeringar gäller barn och unga under 21 år. Kontrollera födelsedatumet.`;
  return `Den unge är ${age} år när placeringen börjar. Kontrollera att lagrummet medger vård efter 18 års ålder.`;
}
