import type { ColDef, GetRowIdParams, ICellRendererParams, RowClassParams } from 'ag-grid-community';
import { checkSortColumns, spellOutReference, type CheckListRow, type CheckSort } from '../../../preload/api';
import { gridTheme } from '../components/grid';
import { CellStack } from '../components/CellStack';
import { PageGrid, pageColumnDefaults } from '../components/PageGrid';
import { registerLabels, ruleLabels } from '../labels';
import { relativeDays } from '../today';
import { isProblem, needsAction, statusLabel } from './status';

// Eight columns on a laptop's width: a size smaller and tighter than the other lists.
const theme = gridTheme(62).withParams({ fontSize: 14, headerFontSize: 13, spacing: 5 });

const localeText: Record<string, string> = {
  noRowsToShow: 'Inga kontroller att visa.',
  noMatchingRows: 'Inga kontroller att visa.',
  loadingOoo: 'Hämtar kontroller…',
  loadingError: 'Kontrollerna kunde inte hämtas.',
  ariaSortableColumn: 'Tryck Enter för att sortera',
};

/** One row per check: a stay's decision (per adult and register), or an adult's re-check. */
export const checkKey = (row: CheckListRow): string =>
  [row.check, row.placementId ?? '', row.homeId, row.personId ?? '', row.register, row.date].join(':');

/** The status in words, with a mark that is not colour: ✓ for OK, ✕ for a problem. */
export function CheckStatusBadge({ row }: { row: Pick<CheckListRow, 'check' | 'status'> }) {
  const problem = isProblem(row);
  const recheck = row.check === 'registerkontroll-fortlopande';
  const tone = recheck ? `badge--deadline-${row.status}` : problem ? 'badge--check-problem' : 'badge--check-ok';
  const mark = recheck ? '' : problem ? '✕ ' : '✓ ';
  return (
    <span className={`badge ${tone}`}>
      {mark && <span aria-hidden="true">{mark}</span>}
      {statusLabel(row.status)}
    </span>
  );
}

interface Context {
  today: string;
}

/** Short, beside the Register column: "Före beslut" + "IVO-tillstånd"; the filter and tooltip say it in full. */
const kindLabels: Record<CheckListRow['check'], string> = {
  registerkontroll: 'Före beslut',
  'ivo-tillstand': 'Före beslut',
  'registerkontroll-fortlopande': 'Fortlöpande',
};

/** The child of a decision check, said to be ended when the placement is (why "Att åtgärda" leaves it out). */
function placementLabel(row: CheckListRow): string {
  if (row.check === 'registerkontroll-fortlopande') return 'Omkontroll';
  const child = row.childLabel ?? 'Placering';
  return row.current ? child : `${child} (avslutad)`;
}

const cells = {
  status: ({ data }: ICellRendererParams<CheckListRow>) => (data ? <CheckStatusBadge row={data} /> : null),
  check: ({ data }: ICellRendererParams<CheckListRow>) =>
    data ? <CellStack strong first={kindLabels[data.check]} second={placementLabel(data)} /> : null,
  home: ({ data }: ICellRendererParams<CheckListRow>) => (data ? <CellStack first={data.homeName} /> : null),
  person: ({ data }: ICellRendererParams<CheckListRow>) =>
    data ? (
      <CellStack
        first={
          data.personName ?? <span className="muted">{data.check === 'ivo-tillstand' ? 'Hemmet' : 'Ingen uppdragstagare'}</span>
        }
      />
    ) : null,
  date: ({ data, context }: ICellRendererParams<CheckListRow, unknown, Context>) =>
    data ? (
      <CellStack
        first={data.date}
        second={data.check === 'registerkontroll-fortlopande' ? relativeDays(data.date, context.today) : 'Beslut'}
      />
    ) : null,
  checkedOn: ({ data }: ICellRendererParams<CheckListRow>) =>
    data ? <CellStack first={data.checkedOn ?? <span className="muted">Ingen</span>} /> : null,
  // Read whole, on as many lines as it takes; the law spelled out in the tooltip.
  explanation: ({ data }: ICellRendererParams<CheckListRow>) => (data ? <span className="cell-long">{data.explanation}</span> : null),
};

