import { UnsupportedError } from './errors';
import type { Evaluator } from './evaluator';
import type { StatAccumulator } from './statisticAggregates';

/**
 * binary_all_and, binary_all_or and binary_all_xor (binary-all-and-aggregation-function.md and
 * its siblings): the bitwise operation over a group's longs. Longs are held as JS numbers, so the
 * bits are combined as 64-bit integers and a result a number cannot hold exactly is refused.
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
        if (typeof v !== 'number' || !Number.isInteger(v)) return;
        const bits = BigInt.asIntN(64, BigInt(v));
        acc = acc === null ? bits : BigInt.asIntN(64, combine[op](acc, bits));
      },
      result: () => {
        if (acc === null)
          throw new UnsupportedError(
            `${name} of a group with no values`,
            'its reference page does not say what such a group gives',
          );
        if (acc > BigInt(Number.MAX_SAFE_INTEGER) || acc < BigInt(Number.MIN_SAFE_INTEGER))
          throw new UnsupportedError(
            `${name} with a result beyond 2^53`,
            'the local executor does not hold such a long exactly yet',
          );
        return [Number(acc)];
      },
    };
  };
}
