import { once } from 'node:events';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

/**
 * A local HTTPS server on 127.0.0.1 standing in for a cloud service. HTTPS because the Azure
 * SDK refuses to send a bearer token over plain HTTP; the certificate is made per run and
 * handed to the connector as an extra trusted CA.
 */
export interface StubRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface StubResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** The server waits this long before answering, to play a slow service. */
  delayMs?: number;
}

export interface HttpsStub {
  /** `https://127.0.0.1:PORT` (or http) */
  readonly origin: string;
  /** PEM certificate to trust. */
  readonly ca: string;
  readonly requests: StubRequest[];
  /** Requests whose client went away before the answer (cancelled or timed out). */
  readonly abandoned: StubRequest[];
  close(): Promise<void>;
}

let cachedPems: Promise<{ private: string; cert: string }> | undefined;

function certificate(): Promise<{ private: string; cert: string }> {
  cachedPems ??= generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  }) as Promise<{ private: string; cert: string }>;
  return cachedPems;
}

/** `plain` serves HTTP instead, for SDKs that fetch metadata outside their configurable transport. */
export async function startHttpsStub(
  handler: (request: StubRequest) => StubResponse | Promise<StubResponse>,
  { plain = false } = {},
): Promise<HttpsStub> {
  const pems = await certificate();
  const requests: StubRequest[] = [];
  const abandoned: StubRequest[] = [];
  const listener: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // Not JSON: keep the text.
      }
      const request: StubRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body,
      };
      requests.push(request);
      let answer: StubResponse;
      try {
        answer = await handler(request);
      } catch (e) {
        answer = { status: 500, body: { error: { code: 'StubFailure', message: String(e) } } };
      }
      const send = () => {
        if (res.destroyed) return;
        const payload =
          answer.body === undefined
            ? ''
            : typeof answer.body === 'string'
              ? answer.body
              : JSON.stringify(answer.body);
        res.writeHead(answer.status, {
          'content-type': 'application/json; charset=utf-8',
          ...answer.headers,
        });
        res.end(payload);
      };
      if (!answer.delayMs) return send();
      const timer = setTimeout(send, answer.delayMs);
      res.on('close', () => {
        if (!res.writableFinished) {
          clearTimeout(timer);
          abandoned.push(request);
        }
      });
    });
  };
  const server = plain
    ? http.createServer(listener)
    : https.createServer({ key: pems.private, cert: pems.cert }, listener);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${plain ? 'http' : 'https'}://127.0.0.1:${port}`,
    ca: pems.cert,
    requests,
    abandoned,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
