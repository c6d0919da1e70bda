import { kusto } from '../language/kustoEngine';
import { STUB_MARKER } from '../schema/types';
import { ExecutionError } from './errors';
import { elements } from './syntax';
import type { Table } from './table';
import { compareValues, fromExternal, type Column, type Row } from './values';
import type { LocalWorkspace } from './workspace';

/**
 * Defender XDR's own functions (advanced-hunting-*-function.md pages) in the local workspace. The
 * service answers them from Microsoft's file and device intelligence, which a local workspace does
 * not hold; what the workspace's own tables do hold is used (hashes and sizes from the event
 * tables, signers from DeviceFileCertificateInfo, addresses from DeviceNetworkInfo), every other
 * documented column is null, and a warning names the columns left null so that no one reads a
 * local null as the service's answer.
 */
export interface ProvidedCall {
  /** The piped input of `invoke`, absent for a direct call. */
  input?: Table;
  /** Argument values, constant per call; absent arguments are undefined. */
  args: unknown[];
  workspace: LocalWorkspace;
  /** The columns the binder gives the call's result. */
  columns: Column[];
  warn(message: string): void;
}

type Provided = (call: ProvidedCall) => Table;

const PROVIDED: Record<string, Provided> = {
  FileProfile: fileProfile,
  AssignedIPAddresses: assignedIpAddresses,
  DeviceFromIP: deviceFromIp,
  SeenBy: seenBy,
};

/** The local implementation of a Defender function the catalogue knows only by its columns. */
export function providedFunction(
  name: string | undefined,
  symbol: Kusto.Language.Symbols.Symbol | null | undefined,
): Provided | undefined {
  if (!name || !symbol || !Object.hasOwn(PROVIDED, name)) return undefined;
  if (symbol.Kind !== kusto().Symbols.SymbolKind.Function) return undefined;
  const signatures = elements<Kusto.Language.Symbols.Signature>(
    (symbol as Kusto.Language.Symbols.FunctionSymbol).Signatures,
  );
  // A workspace or repository may define a function of the same name with its own query.
  return signatures.some((s) => s.Body?.includes(STUB_MARKER)) ? PROVIDED[name] : undefined;
}

const FILE_ID_COLUMNS = ['SHA1', 'SHA256', 'InitiatingProcessSHA1', 'InitiatingProcessSHA256'];
const FILE_TABLES = ['DeviceFileEvents', 'DeviceProcessEvents', 'DeviceImageLoadEvents', 'DeviceEvents'];
const CERTIFICATE_COLUMNS = ['Signer', 'Issuer', 'SignerHash', 'IsRootSignerMicrosoft'];
/** The columns advanced-hunting-fileprofile-function.md lists. */
const PROFILE_COLUMNS = new Set([
  'SHA1',
  'SHA256',
  'MD5',
  'FileSize',
  'GlobalPrevalence',
  'GlobalFirstSeen',
  'GlobalLastSeen',
  ...CERTIFICATE_COLUMNS,
  'IsCertificateValid',
  'SignatureState',
  'IsExecutable',
  'ThreatName',
  'Publisher',
  'SoftwareName',
  'ProfileAvailability',
]);

/**
 * `invoke FileProfile(x, y)`: x names the input's file-id column (SHA1 unless given), y caps the
 * distinct files enriched (100 unless given, at most 1000); rows beyond it keep null profiles.
 */
