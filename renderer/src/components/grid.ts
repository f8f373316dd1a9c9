/**
 * What every AG Grid of the app shares: the Community modules it uses (client-side rows, rows a
 * datasource gives block by block, Swedish texts, row and cell classes, tooltips, rows as tall as
 * their text) and the app's theme.
 * Registering the modules here, once, keeps each grid's file about its own columns.
 */
import {
  CellStyleModule,
  ClientSideRowModelModule,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
  RowAutoHeightModule,
  RowStyleModule,
  themeQuartz,
  TooltipModule,
} from 'ag-grid-community';

ModuleRegistry.registerModules([ClientSideRowModelModule, InfiniteRowModelModule, LocaleModule, RowStyleModule, CellStyleModule, TooltipModule, RowAutoHeightModule]);

/**
 * A column whose text wraps and whose rows grow to show all of it (AG Grid's `wrapText` and
 * `autoHeight`): nothing is cut to an ellipsis that only a mouse could read in a tooltip, so the
 * eye and keyboard focus on a cell read the same whole text. The row height of the theme is the
 * least a row has.
 */
export const wrapped = { wrapText: true, autoHeight: true } as const;

/** The app's grid theme; `rowHeight` differs per grid (one line of text, or two). */
export function gridTheme(rowHeight: number) {
  return themeQuartz.withParams({
    fontFamily: 'inherit',
    fontSize: 15,
    headerFontSize: 14,
    headerFontWeight: 600,
    foregroundColor: '#1b2430',
    backgroundColor: '#ffffff',
    headerBackgroundColor: '#eef2f6',
    headerTextColor: '#1b2430',
    accentColor: '#1f5f99',
    borderColor: '#d5dce4',
    rowBorder: { color: '#e3e8ee' },
    oddRowBackgroundColor: '#fafbfc',
    rowHoverColor: '#eaf2fa',
    selectedRowBackgroundColor: '#dcebf8',
    wrapperBorderRadius: 6,
    rowHeight,
    headerHeight: 42,
    spacing: 7,
  });
}
