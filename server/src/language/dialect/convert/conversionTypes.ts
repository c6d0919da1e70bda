import type { EnvironmentId } from '../../../schema/types';

/** What kind of name a conversion edit or a name left unconverted is. */
export type ConvertedNameKind =
  'timeColumn' | 'table' | 'column' | 'function' | 'binding' | 'type' | 'fuzzyLeg';

/**
 * One name rewritten: offsets into the source text, the name there and what replaces it. A
 * `type` edit wraps a column whose type differs between the environments in a conversion, and
 * says why in `note`: more than a name changes, so the user is told. A `fuzzyLeg` edit takes out
 * a leg of `union isfuzzy=true` that the source skipped and the target cannot bind.
 */
export interface QueryEdit {
  readonly start: number;
  readonly end: number;
  readonly kind: ConvertedNameKind;
  readonly oldText: string;
  readonly newText: string;
  readonly note?: string;
  /** What a note calls the edit when its old text is not a name (a whole union leg taken out). */
  readonly name?: string;
}

/**
 * A name the conversion could not carry over, at its offsets in the source text, with the reason
 * in words a detection engineer reads ("a Defender XDR function; Microsoft Sentinel has none").
 * `binding` marks an error the engine reports on the converted text that no rule here explains.
 */
export interface Unconverted {
  readonly name: string;
  readonly kind: ConvertedNameKind;
  readonly reason: string;
  readonly start: number;
  readonly end: number;
}

export interface QueryConversion {
  readonly text: string;
  readonly edits: readonly QueryEdit[];
  readonly unconverted: readonly Unconverted[];
}

/** The catalogue the conversion reads: each environment's engine globals, as checking uses them. */
export interface ConversionSchemas {
  globalsFor(env: EnvironmentId): Kusto.Language.GlobalState;
}

export interface ConversionRequest {
  readonly from: EnvironmentId;
  readonly to: EnvironmentId;
  readonly schemas: ConversionSchemas;
}
