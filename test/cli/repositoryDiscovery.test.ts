import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runBin, tempTree } from '../helpers/cliHarness';

/**
 * kqlhunt check at the root of a detection repository loads, with no configuration, the CI's
 * custom table schemas and the repository's parsers (YAML with parameters, a KQL text parser,
 * a parser calling a parser), through the built binary as CI runs it.
 */
const rule = (query: string) =>
  `id: 6b4f2b7e-1c1a-4c8e-9a57-7d1b2a3c4d5e\nname: test rule\nkind: Scheduled\nquery: |\n${query
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}\n`;

const REPO = {
  '.script/tests/KqlvalidationsTests/CustomTables/Widget_CL.json': JSON.stringify({
    Name: 'Widget_CL',
    Properties: [
      { Name: 'TimeGenerated', Type: 'DateTime' },
      { Name: 'Colour_s', Type: 'String' },
      { Name: 'Size_d', Type: 'Double' },
    ],
  }),
  'Parsers/WidgetParser/WidgetEvents.yaml': [
    'ParserName: WidgetEvents',
    'ParserParams:',
    '  - Name: colour',
    '    Type: string',
    "    Default: '*'",
    'ParserQuery: |',
    '  Widget_CL',
    '  | where colour == "*" or Colour_s == colour',
    '  | project TimeGenerated, Colour = Colour_s, Size = Size_d',
    '',
  ].join('\n'),
  'Solutions/Widgets/Parsers/BigWidgets.txt':
    '// a parser saved as a function named for its file\nWidgetEvents | where Size > 10\n',
  'Solutions/Widgets/Analytic Rules/ok.yaml': rule(
    'BigWidgets\n| where TimeGenerated > ago(1h)\n| project Colour, Size',
  ),
  'Solutions/Widgets/Analytic Rules/params.yaml': rule(
    'WidgetEvents("red")\n| where TimeGenerated > ago(1h)\n| summarize count() by Colour',
  ),
  'Solutions/Widgets/Analytic Rules/wrong.yaml': rule(
    'WidgetEvents\n| where TimeGenerated > ago(1h)\n| project Weight',
  ),
  'Parsers/Broken/broken.yaml': 'ParserName: Broken\nParserQuery: [unclosed\n',
  'Parsers/Unbound/Unbound.yaml': 'ParserName: Unbound\nParserQuery: |\n  Missing_CL\n  | project X = 1\n',
  'Solutions/Widgets/Analytic Rules/unbound.yaml': rule('Unbound\n| take 1'),
};

