import { ConnectorError } from './types';

/**
 * Checks made before anything is sent: management commands need explicit permission, and a
 * token only ever goes to a known Azure host (or to this machine, for tests and emulators).
 * Without the host check, a workspace entry in a cloned repository's settings could point the
 * Log Analytics token at any server.
 */

/** True when the text, after leading blank lines and `//` comments, starts with `.` (a management command). */
export function isManagementCommand(query: string): boolean {
  const code = query.replace(/^(?:\s+|\/\/[^\n]*(?:\n|$))*/, '');
  return code.startsWith('.');
}

/** The services a token may be sent to; `management` is Azure Resource Manager, for deploying rules. */
export type EndpointKind = 'logAnalytics' | 'defender' | 'adx' | 'management';

const TRUSTED_HOSTS: Record<EndpointKind, RegExp> = {
  logAnalytics:
    /^(api\.loganalytics\.io|api\.loganalytics\.azure\.com|api\.loganalytics\.azure\.cn|api\.loganalytics\.us|api\.loganalytics\.azure\.us)$/i,
  defender:
    /^(graph\.microsoft\.com|graph\.microsoft\.us|dod-graph\.microsoft\.us|microsoftgraph\.chinacloudapi\.cn)$/i,
  management: /^(management\.azure\.com|management\.usgovcloudapi\.net|management\.chinacloudapi\.cn)$/i,
  adx: /^[a-z0-9-]+(\.[a-z0-9-]+)*\.(kusto\.windows\.net|kustomfa\.windows\.net|kusto\.azuresynapse\.net|kusto\.fabric\.microsoft\.com|kusto\.data\.microsoft\.com|kusto\.chinacloudapi\.cn|kusto\.usgovcloudapi\.net)$/i,
};

/**
 * True for this machine in any spelling the WHATWG URL parser leaves: `localhost`, 127.0.0.0/8
 * (decimal, hex and short forms such as `2130706433` or `0x7f.1` are already normalised to
 * dotted quads), `[::1]` and IPv4-mapped loopback (`[::ffff:7f00:1]`).
 */
export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host)) return true;
  const mapped = /^\[::ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}\]$/.exec(host);
  return mapped !== null && parseInt(mapped[1], 16) >> 8 === 127;
}

/** The paths an endpoint may carry: the service's API version (Log Analytics `/v1`, Graph `/v1.0` or `/beta`), or none. */
const ALLOWED_PATHS: Record<EndpointKind, RegExp> = {
  logAnalytics: /^\/(v1)?$/,
  management: /^\/$/,
  defender: /^\/(v1\.0|beta)?$/,
  adx: /^\/$/,
};

/**
 * Checks a workspace's endpoint before anything is sent and returns the one string the SDK may
 * be given: https on a known host for the kind (or any scheme and port on this machine), with no
 * user info, query, fragment or `;`, and no path but the API version. The SDKs parse what they
 * get in their own ways (azure-kusto-data reads a cluster URL as a connection string, where a
 * later `;Data Source=` wins), so they get exactly what was checked, never the raw setting.
 * `setting` names the setting in messages, such as `kqlHunting.workspaces "Prod" clusterUrl`.
 */
export function checkEndpoint(
  url: string,
  kind: EndpointKind,
  setting = kind === 'adx' ? 'clusterUrl' : 'endpoint',
): string {
  const refuse = (why: string) => new ConnectorError('refused', `${setting} "${url.slice(0, 200)}" ${why}`);
  // Separators a connection string or a lenient parser could act on; a real endpoint has none.
  if (/[;\s\\]|[\u0000-\u001f\u007f]/.test(url))
    throw refuse(
      'must be a plain URL such as https://host: it holds a ";", a backslash, a space or a control character.',
    );
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refuse('is not a valid URL.');
  }
  if (parsed.username || parsed.password) throw refuse('must not hold a user name or password.');
  if (parsed.search || parsed.hash || url.includes('?') || url.includes('#'))
    throw refuse('must not have a query or fragment.');
  const loopback = isLoopback(parsed.hostname);
  if (loopback && parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw refuse('must use https.');
  if (!loopback && parsed.protocol !== 'https:')
    throw refuse(
      `must use https: refusing to send a token over ${parsed.protocol.replace(':', '')} to ${parsed.host}.`,
    );
  if (!loopback && !TRUSTED_HOSTS[kind].test(parsed.hostname))
    throw refuse(
      `is not a known endpoint for this kind of workspace: refusing to send a token to ${parsed.hostname}.`,
    );
  const path = parsed.pathname.replace(/\/+$/, '') || '/';
  if (!ALLOWED_PATHS[kind].test(path)) {
    throw refuse(
      kind === 'adx'
        ? "must be the cluster's address only, such as https://mycluster.westeurope.kusto.windows.net."
        : kind === 'management'
          ? 'must be the address only, such as https://management.azure.com.'
          : `must be the service address, with at most its API version as the path (${kind === 'logAnalytics' ? '/v1' : '/v1.0 or /beta'}).`,
    );
  }
  return `${parsed.origin}${path === '/' ? '' : path}`;
}
