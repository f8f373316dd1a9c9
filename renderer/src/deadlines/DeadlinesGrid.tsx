import { useCallback, useEffect, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import {
  InfiniteRowModelModule,
  type CellKeyDownEvent,
  type ColDef,
  type GetRowIdParams,
  type GridApi,
  type ICellRendererParams,
  type IDatasource,
  type RowClassParams,
  type SortModelItem,
} from 'ag-grid-community';
import { deadlineSortColumns, spellOutReference, type DeadlineRow, type DeadlineSort } from '../../../preload/api';
import { cspNonce } from '../bridge/api';
import { gridTheme } from '../components/grid';
import { CellStack } from '../components/CellStack';
import { deadlineStatusLabels } from '../labels';
import { relativeDays } from '../today';
import { deadlineTitle } from './rowTitle';

/** The least a row has: two lines. Rows are as tall as the tallest text drawn (see fitRowHeight). */
const LEAST_ROW_HEIGHT = 62;
const theme = gridTheme(LEAST_ROW_HEIGHT);

const localeText: Record<string, string> = {
  noRowsToShow: 'Inga bevakningar matchar sökningen eller filtren.',
  noMatchingRows: 'Inga bevakningar matchar sökningen eller filtren.',
  loadingOoo: 'Hämtar bevakningar…',
  loadingError: 'Bevakningarna kunde inte hämtas.',
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
 * rows (`listDeadlinePage`): a column's sort is its id, in the order the grid's comparators had.
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
    sort: 'asc',
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

// No autoHeight: the infinite row model draws rows of one height, so the cells wrap within it and
// the grid's row height follows the tallest text drawn (fitRowHeight).
const defaultColDef: ColDef<DeadlineRow> = {
  wrapText: true,
  sortable: true,
  resizable: true,
  suppressMovable: true,
  cellClass: 'cell--stack cell--fitted',
};

const getRowId = ({ data }: GetRowIdParams<DeadlineRow>) => deadlineKey(data);
const getRowClass = ({ data }: RowClassParams<DeadlineRow>) => (data ? `row--deadline-${data.status}` : undefined);

/** Rows per request: a screen shows a few dozen; main caps an answer at 500. */
export const DEADLINE_BLOCK_SIZE = 100;

/** The grid's sort as main takes it: one column of the list, or none (the list's own order). */
export function deadlineSort(model: readonly SortModelItem[]): DeadlineSort | undefined {
  const first = model[0];
  const column = deadlineSortColumns.find((id) => id === first?.colId);
  return first && column ? { column, direction: first.sort } : undefined;
}

/**
 * The rows' one height: the tallest text of the rows drawn, with the cell's padding, and never less
 * than two lines. A wrapped text is then never cut; the rows drawn later can only make it taller
 * (`grow`), so rows do not jump while scrolling, and a new list or width measures anew.
 */
function fitRowHeight(api: GridApi<DeadlineRow>, wrap: HTMLElement | null, grow: boolean): boolean {
  if (!wrap || api.isDestroyed()) return false;
  let tallest = 0;
  for (const cell of wrap.querySelectorAll<HTMLElement>('.ag-row .cell--fitted')) {
    const content = cell.querySelector<HTMLElement>('.cell-stack');
    if (!content) continue;
    const style = getComputedStyle(cell);
    const needed =
      content.getBoundingClientRect().height +
      parseFloat(style.paddingTop) +
      parseFloat(style.paddingBottom) +
      parseFloat(style.borderTopWidth) +
      parseFloat(style.borderBottomWidth);
    tallest = Math.max(tallest, Math.ceil(needed) + 1);
  }
  if (tallest === 0) return false;
  const current = api.getGridOption('rowHeight') ?? LEAST_ROW_HEIGHT;
  const height = Math.max(LEAST_ROW_HEIGHT, grow ? Math.max(current, tallest) : tallest);
  if (height !== current) api.setGridOption('rowHeight', height);
  return true;
}

interface Props {
  /** Gives the rows block by block: main filters, sorts and pages them. */
  datasource: IDatasource;
  today: string;
  /** The id of the heading that names the grid for screen readers. */
  labelledBy: string;
  onOpen: (row: DeadlineRow) => void;
}

const modules = [InfiniteRowModelModule];

/**
 * The bevakningslista's grid over AG Grid's infinite row model: the grid asks the datasource for
 * the blocks it shows. Otherwise as the app's lists (ListGrid): theme with the CSP nonce, rows in
 * the DOM in the order shown, one Tab stop, the accessible name, a row opened by click or Enter.
 */
export function DeadlinesGrid({ datasource, today, labelledBy, onOpen }: Props) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const apiRef = useRef<GridApi<DeadlineRow> | null>(null);
  const frame = useRef(0);
  // A new list (filters, sort, a write) or width measures anew; scrolling through one only grows.
  const fresh = useRef(true);
  const fit = useCallback((anew: boolean) => {
    if (anew) fresh.current = true;
    cancelAnimationFrame(frame.current);
    // After the cells' renderers have drawn the new rows.
    frame.current = requestAnimationFrame(() => {
      frame.current = requestAnimationFrame(() => {
        if (apiRef.current && fitRowHeight(apiRef.current, wrapRef.current, !fresh.current)) {
          fresh.current = false;
          wrapRef.current?.classList.remove('grid-wrap--fitting');
        }
      });
    });
  }, []);
  // A new list's rows are shown once they have their height, so they do not jump from two lines.
  useEffect(() => {
    fresh.current = true;
    wrapRef.current?.classList.add('grid-wrap--fitting');
  }, [datasource]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  return (
    <div className="grid-wrap grid-wrap--fitting" ref={wrapRef}>
      <AgGridReact<DeadlineRow>
        // "om 12 dagar" is counted from today: a new date draws the grid anew.
        key={today}
        modules={modules}
        theme={theme}
        styleNonce={cspNonce}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={DEADLINE_BLOCK_SIZE}
        // The rows of one block are drawn with the blocks around them; a few kept while scrolling back.
        maxBlocksInCache={10}
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
          // AG Grid 36 has no option for the grid's accessible name: set it on its role="grid" element.
          wrapRef.current?.querySelector('[role="grid"]')?.setAttribute('aria-labelledby', labelledBy);
        }}
        onGridPreDestroyed={() => {
          apiRef.current = null;
        }}
        onModelUpdated={() => fit(false)}
        onViewportChanged={() => fit(false)}
        onGridSizeChanged={() => fit(true)}
        onColumnResized={({ finished }) => finished && fit(true)}
        onRowClicked={({ data }) => data && onOpen(data)}
        onCellKeyDown={(event: CellKeyDownEvent<DeadlineRow>) => {
          const key = (event.event as KeyboardEvent | null | undefined)?.key;
          if (key === 'Enter' && event.data) onOpen(event.data);
        }}
      />
    </div>
  );
}
