import type { Home, HomeChecks, PermitForm } from '../../../preload/api';
import { operatorLabels } from '../labels';
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
      <PermitStatus home={home} checks={checks} />
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

/** Whether the permit must be verified, and what the verifications say, in one sentence. */
function PermitStatus({ home, checks }: { home: Home; checks: HomeChecks }) {
  const { permits, permitRequired } = checks;
  if (!permitRequired) {
    return (
      <p className="muted">
        {home.operator
          ? `Huvudmannen är ${operatorLabels[home.operator].toLowerCase()}: en kontroll av IVO-tillstånd krävs inte före placering, men den kan registreras.`
          : 'Huvudman är inte angiven. Ett hem i enskild regi måste ha tillstånd från IVO, kontrollerat före placering. En kontroll kan registreras ändå.'}
      </p>
    );
  }
  const newest = permits[0];
  if (newest?.outcome === 'giltigt') {
    return <p>Enskild verksamhet: tillståndet ska vara kontrollerat före varje beslut om placering. Senast kontrollerat {newest.checkedOn}: giltigt.</p>;
  }
  return (
    <p className="check-warning" role="note">
      <strong>Inget giltigt IVO-tillstånd.</strong>{' '}
      {newest
        ? `Senaste kontrollen (${newest.checkedOn}) visar att tillståndet inte är giltigt.`
        : 'Tillståndet har inte kontrollerats.'}{' '}
      Hemmet drivs i enskild regi och måste ha ett giltigt tillstånd från IVO, kontrollerat före beslut om placering.
    </p>
  );
}
