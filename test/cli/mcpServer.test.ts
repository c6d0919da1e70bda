import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { KQLHUNT_BIN, tempTree } from '../helpers/cliHarness';

/**
 * `kqlhunt mcp` driven by the MCP SDK's own client over stdio, as an assistant would use it: a
 * temporary repository with a local workspace of our own rows, and a Log Analytics workspace
 * whose endpoint is a 127.0.0.1 listener that must never be called while Azure runs are off.
 */
interface ToolText {
  isError: boolean;
  value: Record<string, unknown>;
}

function eventRows(count: number, bigText = ''): string {
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    rows.push(
      JSON.stringify({
        Timestamp: `2025-03-14T10:${String(i % 60).padStart(2, '0')}:00Z`,
        DeviceId: `dev-${i}`,
        DeviceName: `host-${i}.contoso.local`,
        ActionType: 'ConnectionSuccess',
        RemoteUrl: i % 10 === 0 ? 'relay.tightvnc.example' : `site-${i}.example`,
        RemotePort: 5900,
        InitiatingProcessVersionInfoCompanyName: i % 10 === 0 ? 'GlavSoft LLC.' : 'Contoso',
        InitiatingProcessFileName: bigText || 'app.exe',
      }),
    );
  }
  return rows.join('\n') + '\n';
}

