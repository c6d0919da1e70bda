import type { FunctionCall } from './scalarFunctions';
import { valueToString } from './values';

/** How the scalar functions read their arguments, shared by every family of them. */

/** Argument `i` as text, converted as tostring() would. */
export const argString = (c: FunctionCall, i: number): string => valueToString(c.args[i], c.argTypes[i]);

/** Argument `i` as a number, or null when it is null or not a number. */
export const argNumber = (c: FunctionCall, i: number): number | null =>
  typeof c.args[i] === 'number' ? (c.args[i] as number) : null;

/** An optional whole-number argument: `absent` when not given, null when given as null. */
export const argInteger = (c: FunctionCall, i: number, absent: number): number | null =>
  i >= c.args.length ? absent : typeof c.args[i] === 'number' ? Math.trunc(c.args[i] as number) : null;
