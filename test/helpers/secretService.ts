import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  startHttpsStub,
  type HttpsStub,
  type StubRequest,
  type StubResponse,
} from '../unit/connectors/support/httpsStub';
import { WORKSPACE_ID } from '../unit/connectors/support/logAnalyticsService';

/**
 * A Log Analytics query API on 127.0.0.1 that accepts one known bearer token and answers with
 * known values, made fresh per test run, so that a test can search every log for the token and
 * the values afterwards. A query naming `ScenarioForbidden` is refused with 403, as a service
 * answers a token without the right role, to check the failure path as well.
 */
export interface SecretService {
  readonly stub: HttpsStub;
  /** The bearer token the service accepts. */
  readonly token: string;
  /** Values that the answer holds and no log may hold. */
  readonly resultValues: readonly string[];
  /** A PEM file with the stub's certificate, for NODE_EXTRA_CA_CERTS. */
  readonly caFile: string;
  /** A scratch folder for the run's home, cache and temporary folders. */
  readonly scratch: string;
  readonly workspaceId: string;
  /** Every secret, each with a label for messages. */
  secrets(): [label: string, value: string][];
  close(): Promise<void>;
}

export async function startSecretService(): Promise<SecretService> {
  const id = randomBytes(8).toString('hex');
  const token = `kqlsecret-token-${id}`;
  const resultValues = [`canary-device-${id}`, `canary-account-${id}`];
  const handler = (req: StubRequest): StubResponse => {
    if (req.headers.authorization !== `Bearer ${token}`) {
      return {
        status: 401,
        body: { error: { code: 'AuthenticationFailed', message: 'The token is not valid.' } },
      };
    }
    const query = (req.body as { query?: string } | undefined)?.query ?? '';
    if (query.includes('ScenarioForbidden')) {
      return {
        status: 403,
        body: {
          error: {
            code: 'InsufficientAccessError',
            message: 'The provided credentials have insufficient access to perform the requested operation.',
          },
        },
      };
    }
    return {
      status: 200,
      body: {
        tables: [
          {
            name: 'PrimaryResult',
            columns: [
              { name: 'DeviceName', type: 'string' },
              { name: 'AccountName', type: 'string' },
              { name: 'Count', type: 'long' },
            ],
            rows: [[resultValues[0], resultValues[1], 7]],
          },
        ],
      },
    };
  };
  const stub = await startHttpsStub(handler);
  const scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kql-secrets-')));
  const caFile = path.join(scratch, 'ca.pem');
  fs.writeFileSync(caFile, stub.ca);
  return {
    stub,
    token,
    resultValues,
    caFile,
    scratch,
    workspaceId: WORKSPACE_ID,
    secrets: () => [
      ['the bearer token', token],
      ...resultValues.map((v): [string, string] => ['a result value', v]),
    ],
    async close() {
      await stub.close();
      fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/**
 * A stand-in `az` in `binDir` that prints what `az account get-access-token --output json`
 * prints, with the service's token, for DefaultAzureCredential's Azure CLI sign-in.
 */
export function fakeAzureCli(binDir: string, token: string): void {
  fs.mkdirSync(binDir, { recursive: true });
  const answer = {
    accessToken: token,
    expiresOn: '2099-01-01 00:00:00.000000',
    expires_on: 4070908800,
    tokenType: 'Bearer',
  };
  fs.writeFileSync(path.join(binDir, 'az'), `#!/bin/sh\ncat <<'JSON'\n${JSON.stringify(answer)}\nJSON\n`, {
    mode: 0o755,
  });
}

/** Which secrets appear in which of the named texts, as readable lines; empty when none do. */
export function leaksIn(texts: Record<string, string>, secrets: [string, string][]): string[] {
  const leaks: string[] = [];
  for (const [where, text] of Object.entries(texts)) {
    for (const [label, value] of secrets)
      if (text.includes(value)) leaks.push(`${label} appears in ${where}`);
  }
  return leaks;
}

/** Every file under the folders, as texts keyed by path, for `leaksIn`. */
export function filesUnder(...dirs: string[]): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      texts[file] = fs.readFileSync(file).toString('latin1');
    }
  }
  return texts;
}
