/**
 * The shapes of schema data the catalogue works with. Built-in environments, custom schema
 * files and live workspace schemas all end up as these plain values before they become
 * Kusto symbols, so every source is validated the same way.
 */

/** The two query environments: Defender XDR advanced hunting and Sentinel / Log Analytics. */
export type EnvironmentId = 'defender' | 'sentinel';

export const ENVIRONMENT_IDS: readonly EnvironmentId[] = ['defender', 'sentinel'];

export interface ColumnDef {
  name: string;
  /** A normalised Kusto scalar type name: string, long, int, real, bool, datetime, timespan, guid, dynamic, decimal. */
  type: string;
  description?: string;
}

export interface TableDef {
  name: string;
  columns: ColumnDef[];
  description?: string;
  /** Any column name is accepted, for tables whose columns depend on what writes to them. */
  open?: boolean;
}

export interface FunctionParameterDef {
  name: string;
  /** A Kusto scalar type name, or a tabular type written as `(col:type, ...)`. */
  type: string;
  /** A default value as KQL text; a parameter with a default is optional. */
  defaultValue?: string;
}

export interface FunctionDef {
  name: string;
  parameters: FunctionParameterDef[];
  /**
   * The result columns when the function returns a table. The engine only needs a body
   * whose result has these columns, so a stub body is built from them.
   */
  resultColumns?: ColumnDef[];
  /** A KQL body, for functions defined in KQL rather than by their result shape. */
  body?: string;
  /**
   * Called with `invoke`: the piped table arrives as an implicit first parameter. With
   * `keepsInputColumns` the result is that table's columns plus `resultColumns`.
   */
  tabularInput?: boolean;
  keepsInputColumns?: boolean;
  /**
   * The result can carry columns that are not listed, such as a watchlist's own columns or an
   * ASIM parser's newer fields: names used after the call are then not reported as unknown.
   */
  openResult?: boolean;
  description?: string;
  /**
   * What a repository's parser replaced when it was merged over a schema file's declaration of
   * the same name (the CI declares its parsers' output as tables): kept so that a parser whose own
   * query does not bind can give way to the declaration again (brokenParsers.ts).
   */
  replaced?: { declaration: TableDef | FunctionDef; declaredIn: string; definedIn: string };
}

export interface EnvironmentSchema {
  id: EnvironmentId;
  /** The human name shown in the status bar and hovers. */
  displayName: string;
  /** The column every event table is filtered on for time. */
  timeColumn: string;
  tables: TableDef[];
  functions: FunctionDef[];
}

/** A problem met while reading or merging schema data; never fatal to other sources. */
export interface SchemaWarning {
  source: string;
  message: string;
}

/**
 * Written at the start of the stub body the engine gets for a function known only by its result
 * columns, so that the local executor refuses to run it instead of returning its empty table.
 */
export const STUB_MARKER = '// kqlhunt: columns only';
