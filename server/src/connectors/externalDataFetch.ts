import * as https from 'node:https';
import type { IncomingMessage } from 'node:http';
import { rootCertificates } from 'node:tls';
import type { ConnectorTransport } from './transport';
import { urlForMessages } from '../executor/errors';
import { ConnectorError } from './types';

/**
 * Fetches the file an `externaldata` operator names, for the local workspace, when the user has
 * turned `kqlHunting.run.fetchExternalData` on (it is off by default, and no query runs in a
 * restricted workspace). Only HTTPS is fetched, redirects included; a file over the size limit is
 * abandoned as soon as it is known to be too big; the text is kept for a while so that running a
 * query again does not fetch it again. URLs are shown without their query string, which is where
 * a storage SAS token lives.
 */
export interface FetchLimits {
  maxBytes: number;
  signal: AbortSignal;
  transport?: ConnectorTransport;
}

const MAX_REDIRECTS = 5;
const CACHE_MS = 15 * 60_000;
const CACHE_MAX_BYTES = 256 * 1024 ** 2;
const cache = new Map<string, { text: string; at: number }>();

export async function fetchExternalText(url: string, limits: FetchLimits): Promise<string> {
  const hit = cache.get(url);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.text;
  let target = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const response = await get(target, limits);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      target = new URL(response.headers.location, target).toString();
      continue;
    }
    if (status !== 200) {
      response.resume();
      throw new ConnectorError(
        'badRequest',
        `externaldata: ${urlForMessages(url)} answered HTTP ${status}; the query was not run.`,
      );
    }
    const text = await readLimited(response, url, limits.maxBytes);
    remember(url, text);
    return text;
  }
  throw new ConnectorError(
    'badRequest',
    `externaldata: ${urlForMessages(url)} redirected more than ${MAX_REDIRECTS} times.`,
  );
}

function get(url: string, limits: FetchLimits): Promise<IncomingMessage> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConnectorError('badRequest', `externaldata: '${urlForMessages(url)}' is not a URL.`);
  }
  if (parsed.protocol !== 'https:')
    throw new ConnectorError(
      'badRequest',
      `externaldata: only https URLs are fetched, not ${urlForMessages(url)}. Save the file in the workspace folder and map it in workspace.json instead.`,
    );
  const ca = limits.transport?.tlsCa ? [...rootCertificates, limits.transport.tlsCa] : undefined;
  return new Promise((resolve, reject) => {
    const request = https.get(parsed, { signal: limits.signal, ...(ca ? { ca } : {}) }, resolve);
    request.on('error', (e: Error & { code?: string }) =>
      reject(
        limits.signal.aborted
          ? new ConnectorError('cancelled', 'The query was cancelled.')
          : new ConnectorError(
              'network',
              `externaldata: ${urlForMessages(url)} could not be fetched: ${e.message}`,
            ),
      ),
    );
  });
}

function readLimited(response: IncomingMessage, url: string, maxBytes: number): Promise<string> {
  const tooBig = () =>
    new ConnectorError(
      'badRequest',
      `externaldata: ${urlForMessages(url)} is larger than the limit of ${Math.round(maxBytes / 1024 ** 2)} MB (kqlHunting.run.externalDataMaxMegabytes).`,
    );
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    return Promise.reject(tooBig());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy();
        reject(tooBig());
        return;
      }
      chunks.push(chunk);
    });
    response.on('end', () => resolve(new TextDecoder('utf-8').decode(Buffer.concat(chunks))));
    response.on('error', (e) =>
      reject(
        new ConnectorError('network', `externaldata: reading ${urlForMessages(url)} failed: ${e.message}`),
      ),
    );
  });
}

function remember(url: string, text: string): void {
  cache.set(url, { text, at: Date.now() });
  let total = 0;
  for (const v of cache.values()) total += v.text.length;
  // The oldest entries go first once the cache holds more than its cap.
  for (const [key, v] of cache) {
    if (total <= CACHE_MAX_BYTES) break;
    cache.delete(key);
    total -= v.text.length;
  }
}