describe('kqlhunt check: a detection repository with no configuration', () => {
  it('checks rules against the repository tables and the columns its parsers return', async () => {
    const tree = tempTree(REPO);
    try {
      const r = await runBin(['check', '--format', 'json', '--verbose', '--fail-on', 'never'], tree.dir);
      assert.equal(r.code, 0, r.stderr);
      const findings = JSON.parse(r.stdout) as {
        file: string;
        code: string;
        message: string;
        severity: string;
      }[];
      // Rule-field checks are not the point here: only the KQL errors are compared.
      const errors = findings.filter((f) => f.severity === 'error' && f.code.startsWith('KS'));
      // Only the rule that names a column no parser returns has an unknown name.
      assert.deepEqual(
        errors.map((f) => [f.file, f.code]),
        [['Solutions/Widgets/Analytic Rules/wrong.yaml', 'KS142']],
      );
      assert.match(errors[0].message, /Weight/);
      // The broken parser is reported once, at its own file.
      const broken = findings.filter((f) => f.file === 'Parsers/Broken/broken.yaml');
      assert.equal(broken.length, 1);
      assert.match(broken[0].message, /Not valid YAML/);
      // A parser whose query does not bind: its caller is told so (the engine's KS512).
      assert.ok(
        findings.some(
          (f) => f.file === 'Solutions/Widgets/Analytic Rules/unbound.yaml' && f.code === 'KS512',
        ),
        JSON.stringify(findings),
      );
      assert.match(r.stderr, /CustomTables: 1 table\(s\)/);
      assert.match(r.stderr, /Parsers: 0 table\(s\), 2 function\(s\), 1 problem\(s\)/);
      assert.match(r.stderr, /Solutions\/\*\/Parsers: 0 table\(s\), 1 function\(s\)/);
    } finally {
      tree.dispose();
    }
  });

  it('loads a KQL parser under the alias its comment gives, unless the name is declared or claimed twice', async () => {
    const parser = (alias: string, body: string) =>
      `// Widget parser\n// Save it as a function, specifying function name and alias (e.g. ${alias}).\n${body}\n`;
    const tree = tempTree({
      '.script/tests/KqlvalidationsTests/CustomTables/Widget_CL.json':
        REPO['.script/tests/KqlvalidationsTests/CustomTables/Widget_CL.json'],
      // The CI declares WidgetAudit itself: its declaration stands over a comment's suggestion.
      '.script/tests/KqlvalidationsTests/CustomTables/WidgetAudit.json': JSON.stringify({
        Name: 'WidgetAudit',
        Properties: [{ Name: 'Declared_s', Type: 'String' }],
      }),
      'Parsers/Widget/WidgetLog_Parser.txt': parser('WidgetEvent', 'Widget_CL | project Colour = Colour_s'),
      'Parsers/Widget/WidgetAuditLog.txt': parser('WidgetAudit', 'Widget_CL | project Audit = Colour_s'),
      // Two versions of one parser suggest one alias: neither is loaded under it, and no warning.
      'Parsers/Widget/Widget-v1.txt': parser('Widget_Normalized', 'Widget_CL | project V1 = 1'),
      'Parsers/Widget/Widget-v2.txt': parser('Widget_Normalized', 'Widget_CL | project V2 = 2'),
      'Hunting Queries/alias.yaml': rule('WidgetEvent\n| where isnotempty(Colour)'),
      'Hunting Queries/declared.yaml': rule('WidgetAudit\n| project Declared_s'),
      'Hunting Queries/twice.yaml': rule('Widget_Normalized\n| take 1'),
    });
    try {
      const r = await runBin(['check', '--format', 'json', '--verbose', '--fail-on', 'never'], tree.dir);
      assert.equal(r.code, 0, r.stderr);
      const findings = JSON.parse(r.stdout) as {
        file: string;
        code: string;
        severity: string;
        message: string;
      }[];
      const kql = findings.filter((f) => f.code.startsWith('KS') && f.severity !== 'information');
      assert.deepEqual(
        kql.map((f) => [f.file, f.code]),
        [['Hunting Queries/twice.yaml', 'KS204']],
        JSON.stringify(findings),
      );
      assert.deepEqual(
        findings.filter((f) => f.file.startsWith('Parsers/')),
        [],
      );
      assert.match(r.stderr, /1 parser\(s\) also loaded under the alias their opening comment gives/);
    } finally {
      tree.dispose();
    }
  });

  it("honours the CI's skip lists: what the CI skips is a step lower and says why", async () => {
    const skipped = '1d2e3f40-aaaa-4bbb-8ccc-0123456789ab';
    const structure = '2d2e3f40-aaaa-4bbb-8ccc-0123456789ab';
    const stale = '3d2e3f40-aaaa-4bbb-8ccc-0123456789ab';
    const staleHunting = '4d2e3f40-aaaa-4bbb-8ccc-0123456789ab';
    const skip = (id: string, templateName: string) => ({
      id,
      templateName,
      validationFailReason: 'widget_lookup is not known to the engine',
    });
    const tree = tempTree({
      '.script/tests/KqlvalidationsTests/SkipValidationsTemplates.json': JSON.stringify([
        skip(skipped, 'skipped.yaml'),
        skip(stale, 'stale.yaml'),
        skip(staleHunting, 'staleHunting.yaml'),
      ]),
      // Skipped, yet valid: the CI fails an analytic rule like this once its engine agrees; hunting queries it does not run.
      'Detections/stale.yaml': rule('SecurityEvent\n| take 1').replace(/^id: .*$/m, `id: ${stale}`),
      'Hunting Queries/staleHunting.yaml': rule('SecurityEvent\n| take 1')
        .replace(/^id: .*$/m, `id: ${staleHunting}`)
        .replace(/^kind: .*\n/m, ''),
      '.script/tests/detectionTemplateSchemaValidation/SkipStrcutreValidationsTemplates.json': JSON.stringify(
        [structure],
      ),
      '.script/tests/detectionTemplateSchemaValidation/SkipConnectorIdsValidationsTemplates.json': '[oops',
      'Detections/skipped.yaml': rule('NoSuchTable_CL\n| take 1').replace(/^id: .*$/m, `id: ${skipped}`),
      'Detections/checked.yaml': rule('NoSuchTable_CL\n| take 1'),
      // No name: a required field the CI does not check for this id.
      'Detections/structure.yaml': rule('SecurityEvent\n| take 1')
        .replace(/^id: .*$/m, `id: ${structure}`)
        .replace(/^name: .*\n/m, ''),
    });
    try {
      const r = await runBin(['check', '--format', 'json', '--verbose', '--fail-on', 'never'], tree.dir);
      assert.equal(r.code, 0, r.stderr);
      const findings = JSON.parse(r.stdout) as {
        file: string;
        code: string;
        severity: string;
        message: string;
      }[];
      const of = (file: string, code: string) => findings.find((f) => f.file === file && f.code === code);
      assert.equal(of('Detections/checked.yaml', 'KS204')?.severity, 'error');
      const lowered = of('Detections/skipped.yaml', 'KS204');
      assert.equal(lowered?.severity, 'warning');
      assert.match(lowered!.message, /CI skips KQL validation of this rule .*widget_lookup is not known/);
      const field = of('Detections/structure.yaml', 'rule-required-field');
      assert.equal(field?.severity, 'warning', JSON.stringify(findings));
      assert.match(field!.message, /SkipStrcutreValidationsTemplates\.json/);
      // A list that cannot be read is reported once, at its file, and skips nothing.
      const broken = findings.filter((f) => f.file.endsWith('SkipConnectorIdsValidationsTemplates.json'));
      assert.equal(broken.length, 1);
      assert.match(broken[0].message, /Nothing in this skip list is skipped/);
      assert.match(r.stderr, /SkipValidationsTemplates\.json: 3 rule\(s\) whose KQL validation the CI skips/);
      const staleFinding = of('Detections/stale.yaml', 'rule-ci-skip-valid');
      assert.equal(staleFinding?.severity, 'info', JSON.stringify(findings));
      assert.match(staleFinding!.message, /remove the entry/);
      // Only where a KQL error stands behind the entry, or where the CI does not run the query, is nothing said.
      assert.equal(of('Detections/skipped.yaml', 'rule-ci-skip-valid'), undefined);
      assert.equal(of('Hunting Queries/staleHunting.yaml', 'rule-ci-skip-valid'), undefined);
    } finally {
      tree.dispose();
    }
  });

  it("checks the callers of a parser whose query does not bind against the CI's declaration of it", async () => {
    const tree = tempTree({
      '.script/tests/KqlvalidationsTests/CustomTables/WidgetAudit.json': JSON.stringify({
        Name: 'WidgetAudit',
        Properties: [
          { Name: 'TimeGenerated', Type: 'DateTime' },
          { Name: 'Actor', Type: 'String' },
        ],
      }),
      // Reads a raw log that nothing declares: the query cannot bind here.
      'Parsers/WidgetAudit/WidgetAudit.yaml':
        'ParserName: WidgetAudit\nParserQuery: |\n  WidgetAudit_CL\n  | project TimeGenerated, Actor = actor_s\n',
      'Solutions/Widgets/Analytic Rules/audit.yaml': rule('WidgetAudit\n| project TimeGenerated, Actor'),
      'Solutions/Widgets/Analytic Rules/auditWrong.yaml': rule('WidgetAudit\n| project Action'),
      'Parsers/Unbound/Unbound.yaml': REPO['Parsers/Unbound/Unbound.yaml'],
      'Solutions/Widgets/Analytic Rules/unbound.yaml': rule('Unbound\n| take 1'),
    });
    try {
      const r = await runBin(['check', '--format', 'json', '--fail-on', 'never'], tree.dir);
      assert.equal(r.code, 0, r.stderr);
      const findings = JSON.parse(r.stdout) as {
        file: string;
        code: string;
        severity: string;
        message: string;
      }[];
      const kql = (file: string) =>
        findings.filter((f) => f.file === file && f.code.startsWith('KS')).map((f) => f.code);
      assert.deepEqual(kql('Solutions/Widgets/Analytic Rules/audit.yaml'), [], JSON.stringify(findings));
      assert.deepEqual(kql('Solutions/Widgets/Analytic Rules/auditWrong.yaml'), ['KS142']);
      // A parser with no declaration to fall back on still gives its callers the engine's KS512.
      assert.deepEqual(kql('Solutions/Widgets/Analytic Rules/unbound.yaml'), ['KS512']);
      const atParser = findings.filter((f) => f.file === 'Parsers/WidgetAudit/WidgetAudit.yaml');
      assert.equal(atParser.length, 1, JSON.stringify(findings));
      assert.match(atParser[0].message, /checked against the declaration in .*WidgetAudit\.json/);
    } finally {
      tree.dispose();
    }
  });

  it('loads nothing outside a repository layout', async () => {
    const tree = tempTree({ 'q.kql': 'WidgetEvents | take 1\n' });
    try {
      const r = await runBin(['check', '--format', 'json', '--verbose', '--fail-on', 'never'], tree.dir);
      assert.doesNotMatch(r.stderr, /loaded from the repository/);
      const findings = JSON.parse(r.stdout) as { severity: string; message: string }[];
      assert.ok(
        findings.some((f) => f.severity === 'error' && f.message.includes('WidgetEvents')),
        r.stdout,
      );
    } finally {
      tree.dispose();
    }
  });
});