describe('kqlhunt mcp over stdio', () => {
  let tree: { dir: string; dispose(): void };
  let listener: http.Server;
  let requests = 0;
  let client: Client;

  before(async () => {
    listener = http.createServer((_req, res) => {
      requests++;
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const port = (listener.address() as AddressInfo).port;
    tree = tempTree({
      '.kqlhunt.json': JSON.stringify({
        environment: 'defender',
        workspaces: [
          { name: 'Sample', kind: 'local', folder: 'data' },
          { name: 'Big', kind: 'local', folder: 'big' },
          {
            name: 'Prod',
            kind: 'logAnalytics',
            workspaceId: '00000000-0000-0000-0000-000000000001',
            endpoint: `http://127.0.0.1:${port}`,
          },
        ],
      }),
      'data/workspace.json': JSON.stringify({
        name: 'Sample',
        environment: 'defender',
        now: '2025-03-15T00:00:00Z',
      }),
      'data/DeviceNetworkEvents.ndjson': eventRows(120),
      'big/workspace.json': JSON.stringify({ name: 'Big', environment: 'defender' }),
      'big/DeviceNetworkEvents.ndjson': eventRows(40, 'x'.repeat(5000)),
    });
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [KQLHUNT_BIN, 'mcp'],
      cwd: tree.dir,
      stderr: 'pipe',
      env: { PATH: process.env.PATH ?? '' },
    });
    client = new Client({ name: 'kql-hunting-test', version: '1.0.0' });
    await client.connect(transport);
  });

  after(async () => {
    await client?.close();
    listener?.close();
    tree?.dispose();
  });

  async function call(name: string, args: Record<string, unknown>): Promise<ToolText> {
    const result = await client.callTool({ name, arguments: args });
    const content = result.content as { type: string; text: string }[];
    assert.equal(content[0].type, 'text');
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(content[0].text) as Record<string, unknown>;
    } catch {
      // The SDK answers some invalid calls itself, in prose.
      value = { error: content[0].text };
    }
    return { isError: result.isError === true, value };
  }

  it('lists the four tools with their input schemas', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), [
      'kql_check',
      'kql_rmm_detection',
      'kql_run',
      'kql_schema',
    ]);
    const check = tools.find((t) => t.name === 'kql_check')!;
    assert.deepEqual(check.inputSchema.required, ['text']);
    assert.equal((check.inputSchema as { additionalProperties?: boolean }).additionalProperties, false);
  });

  it("kql_schema gives a table's columns and corrects the case of its name", async () => {
    const { isError, value } = await call('kql_schema', { table: 'devicenetworkevents' });
    assert.equal(isError, false);
    const table = value.table as {
      name: string;
      timeColumn: string;
      columns: { name: string; type: string }[];
    };
    assert.equal(table.name, 'DeviceNetworkEvents');
    assert.equal(table.timeColumn, 'Timestamp');
    const company = table.columns.find((c) => c.name === 'InitiatingProcessVersionInfoCompanyName');
    assert.equal(company?.type, 'string');
    assert.match((value.notes as string[])[0], /case-sensitive/);
  });

  it('kql_schema searches and looks up a function signature in the chosen environment', async () => {
    const search = await call('kql_schema', { search: 'VersionInfoCompany', limit: 3 });
    const columns = search.value.columns as { table: string; name: string }[];
    assert.equal(columns.length, 3);
    assert.ok(columns.every((c) => /VersionInfoCompany/i.test(c.name)));
    assert.match((search.value.notes as string[]).join(' '), /showing the first 3/);
    const fn = await call('kql_schema', { function: 'ipv4_is_in_range' });
    assert.match((fn.value.function as { signature: string }).signature, /^ipv4_is_in_range\(/);
    const sentinel = await call('kql_schema', { table: 'SigninLogs', environment: 'sentinel' });
    assert.equal((sentinel.value.table as { timeColumn: string }).timeColumn, 'TimeGenerated');
  });

  it('kql_check reports what the editor reports, with the did-you-mean fix', async () => {
    const { value } = await call('kql_check', {
      text: 'DeviceNetworkEvents\n| where Timestamp > ago(1d)\n| where InitiatingProcessVersionInfoCompanyNam has "GlavSoft"',
    });
    assert.equal(value.ok, false);
    const findings = value.findings as { code: string; line: number; column: number; fixes?: string[] }[];
    const unknown = findings.find((f) => f.code === 'KS142')!;
    assert.equal(unknown.line, 3);
    assert.equal(unknown.column, 9);
    assert.match(unknown.fixes!.join(' '), /InitiatingProcessVersionInfoCompanyName'/);
  });

  it('kql_check checks a rule YAML, metadata included', async () => {
    const rule = [
      'id: 6c0d2e4f-8a1b-4c3d-9e5f-0a1b2c3d4e5f',
      'name: Test',
      'description: Test rule',
      'severity: Critical',
      'kind: Scheduled',
      'queryFrequency: 1h',
      'queryPeriod: 1h',
      'triggerOperator: gt',
      'triggerThreshold: 0',
      'tactics:',
      '  - CommandAndControl',
      'relevantTechniques:',
      '  - T1219',
      'query: |',
      '  DeviceNetworkEvents',
      '  | where RemotePort == 5900',
      'version: 1.0.0',
      '',
    ].join('\n');
    const { value } = await call('kql_check', { text: rule, kind: 'rule' });
    assert.equal(value.environment, 'sentinel');
    const codes = (value.findings as { code: string }[]).map((f) => f.code);
    assert.ok(
      codes.some((c) => /severity/.test(c)),
      `a severity finding among ${codes.join(', ')}`,
    );
  });

  it('kql_run runs on a local workspace at once, capped at maxRows with a note', async () => {
    const { isError, value } = await call('kql_run', {
      query:
        'DeviceNetworkEvents | where InitiatingProcessVersionInfoCompanyName == "Contoso" | project DeviceName',
      maxRows: 5,
    });
    assert.equal(isError, false, JSON.stringify(value));
    const table = (value.tables as { rows: unknown[][]; totalRows: number }[])[0];
    assert.equal(table.rows.length, 5);
    assert.equal(value.workspace, 'Sample');
    assert.match((value.notes as string[]).join(' '), /cut to 5/);
  });

  it('kql_run keeps an answer under its size cap and says how many rows were left out', async () => {
    const { isError, value } = await call('kql_run', {
      query: 'DeviceNetworkEvents | project InitiatingProcessFileName',
      workspace: 'Big',
      maxRows: 40,
    });
    assert.equal(isError, false, JSON.stringify(value).slice(0, 300));
    const rows = (value.tables as { rows: unknown[][] }[])[0].rows;
    assert.ok(rows.length > 0 && rows.length < 40, `${rows.length} rows`);
    assert.ok(JSON.stringify(value).length <= 61_000);
    assert.match(
      (value.notes as string[]).join(' '),
      new RegExp(`${40 - rows.length} more rows were left out`),
    );
  });

  it('kql_run refuses an Azure workspace while Azure runs are off, before any request', async () => {
    const { isError, value } = await call('kql_run', { query: 'SigninLogs | take 1', workspace: 'Prod' });
    assert.equal(isError, true);
    assert.match(String(value.error), /reaches Azure and was not allowed/);
    assert.equal(requests, 0);
  });

  it('kql_run refuses management commands and unknown workspaces', async () => {
    const mgmt = await call('kql_run', { query: '// drop it\n.drop table DeviceNetworkEvents' });
    assert.equal(mgmt.isError, true);
    assert.match(String(mgmt.value.error), /Management commands/);
    const unknown = await call('kql_run', { query: 'print 1', workspace: 'Nope' });
    assert.match(String(unknown.value.error), /No workspace named 'Nope'; configured: Sample, Big, Prod/);
  });

  it('kql_rmm_detection generates a hunting query and a rule by tool name', async () => {
    const hunting = await call('kql_rmm_detection', { tool: 'TightVNC', kinds: ['network'] });
    assert.equal(hunting.value.ok, true);
    assert.match(String(hunting.value.text), /DeviceNetworkEvents/);
    const rule = await call('kql_rmm_detection', { tool: 'anydesk', output: 'rule' });
    assert.equal(rule.value.language, 'yaml');
    assert.match(String(rule.value.text), /^id: [0-9a-f-]{36}$/m);
    const check = await call('kql_check', { text: String(rule.value.text), kind: 'rule' });
    assert.deepEqual(
      (check.value.findings as { severity: string }[]).filter((f) => f.severity === 'error'),
      [],
    );
    const unknown = await call('kql_rmm_detection', { tool: 'TightVCN' });
    assert.equal(unknown.isError, true);
    assert.match(String(unknown.value.error), /Did you mean TightVNC/);
  });

  it('rejects bad inputs with a message that names the field', async () => {
    const extra = await call('kql_check', { text: 'print 1', colour: 'red' });
    assert.equal(extra.isError, true);
    assert.match(String(extra.value.error), /colour|Unrecognized/i);
    const wrongType = await call('kql_run', { query: 'print 1', maxRows: 5000 });
    assert.equal(wrongType.isError, true);
    assert.match(String(wrongType.value.error), /maxRows/);
    const tooLong = await call('kql_check', { text: 'x'.repeat(100_001) });
    assert.equal(tooLong.isError, true);
    assert.match(String(tooLong.value.error), /text/);
  });
});