const columnDefs: ColDef<CheckListRow>[] = [
  {
    colId: 'status',
    headerName: 'Status',
    valueGetter: ({ data }) => (data ? statusLabel(data.status) : ''),
    cellRenderer: cells.status,
    // Wide enough for the longest status ("× Efter beslut", "× Inte giltigt").
    width: 150,
  },
  {
    colId: 'check',
    headerName: 'Kontroll',
    valueGetter: ({ data }) => (data ? ruleLabels[data.check] : ''),
    cellRenderer: cells.check,
    tooltipValueGetter: ({ data }) =>
      data ? [ruleLabels[data.check], data.childLabel, data.current ? null : 'placeringen är avslutad'].filter(Boolean).join(', ') : '',
    width: 130,
  },
  {
    colId: 'home',
    headerName: 'Hem',
    field: 'homeName',
    cellRenderer: cells.home,
    tooltipField: 'homeName',
    flex: 1,
    minWidth: 140,
  },
  {
    colId: 'person',
    headerName: 'Person',
    valueGetter: ({ data }) => data?.personName ?? '',
    cellRenderer: cells.person,
    tooltipValueGetter: ({ data }) => data?.personName ?? '',
    flex: 0.9,
    minWidth: 130,
  },
  {
    colId: 'register',
    headerName: 'Register',
    valueGetter: ({ data }) => (data ? registerLabels[data.register] : ''),
    width: 160,
  },
  {
    colId: 'date',
    headerName: 'Datum',
    headerTooltip: 'Beslutsdatum, eller när omkontrollen förfaller',
    field: 'date',
    cellRenderer: cells.date,
    width: 128,
  },
  {
    colId: 'checkedOn',
    headerName: 'Senaste kontroll',
    valueGetter: ({ data }) => data?.checkedOn ?? '',
    cellRenderer: cells.checkedOn,
    width: 142,
  },
  {
    colId: 'explanation',
    headerName: 'Förklaring',
    field: 'explanation',
    cellRenderer: cells.explanation,
    tooltipValueGetter: ({ data }) => (data ? `${data.explanation} ${spellOutReference(data.legalRef, data.date)}` : ''),
    sortable: false,
    flex: 1.8,
    minWidth: 220,
  },
];

/** Main sorts the rows (`listCheckPage`): a column's sort is its id (`checkSortColumns`). */
const defaultColDef: ColDef<CheckListRow> = pageColumnDefaults;

const getRowId = ({ data }: GetRowIdParams<CheckListRow>) => checkKey(data);
// Marked only what is to be acted on: an ended placement's ✕ is history, a re-check due soon has its own colour.
const getRowClass = ({ data }: RowClassParams<CheckListRow>) => (data && needsAction(data) ? 'row--check-problem' : undefined);

/** Rows per page: a screen shows a few dozen; main caps an answer at 500. */
export const CHECK_PAGE_SIZE = 100;

interface Props {
  /** The page's rows, in main's order. */
  rows: CheckListRow[];
  sort: CheckSort | undefined;
  onSort: (sort: CheckSort | undefined) => void;
  /** Changes when another page (or list) is shown: the grid scrolls back to its first row. */
  pageKey: string;
  today: string;
  /** The id of the heading that names the grid for screen readers. */
  labelledBy: string;
  onOpen: (row: CheckListRow) => void;
}

/** The list of checks: one page at a time, sorted in main (PageGrid). */
export function ChecksGrid({ rows, sort, onSort, pageKey, today, labelledBy, onOpen }: Props) {
  return (
    <PageGrid<CheckListRow, CheckSort['column']>
      rows={rows}
      sortColumns={checkSortColumns}
      sort={sort}
      onSort={onSort}
      pageKey={pageKey}
      // "om 12 dagar" is counted from today: a new date draws the grid anew.
      redrawKey={today}
      theme={theme}
      columnDefs={columnDefs}
      defaultColDef={defaultColDef}
      context={{ today } satisfies Context}
      getRowId={getRowId}
      getRowClass={getRowClass}
      localeText={localeText}
      labelledBy={labelledBy}
      onOpen={onOpen}
    />
  );
}
