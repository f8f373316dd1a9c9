import { useState } from 'react';
import type { ColDef, GetRowIdParams, ICellRendererParams, IDatasource, RowClassParams } from 'ag-grid-community';
import type { PlacementListRow, PlacementSort } from '../../../preload/api';
import { CellStack } from '../components/CellStack';
import { gridTheme } from '../components/grid';
import { ListGrid } from '../components/ListGrid';
import { kindLabels, legalBasisLabels } from '../labels';
import { AppLink } from '../routing/links';
import { paths } from '../routing/paths';

/** The least a row has: two lines (the home and its kind). Rows grow to the tallest text drawn (ListGrid). */
const LEAST_ROW_HEIGHT = 58;
// Eight columns at 1 024 px: a little less room beside each text, so names break between words.
const theme = gridTheme(LEAST_ROW_HEIGHT).withParams({ cellHorizontalPadding: 10 });

const localeText: Record<string, string> = {
  noRowsToShow: 'Inga placeringar matchar sökningen.',
  noMatchingRows: 'Inga placeringar matchar sökningen.',
  loadingOoo: 'Hämtar placeringarna…',
  loadingError: 'Placeringarna kunde inte hämtas.',
  ariaSortableColumn: 'Tryck Enter för att sortera',
};

type Cell = ICellRendererParams<PlacementListRow>;

function ChildCell({ data }: Cell) {
  if (!data) return null;
  // The row opens on click and Enter; the link is its address (and what a screen reader names).
  return (
    <CellStack
      first={
        <AppLink to={paths.placement(data.id)} className="table-link" tabIndex={-1}>
          {data.childLabel}
        </AppLink>
      }
    />
  );
}

const HomeCell = ({ data }: Cell) => data && <CellStack first={data.homeName} second={kindLabels[data.form]} />;
const EndCell = ({ data }: Cell) => data && <CellStack first={data.endedOn ?? <span className="muted">pågår</span>} />;
/** A text of the row, whole (it wraps, and the row grows with it). */
const TextCell = ({ value }: Cell) => <CellStack first={typeof value === 'string' ? value : ''} />;

function OverdueCell({ data }: Cell) {
  if (!data) return null;
  return (
    <CellStack
      first={
        data.overdueCount > 0 ? (
          <span className="count-badge count-badge--overdue">{data.overdueCount}</span>
        ) : (
          <span className="muted">0</span>
        )
      }
    />
  );
}

const text = (value: string | null | undefined) => value ?? '';

/**
 * The columns, each sorted in main by its colId (the contract's placementSortColumns). The text
 * columns share the width and wrap; their least widths let every column show at 1 024 px.
 */
function columns(sort: PlacementSort): ColDef<PlacementListRow>[] {
  const defs: ColDef<PlacementListRow>[] = [
    { colId: 'child', headerName: 'Barn', valueGetter: ({ data }) => text(data?.childLabel), cellRenderer: ChildCell, flex: 1.3, minWidth: 133 },
    { colId: 'legalBasis', headerName: 'Lagrum', valueGetter: ({ data }) => (data ? legalBasisLabels[data.legalBasis] : ''), cellRenderer: TextCell, width: 88 },
    { colId: 'home', headerName: 'Hem', valueGetter: ({ data }) => text(data?.homeName), cellRenderer: HomeCell, flex: 1.3, minWidth: 115 },
    { colId: 'startedOn', headerName: 'Från', field: 'startedOn', cellRenderer: TextCell, width: 116 },
    { colId: 'endedOn', headerName: 'Till', valueGetter: ({ data }) => text(data?.endedOn), cellRenderer: EndCell, width: 116 },
    { colId: 'caseworker', headerName: 'Handläggare', valueGetter: ({ data }) => text(data?.caseworker), cellRenderer: TextCell, flex: 1, minWidth: 135 },
    { colId: 'unit', headerName: 'Enhet', valueGetter: ({ data }) => text(data?.unit), cellRenderer: TextCell, flex: 0.8, minWidth: 100 },
    {
      colId: 'overdue',
      headerName: 'Försenade bevakningar',
      valueGetter: ({ data }) => data?.overdueCount ?? 0,
      cellRenderer: OverdueCell,
      // The most overdue first.
      sortingOrder: ['desc', 'asc'],
      width: 128,
    },
  ];
  // The order the list is in when the grid is made (it outlives a grid shown anew).
  return defs.map((def) => (def.colId === sort.column ? { ...def, sort: sort.direction } : def));
}

const defaultColDef: ColDef<PlacementListRow> = {
  sortable: true,
  resizable: true,
  suppressMovable: true,
  wrapText: true,
  cellClass: 'cell--stack cell--fitted',
  sortingOrder: ['asc', 'desc'],
  // "Försenade bevakningar" on two lines rather than cut.
  wrapHeaderText: true,
  autoHeaderHeight: true,
};

const getRowId = ({ data }: GetRowIdParams<PlacementListRow>) => data.id;
const getRowClass = ({ data }: RowClassParams<PlacementListRow>) => (data && !data.active ? 'row--inactive' : undefined);

interface Props {
  /**
   * Gives the rows of each block the grid shows, in the order the headers show (see
   * PlacementsPage): a click on a header empties the grid and asks it again.
   */
  datasource: IDatasource;
  blockSize: number;
  /** The order the rows come in when the grid is made. */
  sort: PlacementSort;
  /** The id of the heading that names the grid for screen readers. */
  labelledBy: string;
  onOpen: (id: string) => void;
}

/** The list of placements: a row per placement, asked of main a block at a time. */
export function PlacementsGrid({ datasource, blockSize, sort, labelledBy, onOpen }: Props) {
  const [columnDefs] = useState(() => columns(sort));
  return (
    <ListGrid<PlacementListRow>
      theme={theme}
      paged={{ datasource, blockSize, maxBlocks: 10, leastRowHeight: LEAST_ROW_HEIGHT }}
      columnDefs={columnDefs}
      defaultColDef={defaultColDef}
      getRowId={getRowId}
      getRowClass={getRowClass}
      localeText={localeText}
      labelledBy={labelledBy}
      onOpen={(row) => onOpen(row.id)}
    />
  );
}
