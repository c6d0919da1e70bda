// Generates server/src/rmm/data/rmmTools.json, the RMM tool library, from the remote
// management and monitoring catalogue in ../shared/corpus/rmm/rmm_tools.json.
//
// Only facts are taken: tool names, the PE company and product names, certificate signers and
// remote domains. They come from the catalogue's summary fields and from the string literals
// its queries compare those columns with, because several tools list an indicator in one place
// and not the other. Prose that sits in indicator fields ("No consistent network indicators")
// and patterns that are not plain domains are dropped. Tools with no usable indicator are left
// out: nothing could be generated for them.
//
// Run: node scripts/generateRmmTools.mjs [path/to/rmm_tools.json [output.json]]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] ?? path.resolve(root, '..', 'shared', 'corpus', 'rmm', 'rmm_tools.json');
const target = process.argv[3] ?? path.join(root, 'server', 'src', 'rmm', 'data', 'rmmTools.json');

const COLUMN_FIELDS = {
  ProcessVersionInfoCompanyName: 'companies',
  InitiatingProcessVersionInfoCompanyName: 'companies',
  ProcessVersionInfoProductName: 'products',
  InitiatingProcessVersionInfoProductName: 'products',
  Signer: 'signers',
  RemoteUrl: 'domains',
};

/** Removes `//` comments that are outside string literals. */
function stripComments(query) {
  let out = '';
  let quote = null;
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (quote) {
      out += c;
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') {
      quote = c;
      out += c;
    } else if (c === '/' && query[i + 1] === '/') {
      while (i < query.length && query[i] !== '\n') i++;
      out += '\n';
    } else {
      out += c;
    }
  }
  return out;
}

/** The string literals each indicator column is compared with in a catalogue query. */
function literalsByField(query) {
  const found = { companies: [], products: [], signers: [], domains: [] };
  const text = stripComments(query);
  const comparison = /\b(\w+)\s+(?:has_any|has|in~|in|=~|==|contains)\s*(\([^)]*\)|'[^']*'|"[^"]*")/g;
  for (const m of text.matchAll(comparison)) {
    const field = COLUMN_FIELDS[m[1]];
    if (!field) continue;
    for (const s of m[2].matchAll(/'([^']*)'|"([^"]*)"/g)) found[field].push(s[1] ?? s[2]);
  }
  return found;
}

/** A plain host name or domain suffix, or undefined for prose, regexes and empty values. */
function cleanDomain(value, fromQuery) {
  const v = value
    .trim()
    .replace(/^'+|'+$/g, '')
    .replace(/^\*\./, '')
    .replace(/\.\*$/, '')
    .toLowerCase();
  const label = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
  const domain = new RegExp(`^${label}(?:\\.${label})+$`);
  const single = new RegExp(`^${label}$`);
  if (domain.test(v)) return v;
  // Single labels such as a host-name prefix are kept only when the catalogue's own query uses them.
  if (fromQuery && single.test(v)) return v;
  return undefined;
}

function cleanName(value) {
  const v = value.trim().replace(/\s+/g, ' ');
  return v.length > 0 && v.length <= 100 ? v : undefined;
}

/** Case-insensitive union that keeps the first spelling met. */
function union(...lists) {
  const seen = new Map();
  for (const v of lists.flat()) {
    if (v !== undefined && !seen.has(v.toLowerCase())) seen.set(v.toLowerCase(), v);
  }
  return [...seen.values()];
}

function slug(name) {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const catalogue = JSON.parse(fs.readFileSync(source, 'utf8'));
if (!Array.isArray(catalogue)) throw new Error(`${source}: expected a list of tools`);

const tools = [];
const skipped = [];
for (const entry of catalogue) {
  const fromQueries = { companies: [], products: [], signers: [], domains: [] };
  for (const query of Object.values(entry.kql_queries ?? {})) {
    const found = literalsByField(String(query));
    for (const key of Object.keys(fromQueries)) fromQueries[key].push(...found[key]);
  }
  const tool = {
    id: slug(entry.tool),
    name: entry.tool,
    companies: union((entry.company_names ?? []).map(cleanName), fromQueries.companies.map(cleanName)),
    products: union((entry.product_names ?? []).map(cleanName), fromQueries.products.map(cleanName)),
    signers: union((entry.signers ?? []).map(cleanName), fromQueries.signers.map(cleanName)),
    domains: union(
      [...(entry.remote_urls ?? []), ...(entry.network_indicators ?? [])].map((d) => cleanDomain(d, false)),
      fromQueries.domains.map((d) => cleanDomain(d, true)),
    ),
  };
  const website = (entry.website ?? []).find((w) => /^https:\/\//.test(w));
  if (website) tool.website = website;
  const usable = tool.companies.length + tool.products.length + tool.signers.length + tool.domains.length > 0;
  if (usable) tools.push(tool);
  else skipped.push(entry.tool);
}
tools.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));

fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(
  target,
  JSON.stringify({ source: 'RMM catalogue (rmm_tools.json); facts only', tools }, null, 1) + '\n',
);
console.log(`wrote ${tools.length} tools to ${target}; no indicators for ${skipped.join(', ') || 'none'}`);
