import { useEffect, useState } from 'react';
import { grades, roleAllows } from '../../../preload/api';
import type { Accuracy, AccuracyCaseView, Grade } from '../../../preload/api';
import { api } from '../bridge/api';
import { FilterSelect } from '../components/FilterSelect';
import { Pager, swedishNumber } from '../components/Pager';
import { useMainPage, type PageOf } from '../components/useMainPage';
import { endReasonLabels } from '../labels';
import { AppLink } from '../routing/links';
import { paths } from '../routing/paths';
import { useSession } from '../shell/SignIn';
import { AccuracyChart } from './AccuracyChart';
import { AccuracyTable } from './AccuracyTable';
import { settingsVersionText } from './accuracyText';
import './accuracy.css';

type GradeFilter = Grade | 'none';
const pageSizes = [20, 50] as const;
type PageSize = (typeof pageSizes)[number];

const gradeOptions: { value: GradeFilter; label: string }[] = [
  ...grades.map((grade) => ({ value: grade, label: grade })),
  { value: 'none', label: 'Inget index' },
];

/** Kept while the window is open, as the other lists: back from a home's history the list is as it was. */
let remembered: { grade: GradeFilter | ''; pageSize: PageSize; pageOf: PageOf | null } = { grade: '', pageSize: 20, pageOf: null };

/** The answer as useMainPage pages it: the cases counted are the list's rows. */
interface AccuracyPageAnswer {
  accuracy: Accuracy;
  total: number;
}

/**
 * Träffsäkerhet (enhetschef): does the quality index separate the homes where placements go well
 * from those where they break down, on the municipality's own history? Every ended placement
 * beside the index its first home had the day before it began, per grade and one by one.
 */
