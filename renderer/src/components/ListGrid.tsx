import { useCallback, useEffect, useRef } from 'react';
import type { Key, RefObject } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellKeyDownEvent, ColDef, GridApi, GridOptions, IDatasource, RowClickedEvent } from 'ag-grid-community';
import { cspNonce } from '../bridge/api';

/**
 * Rows that main filters, sorts and pages (AG Grid's infinite row model): the grid asks the
 * datasource for the blocks it shows, with the sort the headers show (`sortModel`), and never
 * sorts or filters them itself.
 */
export interface PagedRows {
  datasource: IDatasource;
  /** Rows per request. */
  blockSize: number;
  /** Blocks kept while scrolling; older ones are asked for again when scrolled back to. */
  maxBlocks: number;
  /**
   * The least a row has (the theme's row height). The infinite row model draws rows of one
   * height, so the grid makes them as tall as the tallest text drawn in a `cell--fitted` cell
   * (its content a `.cell-stack`), and a wrapped text is never cut.
   */
  leastRowHeight: number;
}

/**
 * The rows' one height: the tallest text of the rows drawn, with the cell's padding, and never less
 * than `least`. The rows drawn later can only make it taller (`grow`), so rows do not jump while
 * scrolling; a new list or width measures anew.
 */
function fitRowHeight<T>(api: GridApi<T>, wrap: HTMLElement | null, least: number, grow: boolean): boolean {
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
  const current = api.getGridOption('rowHeight') ?? least;
  const height = Math.max(least, grow ? Math.max(current, tallest) : tallest);
  if (height !== current) api.setGridOption('rowHeight', height);
  return true;
}

/**
 * Fits the rows of a paged grid to their text (fitRowHeight), measured after the cells are drawn;
 * a new list's rows are shown once they have their height (`grid-wrap--fitting` hides them).
 */
function useRowFit<T>(wrapRef: RefObject<HTMLDivElement | null>, paged: PagedRows | undefined) {
  const apiRef = useRef<GridApi<T> | null>(null);
  const frame = useRef(0);
  // A new list or width measures anew; scrolling through one only grows.
  const fresh = useRef(true);
  const least = paged?.leastRowHeight;
  const fit = useCallback(
    (anew: boolean) => {
      if (least === undefined) return;
      if (anew) fresh.current = true;
      cancelAnimationFrame(frame.current);
      // After the cells' renderers have drawn the new rows.
      frame.current = requestAnimationFrame(() => {
        frame.current = requestAnimationFrame(() => {
          if (apiRef.current && fitRowHeight(apiRef.current, wrapRef.current, least, !fresh.current)) {
            fresh.current = false;
            wrapRef.current?.classList.remove('grid-wrap--fitting');
          }
        });
      });
    },
    [least, wrapRef],
  );
  const datasource = paged?.datasource;
  useEffect(() => {
    if (datasource === undefined) return;
    fresh.current = true;
    wrapRef.current?.classList.add('grid-wrap--fitting');
  }, [datasource, wrapRef]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  return { apiRef, fit };
}

interface Props<T> {
  /** The grid's theme (see gridTheme): the row height differs per list. */
  theme: GridOptions<T>['theme'];
  columnDefs: ColDef<T>[];
  defaultColDef: ColDef<T>;
  /** All the rows, sorted and filtered here; or `paged`, for rows main gives a block at a time. */
  rows?: T[];
  paged?: PagedRows;
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

/** Whether an event started on a link in a cell: the link opens its page itself, so the row must not too. */
const onLink = (event: Event | null | undefined): boolean => event?.target instanceof Element && event.target.closest('a[href]') !== null;

/**
 * What the app's lists share around AG Grid: theme with the CSP nonce, rows in the DOM in the order
 * shown, one Tab stop, the accessible name, and a row opened by click or Enter.
 */
export function ListGrid<T>(props: Props<T>) {
  const { labelledBy, onOpen, paged } = props;
  const wrapRef = useRef<HTMLDivElement>(null);
  const { apiRef, fit } = useRowFit<T>(wrapRef, paged);
  return (
    <div className={paged ? 'grid-wrap grid-wrap--fitting' : 'grid-wrap'} ref={wrapRef}>
      <AgGridReact<T>
        key={props.redrawKey}
        theme={props.theme}
        styleNonce={cspNonce}
        {...(paged
          ? {
              rowModelType: 'infinite' as const,
              datasource: paged.datasource,
              cacheBlockSize: paged.blockSize,
              maxBlocksInCache: paged.maxBlocks,
              // One column sorts the list: main sorts by one.
              suppressMultiSort: true,
              onModelUpdated: () => fit(false),
              onViewportChanged: () => fit(false),
              onGridSizeChanged: () => fit(true),
              onColumnResized: ({ finished }: { finished: boolean }) => finished && fit(true),
              onGridPreDestroyed: () => {
                apiRef.current = null;
              },
            }
          : { rowData: props.rows })}
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
        onGridReady={({ api }) => {
          apiRef.current = api;
          // AG Grid 36 has no option for the grid's accessible name: set it on its role="grid" element.
          wrapRef.current?.querySelector('[role="grid"]')?.setAttribute('aria-labelledby', labelledBy);
        }}
        onRowClicked={({ data, event }: RowClickedEvent<T>) => {
          if (data && !onLink(event)) onOpen(data);
        }}
        onCellKeyDown={(event: CellKeyDownEvent<T>) => {
          const key = event.event as KeyboardEvent | null | undefined;
          if (key?.key === 'Enter' && event.data && !onLink(key)) onOpen(event.data);
        }}
      />
    </div>
  );
}
