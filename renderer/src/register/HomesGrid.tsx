import type { ColDef, GetRowIdParams, ICellRendererParams, RowClassParams } from 'ag-grid-community';
import type { HomeListRow } from '../../../preload/api';
import { gridTheme, wrapped } from '../components/grid';
import { ListGrid } from '../components/ListGrid';
import { compareSv, kindLabels, operatorLabels } from '../labels';

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

function StatusCell({ data }: ICellRendererParams<HomeListRow>) {
  if (!data) return null;
  return <span className={data.active ? 'badge badge--active' : 'badge badge--inactive'}>{data.active ? 'Aktiv' : 'Inaktiv'}</span>;
}

function NameCell({ data }: ICellRendererParams<HomeListRow>) {
  return <span className="grid-name">{data?.name}</span>;
}

const columnDefs: ColDef<HomeListRow>[] = [
  {
    colId: 'name',
    headerName: 'Namn',
    field: 'name',
    cellRenderer: NameCell,
    tooltipField: 'name',
    comparator: compareSv,
    sort: 'asc',
    flex: 1.7,
    minWidth: 240,
  },
  {
    colId: 'kind',
    headerName: 'Typ',
    valueGetter: ({ data }) => (data ? kindLabels[data.kind] : ''),
    comparator: compareSv,
    width: 132,
  },
  { colId: 'municipality', headerName: 'Kommun', field: 'municipality', comparator: compareSv, width: 128 },
  {
    colId: 'operator',
    headerName: 'Huvudman',
    valueGetter: ({ data }) => (data?.operator ? operatorLabels[data.operator] : ''),
    comparator: compareSv,
    width: 122,
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
    colId: 'status',
    headerName: 'Status',
    valueGetter: ({ data }) => (data?.active ? 'Aktiv' : 'Inaktiv'),
    cellRenderer: StatusCell,
    width: 96,
  },
];

const defaultColDef: ColDef<HomeListRow> = { ...wrapped, sortable: true, resizable: true, suppressMovable: true };

const getRowId = ({ data }: GetRowIdParams<HomeListRow>) => data.id;
const getRowClass = ({ data }: RowClassParams<HomeListRow>) => (data && !data.active ? 'row--inactive' : undefined);

interface Props {
  rows: HomeListRow[];
  /** The id of the heading that names the grid for screen readers. */
  labelledBy: string;
  onOpen: (id: string) => void;
}

export function HomesGrid({ rows, labelledBy, onOpen }: Props) {
  return (
    <ListGrid<HomeListRow>
      theme={theme}
      rows={rows}
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
