/**
 * What every AG Grid of the app shares: the Community modules it uses (client-side rows, Swedish
 * texts, row and cell classes, tooltips for text cut short) and the app's theme. Registering the
 * modules here, once, keeps each grid's file about its own columns.
 */
import {
  CellStyleModule,
  ClientSideRowModelModule,
  LocaleModule,
  ModuleRegistry,
  RowStyleModule,
  themeQuartz,
  TooltipModule,
} from 'ag-grid-community';

ModuleRegistry.registerModules([ClientSideRowModelModule, LocaleModule, RowStyleModule, CellStyleModule, TooltipModule]);

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
