import { useEffect, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import {
  ColumnApiModule,
  ScrollApiModule,
  type CellKeyDownEvent,
  type ColDef,
  type GetRowIdFunc,
  type GridApi,
  type GridOptions,
  type Theme,
} from 'ag-grid-community';
import { cspNonce } from '../bridge/api';
import { wrapped } from './grid';

/** A list's sort as main takes it: one of its columns, up or down. */
export interface MainSort<Column extends string> {
  column: Column;
  direction: 'asc' | 'desc';
}

/**
 * Main sorts the list (the whole of it, not the page shown): a header's sort is sent with the
 * question, and the grid's own sort keeps the page in the order main gave (a comparator that finds
 * every row equal, and the sort is stable).
 */
export const keepMainsOrder = () => 0;

/** A paged list's columns: sorted by main, as tall as their text, resizable, not moved. */
export const pageColumnDefaults = {
  ...wrapped,
  sortable: true,
  comparator: keepMainsOrder,
  resizable: true,
  suppressMovable: true,
  cellClass: 'cell--stack',
} as const;

const sameSort = <C extends string>(a: MainSort<C> | undefined, b: MainSort<C> | undefined) =>
  a?.column === b?.column && a?.direction === b?.direction;

/** The headers show `sort`, and only it. */
function showSort<T>(api: GridApi<T>, sort: MainSort<string> | undefined) {
  api.applyColumnState({ state: sort ? [{ colId: sort.column, sort: sort.direction }] : [], defaultState: { sort: null } });
}

/** The headers' sort is set from the page's (`applyColumnState`); another page starts at its top (`ensureIndexVisible`). */
const modules = [ColumnApiModule, ScrollApiModule];

interface Props<T, Column extends string> {
  /** The page's rows, in main's order. */
  rows: T[];
  /** The columns main can sort by (their ids); a header of another column sorts nothing. */
  sortColumns: readonly Column[];
  /** The sort main was asked for: the headers show it; a header clicked asks for another. */
  sort: MainSort<Column> | undefined;
  onSort: (sort: MainSort<Column> | undefined) => void;
  /** Changes when another page (or list) is shown: the grid scrolls back to its first row. */
  pageKey: string;
  /** Changes when the cells' text would (a new date): the grid is drawn anew. */
  redrawKey: string;
  theme: Theme;
  columnDefs: ColDef<T>[];
  defaultColDef: ColDef<T>;
  context?: unknown;
  getRowId: GetRowIdFunc<T>;
  getRowClass?: GridOptions<T>['getRowClass'];
  localeText: Record<string, string>;
  /** The id of the heading that names the grid for screen readers. */
  labelledBy: string;
  onOpen: (row: T) => void;
}

/**
 * A list that main filters, sorts and pages, one page at a time (the client-side row model,
 * holding only the rows main sent), each row as tall as its text. Otherwise as the app's lists
 * (ListGrid): theme with the CSP nonce, rows in the DOM in the order shown, one Tab stop, the
 * accessible name, a row opened by click or Enter. A header sorts the whole list in main (`onSort`).
 */
export function PageGrid<T, Column extends string>(props: Props<T, Column>) {
  const { rows, sortColumns, sort, onSort, pageKey, redrawKey, labelledBy, onOpen } = props;
  const wrapRef = useRef<HTMLDivElement>(null);
  const apiRef = useRef<GridApi<T> | null>(null);
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
      <AgGridReact<T>
        key={redrawKey}
        modules={modules}
        theme={props.theme}
        styleNonce={cspNonce}
        rowData={rows}
        // One column sorts the list: main sorts by one.
        suppressMultiSort
        columnDefs={props.columnDefs}
        defaultColDef={props.defaultColDef}
        context={props.context}
        getRowId={props.getRowId}
        getRowClass={props.getRowClass}
        localeText={props.localeText}
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
          const first = api.getColumnState().find((column) => column.sort);
          const column = sortColumns.find((id) => id === first?.colId);
          const asked = first && column ? { column, direction: first.sort as 'asc' | 'desc' } : undefined;
          if (!sameSort(asked, sortRef.current)) onSort(asked);
        }}
        onRowClicked={({ data }) => data && onOpen(data)}
        onCellKeyDown={(event: CellKeyDownEvent<T>) => {
          const key = (event.event as KeyboardEvent | null | undefined)?.key;
          if (key === 'Enter' && event.data) onOpen(event.data);
        }}
      />
    </div>
  );
}
