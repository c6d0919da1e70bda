/**
 * The query converter a rule conversion uses, passed in so that the dialect converter (its own
 * module, issue 23 item 2) is wired by whoever composes the two; the rule converter never rewrites
 * KQL itself.
 */
export type RulePlatform = 'sentinel' | 'defender';

export interface ConvertedQuery {
  /** The query as it reads on the target platform. */
  readonly text: string;
  /** What could not be converted, by name, each a sentence for the user. */
  readonly notConverted: readonly string[];
  /** Rewrites beyond a name that the user should know of (a conversion around a column, a union leg dropped), each a sentence. */
  readonly notes?: readonly string[];
}

export type ConvertQuery = (text: string, from: RulePlatform, to: RulePlatform) => ConvertedQuery;

/** Leaves the query as it is: for tests of the rule mapping alone, and until a converter is wired. */
export const keepQuery: ConvertQuery = (text) => ({ text, notConverted: [] });

/**
 * What a rule conversion gives: the target rule and what did not carry over, in words; or, for
 * a file that cannot be converted at all (a hunting query, JSON that is not a detection), why not.
 */
export type RuleConversion<T> =
  | {
      readonly ok: true;
      readonly rule: T;
      readonly notConverted: readonly string[];
      /** The query converter's notes on what it rewrote beyond names. */
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly reason: string };
