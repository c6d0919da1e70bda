import { kusto } from '../../kustoEngine';
import { nodesOfKind } from '../../lints/lintContext';
import { builtinDialectFacts } from '../dialectFacts';
import { bindingErrors, boundBlocks, type BoundBlock } from './boundBlocks';
import type { ConversionRequest, QueryConversion, QueryEdit, Unconverted } from './conversionTypes';
import {
  columnDecision,
  columnOrigins,
  functionDecision,
  symbolKinds,
  tableDecision,
  type DialectPair,
  type NameDecision,
} from './nameDecisions';
import { skippedLegs, type SkippedLeg } from './fuzzyLegs';
import { conversionCall, typeChange, typeChangeReason, typeConversionNote } from './typeConversions';

type NameReference = Kusto.Language.Syntax.NameReference;

/**
 * A conversion written around a reference, or around the call `around` that takes the column
 * itself (`tostring(prev(LoggedOnUsers, 1))`), with the sentence that says why.
 */
interface Wrap {
  readonly call: string;
  readonly note: string;
  readonly around?: Kusto.Language.Syntax.FunctionCallExpression;
}

/** An edit that wraps a whole call: the edits inside it are written into it when all are known. */
interface WrapEdit extends QueryEdit {
  readonly wrapCall: string;
}

/**
 * Rewrites a query written for one environment so that it reads the same data in the other:
 * the time column (`Timestamp` and `TimeGenerated`), tables, columns and functions the target
 * spells differently, and a column the target types differently is wrapped in a conversion to
 * the type it had (`tostring(AdditionalFields)`). Every name is located in the engine's bound syntax tree and only its
 * characters are replaced, so comments, layout and everything else stay as they are. What has
 * no counterpart (a Defender-only table, `FileProfile()`, `_GetWatchlist`) is listed with a
 * reason and left in place; so is any error the engine reports on the result that the source
 * did not have.
 */
export function convertQuery(text: string, request: ConversionRequest): QueryConversion {
  const { from, to, schemas } = request;
  if (from === to) return { text, edits: [], unconverted: [] };
  const facts = builtinDialectFacts();
  const sourceGlobals = schemas.globalsFor(from);
  const targetGlobals = schemas.globalsFor(to);
  const pair: DialectPair = {
    from,
    to,
    sourceGlobals,
    targetDb: targetGlobals.Database!,
    here: facts[from],
    there: facts[to],
    facts,
  };
  const edits: QueryEdit[] = [];
  const unconverted: Unconverted[] = [];
  const typeNotes = new Map<number, string>();
  const skipped: SkippedLeg[] = [];
  for (const block of boundBlocks(text, sourceGlobals)) {
    convertBlock(pair, text, block, { edits, unconverted, typeNotes });
    skipped.push(...skippedLegs(pair, block));
  }
  let merged = mergeWraps(text, edits);
  let converted = applyEdits(text, merged);
  const check = (): Unconverted[] =>
    newErrors(text, converted, { edits: merged, listed: unconverted, typeNotes, skipped }, request);
  let errors = check();
  const dropped = dropUnboundLegs(text, merged, errors, skipped, request);
  if (dropped) {
    merged = dropped;
    converted = applyEdits(text, merged);
    errors = check();
  }
  return {
    text: converted,
    edits: merged,
    unconverted: [...unconverted, ...errors].sort((a, b) => a.start - b.start),
  };
}

/**
 * The edits with every fuzzy union leg taken out that the source skipped and the target cannot
 * bind, or nothing when there is none. The source never read such a leg, so the query there gave
 * no rows from it; dropping it keeps that, and lets the target run the legs it can read, which
 * is what `isfuzzy=true` asked for. A union keeps at least one leg: one that would lose them all
 * is left with its error.
 */
function dropUnboundLegs(
  text: string,
  edits: readonly QueryEdit[],
  errors: readonly Unconverted[],
  skipped: readonly SkippedLeg[],
  request: ConversionRequest,
): QueryEdit[] | undefined {
  const failing = skipped.filter((leg) => errors.some((e) => leg.start <= e.start && e.start < leg.end));
  const kept = failing.filter(
    (leg) => failing.filter((other) => other.union === leg.union).length < leg.legCount,
  );
  if (kept.length === 0) return undefined;
  const facts = builtinDialectFacts();
  const removals: QueryEdit[] = kept.map((leg) => ({
    start: leg.removeStart,
    end: leg.removeEnd,
    kind: 'fuzzyLeg',
    oldText: text.slice(leg.removeStart, leg.removeEnd),
    newText: '',
    name: 'union leg',
    note: `removed this leg of union isfuzzy=true: it names ${leg.names.map((n) => `'${n}'`).join(', ')}, which ${facts[request.from].displayName} lacks, so there the union skipped it and it gave no rows; in ${facts[request.to].displayName} it does not bind (${errors.find((e) => leg.start <= e.start && e.start < leg.end)?.reason ?? 'an error of its own'}), so it is dropped as the source dropped it`,
  }));
  const inside = (e: QueryEdit) => kept.some((leg) => leg.removeStart <= e.start && e.end <= leg.removeEnd);
  return [...edits.filter((e) => !inside(e)), ...removals].sort((a, b) => a.start - b.start);
}

