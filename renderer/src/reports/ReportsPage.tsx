import { useState } from 'react';
import { api } from '../bridge/api';
import { PeriodForm } from './PeriodForm';
import { defaultPeriod, listYears, yearPeriod, type PeriodValues } from './period';
import { ReportPdfForm } from './ReportPdfForm';
import { UnitSelect, useUnits } from './units';
import './reports.css';

/**
 * Rapporter: the nämndrapport for a period and unit (opened as a page of its own, the dashboard),
 * and the year's förteckning till IVO as a PDF.
 */
export function ReportsPage(props: { today: string; onOpenBoard: (values: PeriodValues) => void; notify: (message: string) => void }) {
  const { today } = props;
  const units = useUnits();
  const [board, setBoard] = useState<PeriodValues>(() => defaultPeriod(today));
  const years = listYears(today);
  const [year, setYear] = useState(String(years[1]));
  const [ivoUnit, setIvoUnit] = useState('');
  const [busy, setBusy] = useState(false);

  return (
    <section className="reports" aria-labelledby="reports-title">
      <header className="reports__head">
        <h1 id="reports-title" className="page-title">Rapporter</h1>
        <p className="page-lead">Nämndrapporten för en period och förteckningen till IVO för ett år.</p>
      </header>
      <div className="reports__cards">
        <section className="report-card" aria-labelledby="reports-board-title">
          <h2 id="reports-board-title" className="report-card__title">Nämndrapport</h2>
          <p className="report-text">
            Placeringar, följsamhet mot lagen, utfall och kostnader för en period, jämfört med samma period året innan, och en kort
            sammanfattning av de största förändringarna. Visas som diagram och tabeller och kan sparas som PDF.
          </p>
          <PeriodForm id="reports-board" today={today} values={board} onChange={setBoard} onShow={props.onOpenBoard} units={units} submitLabel="Öppna" />
        </section>

        <section className="report-card" aria-labelledby="reports-ivo-title">
          <h2 id="reports-ivo-title" className="report-card__title">Förteckning till IVO</h2>
          <p className="report-text">
            Barnen som under året vistades i familjehem, jourhem eller nätverkshem, per hem med dagarna där, och anmälningarna till IVO
            om fler än tre barn i ett hem. Förteckningen ska lämnas till IVO senast 31 januari året efter.
          </p>
          <ReportPdfForm
            id="reports-ivo"
            what="Förteckningen"
            notify={props.notify}
            onBusyChange={setBusy}
            make={(municipality) => api.getIvoListPdf({ ...yearPeriod(Number(year)), unit: ivoUnit === '' ? null : ivoUnit, municipality })}
          >
            <div className="field report-field--year">
              <label htmlFor="reports-ivo-year">År</label>
              <select id="reports-ivo-year" className="input" value={year} disabled={busy} onChange={(event) => setYear(event.target.value)} aria-describedby="reports-ivo-year-hint">
                {years.map((y) => (
                  <option key={y} value={String(y)}>
                    {y}
                  </option>
                ))}
              </select>
              <p className="field__hint" id="reports-ivo-year-hint">1 januari – 31 december</p>
            </div>
            <UnitSelect id="reports-ivo-unit" value={ivoUnit} onChange={setIvoUnit} units={units} />
          </ReportPdfForm>
        </section>
      </div>
    </section>
  );
}
