import { parseDocument } from 'yaml';
import type { SchemaFileProblem } from '../customSchemaFiles';
import { normalizeTypeName } from '../typeNames';
import type { FunctionDef, FunctionParameterDef } from '../types';

/**
 * The parser functions a detection repository defines, read the way Sentinel deploys them:
 *
 * - YAML (`Parsers/**` and `Solutions/*\/Parsers/*.yaml`, ASIM): the name is `FunctionName`,
 *   `FunctionAlias` or `ParserName` (an alias, when given, is what rules call); parameters come
 *   from `FunctionParams` or `ParserParams` (`Name`, `Type`, optional `Default`); the body is
 *   `FunctionQuery` or `ParserQuery`.
 * - KQL text (`*.txt`, `*.kql` under a Parsers folder): saved as a function named for the file,
 *   and suggested under the alias its opening comment tells the reader to save it as (below),
 *   which is the name the repository's rules call.
 *
 * The body is kept as KQL, so the engine binds the function itself: a rule that calls the parser
 * sees the columns the parser's query really returns, and parsers calling parsers resolve.
 */

export interface ParsedParserFile {
  functions: FunctionDef[];
  problems: SchemaFileProblem[];
  /**
   * The same function under the alias a KQL file's opening comment suggests. Weaker than a
   * declared name: the loader keeps it only when nothing else defines that name and no other
   * file's comment suggests it too.
   */
  suggested?: FunctionDef;
}

const problem = (message: string, offset = 0, length = 0): SchemaFileProblem => ({
  severity: 'warning',
  message,
  offset,
  length,
});

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

export function parseParserYaml(source: string): ParsedParserFile {
  const doc = parseDocument(source);
  if (doc.errors.length) {
    const e = doc.errors[0];
    return {
      functions: [],
      problems: [
        problem(
          `Not valid YAML: ${e.message.split('\n')[0]}. No parser was loaded from this file.`,
          e.pos[0],
          Math.max(1, e.pos[1] - e.pos[0]),
        ),
      ],
    };
  }
  const data = doc.toJS() as Record<string, unknown> | null;
  if (!data || typeof data !== 'object') return { functions: [], problems: [] };
  const name = text(data.FunctionAlias) ?? text(data.FunctionName) ?? text(data.ParserName);
  const body = text(data.FunctionQuery) ?? text(data.ParserQuery);
  // A YAML file in a Parsers folder that is not a parser (a list of parsers, say) is not an error.
  if (!name && !body) return { functions: [], problems: [] };
  if (!name)
    return {
      functions: [],
      problems: [
        problem(
          'This parser has a query but no FunctionName, FunctionAlias or ParserName; it was not loaded.',
        ),
      ],
    };
  if (!body)
    return {
      functions: [],
      problems: [problem(`The parser ${name} has no FunctionQuery or ParserQuery; it was not loaded.`)],
    };
  const problems: SchemaFileProblem[] = [];
  const parameters = readParameters(data.FunctionParams ?? data.ParserParams, name, problems);
  const fn = { name, parameters, body: `{\n${body}\n}` };
  // An ASIM parser or helper names the built-in it is a copy of (imDns is _Im_Dns,
  // ASIM_ResolveDvcFQDN is _ASIM_ResolveDvcFQDN): the same query under that name, for whoever
  // runs the built-in one from the repository's text.
  const builtIn = text(data.EquivalentBuiltInParser) ?? text(data.EquivalentBuiltInFunction);
  const copies = builtIn && builtIn !== name ? [{ ...fn, name: builtIn }] : [];
  return { functions: [fn, ...copies], problems };
}

function readParameters(raw: unknown, fn: string, problems: SchemaFileProblem[]): FunctionParameterDef[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.push(problem(`The parameters of ${fn} are not a list; it was loaded without them.`));
    return [];
  }
  const out: FunctionParameterDef[] = [];
  for (const p of raw) {
    const pname = p && typeof p === 'object' ? text((p as Record<string, unknown>).Name) : undefined;
    const ptype = p && typeof p === 'object' ? text((p as Record<string, unknown>).Type) : undefined;
    if (!pname || !ptype) {
      problems.push(problem(`A parameter of ${fn} lacks a Name or a Type and was skipped.`));
      continue;
    }
    const rawDefault = (p as Record<string, unknown>).Default;
    const { name, type } = tabularParameter(pname, ptype) ?? {
      name: pname,
      type: normalizeTypeName(ptype) ?? ptype,
    };
    out.push(
      rawDefault === undefined || rawDefault === null
        ? { name, type }
        : { name, type, defaultValue: defaultText(rawDefault, type) },
    );
  }
  return out;
}

/**
 * A tabular parameter is written `Name: T:(TimeGenerated:datetime)` with `Type: table`: the
 * schema the input must have rides on the name, as in a KQL declaration. `Type: table` with a
 * bare name takes any table.
 */
function tabularParameter(pname: string, ptype: string): { name: string; type: string } | undefined {
  if (ptype.toLowerCase() !== 'table') return undefined;
  const m = /^([A-Za-z_][\w]*)\s*:\s*(\(.*\))$/s.exec(pname);
  return m ? { name: m[1], type: m[2] } : { name: pname, type: '(*)' };
}

/** A YAML default as KQL: strings are quoted unless already written as KQL (`datetime(null)`, `'x'`). */
function defaultText(value: unknown, type: string): string {
  if (typeof value === 'string') {
    const v = value.trim();
    if (type === 'string' && !/^(['"@]|h['"]|dynamic\(|tostring\()/i.test(v)) return JSON.stringify(v);
    return v === '' && type === 'string' ? '""' : v;
  }
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** A KQL parser file: the function is named for the file (and suggested under its alias), its body is the file. */
export function parseParserKql(fileStem: string, source: string): ParsedParserFile {
  if (!source.trim())
    return { functions: [], problems: [problem('This parser file is empty; no function was loaded.')] };
  const fn = { name: fileStem, parameters: [], body: `{\n${source}\n}` };
  const alias = headerAlias(source);
  return alias && alias.toLowerCase() !== fileStem.toLowerCase()
    ? { functions: [fn], problems: [], suggested: { ...fn, name: alias } }
    : { functions: [fn], problems: [] };
}

/**
 * How a KQL parser file's opening comment names the function alias to save it under, in the
 * wordings the Azure-Sentinel parsers use: "specifying function name and alias as X",
 * "... and alias (e.g. X)", "name the Function Alias, as X", "the Function Alias must be set to
 * - X", "this Function should be given the alias of X", "Set the function alias to X".
 */
const ALIAS_WORDINGS = [
  /\balias,?\s+as\s+([A-Za-z_]\w*)/i,
  /\balias\s*\(e\.g\.,?\s*([A-Za-z_]\w*)\s*\)/i,
  /\balias\s+must\s+be\s+set\s+to\s*-?\s*([A-Za-z_]\w*)/i,
  /\balias\s+of\s+([A-Za-z_]\w*)/i,
  /\balias\s+to\s+([A-Za-z_]\w*)/i,
];

/** The alias named in the comment lines that open `source`, if one is. */
export function headerAlias(source: string): string | undefined {
  for (const line of source.split(/\r?\n/)) {
    const t = line.trim();
    if (t === '') continue;
    if (!t.startsWith('//')) return undefined;
    for (const re of ALIAS_WORDINGS) {
      const m = re.exec(t);
      if (m) return m[1];
    }
  }
  return undefined;
}
