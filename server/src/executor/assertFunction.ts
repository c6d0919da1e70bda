import { ExecutionError, UnsupportedError } from './errors';
import type { Evaluator } from './evaluator';

/** Thrown by the row that stands for "no row": what reads it is not a constant. */
class NotConstant extends Error {}

/** A row whose every cell read throws, so that an evaluator that reads one shows it. */
const NO_ROW = new Proxy([], {
  get(target, key) {
    if (typeof key === 'string' && /^\d+$/.test(key)) throw new NotConstant();
    return Reflect.get(target, key) as unknown;
  },
}) as unknown[];

/**
 * assert(condition, message) (assert-function.md): checked once, when the query is analysed and
 * before any row is read, so that it fails even where no row reaches it; both arguments must be
 * constants there (a function's constant arguments count). True when the condition holds; a
 * false one fails the query with the message, as Kusto words it.
 */
export function compileAssert([condition, message]: Evaluator[]): Evaluator {
  const constant = (e: Evaluator | undefined, what: string): unknown => {
    try {
      return e?.(NO_ROW);
    } catch (err) {
      if (err instanceof NotConstant)
        throw new ExecutionError(`assert() needs a constant ${what}; this one reads a column`);
      throw err;
    }
  };
  const holds = constant(condition, 'condition');
  const text = constant(message, 'message');
  if (holds === true) return () => true;
  if (holds === false) throw new ExecutionError(`assert() has failed with message: '${String(text ?? '')}'`);
  throw new UnsupportedError('assert() of a null condition', 'its page does not say what it gives');
}
