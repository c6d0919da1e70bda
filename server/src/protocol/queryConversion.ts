import type { Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { EnvironmentId } from '../schema/types';

export interface ConvertQueryParams {
  /** The open document whose queries are converted. */
  uri: string;
  to: EnvironmentId;
}

/** A name the conversion left as it is, with why, at its place in the document. */
export interface UnconvertedNameInfo {
  name: string;
  reason: string;
  range: Range;
}

/** A rewrite that changes more than a name (`tostring(AdditionalFields)`), with why. */
export interface ConversionNoteInfo {
  name: string;
  note: string;
  range: Range;
}

export type ConvertQueryResult =
  | {
      /** Edits of the document at the version converted; applying it is one undoable step. */
      edit: WorkspaceEdit;
      /** How many names were rewritten. */
      converted: number;
      unconverted: UnconvertedNameInfo[];
      notes: ConversionNoteInfo[];
      fromDisplayName: string;
      toDisplayName: string;
    }
  | { error: string };
