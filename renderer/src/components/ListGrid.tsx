import { useRef } from 'react';
import type { Key } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellKeyDownEvent, ColDef, GridOptions } from 'ag-grid-community';
import { cspNonce } from '../bridge/api';

interface Props<T> {
  /** The grid's theme (see gridTheme): the row height differs per list. */
  theme: GridOptions<T>['theme'];
  columnDefs: ColDef<T>[];
  defaultColDef: ColDef<T>;
  rows: T[];
  getRowId: NonNullable<GridOptions<T>['getRowId']>;
  getRowClass?: GridOptions<T>['getRowClass'];
  /** Handed to the cell renderers (e.g. today, for "om 12 dagar"). */
  context?: unknown;
  /** The texts this grid shows itself: its overlays and the sortable header's description. */
  localeText: Record<string, string>;
  tooltipShowMode?: GridOptions<T>['tooltipShowMode'];
  /** When it changes the grid is drawn anew (cells counted from today use the date). */
  redrawKey?: Key;
  /** The id of the heading that names the grid for screen readers. */
  labelledBy: string;
  /** A row clicked, or Enter on one of its cells. */
  onOpen: (row: T) => void;
}

/**
 * What the app's lists share around AG Grid: theme with the CSP nonce, rows in the DOM in the order
 * shown, one Tab stop, the accessible name, and a row opened by click or Enter.
 */
export function ListGrid<T>(props: Props<T>) {
  const { labelledBy, onOpen } = props;
  const wrapRef = useRef<HTMLDivElement>(null);
  return (
    <div className="grid-wrap" ref={wrapRef}>
      <AgGridReact<T>
        key={props.redrawKey}
        theme={props.theme}
        styleNonce={cspNonce}
        rowData={props.rows}
        columnDefs={props.columnDefs}
        defaultColDef={props.defaultColDef}
        context={props.context}
        getRowId={props.getRowId}
        getRowClass={props.getRowClass}
        localeText={props.localeText}
        // Rows in the DOM in the order shown, so screen readers read them as they are seen.
        ensureDomOrder
        tooltipShowMode={props.tooltipShowMode}
        // One Tab stop: the arrow keys move inside, Tab and Shift+Tab leave the grid (false lets
        // the browser move focus on, see NavigationService.onTabKeyDown in AG Grid 36).
        tabToNextCell={() => false}
        tabToNextHeader={() => false}
        // AG Grid 36 has no option for the grid's accessible name: set it on its role="grid" element.
        onGridReady={() => wrapRef.current?.querySelector('[role="grid"]')?.setAttribute('aria-labelledby', labelledBy)}
        onRowClicked={({ data }) => data && onOpen(data)}
        onCellKeyDown={(event: CellKeyDownEvent<T>) => {
          const key = (event.event as KeyboardEvent | null | undefined)?.key;
          if (key === 'Enter' && event.data) onOpen(event.data);
        }}
      />
    </div>
  );
}
