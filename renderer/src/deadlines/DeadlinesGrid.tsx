import { useEffect, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import {
  ColumnApiModule,
  ScrollApiModule,
  type CellKeyDownEvent,
  type ColDef,
  type GetRowIdParams,
  type GridApi,
  type ICellRendererParams,
  type RowClassParams,
  type SortModelItem,
} from 'ag-grid-community';
import { deadlineSortColumns, spellOutReference, type DeadlineRow, type DeadlineSort } from '../../../preload/api';
import { cspNonce } from '../bridge/api';
import { gridTheme, wrapped } from '../components/grid';
import { CellStack } from '../components/CellStack';
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

/**
 * Main sorts the list (the whole of it, not the page shown): a header's sort is sent with the
 * question, and the grid's own sort keeps the page in the order main gave (a comparator that finds
 * every row equal, and the sort is stable).
 */
const keepMainsOrder = () => 0;
const defaultColDef: ColDef<DeadlineRow> = {
  ...wrapped,
  sortable: true,
  comparator: keepMainsOrder,
  resizable: true,
  suppressMovable: true,
  cellClass: 'cell--stack',
};

const getRowId = ({ data }: GetRowIdParams<DeadlineRow>) => deadlineKey(data);
const getRowClass = ({ data }: RowClassParams<DeadlineRow>) => (data ? `row--deadline-${data.status}` : undefined);

/** Rows per page: a screen shows a few dozen; main caps an answer at 500. */
export const DEADLINE_PAGE_SIZE = 100;

/** The grid's sort as main takes it: one column of the list, or none (the list's own order). */
export function deadlineSort(model: readonly SortModelItem[]): DeadlineSort | undefined {
  const first = model[0];
  const column = deadlineSortColumns.find((id) => id === first?.colId);
  return first && column ? { column, direction: first.sort } : undefined;
}

const sameSort = (a: DeadlineSort | undefined, b: DeadlineSort | undefined) => a?.column === b?.column && a?.direction === b?.direction;

/** The headers show `sort`, and only it. */
function showSort(api: GridApi<DeadlineRow>, sort: DeadlineSort | undefined) {
  api.applyColumnState({ state: sort ? [{ colId: sort.column, sort: sort.direction }] : [], defaultState: { sort: null } });
}

/** The headers' sort is set from the page's (`applyColumnState`); another page starts at its top (`ensureIndexVisible`). */
const modules = [ColumnApiModule, ScrollApiModule];

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

/**
 * The bevakningslista's grid: one page of rows at a time (the client-side row model, holding only
 * the rows main sent), each row as tall as its text. Otherwise as the app's lists (ListGrid): theme
 * with the CSP nonce, rows in the DOM in the order shown, one Tab stop, the accessible name, a row
 * opened by click or Enter. A header sorts the whole list in main (`onSort`), not the page.
 */
export function DeadlinesGrid({ rows, sort, onSort, pageKey, today, labelledBy, onOpen }: Props) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const apiRef = useRef<GridApi<DeadlineRow> | null>(null);
  // The sort asked for, for the grid's events (a header clicked, the state set from here).
  const sortRef = useRef(sort);
  useEffect(() => {
    sortRef.current = sort;
    if (apiRef.current && !apiRef.current.isDestroyed()) showSort(apiRef.current, sort);
  }, [sort]);
  // Another page starts at its top.
  const hasRows = rows.length > 0;
  useEffect(() => {
    const api = apiRef.current;
    if (api && !api.isDestroyed() && hasRows) api.ensureIndexVisible(0, 'top');
    // Only when another page is shown, not when a write changes the rows of this one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pageKey]);
  return (
    <div className="grid-wrap" ref={wrapRef}>
      <AgGridReact<DeadlineRow>
        // "om 12 dagar" is counted from today: a new date draws the grid anew.
        key={today}
        modules={modules}
        theme={theme}
        styleNonce={cspNonce}
        rowData={rows}
        // One column sorts the list: main sorts by one.
        suppressMultiSort
        columnDefs={columnDefs}
        defaultColDef={defaultColDef}
        context={{ today } satisfies Context}
        getRowId={getRowId}
        getRowClass={getRowClass}
        localeText={localeText}
        // Rows in the DOM in the order shown, so screen readers read them as they are seen.
        ensureDomOrder
        // One Tab stop: the arrow keys move inside, Tab and Shift+Tab leave the grid.
        tabToNextCell={() => false}
        tabToNextHeader={() => false}
        onGridReady={({ api }) => {
          apiRef.current = api;
          showSort(api, sortRef.current);
          // AG Grid 36 has no option for the grid's accessible name: set it on its role="grid" element.
          wrapRef.current?.querySelector('[role="grid"]')?.setAttribute('aria-labelledby', labelledBy);
        }}
        onGridPreDestroyed={() => {
          apiRef.current = null;
        }}
        onSortChanged={({ api }) => {
          const asked = deadlineSort(
            api
              .getColumnState()
              .filter((column) => column.sort)
              .map((column) => ({ colId: column.colId, sort: column.sort as 'asc' | 'desc' })),
          );
          if (!sameSort(asked, sortRef.current)) onSort(asked);
        }}
        onRowClicked={({ data }) => data && onOpen(data)}
        onCellKeyDown={(event: CellKeyDownEvent<DeadlineRow>) => {
          const key = (event.event as KeyboardEvent | null | undefined)?.key;
          if (key === 'Enter' && event.data) onOpen(event.data);
        }}
      />
    </div>
  );
}
