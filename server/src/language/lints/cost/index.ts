import type { Lint } from '../lintContext';
import { caseConversionCompare } from './caseConversionCompare';
import { containsVsHas } from './containsVsHas';
import { literalRegex } from './literalRegex';
import { takeInDetection } from './takeInDetection';
import { unboundedJoin } from './unboundedJoin';
import { unboundedMvExpand } from './unboundedMvExpand';
import { unboundedSort } from './unboundedSort';
import { unscopedSearch } from './unscopedSearch';
import { wildcardUnion } from './wildcardUnion';

/** The cost lints: query shapes that make a hunting query slow, each a row of lintRules.ts. */
export const COST_LINTS: readonly Lint[] = [
  containsVsHas,
  caseConversionCompare,
  unboundedJoin,
  unscopedSearch,
  wildcardUnion,
  literalRegex,
  unboundedMvExpand,
  unboundedSort,
  takeInDetection,
];
