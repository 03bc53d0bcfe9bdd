// The AG Grid community modules this app uses (only these are bundled) and its theme. Never import
// ag-grid-enterprise: the app must stay on the free licence.
import {
  ColumnApiModule,
  InfiniteRowModelModule,
  ModuleRegistry,
  NumberFilterModule,
  RowApiModule,
  RowSelectionModule,
  ScrollApiModule,
  TextFilterModule,
  ValidationModule,
  themeQuartz,
} from 'ag-grid-community';
import type { Module } from 'ag-grid-community';

const modules: Module[] = [
  InfiniteRowModelModule,
  TextFilterModule,
  NumberFilterModule,
  RowSelectionModule,
  ColumnApiModule,
  RowApiModule,
  ScrollApiModule,
];
// The validation module explains missing modules and bad options; it is only worth its size in development.
if (import.meta.env.DEV) modules.push(ValidationModule);
ModuleRegistry.registerModules(modules);

/** Quartz with the app's system font stack; no Google fonts (offline app, strict CSP). */
export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontWeight: 600,
  accentColor: '#2f6feb',
  rowHeight: 34,
  headerHeight: 38,
  borderColor: '#e3e6ec',
  wrapperBorderRadius: 0,
});
