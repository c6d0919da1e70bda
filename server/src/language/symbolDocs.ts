import { FUNCTION_DESCRIPTIONS } from './functionDescriptions';
import { kusto, toArray } from './kustoEngine';

/** The kinds of named things whose documentation can be looked up by name. */
export type SymbolCategory = 'table' | 'column' | 'function' | 'aggregate';

export interface SymbolDoc {
  /** A one-line signature, shown as the completion item's detail. */
  signature: string;
  /** Longer Markdown documentation, if there is any. */
  markdown?: string;
}

function parameterText(p: Kusto.Language.Symbols.Parameter): string {
  const types = toArray(p.DeclaredTypes)
    .map((t) => t.Name)
    .filter(Boolean);
  const typed = types.length > 0 ? `${p.Name}: ${types.join(' | ')}` : (p.Name ?? '');
  if (p.IsRepeatable) return `${typed}, ...`;
  return p.IsOptional ? `[${typed}]` : typed;
}

/** `name(a: string, [b: long])`, for the first visible signature of a function. */
export function functionSignature(fn: Kusto.Language.Symbols.FunctionSymbol): string {
  const sigs = toArray(fn.Signatures).filter((s) => !s.IsHidden);
  const sig = sigs[0] ?? toArray(fn.Signatures)[0];
  if (!sig) return `${fn.Name}()`;
  const ret = sig.DeclaredReturnType?.Name;
  return `${fn.Name}(${toArray(sig.Parameters).map(parameterText).join(', ')})${ret ? `: ${ret}` : ''}`;
}

export function functionDescription(fn: Kusto.Language.Symbols.FunctionSymbol): string | undefined {
  return fn.Description || FUNCTION_DESCRIPTIONS[fn.Name ?? ''];
}

function tableOf(
  globals: Kusto.Language.GlobalState,
  name: string,
): Kusto.Language.Symbols.TableSymbol | undefined {
  return globals.Database?.GetTable(name) ?? undefined;
}

/** Hover text for a table: its column count, its time column and its description. */
export function tableMarkdown(
  table: Kusto.Language.Symbols.TableSymbol,
  timeColumn: string | undefined,
): string {
  const columns = toArray(table.Columns);
  const time =
    columns.find((c) => c.Name === timeColumn) ??
    columns.find((c) => c.Type === kusto().Symbols.ScalarTypes.DateTime);
  const facts = [`${columns.length} columns`, time ? `time column \`${time.Name}\`` : 'no time column'];
  return [`**${table.Name}** (table): ${facts.join(', ')}`, table.Description ?? '']
    .filter(Boolean)
    .join('\n\n');
}

/**
 * Documentation for a named symbol of the environment, found through the engine's globals. For a
 * column, `table` is the table it comes from where the caller knows it ('' for a column the
 * query made); without it every table having the name is listed.
 */
export function describeSymbol(
  globals: Kusto.Language.GlobalState,
  category: SymbolCategory,
  name: string,
  timeColumn?: string,
  table?: string,
): SymbolDoc | undefined {
  switch (category) {
    case 'table': {
      const found = tableOf(globals, name);
      return found
        ? { signature: `table ${found.Name}`, markdown: tableMarkdown(found, timeColumn) }
        : undefined;
    }
    case 'column': {
      const columnOf = (t: Kusto.Language.Symbols.TableSymbol) =>
        toArray(t.Columns).find((c) => c.Name === name);
      const inScope = table ? tableOf(globals, table) : undefined;
      const scoped = inScope && columnOf(inScope);
      if (scoped)
        return {
          signature: `${name}: ${scoped.Type?.Name ?? 'unknown'}`,
          markdown: [scoped.Description, `Column of **${inScope.Name}**`].filter(Boolean).join('\n\n'),
        };
      // A column the query made has no table to name; its type is in the label's context.
      if (table === '') return undefined;
      const owners = toArray(globals.Database?.Tables).filter((t) => columnOf(t));
      const column = owners[0] && columnOf(owners[0]);
      if (!column) return undefined;
      const tables =
        owners
          .map((t) => t.Name)
          .slice(0, 5)
          .join(', ') + (owners.length > 5 ? ', ...' : '');
      return {
        signature: `${name}: ${column.Type?.Name ?? 'unknown'}`,
        markdown: [column.Description, `Column of ${tables}`].filter(Boolean).join('\n\n'),
      };
    }
    case 'function':
    case 'aggregate': {
      const fn =
        (category === 'aggregate' ? globals.GetAggregate(name) : globals.GetFunction(name)) ??
        globals.Database?.GetFunction(name) ??
        globals.GetAggregate(name);
      if (!fn) return undefined;
      return { signature: functionSignature(fn), markdown: functionDescription(fn) };
    }
  }
}
