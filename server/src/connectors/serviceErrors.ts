import type { RunError, RunErrorKind } from '../protocol/queryRun';

/**
 * Turns a service's error answer into a RunError. Log Analytics nests the useful part in
 * `innererror` (sometimes as a JSON string in `innererror.information.details`), Graph puts it
 * in `error.message`; both are read here so that every connector reports errors alike.
 */

interface ErrorNode {
  code?: string;
  message?: string;
  innererror?: ErrorNode;
  innerError?: ErrorNode;
  details?: unknown;
  information?: { details?: unknown };
}

function asNode(v: unknown): ErrorNode | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as ErrorNode) : undefined;
}

/** `{ "error": {...} }` is the envelope both services use; the error object itself is inside. */
function unwrapEnvelope(body: unknown): unknown {
  const n = asNode(body);
  return n && 'error' in n ? (n as { error: unknown }).error : body;
}

/** The error chain from outermost to innermost, following both nesting styles. */
function errorChain(body: unknown): ErrorNode[] {
  const chain: ErrorNode[] = [];
  let node = asNode(unwrapEnvelope(body));
  for (let depth = 0; node && depth < 10; depth++) {
    chain.push(node);
    // Azure Data Explorer puts the detailed text in `@message` beside a generic `message`.
    const detailed = (node as Record<string, unknown>)['@message'];
    if (typeof detailed === 'string' && detailed !== node.message)
      chain.push({ code: node.code, message: detailed });
    const nestedJson = node.information?.details;
    if (typeof nestedJson === 'string') {
      try {
        chain.push(...errorChain(JSON.parse(nestedJson)));
      } catch {
        // Not JSON after all: the message above is what there is.
      }
    }
    node = asNode(node.innererror ?? node.innerError);
  }
  return chain.filter((n) => typeof n.message === 'string' || typeof n.code === 'string');
}

const SEMANTIC =
  /failed to resolve|semantic error|SEM\d{4}|does not refer to any known|is not a recognized|unknown function/i;
const SYNTAX = /syntax error|could not be parsed|SYN\d{4}|unexpected token/i;

function kindForStatus(status: number | undefined): RunErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 429) return 'throttled';
  if (status !== undefined && status >= 500) return 'server';
  return 'badRequest';
}

/** A RunError for a non-2xx answer (or a 200 answer carrying only an error). */
export function describeServiceError(
  status: number | undefined,
  body: unknown,
  fallbackMessage?: string,
): RunError {
  const chain = errorChain(body);
  const outer = chain[0];
  const semantic = [...chain].reverse().find((n) => SEMANTIC.test(`${n.code ?? ''} ${n.message ?? ''}`));
  const syntax = [...chain].reverse().find((n) => SYNTAX.test(`${n.code ?? ''} ${n.message ?? ''}`));
  let kind = kindForStatus(status);
  let chosen = outer;
  if (kind === 'badRequest' && semantic) {
    kind = 'semantic';
    chosen = semantic;
  } else if (kind === 'badRequest' && syntax) {
    kind = 'syntax';
    chosen = [...chain].reverse().find((n) => n.message && n.message !== 'Syntax Error') ?? syntax;
  }
  const message =
    chosen?.message?.trim() ||
    outer?.message?.trim() ||
    fallbackMessage ||
    `The service answered with status ${status ?? 'unknown'}.`;
  const code = chosen?.code ?? outer?.code;
  return { kind, message, ...(code ? { code } : {}), ...(status !== undefined ? { status } : {}) };
}

/** Whether a 200 answer carries a partial error, and its text. */
export function partialErrorText(body: unknown): string | undefined {
  const n = asNode(body);
  const chain = n && 'error' in n ? errorChain(body) : [];
  if (chain.length === 0) return undefined;
  const details = asNode(chain[0])?.details;
  const detailMessages = Array.isArray(details)
    ? details.map((d) => asNode(d)?.message).filter((m): m is string => typeof m === 'string')
    : [];
  return [chain[0].message, ...detailMessages].filter(Boolean).join(' ');
}

/**
 * Where a service error points inside the query text: a quoted name that failed to resolve, or
 * a `line [l,c]` position from a parse error. Offsets are into `query`.
 */
export function locateError(query: string, message: string): { start: number; end: number } | undefined {
  const pos =
    /on line \[(\d+),(\d+)\]/i.exec(message) ??
    /line:? ?(\d+)[, ]+(?:col(?:umn)?|position):? ?(\d+)/i.exec(message);
  if (pos) {
    const lines = query.split('\n');
    const line = Number(pos[1]) - 1;
    const col = Number(pos[2]);
    if (line >= 0 && line < lines.length) {
      const lineStart = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0);
      const start = lineStart + Math.min(Math.max(col, 0), lines[line].length);
      const token = /^[\w.]+/.exec(query.slice(start));
      return { start, end: start + (token ? token[0].length : Math.min(1, lines[line].length - col)) };
    }
  }
  const named =
    /named '([^']+)'/i.exec(message) ??
    /'([A-Za-z_][\w]*)'/.exec(message.replace(/^'[^']*' operator:\s*/, ''));
  if (named) {
    const escaped = named[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const m = new RegExp(`(?<![\\w])${escaped}(?![\\w])`).exec(query);
    if (m) return { start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

/** A response body as JSON, or undefined when it is empty or not JSON (a proxy's HTML error page, say). */
export function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
