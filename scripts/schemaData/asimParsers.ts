import type { ColumnDef, FunctionDef, FunctionParameterDef } from '../../server/src/schema/types';
import { typedNull } from '../../server/src/schema/customSchemaFiles';

/**
 * The Advanced Security Information Model (ASIM) parsers that Sentinel rules call. Each schema
 * is reachable under several names (`imDns`, `_Im_Dns`, `ASimDns`, `_ASim_Dns`, and a few older
 * ones), all with the same parameters and result. Result columns come from Sentinel's validation
 * schemas where they exist; every parser's result is open, because ASIM schemas gain fields and
 * source-specific parsers add their own.
 */

interface AsimSchema {
  schema: string;
  /** Older or alternative function names for the same schema. */
  aliases: string[];
  /** The function in the validation schemas whose result columns describe this schema. */
  knownAs: string[];
}

const SCHEMAS: AsimSchema[] = [
  { schema: 'Dns', aliases: ['imDnsIP'], knownAs: ['_Im_Dns', 'imDns'] },
  {
    schema: 'NetworkSession',
    aliases: ['ASimNetworkSessions', 'imNetSessIP'],
    knownAs: ['_Im_NetworkSession', 'imNetworkSession'],
  },
  { schema: 'WebSession', aliases: [], knownAs: ['_Im_WebSession', 'imWebSession'] },
  { schema: 'Authentication', aliases: [], knownAs: ['imAuthentication'] },
  {
    schema: 'ProcessEvent',
    aliases: [
      'imProcess',
      'imProcessCreate',
      'imProcessTerminate',
      'ASimProcess',
      'ASimProcessCreate',
      'ASimProcessTerminate',
    ],
    knownAs: ['_Im_ProcessEvent'],
  },
  { schema: 'FileEvent', aliases: [], knownAs: [] },
  { schema: 'RegistryEvent', aliases: ['imRegistry', 'ASimRegistry'], knownAs: [] },
  { schema: 'AuditEvent', aliases: [], knownAs: [] },
  { schema: 'UserManagement', aliases: [], knownAs: [] },
  { schema: 'DhcpEvent', aliases: [], knownAs: [] },
];

/** Fields every ASIM schema has, so that an unknown parser still completes its common columns. */
const COMMON_FIELDS: ColumnDef[] = [
  ['TimeGenerated', 'datetime'],
  ['EventCount', 'int'],
  ['EventStartTime', 'datetime'],
  ['EventEndTime', 'datetime'],
  ['EventType', 'string'],
  ['EventSubType', 'string'],
  ['EventResult', 'string'],
  ['EventResultDetails', 'string'],
  ['EventOriginalType', 'string'],
  ['EventProduct', 'string'],
  ['EventVendor', 'string'],
  ['EventSchema', 'string'],
  ['EventSchemaVersion', 'string'],
  ['EventSeverity', 'string'],
  ['EventReportUrl', 'string'],
  ['EventMessage', 'string'],
  ['Dvc', 'string'],
  ['DvcHostname', 'string'],
  ['DvcIpAddr', 'string'],
  ['DvcDomain', 'string'],
  ['DvcFQDN', 'string'],
  ['DvcId', 'string'],
  ['DvcAction', 'string'],
  ['DvcOs', 'string'],
  ['AdditionalFields', 'dynamic'],
  ['Type', 'string'],
].map(([name, type]) => ({ name, type }));

/** Parameter types by ASIM naming convention; the validation schemas type some of them wrongly. */
function conventionalType(name: string): string {
  const n = name.toLowerCase();
  if (n === 'starttime' || n === 'endtime') return 'datetime';
  if (n === 'disabled' || n === 'pack') return 'bool';
  if (/_has_any|_has_all|_in$|_prefix$|_any$/.test(n)) return 'dynamic';
  if (/port(number)?$/.test(n)) return 'int';
  return 'string';
}

export function asimParsers(known: ReadonlyMap<string, FunctionDef>): FunctionDef[] {
  const out: FunctionDef[] = [];
  for (const s of SCHEMAS) {
    const sources = s.knownAs.map((n) => known.get(n)).filter((f): f is FunctionDef => !!f);
    const columns = new Map<string, ColumnDef>();
    for (const c of [...sources.flatMap((f) => f.resultColumns ?? []), ...COMMON_FIELDS])
      if (!columns.has(c.name)) columns.set(c.name, c);
    const params = new Map<string, FunctionParameterDef>();
    for (const p of sources.flatMap((f) => f.parameters)) {
      const type = conventionalType(p.name);
      if (!params.has(p.name)) params.set(p.name, { name: p.name, type, defaultValue: typedNull(type) });
    }
    const names = [`im${s.schema}`, `_Im_${s.schema}`, `ASim${s.schema}`, `_ASim_${s.schema}`, ...s.aliases];
    for (const name of names) {
      out.push({
        name,
        parameters: [...params.values()],
        resultColumns: [...columns.values()],
        openResult: true,
        description: `ASIM ${s.schema} parser: events from every connected source, normalised to the ASIM ${s.schema} schema.`,
      });
    }
  }
  return out;
}
