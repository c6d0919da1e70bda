/**
 * `kqlhunt deploy` and `kqlhunt pull` against Defender XDR custom detections, through the real CLI
 * process, signed in by the Azure CLI sign-in (a stand-in `az`), against a stand-in for Microsoft
 * Graph beta `security/rules/detectionRules` on 127.0.0.1.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runBin } from '../helpers/cliHarness';
import { detectionRulesService, type DetectionRulesService } from '../helpers/detectionRulesService';
import { fakeAzureCli } from '../helpers/secretService';
import { startHttpsStub, type HttpsStub } from '../unit/connectors/support/httpsStub';

const TOKEN = `graph-deploy-token-${process.pid}`;

function detection(severity: string, frequency = 'PT1H'): Record<string, unknown> {
  return {
    displayName: 'Remote access tool started from a user folder',
    isEnabled: true,
    queryCondition: {
      queryText:
        'DeviceProcessEvents\n| where FolderPath startswith @"C:\\\\Users\\\\"\n| where FileName in~ ("anydesk.exe", "tvnserver.exe")\n| project Timestamp, DeviceId, ReportId, DeviceName, FileName',
    },
    schedule: { frequency },
    detectionAction: {
      alertTemplate: {
        title: 'Remote access tool started from a user folder',
        description: 'A remote access tool ran from a folder users can write to.',
        severity,
        tactics: [{ tactic: 'CommandAndControl', techniques: [{ technique: 'T1219', subTechniques: [] }] }],
        entityMappings: { hosts: [{ deviceIdColumn: 'DeviceId' }] },
      },
      responseActions: [],
    },
  };
}

/** The same rule in the shape Graph removed on 2026-10-01, as older files and tenants hold it. */
function legacyDetection(severity: string, period = '1H'): Record<string, unknown> {
  const rule = detection(severity);
  rule.schedule = { period, nextRunDateTime: '2026-09-30T12:00:00Z' };
  const action = rule.detectionAction as { alertTemplate: Record<string, unknown> };
  const { tactics: _tactics, entityMappings: _mappings, ...template } = action.alertTemplate;
  action.alertTemplate = {
    ...template,
    category: 'CommandAndControl',
    mitreTechniques: ['T1219'],
    impactedAssets: [
      { '@odata.type': '#microsoft.graph.security.impactedDeviceAsset', identifier: 'deviceId' },
    ],
  };
  return rule;
}