export function AccuracyPage({ today, version }: { today: string; version: number }) {
  const { user } = useSession();
  const [grade, setGrade] = useState<GradeFilter | ''>(remembered.grade);
  const [pageSize, setPageSize] = useState<PageSize>(remembered.pageSize);
  const [retries, setRetries] = useState(0);
  const { loaded, answered, offset, pageOf, toPage } = useMainPage<AccuracyPageAnswer>({
    list: JSON.stringify([today, grade, pageSize]),
    reload: `${version}\u0000${retries}`,
    pageSize,
    initial: remembered.pageOf,
    ask: (offset) =>
      api
        .getAccuracy({ date: today, grade: grade === '' ? undefined : grade, offset, limit: pageSize })
        .then((result) => (result.ok ? { ok: true as const, value: { accuracy: result.value, total: result.value.caseCount } } : result)),
  });
  const accuracy = answered?.page.accuracy ?? null;

  useEffect(() => {
    remembered = { grade, pageSize, pageOf };
  }, [grade, pageSize, pageOf]);

  const head = (
    <div className="register__head">
      <div>
        <h1 id="accuracy-title" className="page-title">Träffsäkerhet</h1>
        <p className="page-lead accuracy__lead">
          Skiljer kvalitetsindexet ut de hem där placeringar går bra från dem där de bryts? Här står varje avslutad placering
          bredvid det index som hemmet där den började hade dagen innan den började – inget som hände senare räknas – och hur
          placeringen slutade. Andelen sammanbrott per betyg visar om indexet har träffat rätt i kommunens egen historik.
        </p>
      </div>
    </div>
  );

  if (loaded === null) {
    return (
      <section className="accuracy" aria-labelledby="accuracy-title">
        {head}
        <p className="page-message" role="status">Hämtar träffsäkerheten…</p>
      </section>
    );
  }
  if (accuracy === null) {
    return (
      <section className="accuracy" aria-labelledby="accuracy-title">
        {head}
        <div className="page-message page-message--error" role="alert">
          <p>Träffsäkerheten kunde inte hämtas. {loaded.error}</p>
          {/* Asking again helps after a failure, not when the role does not reach. */}
          {roleAllows(user.role, 'enhetschef') && (
            <div className="page-message__actions">
              <button type="button" className="button" onClick={() => setRetries((n) => n + 1)}>Försök igen</button>
            </div>
          )}
        </div>
      </section>
    );
  }

  const { rows, total } = accuracy;
  const shownOffset = answered?.offset ?? 0;
  return (
    <section className="accuracy" aria-labelledby="accuracy-title">
      {head}
      <p className="accuracy__version">
        {settingsVersionText(accuracy.settingsVersion)} Per {today}.{' '}
        <AppLink to={paths.section('regler')} className="text-link">Kvalitetsindexets inställningar</AppLink>
      </p>

      {loaded.error !== null && (
        <div className="list-error" role="alert">
          <p>Träffsäkerheten kunde inte hämtas på nytt. {loaded.error}</p>
          <button type="button" className="button" onClick={() => setRetries((n) => n + 1)}>Försök igen</button>
        </div>
      )}

      {total.placements === 0 ? (
        <div className="accuracy__empty">
          <h2 className="accuracy__title">Inga avslutade placeringar ännu</h2>
          <p>
            När placeringar har avslutats visas här hur de slutade, bredvid det index deras hem hade när de började. Det
            behövs många avslutade placeringar innan andelarna säger något.
          </p>
        </div>
      ) : (
        <>
          <section className="accuracy__card" aria-labelledby="accuracy-grades-title">
            <h2 id="accuracy-grades-title" className="accuracy__title">Per betyg</h2>
            <p className="accuracy__hint">
              {swedishNumber(total.placements)} avslutade {total.placements === 1 ? 'placering' : 'placeringar'}, varav{' '}
              {swedishNumber(total.breakdowns)} slutade i sammanbrott. Med färre än {accuracy.meaningfulPlacements} placeringar i ett
              betyg är andelen för osäker för att säga något: 95 %-intervallet visar hur osäker den är.
            </p>
            <div className="accuracy__figures">
              <AccuracyTable rows={rows} total={total} caption="Placeringar och sammanbrott per betyg när placeringen började" />
              <AccuracyChart rows={rows} total={total} />
            </div>
          </section>

          <section className="accuracy__card" aria-labelledby="accuracy-cases-title">
            <h2 id="accuracy-cases-title" className="accuracy__title">Placeringarna</h2>
            <div className="toolbar accuracy__toolbar" role="search" aria-label="Filtrera placeringarna">
              <FilterSelect
                id="accuracy-grade"
                label="Betyg"
                value={grade}
                options={gradeOptions}
                allLabel="Alla betyg"
                onChange={(value) => setGrade(value)}
              />
              <div className="field">
                <label htmlFor="accuracy-page-size">Per sida</label>
                <select
                  id="accuracy-page-size"
                  className="input"
                  value={pageSize}
                  onChange={(event) => setPageSize(Number(event.target.value) as PageSize)}
                >
                  {pageSizes.map((size) => (
                    <option key={size} value={size}>{size}</option>
                  ))}
                </select>
              </div>
            </div>
            <p className="result-count" aria-live="polite">
              {accuracy.caseCount === 1 ? '1 placering' : `${swedishNumber(accuracy.caseCount)} placeringar`}
              {grade === '' ? '' : grade === 'none' ? ' utan index' : ` i hem med betyg ${grade}`}, de senast påbörjade först
            </p>
            {accuracy.caseCount === 0 ? (
              <p className="accuracy__none">Inga placeringar med det betyget.</p>
            ) : (
              <>
                <CaseTable cases={accuracy.cases} />
                {accuracy.caseCount > pageSize && (
                  <Pager
                    label="Sidor i listan över placeringar"
                    offset={offset}
                    pageSize={pageSize}
                    total={accuracy.caseCount}
                    shown={{ offset: shownOffset, rows: accuracy.cases.length }}
                    onPage={toPage}
                  />
                )}
              </>
            )}
          </section>
        </>
      )}
    </section>
  );
}

/**
 * The page of cases. No case links to its placement: a protected child's placement comes without
 * an id, and a row that alone had no link would tell that a protected child lived in that home.
 */
function CaseTable({ cases }: { cases: readonly AccuracyCaseView[] }) {
  return (
    <div className="accuracy__table-wrap">
      <table className="accuracy-table accuracy-table--cases">
        <caption className="visually-hidden">Avslutade placeringar med hemmets index när placeringen började</caption>
        <thead>
          <tr>
            <th scope="col">Hem</th>
            <th scope="col">Började</th>
            <th scope="col">Slutade</th>
            <th scope="col">Hur den slutade</th>
            <th scope="col" className="accuracy-table__number">Index</th>
            <th scope="col">Betyg</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c, index) => {
            const breakdown = c.endReason === 'sammanbrott';
            return (
              <tr key={c.placementId ?? `\u0000${index}`} className={breakdown ? 'accuracy-table__breakdown' : undefined}>
                <td>
                  {c.homeId === null ? (
                    <span className="muted">{c.homeName}</span>
                  ) : (
                    <AppLink to={paths.homeHistory(c.homeId)} className="text-link">{c.homeName}</AppLink>
                  )}
                </td>
                <td className="accuracy-table__date">{c.startedOn}</td>
                <td className="accuracy-table__date">{c.endedOn}</td>
                <td>{c.endReason === null ? <span className="muted">Ej angivet</span> : endReasonLabels[c.endReason]}</td>
                <td className="accuracy-table__number">{c.score === null ? <span className="muted">–</span> : c.score}</td>
                <td>{c.grade ?? <span className="muted">Inget index</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
