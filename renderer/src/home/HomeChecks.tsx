import { useEffect, useState } from 'react';
import { isFosterHomeKind } from '../../../preload/api';
import type { Home, HomeChecks as HomeChecksData, RegisterCheck } from '../../../preload/api';
import { api } from '../bridge/api';
import type { ToastMessage } from '../components/Toast';
import { AdultChecks } from './AdultChecks';
import { CheckHistory } from './CheckHistory';
import { checkLabel } from './CheckList';
import type { CheckActions, OpenCheckForm } from './CheckList';
import { PermitChecks } from './PermitChecks';

interface Props {
  /** The home as saved: a change of its household or operator loads the checks again. */
  home: Home;
  /** The app's date, from App: it moves on at midnight, so the checks are judged on the right day. */
  today: string;
  notify: (message: string, action?: ToastMessage['action']) => void;
  /** A check was recorded, corrected or removed: the deadlines (and the menu's counts) change. */
  onChanged: () => void;
}

const UNDO_REASON = 'Ångrad direkt efter registrering';

/**
 * "Kontroller" of a saved home: the register checks of a foster home's adults, or the IVO permit
 * verifications of an HVB or stödboende, with the history of corrections. IVO's inspections are
 * listed with the home's other events (HomeEvents), not here.
 */
export function HomeChecks({ home, today, notify, onChanged }: Props) {
  const [checks, setChecks] = useState<HomeChecksData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const [open, setOpen] = useState<OpenCheckForm>(null);
  const homeId = home.id;
  const foster = isFosterHomeKind(home.kind);
  const permitHome = home.kind === 'hvb' || home.kind === 'stodboende';
  const shown = foster || permitHome;
  // What the checks depend on, as saved: a person added or renamed, another operator.
  const saved = JSON.stringify([home.kind, home.operator, home.orgNr, home.persons.map((p) => [p.id, p.name, p.role])]);

  useEffect(() => {
    if (!shown) return;
    let current = true;
    void api.getHomeChecks({ homeId, date: today }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setChecks(result.value);
        setLoadError(null);
      } else {
        setLoadError(result.error.message);
      }
    });
    return () => {
      current = false;
    };
  }, [homeId, today, reloads, saved, shown]);

  if (!shown) return null;

  const names = new Map((checks?.persons ?? []).map((person) => [person.personId, person.name]));
  const labelOf = (check: RegisterCheck) =>
    checkLabel(check, check.personId ? { kind: 'person', personId: check.personId, name: names.get(check.personId) ?? 'personen' } : { kind: 'home', homeId, name: home.name });
  const recordButton = (check: RegisterCheck) => (check.personId ? `check-record-${check.personId}` : 'check-record-permit');

  /** After a save: the form closes, the checks and the deadlines are fetched again, focus goes back. */
  function done(message: string, focusId: string, action?: ToastMessage['action']) {
    setOpen(null);
    setReloads((n) => n + 1);
    onChanged();
    notify(message, action);
    requestAnimationFrame(() => document.getElementById(focusId)?.focus());
  }

  // Ångra may come after the panel has closed: a plain call, and the list if it is still shown.
  function undo(check: RegisterCheck, label: string) {
    void api.removeRegisterCheck({ id: check.id, rowVersion: check.rowVersion, reason: UNDO_REASON, removedBy: check.recordedBy ?? 'okänd' }).then((result) => {
      notify(result.ok ? `Registreringen är ångrad: ${label}.` : `Registreringen kunde inte ångras. ${result.error.message}`);
      setReloads((n) => n + 1);
      onChanged();
    });
  }

  const actions: CheckActions = {
    today,
    open,
    setOpen,
    registers: [...(checks?.catalogue ?? [])].sort((a, b) => Number(b.required) - Number(a.required)).map((entry) => entry.register),
    recorded: (check) => {
      const label = labelOf(check);
      done(`Kontrollen är registrerad: ${label}.`, recordButton(check), { label: 'Ångra', run: () => undo(check, label) });
    },
    corrected: (check) => done(`Rättelsen är sparad: ${labelOf(check)}. Den tidigare uppgiften finns i historiken.`, `check-correct-${check.id}`),
    removed: (check) => done(`Kontrollen är borttagen: ${labelOf(check)}. Den finns kvar i historiken.`, recordButton(check)),
  };

  return (
    // A group, not a landmark: it is a part of the home's panel.
    <div className="form-section home-checks" role="group" aria-labelledby="home-checks-title">
      <h3 id="home-checks-title" className="home-events__title">Kontroller</h3>
      {loadError && (
        <p className="field__error" role="alert">
          Kontrollerna kunde inte hämtas. {loadError}
        </p>
      )}
      {!checks && !loadError && <p className="muted" role="status">Hämtar kontrollerna…</p>}
      {checks && foster && <FosterChecks checks={checks} actions={actions} />}
      {checks && permitHome && <PermitChecks home={home} checks={checks} actions={actions} />}
      {checks && <CheckHistory checks={checks} />}
    </div>
  );
}

/** The adults of a foster home, each with their registers and checks. */
function FosterChecks({ checks, actions }: { checks: HomeChecksData; actions: CheckActions }) {
  // The adults, and anyone else of the household who has been checked all the same.
  const adults = checks.persons;
  if (adults.length === 0) {
    return (
      <p className="muted">
        Hushållet har inga registrerade vuxna. Registerkontrollerna görs per vuxen: lägg till hushållets vuxna under Hushållet och spara
        hemmet.
      </p>
    );
  }
  const showDue = adults.some((adult) => adult.registers.some((register) => register.dueOn !== null));
  return (
    <>
      <p className="home-checks__intro">
        Registren kontrolleras för varje vuxen före beslut om placering och därefter regelbundet medan ett barn bor i hemmet.
        {!showDue && ' Inget barn bor i hemmet i dag, så ingen fortlöpande kontroll är aktuell.'}
      </p>
      {adults.map((adult) => (
        <AdultChecks key={adult.personId} adult={adult} actions={actions} showDue={showDue} />
      ))}
    </>
  );
}