describe('kqlhunt deploy and pull: Defender XDR custom detections', () => {
  let stub: HttpsStub;
  let graph: DetectionRulesService;
  let scratch: string;
  let env: NodeJS.ProcessEnv;
  const project = () => path.join(scratch, 'project');
  const file = () => path.join(project(), 'detections', 'remote-access.detection.json');
  const kqlhunt = (...args: string[]) => runBin(args, project(), env, 60_000);
  const writes = () => stub.requests.filter((r) => r.method !== 'GET');

  before(async () => {
    graph = detectionRulesService(TOKEN);
    stub = await startHttpsStub((req) => graph.handler(req));
    scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kql-deploy-graph-')));
    fs.mkdirSync(path.dirname(file()), { recursive: true });
    fs.writeFileSync(path.join(scratch, 'ca.pem'), stub.ca);
    fakeAzureCli(path.join(scratch, 'bin'), TOKEN);
    fs.writeFileSync(
      path.join(project(), '.kqlhunt.json'),
      JSON.stringify({ workspaces: [{ name: 'Xdr', kind: 'defender', endpoint: `${stub.origin}/beta` }] }),
    );
    fs.writeFileSync(file(), JSON.stringify(detection('medium'), null, 2));
    env = {
      PATH: `${path.join(scratch, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
      HOME: path.join(scratch, 'home'),
      NODE_EXTRA_CA_CERTS: path.join(scratch, 'ca.pem'),
      AZURE_TOKEN_CREDENTIALS: 'AzureCliCredential',
    };
  });
  after(async () => {
    await stub?.close();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('plans, creates with POST, and then finds the rule unchanged', async () => {
    const dry = await kqlhunt('deploy', 'detections', '--to', 'Xdr', '--dry-run');
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /\+ create\s+new:Remote access tool started from a user folder/);
    assert.deepEqual(writes(), []);

    const run = await kqlhunt('deploy', 'detections', '--to', 'Xdr');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /created 100 from detections\/remote-access\.detection\.json/);
    const post = writes().at(-1)!;
    assert.equal(post.method, 'POST');
    assert.equal(post.path, '/beta/security/rules/detectionRules');
    assert.equal(post.headers.authorization, `Bearer ${TOKEN}`);
    assert.deepEqual((post.body as { schedule: unknown }).schedule, { frequency: 'PT1H' });
    assert.equal(graph.rules.get('100')!.displayName, 'Remote access tool started from a user folder');

    const again = await kqlhunt('deploy', 'detections', '--to', 'Xdr');
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /= unchanged\s+100/);
    assert.equal(writes().length, 1, 'nothing sent for an unchanged rule');
    assert.ok(!(run.stdout + run.stderr + again.stdout + again.stderr).includes(TOKEN));
  });

  it('shows a nested field change and updates it with PATCH of that field only', async () => {
    fs.writeFileSync(file(), JSON.stringify(detection('high'), null, 2));
    const dry = await kqlhunt('deploy', 'detections', '--to', 'Xdr', '--dry-run');
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /~ change\s+100/);
    assert.match(dry.stdout, /detectionAction\.alertTemplate\.severity: "medium" -> "high"/);

    const run = await kqlhunt('deploy', 'detections', '--to', 'Xdr');
    assert.equal(run.code, 0, run.stderr);
    const patch = writes().at(-1)!;
    assert.equal(patch.method, 'PATCH');
    assert.equal(patch.path, '/beta/security/rules/detectionRules/100');
    assert.deepEqual(Object.keys(patch.body as object), ['detectionAction']);
    const stored = graph.rules.get('100')!.detectionAction as { alertTemplate: { severity: string } };
    assert.equal(stored.alertTemplate.severity, 'high');
  });

  it('shows the service validation message of a 400', async () => {
    const dir = path.join(project(), 'invalid');
    fs.mkdirSync(dir);
    fs.writeFileSync(
      path.join(dir, 'every-two-hours.detection.json'),
      JSON.stringify({ ...detection('low', 'PT2H'), displayName: 'Every two hours' }),
    );
    const run = await kqlhunt('deploy', 'invalid', '--to', 'Xdr');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /\(400\): BadRequest: Invalid schedule frequency 'PT2H'/);
  });

  it('a file an older version wrote (period, impactedAssets) is deployed in the current shape', async () => {
    const dir = path.join(project(), 'legacy');
    fs.mkdirSync(dir);
    fs.writeFileSync(
      path.join(dir, 'legacy.detection.json'),
      JSON.stringify({ ...legacyDetection('low', '3H'), displayName: 'Written before October' }),
    );
    const run = await kqlhunt('deploy', 'legacy', '--to', 'Xdr');
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const body = writes().at(-1)!.body as Record<string, unknown>;
    assert.deepEqual(body.schedule, { frequency: 'PT3H' });
    const template = (body.detectionAction as { alertTemplate: Record<string, unknown> }).alertTemplate;
    assert.deepEqual(template.entityMappings, { hosts: [{ deviceIdColumn: 'DeviceId' }] });
    assert.deepEqual(template.tactics, [
      { tactic: 'CommandAndControl', techniques: [{ technique: 'T1219', subTechniques: [] }] },
    ]);
    for (const removed of ['impactedAssets', 'category', 'mitreTechniques'])
      assert.ok(!(removed in template));
    const made = [...graph.rules.values()].filter((r) => r.displayName === 'Written before October');
    assert.equal(made.length, 1);
    graph.rules.delete(String(made[0].id));
  });

  it('refuses a detection whose query fails its checks, unless --force', async () => {
    const dir = path.join(project(), 'failing');
    fs.mkdirSync(dir);
    const rule = detection('low');
    rule.displayName = 'Misspelt column';
    rule.queryCondition = {
      queryText: 'DeviceProcessEvents\n| where FileNmae == "x.exe"\n| project Timestamp, DeviceId, ReportId',
    };
    fs.writeFileSync(path.join(dir, 'misspelt.detection.json'), JSON.stringify(rule));
    const refused = await kqlhunt('deploy', 'failing', '--to', 'Xdr');
    assert.equal(refused.code, 1);
    assert.match(refused.stdout, /! refused\s+new:Misspelt column/);
    assert.match(refused.stdout, /failing\/misspelt\.detection\.json \(queryText\):2:\d+ .*FileNmae/);
    assert.ok(![...graph.rules.values()].some((r) => r.displayName === 'Misspelt column'));

    const forced = await kqlhunt('deploy', 'failing', '--to', 'Xdr', '--force');
    assert.equal(forced.code, 0, forced.stderr);
    const made = [...graph.rules.values()].find((r) => r.displayName === 'Misspelt column');
    assert.ok(made, 'deployed with --force');
    graph.rules.delete(String(made.id));
  });

  it('a file with a stale id (its rule was deleted in the portal) is created once, then matched by name', async () => {
    const dir = path.join(project(), 'stale');
    fs.mkdirSync(dir);
    fs.writeFileSync(
      path.join(dir, 'stale.detection.json'),
      JSON.stringify({ ...detection('low'), id: '999', displayName: 'Deleted in the portal' }),
    );
    const first = await kqlhunt('deploy', 'stale', '--to', 'Xdr');
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /created \d+ from stale\/stale\.detection\.json/);
    const post = writes().at(-1)!;
    assert.equal((post.body as { id?: string }).id, undefined, 'the stale id is not sent');
    const second = await kqlhunt('deploy', 'stale', '--to', 'Xdr');
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /= unchanged/);
    const made = [...graph.rules.values()].filter((r) => r.displayName === 'Deleted in the portal');
    assert.equal(made.length, 1);
    graph.rules.delete(String(made[0].id));
  });

  it('pull writes a rule only the tenant has, in the current shape, and reports the drift of a changed one', async () => {
    // A tenant that still returns the removed properties for an old rule.
    graph.rules.set('200', {
      ...legacyDetection('low'),
      id: '200',
      displayName: 'Encoded PowerShell from Office',
      createdBy: 'someone@example.test',
      lastRunDetails: { status: 'completed' },
    });
    (graph.rules.get('100')!.schedule as { frequency: string }).frequency = 'PT3H';

    const dry = await kqlhunt('pull', '--from', 'Xdr', '--out', 'detections', '--dry-run');
    assert.equal(dry.code, 1, dry.stdout + dry.stderr);
    assert.match(dry.stdout, /~ differs\s+100.*\n\s+schedule\.frequency: "PT1H" -> "PT3H"/);
    assert.match(dry.stdout, /\+ only deployed\s+200\s+"Encoded PowerShell from Office"/);

    const run = await kqlhunt('pull', '--from', 'Xdr', '--out', 'detections');
    assert.equal(run.code, 0, run.stderr);
    const written = JSON.parse(
      fs.readFileSync(
        path.join(project(), 'detections', 'encoded-powershell-from-office.detection.json'),
        'utf8',
      ),
    ) as Record<string, unknown>;
    assert.equal(written.id, '200');
    assert.equal(written.createdBy, undefined, 'fields the service owns are not written');
    assert.deepEqual(written.schedule, { frequency: 'PT1H' });
    const template = (written.detectionAction as { alertTemplate: Record<string, unknown> }).alertTemplate;
    assert.deepEqual(template.entityMappings, { hosts: [{ deviceIdColumn: 'DeviceId' }] });
    for (const removed of ['impactedAssets', 'category', 'mitreTechniques'])
      assert.ok(!(removed in template));
    const updated = JSON.parse(fs.readFileSync(file(), 'utf8')) as {
      id: string;
      schedule: { frequency: string };
    };
    assert.equal(updated.id, '100');
    assert.equal(updated.schedule.frequency, 'PT3H');

    const after = await kqlhunt('pull', '--from', 'Xdr', '--out', 'detections', '--dry-run');
    assert.equal(after.code, 0, after.stdout);
    assert.match(after.stdout, /No drift: 2 unchanged/);
  });
});