function fileProfile(call: ProvidedCall): Table {
  const input = call.input!;
  const idColumn = typeof call.args[0] === 'string' && call.args[0] ? call.args[0] : 'SHA1';
  if (!FILE_ID_COLUMNS.includes(idColumn))
    throw new ExecutionError(`FileProfile(): '${idColumn}' is not one of ${FILE_ID_COLUMNS.join(', ')}`);
  const limit = Math.min(Math.max(Number(call.args[1] ?? 100) || 100, 1), 1000);
  const byHash = idColumn.endsWith('SHA256') ? 'SHA256' : 'SHA1';
  const files = indexFiles(call.workspace, byHash);
  const certificates =
    byHash === 'SHA1' ? indexRows(call.workspace.tables.get('DeviceFileCertificateInfo'), 'SHA1') : new Map();
  const inputIndex = new Map(input.columns.map((c, i) => [c.name, i]));
  const at = inputIndex.get(idColumn);
  // The profile describes the file x names; the input's own hash and size columns describe the
  // same file only when x is one of them.
  const sameFile = idColumn === 'SHA1' || idColumn === 'SHA256';
  const enriched = new Set<string>();
  const rows = input.rows.map((row) => {
    const id = at === undefined ? null : row[at];
    const known = typeof id === 'string' && id !== '' && (enriched.has(id) || enriched.size < limit);
    if (known) enriched.add(id);
    const file = known ? files.get(id) : undefined;
    const certificate = known ? certificates.get(id) : undefined;
    return call.columns.map((c) => {
      const j = inputIndex.get(c.name);
      if (j !== undefined && !PROFILE_COLUMNS.has(c.name)) return row[j];
      if (
        j !== undefined &&
        sameFile &&
        !CERTIFICATE_COLUMNS.includes(c.name) &&
        row[j] !== null &&
        row[j] !== ''
      )
        return row[j];
      const found = CERTIFICATE_COLUMNS.includes(c.name) ? certificate?.[c.name] : file?.[c.name];
      return found === undefined ? fromExternal(null, c.type) : found;
    });
  });
  const local = new Set(['SHA1', 'SHA256', 'MD5', 'FileSize', ...CERTIFICATE_COLUMNS]);
  call.warn(
    `FileProfile(): ${call.columns
      .filter((c) => PROFILE_COLUMNS.has(c.name) && !local.has(c.name))
      .map((c) => c.name)
      .join(
        ', ',
      )} come from Microsoft's file intelligence, which a local workspace does not hold; they are null here. Hashes, size and signer come from the workspace's own tables.`,
  );
  return { columns: call.columns, rows };
}

/** Hash, size and MD5 of each file the event tables saw, by SHA1 or SHA256. */
function indexFiles(workspace: LocalWorkspace, key: 'SHA1' | 'SHA256'): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const name of FILE_TABLES) {
    const table = workspace.tables.get(name);
    if (!table) continue;
    const pick = (prefix: string) => {
      const idx = (n: string) => table.columns.findIndex((c) => c.name === `${prefix}${n}`);
      return { SHA1: idx('SHA1'), SHA256: idx('SHA256'), MD5: idx('MD5'), FileSize: idx('FileSize') };
    };
    for (const cols of [pick(''), pick('InitiatingProcess')]) {
      if (cols[key] < 0) continue;
      for (const row of table.rows) {
        const id = row[cols[key]];
        if (typeof id !== 'string' || id === '') continue;
        const entry = out.get(id) ?? {};
        for (const [n, j] of Object.entries(cols))
          if (j >= 0 && (entry[n] === undefined || entry[n] === null || entry[n] === '') && row[j] !== '')
            entry[n] = n === 'FileSize' && typeof row[j] === 'number' ? Math.trunc(row[j]) : row[j];
        out.set(id, entry);
      }
    }
  }
  return out;
}

function indexRows(table: Table | undefined, key: string): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  if (!table) return out;
  const k = table.columns.findIndex((c) => c.name === key);
  if (k < 0) return out;
  for (const row of table.rows) {
    const id = row[k];
    if (typeof id === 'string' && id !== '' && !out.has(id))
      out.set(id, Object.fromEntries(table.columns.map((c, i) => [c.name, row[i]])));
  }
  return out;
}

/** The values of .NET's NetworkInterfaceType, which the page names for NetworkAdapterType. */
const ADAPTER_TYPES: Record<string, number> = {
  Unknown: 1,
  Ethernet: 6,
  TokenRing: 9,
  Fddi: 15,
  Ppp: 23,
  Loopback: 24,
  Slip: 28,
  Atm: 37,
  GenericModem: 48,
  Isdn: 63,
  Wireless80211: 71,
  GigabitEthernet: 117,
  Tunnel: 131,
  Wman: 237,
  Wwanpp: 243,
  Wwanpp2: 244,
};

interface AddressSeen {
  deviceId: unknown;
  deviceName: unknown;
  time: bigint;
  address: string;
  addressType: unknown;
  adapterType: unknown;
}