/** What converting the blocks collects; `typeNotes` explains, by source offset, a column whose type differs. */
interface Collected {
  readonly edits: QueryEdit[];
  readonly unconverted: Unconverted[];
  readonly typeNotes: Map<number, string>;
}

function convertBlock(pair: DialectPair, text: string, block: BoundBlock, out: Collected): void {
  const { edits, unconverted } = out;
  const K = kusto();
  const kinds = symbolKinds();
  const root = block.code.Syntax;
  if (!root) return;
  const db = pair.sourceGlobals.Database!;
  const refs = nodesOfKind(root, K.Syntax.SyntaxKind.NameReference) as NameReference[];
  // Columns renamed where they come from a table, so that a column computed from one and named
  // after it (`summarize by bin(Timestamp, 1h)` makes a `Timestamp`) follows the same rename.
  const renamedHere = new Map<string, NameDecision>();
  const computed: NameReference[] = [];
  const record = (ref: NameReference, name: string, d: NameDecision | undefined, wrap?: Wrap) => {
    const start = block.start + ref.TextStart;
    const end = start + ref.Width;
    if (d && 'reason' in d) {
      unconverted.push({ name, kind: d.kind, reason: d.reason, start, end });
      return;
    }
    const old = text.slice(start, end);
    // A quoted name (['Timestamp']) keeps its quotes: only the name inside them changes.
    const renamed = d && old.includes(name) ? old.replace(name, d.rewrite) : old;
    if (wrap?.around) {
      const callStart = block.start + wrap.around.TextStart;
      const callEnd = callStart + wrap.around.Width;
      const callText = text.slice(callStart, callEnd);
      const edit: WrapEdit = {
        start: callStart,
        end: callEnd,
        kind: 'type',
        oldText: callText,
        newText: `${wrap.call}(${callText})`,
        note: wrap.note,
        wrapCall: wrap.call,
      };
      edits.push(edit);
      if (d && renamed !== old) edits.push({ start, end, kind: d.kind, oldText: old, newText: renamed });
    } else if (wrap)
      edits.push({
        start,
        end,
        kind: 'type',
        oldText: old,
        newText: `${wrap.call}(${renamed})`,
        note: wrap.note,
      });
    else if (d && renamed !== old) edits.push({ start, end, kind: d.kind, oldText: old, newText: renamed });
  };
  for (const ref of refs) {
    const symbol = ref.ReferencedSymbol;
    const name = ref.SimpleName ?? '';
    if (!symbol || !name) continue;
    if (symbol.Kind === kinds.table) {
      if (db.GetTable(symbol.Name) === symbol) record(ref, name, tableDecision(pair, name));
    } else if (symbol.Kind === kinds.function) {
      if (db.GetMember(symbol.Name) === symbol) record(ref, name, functionDecision(pair, name));
    } else if (symbol.Kind === kinds.column) {
      const origins = columnOrigins(pair, symbol as Kusto.Language.Symbols.ColumnSymbol);
      if (origins.length === 0) {
        computed.push(ref);
        continue;
      }
      const d = columnDecision(pair, name, origins);
      if (d && 'rewrite' in d) renamedHere.set(name, d);
      const rewrite = d && 'rewrite' in d ? d.rewrite : undefined;
      const changed = typeChange(pair, origins, (column) => (rewrite && column === name ? rewrite : column));
      const call = changed && conversionCall(ref, changed);
      if (changed && !call) out.typeNotes.set(block.start + ref.TextStart, typeChangeReason(changed, pair));
      record(
        ref,
        name,
        d,
        changed && call
          ? { ...call, note: typeConversionNote(changed, pair, call.call, call.around !== undefined) }
          : undefined,
      );
    }
  }
  if (renamedHere.size === 0) return;
  // A name the query declares itself (`extend Timestamp = ...`) is the user's and stays.
  const declared = new Set(
    nodesOfKind(root, K.Syntax.SyntaxKind.NameDeclaration).map(
      (n) => (n as Kusto.Language.Syntax.NameDeclaration).SimpleName ?? '',
    ),
  );
  for (const ref of computed) {
    const name = ref.SimpleName ?? '';
    const d = derivedRename(renamedHere, name);
    if (d && !declared.has(name)) record(ref, name, d);
  }
}

