import { useEffect, useState } from 'react';
import type { Home, HomeChecks, PermitForm } from '../../../preload/api';
import { api } from '../bridge/api';
import { operatorLabels } from '../labels';
import { daysBetween } from '../today';
import { CheckForm } from './CheckForm';
import type { CheckSubject } from './CheckForm';
import { CheckList } from './CheckList';
import type { CheckActions } from './CheckList';

const digits = (orgNr: string) => orgNr.replace(/\D/g, '');

/**
 * The IVO permit of an HVB or stödboende: whether it must be verified before a placement, the
 * verifications made (newest first), and the button or form to record one.
 */
export function PermitChecks({ home, checks, actions }: { home: Home; checks: HomeChecks; actions: CheckActions }) {
  const subject: CheckSubject = { kind: 'home', homeId: home.id, name: home.name };
  const recording = actions.open?.mode === 'record' && actions.open.subjectId === home.id;
  const { permits } = checks;
  const newest = permits[0];
  const forms: PermitForm[] = home.kind === 'hvb' || home.kind === 'stodboende' ? [home.kind] : [];
  const otherHolder =
    newest?.permit?.holderOrgNr && home.orgNr && digits(newest.permit.holderOrgNr) !== digits(home.orgNr) ? newest.permit.holderOrgNr : null;

  return (
    <div className="check-permits" role="group" aria-labelledby="check-permits-title">
      <h4 id="check-permits-title" className="check-adult__title">IVO-tillstånd</h4>
      <PermitStatus home={home} checks={checks} today={actions.today} />
      {otherHolder && (
        <p className="check-warning">
          <strong>Obs!</strong> Tillståndshavaren ({otherHolder}) har ett annat organisationsnummer än hemmet ({home.orgNr}). Kontrollera att tillståndet gäller den här verksamheten.
        </p>
      )}
      {permits.length === 0 ? (
        <p className="muted">Ingen kontroll av IVO-tillstånd är registrerad.</p>
      ) : (
        <CheckList checks={permits} subject={subject} actions={actions} />
      )}
      {recording ? (
        <CheckForm
          idPrefix="check-new-permit"
          subject={subject}
          registers={actions.registers}
          defaults={{ forms, holderOrgNr: home.orgNr }}
          today={actions.today}
          onCancel={() => {
            actions.setOpen(null);
            requestAnimationFrame(() => document.getElementById('check-record-permit')?.focus());
          }}
          onSaved={actions.recorded}
        />
      ) : (
        <button type="button" id="check-record-permit" className="button" onClick={() => actions.setOpen({ mode: 'record', subjectId: home.id })}>
          Registrera kontroll av IVO-tillstånd
        </button>
      )}
    </div>
  );
}

/** The rule parameter: how old a permit verification may be at a decision (days). */
const MAX_AGE_KEY = 'ivoTillstandMaxAgeDays';

/**
 * The permit's maximum age from the rules in force: a number, null while it is fetched, or
 * 'unknown' if the rules could not be read (the text then points to Regler instead).
 */
function usePermitMaxAge(): number | null | 'unknown' {
  const [maxAge, setMaxAge] = useState<number | null | 'unknown'>(null);
  useEffect(() => {
    let current = true;
    void api.getRuleSettings({}).then((result) => {
      if (!current) return;
      const parameter = result.ok ? result.value.parameters.find((p) => p.key === MAX_AGE_KEY) : undefined;
      setMaxAge(parameter ? parameter.value : 'unknown');
    });
    return () => {
      current = false;
    };
  }, []);
  return maxAge;
}

/** "i dag", "i går", "för 12 dagar sedan". */
function ago(days: number): string {
  return days === 0 ? 'i dag' : days === 1 ? 'i går' : `för ${days} dagar sedan`;
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whether the permit must be verified, and what the verifications say, in one sentence. */
function PermitStatus({ home, checks, today }: { home: Home; checks: HomeChecks; today: string }) {
  const { permits, permitRequired } = checks;
  const maxAge = usePermitMaxAge();
  if (!permitRequired) {
    return (
      <p className="muted">
        Huvudmannen är {operatorLabels[home.operator ?? 'kommunal'].toLowerCase()}: en kontroll av IVO-tillstånd krävs inte före placering, men den kan
        registreras.
      </p>
    );
  }
  // rules.md: an unknown huvudman is treated as enskild, so no permit check is ever skipped.
  const why = home.operator === 'enskild' ? 'Enskild verksamhet' : 'Huvudman är inte angiven och hemmet räknas därför som enskild verksamhet';
  const newest = permits[0];
  const days = newest ? daysBetween(newest.checkedOn, today) : 0;
  // Refused when recorded, but imported data may carry it: never call a future check valid.
  if (newest && days < 0) {
    return (
      <p className="check-warning" role="note">
        <strong>Kontrollen är daterad i framtiden.</strong> Den senaste kontrollen av IVO-tillståndet är daterad {newest.checkedOn}, efter dagens
        datum ({today}). Rätta datumet och kontrollera tillståndet före nästa beslut om placering.
      </p>
    );
  }
  if (newest?.outcome === 'giltigt') {
    const checked = `${newest.checkedOn} (${ago(days)})`;
    if (typeof maxAge === 'number' && days > maxAge) {
      return (
        <p className="check-warning" role="note">
          <strong>Kontrollen av IVO-tillståndet är för gammal.</strong> Tillståndet kontrollerades {checked} och var då giltigt, men en kontroll
          får vara högst {maxAge} dagar gammal vid beslutet. Kontrollera tillståndet igen före nästa beslut om placering.
        </p>
      );
    }
    return (
      <p>
        {why}: tillståndet ska vara kontrollerat före varje beslut om placering. Senast kontrollerat {checked}: giltigt.
        {typeof maxAge === 'number' && ` Kontrollen räcker för beslut om placering till och med ${addDays(newest.checkedOn, maxAge)}.`}
        {maxAge === 'unknown' && ' Kontrollera igen före nästa beslut om placering om kontrollen är äldre än reglerna tillåter (se Regler).'}
      </p>
    );
  }
  return (
    <p className="check-warning" role="note">
      <strong>Inget giltigt IVO-tillstånd.</strong>{' '}
      {newest
        ? `Senaste kontrollen (${newest.checkedOn}) visar att tillståndet inte är giltigt.`
        : 'Tillståndet har inte kontrollerats.'}{' '}
      {why}: hemmet måste ha ett giltigt tillstånd från IVO, kontrollerat före beslut om placering.
    </p>
  );
}
