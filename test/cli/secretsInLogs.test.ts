/**
 * `kqlhunt run` against a Log Analytics workspace with a token from the Azure CLI: the token
 * appears nowhere in what the command prints or writes, and the result values only on stdout,
 * which is the result itself. The `az` on PATH is a stand-in that prints a known token, and the
 * service is a local one on 127.0.0.1 that accepts only that token.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runBin } from '../helpers/cliHarness';
import {
  fakeAzureCli,
  filesUnder,
  leaksIn,
  startSecretService,
  type SecretService,
} from '../helpers/secretService';

describe('kqlhunt run: secrets stay out of the output and of written files', () => {
  let service: SecretService;
  let env: NodeJS.ProcessEnv;
  const dir = (name: string) => path.join(service.scratch, name);

  before(async () => {
    service = await startSecretService();
    for (const name of ['bin', 'home', 'cache', 'tmp', 'project']) fs.mkdirSync(dir(name));
    fakeAzureCli(dir('bin'), service.token);
    fs.writeFileSync(
      path.join(dir('project'), '.kqlhunt.json'),
      JSON.stringify({
        workspaces: [
          {
            name: 'Secret',
            kind: 'logAnalytics',
            workspaceId: service.workspaceId,
            endpoint: `${service.stub.origin}/v1`,
          },
        ],
      }),
    );
    env = {
      PATH: `${dir('bin')}${path.delimiter}${process.env.PATH ?? ''}`,
      HOME: dir('home'),
      XDG_CACHE_HOME: dir('cache'),
      TMPDIR: dir('tmp'),
      NODE_EXTRA_CA_CERTS: service.caFile,
      // The Azure CLI sign-in only: the managed identity probe would wait on a network this machine lacks.
      AZURE_TOKEN_CREDENTIALS: 'AzureCliCredential',
    };
  });
  after(async () => {
    await service?.close();
  });

  /** Every place a secret could land besides stdout: stderr and the folders the command may write to. */
  const logsOf = (stderr: string) => ({
    'kqlhunt stderr': stderr,
    ...filesUnder(dir('home'), dir('cache'), dir('tmp'), dir('project')),
  });

  it('an authenticated run prints the values as its result and nowhere else, and never the token', async () => {
    const run = await runBin(['run', '--query', 'SecurityEvent | take 1'], dir('project'), env);
    assert.equal(run.code, 0, run.stderr);
    for (const value of service.resultValues)
      assert.ok(run.stdout.includes(value), `the result holds ${value}:\n${run.stdout}`);
    assert.equal(service.stub.requests.at(-1)!.headers.authorization, `Bearer ${service.token}`);
    assert.deepEqual(leaksIn(logsOf(run.stderr), service.secrets()), []);
    assert.deepEqual(leaksIn({ 'kqlhunt stdout': run.stdout }, [['the bearer token', service.token]]), []);
  });

  it('a refused run (403) explains itself without the token', async () => {
    const run = await runBin(
      ['run', '--query', 'ScenarioForbidden | take 1', '--format', 'json'],
      dir('project'),
      env,
    );
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stderr + run.stdout, /insufficient access/);
    assert.deepEqual(leaksIn({ 'kqlhunt stdout': run.stdout, ...logsOf(run.stderr) }, service.secrets()), []);
  });
});
