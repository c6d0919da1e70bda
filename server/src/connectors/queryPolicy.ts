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

const TRUSTED_HOSTS: Record<'logAnalytics' | 'defender' | 'adx', RegExp> = {
  logAnalytics: /^(api\.loganalytics\.io|api\.loganalytics\.azure\.com|api\.loganalytics\.azure\.cn|api\.loganalytics\.us|api\.loganalytics\.azure\.us)$/i,
  defender: /^(graph\.microsoft\.com|graph\.microsoft\.us|dod-graph\.microsoft\.us|microsoftgraph\.chinacloudapi\.cn)$/i,
  adx: /^[a-z0-9-]+(\.[a-z0-9-]+)*\.(kusto\.windows\.net|kustomfa\.windows\.net|kusto\.azuresynapse\.net|kusto\.fabric\.microsoft\.com|kusto\.data\.microsoft\.com|kusto\.chinacloudapi\.cn|kusto\.usgovcloudapi\.net)$/i,
};

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** Throws a `refused` error unless `url` is https on a known host for the kind, or any port on loopback. */
export function checkEndpoint(url: string, kind: 'logAnalytics' | 'defender' | 'adx'): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConnectorError('refused', `"${url}" is not a valid URL.`);
  }
  if (isLoopback(parsed.hostname)) return parsed;
  if (parsed.protocol !== 'https:') throw new ConnectorError('refused', `Refusing to send a token over ${parsed.protocol.replace(':', '')}: ${parsed.host} must use https.`);
  if (!TRUSTED_HOSTS[kind].test(parsed.hostname)) {
    throw new ConnectorError('refused', `Refusing to send a token to ${parsed.hostname}: it is not a known endpoint for this kind of workspace.`);
  }
  return parsed;
}
