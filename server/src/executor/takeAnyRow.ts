import type { CompiledAggregate } from './aggregates';
import { ExecutionError } from './errors';
import { compileScalar, type Evaluator, type Scope } from './scalarCompiler';
import { kindName, type Expr } from './syntax';
import type { Column, Row } from './values';

/**
 * take_any(e1, e2, ...) and take_any(*) (take-any-aggregation-function.md): every value comes from
 * one record of the group, `*` standing for each input column but the group-by ones. The page
 * prefers a non-empty value only for a single column, so here the group's first record serves.
 */
export function compileTakeAnyRow(
  argExprs: Expr[],
  scope: Scope,
  outputs: readonly Column[],
  byNames: ReadonlySet<string>,
): CompiledAggregate {
  const values: Evaluator[] = [];
  for (const a of argExprs) {
    if (kindName(a) === 'StarExpression') {
      scope.columns.forEach((c, i) => {
        if (!byNames.has(c.name)) values.push((r) => r[i]);
      });
    } else values.push(compileScalar(a, scope));
  }
  if (outputs.length && outputs.length !== values.length)
    throw new ExecutionError(
      `take_any: expected ${outputs.length} output columns, computed ${values.length}`,
    );
  return {
    width: values.length,
    create: () => {
      let chosen: Row | undefined;
      return {
        add: (r) => {
          chosen ??= r;
        },
        result: () => values.map((f) => (chosen ? f(chosen) : null)),
      };
    },
  };
}
