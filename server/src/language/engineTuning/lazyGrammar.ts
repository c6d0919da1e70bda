/**
 * Defers the engine's query grammar until something needs it.
 *
 * Every parse asks for the grammar, the largest one-time cost of the engine (about half a second of
 * CPU), only to store it on the parsed code. Queries are parsed by the engine's hand-written
 * parser; the grammar is read only by the completer. Diagnostics, hover and the command line never
 * use it. So the first parse stores a placeholder that builds the grammar on first read. That takes
 * the half second off the time to the first diagnostics and off each kqlhunt worker's start, and
 * `buildQueryGrammar` builds it while the server is idle.
 *
 * This reaches into the engine's internals, so it is defensive. If a method it expects is missing
 * (a future engine version), nothing is changed and the engine runs as shipped.
 */

type Create = (
  this: unknown,
  text: string,
  globals: Kusto.Language.GlobalState | null,
  ...rest: unknown[]
) => Kusto.Language.KustoCode;
interface Statics {
  KustoCode: { Create?: Create; GetKind?: (text: string) => string };
  QueryGrammar: {
    From?: (globals: Kusto.Language.GlobalState) => { QueryBlock: unknown };
    s_currentGrammar?: unknown;
  };
}

let shipped: { statics: Statics; create: Create } | undefined;

function staticsOf(engine: typeof Kusto.Language): Statics {
  return {
    KustoCode: engine.KustoCode as unknown as Statics['KustoCode'],
    QueryGrammar: (engine.Parsing as unknown as { QueryGrammar: Statics['QueryGrammar'] }).QueryGrammar,
  };
}

export function installLazyGrammar(engine: typeof Kusto.Language): void {
  if (shipped) return;
  const statics = staticsOf(engine);
  const { KustoCode, QueryGrammar } = statics;
  const create = KustoCode.Create;
  const getKind = KustoCode.GetKind;
  const from = QueryGrammar?.From;
  if (typeof create !== 'function' || typeof getKind !== 'function' || typeof from !== 'function') return;
  shipped = { statics, create };

  const placeholder = {};
  const commandKind = engine.Editor.CodeKinds.Command;
  const defaultParser = engine.ParserKind.Default;
  KustoCode.Create = function (this: unknown, text, globals, ...rest) {
    const state = (globals ?? engine.GlobalState.Default)!;
    // Once built, the grammar costs nothing to hand out. Commands parse with a grammar that
    // contains the query grammar, and the grammar parser kind parses with it, so those take the
    // shipped path.
    if (
      QueryGrammar.s_currentGrammar != null ||
      state.ParseOptions!.ParserKind !== defaultParser ||
      getKind.call(KustoCode, text) === commandKind
    ) {
      return create.call(this, text, globals, ...rest);
    }
    // The first grammar request is the shipped Create's own, for the query block it stores.
    QueryGrammar.From = () => {
      QueryGrammar.From = from;
      return { QueryBlock: placeholder };
    };
    let code: Kusto.Language.KustoCode;
    try {
      code = create.call(this, text, globals, ...rest);
    } finally {
      QueryGrammar.From = from;
    }
    if ((code as unknown as { Grammar: unknown }).Grammar === placeholder) {
      Object.defineProperty(code, 'Grammar', {
        configurable: true,
        enumerable: true,
        get: () => {
          const grammar = from.call(QueryGrammar, code.Globals!).QueryBlock;
          Object.defineProperty(code, 'Grammar', {
            value: grammar,
            writable: true,
            configurable: true,
            enumerable: true,
          });
          return grammar;
        },
      });
    }
    return code;
  };
}

/** Puts the engine back as shipped; for tests that compare the two. */
export function uninstallLazyGrammar(): void {
  if (!shipped) return;
  shipped.statics.KustoCode.Create = shipped.create;
  shipped = undefined;
}

/**
 * Builds the query grammar now, once for the process. It is built from the engine's default
 * state, which has no cache: with a cached state (ours, see symbolBuilder.ts) the engine builds
 * it twice before keeping one.
 */
export function buildQueryGrammar(engine: typeof Kusto.Language): void {
  void (engine.KustoCode.Parse('print 1', engine.GlobalState.Default) as unknown as { Grammar: unknown })
    .Grammar;
}

/** Whether the query grammar has been built, by `buildQueryGrammar` or by a completion. */
export function queryGrammarBuilt(engine: typeof Kusto.Language): boolean {
  return staticsOf(engine).QueryGrammar?.s_currentGrammar != null;
}
