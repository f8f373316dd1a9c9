import type { ColDef, GetRowIdParams, ICellRendererParams, RowClassParams } from 'ag-grid-community';
import { useMemo } from 'react';
import type { HomeListRow, QualitySummary } from '../../../preload/api';
import { gridTheme, wrapped } from '../components/grid';
import { ListGrid } from '../components/ListGrid';
import { compareSv, kindLabels, operatorLabels } from '../labels';
import { QualityBadge } from '../quality/QualityBadge';

/** A row with its home's quality index, once fetched (RegisterPage asks for the rows shown, in one call). */
type Row = HomeListRow & { quality?: QualitySummary };

const theme = gridTheme(40);

/**
 * The texts this grid shows itself (checked in AG Grid 36's source: the overlays and the sortable
 * header's description; the rest of its texts belong to features not in use here).
 */
const localeText: Record<string, string> = {
  noRowsToShow: 'Inga hem matchar sökningen eller filtren.',
  noMatchingRows: 'Inga hem matchar sökningen eller filtren.',
  loadingOoo: 'Hämtar registret…',
  loadingError: 'Registret kunde inte hämtas.',
  ariaSortableColumn: 'Tryck Enter för att sortera',
};

const text = (value: string | null | undefined): string => value ?? '';

function StatusCell({ data }: ICellRendererParams<Row>) {
  if (!data) return null;
  return <span className={data.active ? 'badge badge--active' : 'badge badge--inactive'}>{data.active ? 'Aktiv' : 'Inaktiv'}</span>;
}

function QualityCell({ data }: ICellRendererParams<Row>) {
  if (!data?.quality) return null;
  return <QualityBadge summary={data.quality} stacked />;
}

function NameCell({ data }: ICellRendererParams<Row>) {
  return <span className="grid-name">{data?.name}</span>;
}

const columnDefs: ColDef<Row>[] = [
  {
    colId: 'name',
    headerName: 'Namn',
    field: 'name',
    cellRenderer: NameCell,
    tooltipField: 'name',
    comparator: compareSv,
    sort: 'asc',
    flex: 1.7,
    // With Kvalitet the columns fill 1 280 px at their least: a long name wraps instead.
    minWidth: 171,
  },
  {
    colId: 'kind',
    headerName: 'Typ',
    valueGetter: ({ data }) => (data ? kindLabels[data.kind] : ''),
    comparator: compareSv,
    width: 132,
  },
  { colId: 'municipality', headerName: 'Kommun', field: 'municipality', comparator: compareSv, width: 124 },
  {
    colId: 'operator',
    headerName: 'Huvudman',
    valueGetter: ({ data }) => (data?.operator ? operatorLabels[data.operator] : ''),
    comparator: compareSv,
    width: 118,
  },
  { colId: 'orgNr', headerName: 'Org.nr', field: 'orgNr', valueFormatter: ({ value }) => text(value as string | null), width: 132 },
  {
    colId: 'capacity',
    headerName: 'Platser',
    field: 'capacity',
    type: 'rightAligned',
    valueFormatter: ({ value }) => (value === null || value === undefined ? '' : String(value)),
    width: 84,
  },
  {
    colId: 'agency',
    headerName: 'Konsulentverksamhet',
    field: 'agency',
    tooltipField: 'agency',
    comparator: compareSv,
    flex: 1,
    minWidth: 205,
  },
  {
    colId: 'quality',
    headerName: 'Kvalitet',
    // Computed in main for the rows shown only: a sort here would sort just those.
    sortable: false,
    valueGetter: ({ data }) => data?.quality,
    cellRenderer: QualityCell,
    width: 132,
  },
  {
    colId: 'status',
    headerName: 'Status',
    valueGetter: ({ data }) => (data?.active ? 'Aktiv' : 'Inaktiv'),
    cellRenderer: StatusCell,
    width: 96,
  },
];

const defaultColDef: ColDef<Row> = { ...wrapped, sortable: true, resizable: true, suppressMovable: true };

const getRowId = ({ data }: GetRowIdParams<Row>) => data.id;
const getRowClass = ({ data }: RowClassParams<Row>) => (data && !data.active ? 'row--inactive' : undefined);

interface Props {
  rows: HomeListRow[];
  /** The homes' quality index by id; a home not in it shows nothing yet. */
  quality: Record<string, QualitySummary>;
  /** The id of the heading that names the grid for screen readers. */
  labelledBy: string;
  onOpen: (id: string) => void;
}

export function HomesGrid({ rows, quality, labelledBy, onOpen }: Props) {
  // New row objects only where an index arrived: the grid updates those rows in place (getRowId).
  const shown = useMemo(() => rows.map((row): Row => (quality[row.id] ? { ...row, quality: quality[row.id] } : row)), [rows, quality]);
  return (
    <ListGrid<Row>
      theme={theme}
      rows={shown}
      columnDefs={columnDefs}
      defaultColDef={defaultColDef}
      getRowId={getRowId}
      getRowClass={getRowClass}
      localeText={localeText}
      tooltipShowMode="whenTruncated"
      labelledBy={labelledBy}
      onOpen={(row) => onOpen(row.id)}
    />
  );
}
