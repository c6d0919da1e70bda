/**
 * The engine's analyzers (about fifteen of them) each ask the same syntax tree for its
 * descendants of one kind, and each such request walks the whole tree again: on the TightVNC
 * query that was 13 walks of the same root per keystroke, an eighth of the keystroke's work.
 * While the analyzers run, the walk of an element is made once and each later request filters
 * that list instead. Syntax trees never change, so the answer is the same list in the same
 * order, and the request's predicate is called on the same elements in the same order.
 *
 * This reaches into the engine's internals, so it is defensive: when a method it expects is not
 * there (a future engine version), nothing is changed. Tests compare every diagnostic of a
 * sample of real rules with and without it.
 */

import { toArray } from '../engineLists';

type Predicate = ((element: unknown) => boolean) | null | undefined;
type Walk = (
  this: unknown,
  type: unknown,
  element: unknown,
  predicate: Predicate,
  includeSelf: boolean,
) => unknown;
type AnalyzerDiagnostics = (this: unknown, ...args: unknown[]) => unknown;

interface BridgeRuntime {
  is(value: unknown, type: unknown): boolean;
}

interface Shipped {
  syntaxElement: { GetDescendants: Walk };
  codeService: { GetAnalyzerDiagnostics: AnalyzerDiagnostics };
  walk: Walk;
  analyze: AnalyzerDiagnostics;
}

/** What one element's descendants are, once walked: all of them, and those of each kind asked for. */
interface Walked {
  all?: unknown[];
  byType: Map<unknown, unknown[]>;
}

let shipped: Shipped | undefined;

export function installAnalyzerWalkSharing(engine: typeof Kusto.Language): void {
  if (shipped) return;
  const syntaxElement = engine.Syntax.SyntaxElement as unknown as { GetDescendants?: Walk };
  const codeService = (
    engine.Editor as unknown as {
      KustoCodeService?: { prototype: { GetAnalyzerDiagnostics?: AnalyzerDiagnostics } };
    }
  ).KustoCodeService?.prototype;
  const walk = syntaxElement.GetDescendants;
  const analyze = codeService?.GetAnalyzerDiagnostics;
  const bridge = (globalThis as unknown as { Bridge?: BridgeRuntime }).Bridge;
  const utils = engine.Utils as unknown as {
    ListExtensions?: { ToReadOnly?: (type: unknown, list: unknown) => unknown };
    EmptyReadOnlyList$1?: (type: unknown) => { Instance: unknown };
  };
  const toReadOnly = utils.ListExtensions?.ToReadOnly;
  const empty = utils.EmptyReadOnlyList$1;
  // The static walk takes four arguments; an engine whose walk has another shape is left alone.
  if (
    typeof walk !== 'function' ||
    walk.length !== 4 ||
    typeof analyze !== 'function' ||
    !codeService ||
    !bridge ||
    typeof toReadOnly !== 'function' ||
    typeof empty !== 'function'
  )
    return;
  shipped = {
    syntaxElement: syntaxElement as Shipped['syntaxElement'],
    codeService: codeService as Shipped['codeService'],
    walk,
    analyze,
  };

  const SyntaxElement = engine.Syntax.SyntaxElement;
  const List = (type: unknown) =>
    (System.Collections.Generic.List$1 as unknown as (t: unknown) => new () => { add(item: unknown): void })(
      type,
    );
  let walks: Map<unknown, Walked> | undefined;

  syntaxElement.GetDescendants = function (type, element, predicate, includeSelf) {
    if (!walks || element == null) return walk.call(this, type, element, predicate, includeSelf);
    const walked = walks.get(element);
    // The first request for an element walks it as the engine does: most elements are asked once.
    if (!walked) {
      walks.set(element, { byType: new Map() });
      return walk.call(this, type, element, predicate, includeSelf);
    }
    walked.all ??= toArray(
      walk.call(
        this,
        SyntaxElement,
        element,
        null,
        false,
      ) as System.Collections.Generic.IReadOnlyList$1<unknown>,
    );
    let ofType = walked.byType.get(type);
    if (!ofType) walked.byType.set(type, (ofType = walked.all.filter((e) => bridge.is(e, type))));
    const found = new (List(type))();
    let any = false;
    if (includeSelf && bridge.is(element, type) && (predicate == null || predicate(element))) {
      found.add(element);
      any = true;
    }
    for (const e of ofType) {
      if (predicate == null || predicate(e)) {
        found.add(e);
        any = true;
      }
    }
    return any ? toReadOnly(type, found) : empty(type).Instance;
  };

  codeService.GetAnalyzerDiagnostics = function (...args) {
    const outer = walks;
    walks ??= new Map();
    try {
      return analyze.apply(this, args);
    } finally {
      walks = outer;
    }
  };
}

/** Puts the engine's walk back as shipped; for tests that compare the two. */
export function uninstallAnalyzerWalkSharing(): void {
  if (!shipped) return;
  shipped.syntaxElement.GetDescendants = shipped.walk;
  shipped.codeService.GetAnalyzerDiagnostics = shipped.analyze;
  shipped = undefined;
}
