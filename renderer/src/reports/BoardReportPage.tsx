import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { BoardReportView } from '../../../preload/api';
import { api } from '../bridge/api';
import { BoardDashboard } from './BoardDashboard';
import { PeriodForm } from './PeriodForm';
import { hasPeriod, paramsFromPeriod, periodFromParams, periodProblems, periodText, type PeriodValues } from './period';
import { ReportPdfForm } from './ReportPdfForm';
import { useUnits } from './units';
import './reports.css';

type Outcome = { key: string; version: number; retry: number } & ({ kind: 'report'; report: BoardReportView } | { kind: 'error'; message: string; problems: Partial<Record<'from' | 'to', string>> });

/**
 * Nämndrapporten on screen for the period and unit in the address (`?from=…&to=…&enhet=…`): the
 * form writes the address, the page shows what the address holds, so Back, Forward and a reload
 * come to the same report. "Spara som PDF" gives the same report as the board's PDF.
 */
export function BoardReportPage(props: { today: string; version: number; notify: (message: string) => void }) {
  const { today, version } = props;
  const [params, setParams] = useSearchParams();
  const key = hasPeriod(params) ? paramsFromPeriod(periodFromParams(params, today)).toString() : null;
  const [values, setValues] = useState<PeriodValues>(() => periodFromParams(params, today));
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [retry, setRetry] = useState(0);
  const [pdfBusy, setPdfBusy] = useState(false);
  const units = useUnits();
  const title = useRef<HTMLHeadingElement>(null);
  /** The period the user just asked for: focus goes to its report (not after Back or a reload). */
  const sent = useRef<string | null>(null);

  // Back or Forward to another period: the form shows it.
  const [formKey, setFormKey] = useState(key);
  if (formKey !== key) {
    setFormKey(key);
    setValues(periodFromParams(params, today));
  }

  const asked = key === null ? null : periodFromParams(new URLSearchParams(key), today);
  const localProblems = asked === null ? {} : periodProblems(asked);
  const askable = asked !== null && !localProblems.from && !localProblems.to;
  const settled = outcome !== null && outcome.key === key && outcome.version === version && outcome.retry === retry;

  useEffect(() => {
    if (key === null || !askable || settled) return;
    let live = true;
    const period = new URLSearchParams(key);
    const input = { from: period.get('from')!, to: period.get('to')!, unit: period.get('enhet') ?? null };
    void api.getBoardReport(input).then((result) => {
      if (!live) return;
      const made = { key, version, retry };
      if (result.ok) setOutcome({ ...made, kind: 'report', report: result.value });
      else {
        const at = (path: string) => (result.error.issues ?? []).find((issue) => issue.path === path)?.message;
        setOutcome({ ...made, kind: 'error', message: result.error.message, problems: { from: at('/from'), to: at('/to') } });
      }
    });
    return () => {
      live = false;
    };
    // `settled` stands for the outcome: a new outcome for this period asks nothing more.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version, retry, askable]);

  const current = outcome !== null && outcome.key === key ? outcome : null;
  const report = current?.kind === 'report' ? current.report : null;
  const loading = askable && !settled;

  useEffect(() => {
    if (report === null || sent.current !== key) return;
    sent.current = null;
    title.current?.focus();
  }, [report, key]);

  function show(next: PeriodValues) {
    const nextParams = paramsFromPeriod(next);
    sent.current = nextParams.toString();
    if (sent.current === key) setRetry((n) => n + 1);
    else setParams(nextParams);
  }

  const serverProblems = current?.kind === 'error' ? current.problems : {};
  const shownPeriod = report?.current.period ?? null;

  return (
    <section className="reports board-page" aria-labelledby="board-title">
      <header className="reports__head">
        <h1 id="board-title" className="page-title">Nämndrapport</h1>
        <p className="page-lead">Placerade barn och unga: placeringar, följsamhet mot lagen, utfall och kostnader, jämfört med samma period året innan.</p>
      </header>
      <div className="report-card board-page__form">
        <PeriodForm
          id="board"
          today={today}
          values={values}
          onChange={setValues}
          onShow={show}
          units={units}
          serverProblems={askable ? serverProblems : localProblems}
          disabled={pdfBusy}
        />
      </div>

      <p className={loading ? 'report-status' : 'report-status report-status--idle'} role="status">
        {loading ? 'Räknar fram rapporten…' : ''}
      </p>
      {key === null && <p className="report-text">Välj period och enhet och tryck på Visa, eller välj ett av snabbvalen.</p>}
      {current?.kind === 'error' && !current.problems.from && !current.problems.to && (
        <div className="list-error" role="alert">
          <p>Rapporten kunde inte tas fram. {current.message}</p>
          <button type="button" className="button" onClick={() => setRetry((n) => n + 1)}>
            Försök igen
          </button>
        </div>
      )}

      {report && shownPeriod && (
        <div className={loading ? 'board-page__report board-page__report--stale' : 'board-page__report'}>
          <div className="report-card board-page__facts">
            <div>
              <h2 ref={title} tabIndex={-1} className="report-card__title">
                {report.unit ?? 'Alla enheter'}, {periodText(shownPeriod)}
              </h2>
              <dl className="report-facts">
                <div>
                  <dt>Enhet</dt>
                  <dd>{report.unit ?? 'Alla enheter'}</dd>
                </div>
                <div>
                  <dt>Period</dt>
                  <dd>{periodText(shownPeriod)}</dd>
                </div>
                <div>
                  <dt>Jämförs med</dt>
                  <dd>{periodText(report.previous.period)}</dd>
                </div>
              </dl>
            </div>
            <ReportPdfForm
              id="board-pdf"
              what="Nämndrapporten"
              notify={props.notify}
              onBusyChange={setPdfBusy}
              disabled={loading}
              make={(municipality) => api.getBoardReportPdf({ ...shownPeriod, unit: report.unit, municipality })}
            />
          </div>
          <BoardDashboard report={report} />
        </div>
      )}
    </section>
  );
}