/**
 * A computed column's new name: that of the table column it is named after, or, for an
 * aggregate the engine names itself (`min(Timestamp)` makes `min_Timestamp`), the same prefix on
 * the new name.
 */
function derivedRename(renamed: ReadonlyMap<string, NameDecision>, name: string): NameDecision | undefined {
  const whole = renamed.get(name);
  if (whole) return whole;
  for (let at = name.indexOf('_'); at > 0; at = name.indexOf('_', at + 1)) {
    const d = renamed.get(name.slice(at + 1));
    if (d && 'rewrite' in d) return { kind: d.kind, rewrite: name.slice(0, at + 1) + d.rewrite };
  }
  return undefined;
}

/**
 * The edits in text order, each call wrap holding the edits inside it (so that no two overlap)
 * and written once however many of its arguments asked for it.
 */
function mergeWraps(text: string, edits: readonly QueryEdit[]): QueryEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: QueryEdit[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    if (!('wrapCall' in e)) {
      out.push(e);
      continue;
    }
    const { wrapCall, ...edit } = e as WrapEdit;
    const inner: QueryEdit[] = [];
    while (i + 1 < sorted.length && sorted[i + 1].end <= e.end) {
      const next = sorted[++i];
      if (!('wrapCall' in next))
        inner.push({ ...next, start: next.start - e.start, end: next.end - e.start });
    }
    out.push({ ...edit, newText: `${wrapCall}(${applyEdits(text.slice(e.start, e.end), inner)})` });
  }
  return out;
}

function applyEdits(text: string, edits: readonly QueryEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/** Maps an offset in the converted text back to the source text. */
function sourceOffset(edits: readonly QueryEdit[], offset: number): number {
  let shift = 0;
  for (const e of edits) {
    const newStart = e.start + shift;
    if (offset < newStart) break;
    if (offset < newStart + e.newText.length) return e.start;
    shift += e.newText.length - (e.end - e.start);
  }
  return offset - shift;
}

/**
 * Errors of the converted text in the target that neither the source had in its own environment
 * nor a listed name explains: the postcondition, checked on every conversion, so that what was
 * missed is said rather than written silently.
 */
function newErrors(
  text: string,
  converted: string,
  known: {
    readonly edits: readonly QueryEdit[];
    readonly listed: readonly Unconverted[];
    readonly typeNotes: ReadonlyMap<number, string>;
    readonly skipped: readonly SkippedLeg[];
  },
  request: ConversionRequest,
): Unconverted[] {
  const { edits, listed, typeNotes } = known;
  const after = bindingErrors(converted, request.schemas.globalsFor(request.to));
  if (after.length === 0) return [];
  const before = new Set(
    bindingErrors(text, request.schemas.globalsFor(request.from)).map((e) => `${e.start}:${e.code}`),
  );
  const explained = new Set(listed.map((u) => u.start));
  // Past a table or function the target lacks, the engine cannot know the columns, so its
  // errors there follow from the name already listed.
  const blind = Math.min(
    ...listed.filter((u) => u.kind === 'table' || u.kind === 'function').map((u) => u.start),
  );
  const out: Unconverted[] = [];
  for (const e of after) {
    const start = sourceOffset(edits, e.start);
    if (before.has(`${start}:${e.code}`) || explained.has(start) || start > blind) continue;
    const end = Math.max(start, sourceOffset(edits, e.end));
    const why = typeNotes.get(start) ?? skippedReason(known.skipped, start, request, e.message) ?? e.message;
    out.push({
      name: text.slice(start, end) || e.code,
      kind: 'binding',
      reason: `does not bind in ${builtinDialectFacts()[request.to].displayName}: ${why}`,
      start,
      end,
    });
  }
  return out;
}

/**
 * Why an error inside a fuzzy union leg is the query's own: the source environment skipped the
 * leg, so the query never bound there, and no conversion can make it bind.
 */
function skippedReason(
  skipped: readonly SkippedLeg[],
  at: number,
  request: ConversionRequest,
  message: string,
): string | undefined {
  const leg = skipped.find((l) => l.start <= at && at < l.end);
  if (!leg) return undefined;
  const facts = builtinDialectFacts();
  const names = leg.names.map((n) => `'${n}'`).join(', ');
  return `this leg of union isfuzzy=true names ${names}, which ${facts[request.from].displayName} lacks, so there the union skipped it and it never bound; ${facts[request.to].displayName} reads it, and it cannot be converted: ${message}`;
}