/** Every address of DeviceNetworkInfo, with its device and time, at or before `until`. */
function addressesSeen(
  workspace: LocalWorkspace,
  until: bigint | null,
  warn: (m: string) => void,
): AddressSeen[] {
  const table = workspace.tables.get('DeviceNetworkInfo');
  if (!table || table.rows.length === 0) {
    warn('DeviceNetworkInfo holds no rows in this workspace, so no device addresses are known.');
    return [];
  }
  const col = (n: string) => table.columns.findIndex((c) => c.name === n);
  const [time, id, name, ips, adapter] = [
    'Timestamp',
    'DeviceId',
    'DeviceName',
    'IPAddresses',
    'NetworkAdapterType',
  ].map(col);
  const out: AddressSeen[] = [];
  for (const row of table.rows) {
    const t = row[time] as bigint | null;
    if (t === null || (until !== null && t > until)) continue;
    const list = fromExternal(row[ips], 'dynamic');
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const address = (entry as Record<string, unknown> | null)?.IPAddress;
      if (typeof address !== 'string' || !address) continue;
      out.push({
        deviceId: row[id],
        deviceName: name >= 0 ? row[name] : null,
        time: t,
        address,
        addressType: (entry as Record<string, unknown>).AddressType ?? null,
        adapterType: adapter >= 0 ? row[adapter] : null,
      });
    }
  }
  return out;
}

/** Keeps the latest sighting of each key. */
function latestBy<T extends { time: bigint }>(items: T[], key: (t: T) => string): T[] {
  const latest = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const seen = latest.get(k);
    if (!seen || item.time > seen.time) latest.set(k, item);
  }
  return [...latest.values()].sort((a, b) => compareValues(b.time, a.time));
}

/** `AssignedIPAddresses(x, y)`: the addresses DeviceNetworkInfo shows for device x (id or name), latest first. */
function assignedIpAddresses(call: ProvidedCall): Table {
  const device = String(call.args[0] ?? '');
  const until = typeof call.args[1] === 'bigint' ? call.args[1] : null;
  const mine = addressesSeen(call.workspace, until, call.warn).filter(
    (a) =>
      a.deviceId === device ||
      (typeof a.deviceName === 'string' && a.deviceName.toLowerCase() === device.toLowerCase()),
  );
  const rows: Row[] = latestBy(mine, (a) => a.address).map((a) =>
    call.columns.map((c) => {
      switch (c.name) {
        case 'Timestamp':
          return a.time;
        case 'IPAddress':
          return a.address;
        case 'IPType':
          return a.addressType;
        case 'NetworkAdapterType':
          return typeof a.adapterType === 'string' ? (ADAPTER_TYPES[a.adapterType] ?? null) : null;
        default:
          return fromExternal(null, c.type);
      }
    }),
  );
  if (call.columns.some((c) => c.name === 'ConnectedNetworks'))
    call.warn(
      'AssignedIPAddresses(): ConnectedNetworks is null here; its page types it int but describes JSON arrays.',
    );
  return { columns: call.columns, rows };
}

/** `invoke DeviceFromIP(x, y)`: the devices DeviceNetworkInfo shows holding each address (x, else the input's IP column). */
function deviceFromIp(call: ProvidedCall): Table {
  const until = typeof call.args[1] === 'bigint' ? call.args[1] : null;
  const seen = addressesSeen(call.workspace, until, call.warn);
  const given = typeof call.args[0] === 'string' && call.args[0] ? [call.args[0]] : undefined;
  const input = call.input;
  const ipAt = input?.columns.findIndex((c) => c.name === 'IP') ?? -1;
  const wanted = new Set(
    given ?? (input && ipAt >= 0 ? input.rows.map((r) => r[ipAt]).filter((v) => typeof v === 'string') : []),
  );
  const rows = latestBy(
    seen.filter((a) => wanted.has(a.address)),
    (a) => `${a.address}\u0000${String(a.deviceId)}`,
  ).map((a) =>
    call.columns.map((c) =>
      c.name === 'IP' ? a.address : c.name === 'DeviceId' ? a.deviceId : fromExternal(null, c.type),
    ),
  );
  return { columns: call.columns, rows };
}

/** `invoke SeenBy()`: the devices that discovered a device come from device discovery, which no table here holds. */
function seenBy(call: ProvidedCall): Table {
  call.warn(
    'SeenBy(): device discovery data is not in a local workspace, so no discovering devices are listed.',
  );
  return { columns: call.columns, rows: [] };
}
