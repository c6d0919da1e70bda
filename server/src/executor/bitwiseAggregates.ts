import { UnsupportedError } from './errors';
import type { Evaluator } from './evaluator';
import { normalLong } from './longs';
import type { StatAccumulator } from './statisticAggregates';

/**
 * binary_all_and, binary_all_or and binary_all_xor (binary-all-and-aggregation-function.md and
 * its siblings): the bitwise operation over a group's longs, combined as 64-bit integers; the
 * result is an exact long (longs.ts).
 * Nulls are skipped; what a group with no values gives is not on the pages, so it is refused.
 */
type BitOp = 'and' | 'or' | 'xor';

const combine: Record<BitOp, (a: bigint, b: bigint) => bigint> = {
  and: (a, b) => a & b,
  or: (a, b) => a | b,
  xor: (a, b) => a ^ b,
};

export function bitwiseAll(x: Evaluator, op: BitOp): () => StatAccumulator {
  const name = `binary_all_${op}()`;
  return () => {
    let acc: bigint | null = null;
    return {
      add: (r) => {
        const v = x(r);
        if (typeof v !== 'bigint' && (typeof v !== 'number' || !Number.isInteger(v))) return;
        const bits = BigInt.asIntN(64, BigInt(v));
        acc = acc === null ? bits : BigInt.asIntN(64, combine[op](acc, bits));
      },
      result: () => {
        if (acc === null)
          throw new UnsupportedError(
            `${name} of a group with no values`,
            'its reference page does not say what such a group gives',
          );
        return [normalLong(acc)];
      },
    };
  };
}