describe('kqlhunt mcp: the run timeout', () => {
  it('stops a long local query at run.timeoutSeconds, and the server goes on answering', async () => {
    const tree = tempTree({
      '.kqlhunt.json': JSON.stringify({
        run: { timeoutSeconds: 2 },
        workspaces: [{ name: 'Sample', kind: 'local', folder: 'data' }],
      }),
      'data/workspace.json': '{}',
    });
    const client = new Client({ name: 'kql-hunting-test', version: '1.0.0' });
    try {
      await client.connect(
        new StdioClientTransport({
          command: process.execPath,
          args: [KQLHUNT_BIN, 'mcp'],
          cwd: tree.dir,
          stderr: 'pipe',
          env: { PATH: process.env.PATH ?? '' },
        }),
      );
      const result = await client.callTool({
        name: 'kql_run',
        arguments: { query: 'range x from 1 to 5000000000 step 1 | summarize sum(x)' },
      });
      const text = (result.content as { text: string }[])[0].text;
      assert.equal(result.isError, true);
      assert.match(String((JSON.parse(text) as { error: string }).error), /^timeout: .*within 2 s/);
      const after = await client.callTool({ name: 'kql_schema', arguments: { table: 'DeviceInfo' } });
      assert.notEqual(after.isError, true, 'the server still answers');
    } finally {
      await client.close();
      tree.dispose();
    }
  });
});
