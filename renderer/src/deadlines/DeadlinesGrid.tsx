import type { ColDef, GetRowIdParams, ICellRendererParams, RowClassParams } from 'ag-grid-community';
import { deadlineSortColumns, spellOutReference, type DeadlineRow, type DeadlineSort } from '../../../preload/api';
import { gridTheme } from '../components/grid';
import { CellStack } from '../components/CellStack';
import { PageGrid, pageColumnDefaults } from '../components/PageGrid';
import { deadlineStatusLabels } from '../labels';
import { relativeDays } from '../today';
import { deadlineTitle } from './rowTitle';

/** The least a row has: two lines; a row with more text grows with it (`wrapped`). */
const theme = gridTheme(62);

const localeText: Record<string, string> = {
  noRowsToShow: 'Inga bevakningar matchar sökningen eller filtren.',
  noMatchingRows: 'Inga bevakningar matchar sökningen eller filtren.',
  loadingOoo: 'Hämtar bevakningar…',
  ariaSortableColumn: 'Tryck Enter för att sortera',
};

/** A row's key: one deadline per rule and placement (or home, for the home rules; per adult and register for re-checks). */
export const deadlineKey = (row: DeadlineRow): string =>
  `${row.rule}:${row.placementId ?? `hem:${row.homeId ?? ''}`}${row.personId ? `:${row.personId}:${row.register ?? ''}` : ''}`;

function StatusCell({ data }: ICellRendererParams<DeadlineRow>) {
  if (!data) return null;
  return <span className={`badge badge--deadline-${data.status}`}>{deadlineStatusLabels[data.status]}</span>;
}

interface Context {
  today: string;
}

function DueCell({ data, context }: ICellRendererParams<DeadlineRow, unknown, Context>) {
  if (!data) return null;
  return <CellStack first={data.dueOn} second={relativeDays(data.dueOn, context.today)} />;
}

function RuleCell({ data }: ICellRendererParams<DeadlineRow>) {
  if (!data) return null;
  // A jourhem overrun with särskilda skäl says so where the explanation would be (it is in the tooltip).
  return (
    <CellStack
      strong
      first={deadlineTitle(data)}
      second={
        data.specialReasonsOn ? (
          <span className="deadline-note">Särskilda skäl dokumenterade {data.specialReasonsOn}</span>
        ) : (
          data.explanation
        )
      }
    />
  );
}

function LegalCell({ data }: ICellRendererParams<DeadlineRow>) {
  if (!data) return null;
  return <CellStack first={data.legalRef} second={`Räknat från: ${data.basisLabel} ${data.basisOn}`} />;
}

function ChildCell({ data }: ICellRendererParams<DeadlineRow>) {
  if (!data) return null;
  // An audit's action is the unit's: who is to do it.
  if (data.rule === 'egenkontroll-atgard') return <CellStack strong first={data.personName ?? ''} second="Ansvarig" />;
  // The home rules have no child: the home is what the row is about (a re-check: an adult of it).
  if (data.placementId === null) {
    const about = data.rule === 'registerkontroll-fortlopande' ? 'Vuxen i hemmet' : 'Gäller hemmet';
    return <CellStack strong first={data.homeName ?? 'Hemmet'} second={about} />;
  }
  return <CellStack strong first={data.childLabel} second={data.homeName ?? 'Placeringen har avslutats'} />;
}

function CaseworkerCell({ data }: ICellRendererParams<DeadlineRow>) {
  if (!data) return null;
  return <CellStack first={data.caseworker ?? 'Ingen angiven'} second={data.unit} />;
}

/**
 * The text columns share the width and wrap, so their least widths are small enough for every
 * column to show at 1 024 px; a wide screen gives each more room and fewer lines. Main sorts the
 * rows (`listDeadlinePage`): a column's sort is its id (`deadlineSortColumns`).
 */
const columnDefs: ColDef<DeadlineRow>[] = [
  {
    colId: 'status',
    headerName: 'Status',
    valueGetter: ({ data }) => (data ? deadlineStatusLabels[data.status] : ''),
    cellRenderer: StatusCell,
    width: 108,
  },
  {
    colId: 'dueOn',
    headerName: 'Förfaller',
    field: 'dueOn',
    cellRenderer: DueCell,
    width: 140,
  },
  {
    colId: 'title',
    headerName: 'Bevakning',
    valueGetter: ({ data }) => (data ? deadlineTitle(data) : ''),
    cellRenderer: RuleCell,
    tooltipValueGetter: ({ data }) =>
      data ? `${deadlineTitle(data)}: ${data.explanation}${data.specialReasonsOn ? ` Särskilda skäl dokumenterade ${data.specialReasonsOn}.` : ''}` : '',
    flex: 1.7,
    minWidth: 220,
  },
  {
    colId: 'legalRef',
    headerName: 'Lagrum',
    field: 'legalRef',
    cellRenderer: LegalCell,
    tooltipValueGetter: ({ data }) => (data ? `${spellOutReference(data.legalRef, data.dueOn)}. Räknat från: ${data.basisLabel} ${data.basisOn}` : ''),
    flex: 1.2,
    minWidth: 160,
  },
  {
    colId: 'child',
    headerName: 'Barn och hem',
    valueGetter: ({ data }) => (data ? (data.childLabel ?? data.homeName ?? '') : ''),
    cellRenderer: ChildCell,
    tooltipValueGetter: ({ data }) => (data ? [data.childLabel, data.homeName].filter(Boolean).join(', ') : ''),
    flex: 1.1,
    minWidth: 150,
  },
  {
    colId: 'caseworker',
    headerName: 'Handläggare',
    field: 'caseworker',
    cellRenderer: CaseworkerCell,
    tooltipValueGetter: ({ data }) => (data ? [data.caseworker, data.unit].filter(Boolean).join(', ') : ''),
    flex: 1,
    minWidth: 170,
  },
];

const defaultColDef: ColDef<DeadlineRow> = pageColumnDefaults;

const getRowId = ({ data }: GetRowIdParams<DeadlineRow>) => deadlineKey(data);
const getRowClass = ({ data }: RowClassParams<DeadlineRow>) => (data ? `row--deadline-${data.status}` : undefined);

/** Rows per page: a screen shows a few dozen; main caps an answer at 500. */
export const DEADLINE_PAGE_SIZE = 100;

interface Props {
  /** The page's rows, in main's order. */
  rows: DeadlineRow[];
  /** The sort main was asked for: the headers show it; a header clicked asks for another. */
  sort: DeadlineSort | undefined;
  onSort: (sort: DeadlineSort | undefined) => void;
  /** Changes when another page (or list) is shown: the grid scrolls back to its first row. */
  pageKey: string;
  today: string;
  /** The id of the heading that names the grid for screen readers. */
  labelledBy: string;
  onOpen: (row: DeadlineRow) => void;
}

/** The bevakningslista's grid: one page of rows at a time, sorted in main (PageGrid). */
export function DeadlinesGrid({ rows, sort, onSort, pageKey, today, labelledBy, onOpen }: Props) {
  return (
    <PageGrid<DeadlineRow, DeadlineSort['column']>
      rows={rows}
      sortColumns={deadlineSortColumns}
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
