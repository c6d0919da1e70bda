import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { plainTextRegex } from '../../../../server/src/language/lints/cost/literalRegex';
import { LINT_RULES } from '../../../../server/src/language/lints/lintRules';
import type { KqlHuntingSettings } from '../../../../server/src/protocol/settings';
import { parseMarkers } from '../../../helpers/markers';
import { diagnosticsOf, settings, testService } from '../../../helpers/languageService';
import { analysisOfRegions, indentedRegion } from './editingHelpers';

const TIME = '| where Timestamp > ago(1d) ';
const service = testService();

function lintsOf(text: string, id: string, s: KqlHuntingSettings = settings()) {
  const { document, diagnostics } = diagnosticsOf(text, s);
  return { document, found: diagnostics.filter((d) => d.code === id), all: diagnostics };
}

/** Asserts exactly one finding of `id`, on the marked range. */
function assertOneAt(marked: string, id: string, s?: KqlHuntingSettings): Diagnostic {
  const m = parseMarkers(marked);
  const { document, found } = lintsOf(m.text, id, s);
  assert.equal(found.length, 1, `${m.text}: ${JSON.stringify(found)}`);
  assert.equal(document.getText(found[0].range), m.text.slice(m.ranges[0].start, m.ranges[0].end));
  assert.equal(document.offsetAt(found[0].range.start), m.ranges[0].start);
  assert.equal(found[0].source, 'kql-hunting');
  return found[0];
}

function assertNone(texts: readonly string[], id: string, s?: KqlHuntingSettings): void {
  for (const text of texts) assert.deepEqual(lintsOf(text, id, s).found, [], text);
}

/** The text after applying the quick fix the diagnostic carries. */
function fixed(text: string, d: Diagnostic): string {
  const doc = TextDocument.create('file:///fix.kql', 'kql', 1, text);
  const data = d.data as { fixText: string };
  return TextDocument.applyEdits(doc, [{ range: d.range, newText: data.fixText }]);
}

test('contains with a whole-term literal on a table column is reported on the operator, with has as its fix', () => {
  const text = `DeviceProcessEvents ${TIME}| where ProcessCommandLine «contains» "powershell"`;
  const d = assertOneAt(text, LINT_RULES.containsVsHas.id);
  assert.equal(d.severity, DiagnosticSeverity.Information);
  assert.match(String(d.message), /term index/);
  assert.match(fixed(parseMarkers(text).text, d), /ProcessCommandLine has "powershell"$/);
  // Each form keeps its case sensitivity and negation.
  for (const [op, replacement] of [
    ['!contains', '!has'],
    ['contains_cs', 'has_cs'],
    ['!contains_cs', '!has_cs'],
  ]) {
    const found = assertOneAt(
      `DeviceProcessEvents ${TIME}| where FileName «${op}» 'Mimikatz'`,
      LINT_RULES.containsVsHas.id,
    );
    assert.equal((found.data as { fixText: string }).fixText, replacement);
  }
});

test('contains-vs-has takes the place of the engine KS500 on the same operator, and gives it back when off', () => {
  const text = `DeviceProcessEvents ${TIME}| where ProcessCommandLine contains "powershell"`;
  const { all } = lintsOf(text, LINT_RULES.containsVsHas.id);
  assert.deepEqual(
    all.filter((d) => d.code === 'KS500' || d.code === LINT_RULES.containsVsHas.id).map((d) => d.code),
    [LINT_RULES.containsVsHas.id],
  );
  const off = lintsOf(text, 'KS500', settings({ lints: { [LINT_RULES.containsVsHas.id]: 'off' } }));
  assert.equal(off.found.length, 1);
});

test('contains with short, punctuated, spaced or computed values is not reported', () => {
  assertNone(
    [
      `DeviceProcessEvents ${TIME}| where ProcessCommandLine contains "-enc"`,
      `DeviceProcessEvents ${TIME}| where ProcessCommandLine contains "ab"`,
      `DeviceProcessEvents ${TIME}| where ProcessCommandLine contains "cmd.exe"`,
      `DeviceProcessEvents ${TIME}| where ProcessCommandLine contains "invoke expression"`,
      `DeviceProcessEvents ${TIME}| where ProcessCommandLine contains "ünïcode"`,
      `DeviceProcessEvents ${TIME}| where ProcessCommandLine contains ""`,
      `DeviceProcessEvents ${TIME}| where ProcessCommandLine has "powershell"`,
      `DeviceProcessEvents ${TIME}| extend c = tolower(ProcessCommandLine) | where c contains "powershell"`,
      `let term = "powershell"; DeviceProcessEvents ${TIME}| where ProcessCommandLine contains term`,
    ],
    LINT_RULES.containsVsHas.id,
  );
});

test('tolower/toupper compared with a literal is reported with a =~, !~, in~ or !in~ fix', () => {
  const cases: [string, string][] = [
    ['«tolower(FileName) == "cmd.exe"»', 'FileName =~ "cmd.exe"'],
    ['«toupper(FileName) != "CMD.EXE"»', 'FileName !~ "CMD.EXE"'],
    ['«"cmd.exe" == tolower(FileName)»', '"cmd.exe" =~ FileName'],
    ['«tolower(FileName) in ("a.exe", "b.exe")»', 'FileName in~ ("a.exe", "b.exe")'],
    ['«tolower(FileName) !in ("a.exe")»', 'FileName !in~ ("a.exe")'],
  ];
  for (const [condition, expected] of cases) {
    const text = `DeviceProcessEvents ${TIME}| where ${condition}`;
    const d = assertOneAt(text, LINT_RULES.caseConversionCompare.id);
    assert.equal(fixed(parseMarkers(text).text, d), `DeviceProcessEvents ${TIME}| where ${expected}`);
  }
});

test('case conversions that =~ would not match the same way are not reported', () => {
  assertNone(
    [
      // Never true as written: a different mistake, not a cost.
      'tolower(FileName) == "CMD.exe"',
      'toupper(FileName) == "cmd.exe"',
      // Non-ASCII letters: case mapping and =~ are not proven to agree.
      'tolower(FileName) == "é.exe"',
      // Not a literal, or not a plain comparison.
      'tolower(FileName) == tolower(FolderPath)',
      'tolower(FileName) has "cmd"',
      'FileName =~ "cmd.exe"',
      'tolower(FileName) in ("a.exe", FolderPath)',
    ].map((c) => `DeviceProcessEvents ${TIME}| where ${c}`),
    LINT_RULES.caseConversionCompare.id,
  );
});

test('a join of two event tables neither bounded in time is reported on the join keyword', () => {
  assertOneAt(
    'DeviceProcessEvents | «join» kind=inner DeviceNetworkEvents on DeviceId',
    LINT_RULES.unboundedJoin.id,
  );
  assertOneAt(
    'let procs = DeviceProcessEvents | where FileName =~ "a.exe";\nprocs | «join» kind=inner (DeviceNetworkEvents) on DeviceId',
    LINT_RULES.unboundedJoin.id,
  );
});

test('a join with a time bound on either side, after it, through a let or in a parser is not reported', () => {
  assertNone(
    [
      `DeviceProcessEvents ${TIME}| join kind=inner DeviceNetworkEvents on DeviceId`,
      `DeviceProcessEvents | join kind=inner (DeviceNetworkEvents ${TIME}) on DeviceId`,
      `DeviceProcessEvents | join kind=inner DeviceNetworkEvents on DeviceId ${TIME}`,
      `let recent = DeviceProcessEvents ${TIME};\nrecent | join kind=inner DeviceNetworkEvents on DeviceId`,
      'DeviceProcessEvents | where Timestamp between (datetime(2024-01-01) .. 1d) | join kind=inner DeviceNetworkEvents on DeviceId',
      'DeviceProcessEvents | where ingestion_time() > ago(1h) | join kind=inner DeviceNetworkEvents on DeviceId',
      'DeviceProcessEvents | join kind=inner (datatable(DeviceId: string)["a"]) on DeviceId',
    ],
    LINT_RULES.unboundedJoin.id,
  );
  const sentinel = settings({ environment: 'sentinel' });
  assertNone(
    ['SecurityEvent | join kind=inner (imProcessCreate) on $left.Computer == $right.DvcHostname'],
    LINT_RULES.unboundedJoin.id,
    sentinel,
  );
  assertOneAt(
    'SecurityEvent | «join» kind=inner (SigninLogs) on $left.Account == $right.UserPrincipalName',
    LINT_RULES.unboundedJoin.id,
    sentinel,
  );
});

test('search and find without a table scope are reported; scoped or piped ones are not', () => {
  const d = assertOneAt('«search» "mimikatz"', LINT_RULES.unscopedSearch.id);
  assert.equal(d.severity, DiagnosticSeverity.Warning);
  assertOneAt('«search» *', LINT_RULES.unscopedSearch.id);
  assertOneAt('«find» where FileName == "a.exe"', LINT_RULES.unscopedSearch.id);
  assertNone(
    [
      'search in (DeviceProcessEvents) "mimikatz"',
      `DeviceProcessEvents ${TIME}| search "mimikatz"`,
      'find in (DeviceProcessEvents, DeviceFileEvents) where FileName == "a.exe"',
    ],
    LINT_RULES.unscopedSearch.id,
  );
});

test('union over * or a table pattern is reported on the pattern; a list of tables is not', () => {
  const d = assertOneAt(`union «*» ${TIME}| take 5`, LINT_RULES.wildcardUnion.id);
  assert.match(String(d.message), /every table in the database/);
  const p = assertOneAt(`union withsource=T «Device*» ${TIME}| take 5`, LINT_RULES.wildcardUnion.id);
  assert.match(String(p.message), /Device\*/);
  assertNone(
    [
      `union DeviceProcessEvents, DeviceFileEvents ${TIME}| take 5`,
      `DeviceProcessEvents ${TIME}| union (DeviceFileEvents ${TIME})`,
      `find in (Device*) where FileName == "a.exe"`,
    ],
    LINT_RULES.wildcardUnion.id,
  );
});

test('plainTextRegex reads the operator a plain-text pattern stands for', () => {
  assert.deepEqual(plainTextRegex('Admin'), { operator: 'contains_cs', text: 'Admin' });
  assert.deepEqual(plainTextRegex('^C:/Windows'), { operator: 'startswith_cs', text: 'C:/Windows' });
  assert.deepEqual(plainTextRegex('.exe$'), undefined);
  assert.deepEqual(plainTextRegex('exe$'), { operator: 'endswith_cs', text: 'exe' });
  assert.deepEqual(plainTextRegex('^cmd$'), { operator: '==', text: 'cmd' });
  assert.deepEqual(plainTextRegex('(?i)^cmd$'), { operator: '=~', text: 'cmd' });
  assert.deepEqual(plainTextRegex('(?i)cmd'), { operator: 'contains', text: 'cmd' });
  assert.deepEqual(plainTextRegex('ünï'), { operator: 'contains_cs', text: 'ünï' });
  for (const pattern of [
    '',
    '^',
    '^$',
    'a|b',
    'a+',
    'a\\d',
    '(ab)',
    '[ab]',
    'a{2}',
    'a?',
    '(?i)ünï',
    '(?s)abc',
  ])
    assert.equal(plainTextRegex(pattern), undefined, pattern);
});

test('matches regex with a plain-text pattern is reported with an exact replacement', () => {
  const cases: [string, string][] = [
    ['«FolderPath matches regex "Temp"»', 'FolderPath contains_cs "Temp"'],
    ['«FolderPath matches regex @"^C:/Users"»', 'FolderPath startswith_cs "C:/Users"'],
    ["«FileName matches regex '(?i)^cmd.exe$'»", ''],
    ['«FileName matches regex "say \\"hi\\""»', 'FileName contains_cs \'say "hi"\''],
  ];
  for (const [condition, expected] of cases) {
    const text = `DeviceProcessEvents ${TIME}| where ${condition}`;
    if (!expected) {
      // `.` is a metacharacter: not plain text.
      assertNone([parseMarkers(text).text], LINT_RULES.literalRegex.id);
      continue;
    }
    const d = assertOneAt(text, LINT_RULES.literalRegex.id);
    assert.equal(fixed(parseMarkers(text).text, d), `DeviceProcessEvents ${TIME}| where ${expected}`);
  }
  assertNone(
    [
      'FolderPath matches regex @"C:\\\\Users"',
      'FolderPath matches regex "Temp|Tmp"',
      'FolderPath contains_cs "Temp"',
    ].map((c) => `DeviceProcessEvents ${TIME}| where ${c}`),
    LINT_RULES.literalRegex.id,
  );
});

test('extract of a plain-text pattern tested with isnotempty or isempty is reported with the operator or its negation', () => {
  const cases: [string, string][] = [
    ['«isnotempty(extract("Temp", 0, FolderPath))»', 'FolderPath contains_cs "Temp"'],
    ['«isempty(extract(@"^C:/Users", 0, FolderPath))»', 'FolderPath !startswith_cs "C:/Users"'],
    ['«isnotempty(extract("(?i)powershell$", 0, FileName))»', 'FileName endswith "powershell"'],
    ['«isempty(extract("(?i)^cmd$", 0, FileName))»', 'FileName !~ "cmd"'],
  ];
  for (const [condition, expected] of cases) {
    const text = `DeviceProcessEvents ${TIME}| where ${condition}`;
    const d = assertOneAt(text, LINT_RULES.literalRegex.id);
    assert.equal(fixed(parseMarkers(text).text, d), `DeviceProcessEvents ${TIME}| where ${expected}`);
  }
  // Its value is the text, not a test; group 1 does not exist in a plain pattern; a metacharacter,
  // a non-string source, a conversion to another type and extract_all are not plain substring tests.
  assertNone(
    [
      '| extend Found = extract("Temp", 0, FolderPath)',
      '| where extract("Temp", 0, FolderPath) == "Temp"',
      '| where isnotempty(extract("Temp", 1, FolderPath))',
      '| where isnotempty(extract("Te.p", 0, FolderPath))',
      '| where isnotempty(extract("4", 0, ProcessId))',
      '| where isnotempty(extract("4", 0, FolderPath, typeof(long)))',
      '| where isnotempty(extract_all("Temp", FolderPath))',
      '| where array_length(extract_all("Temp", FolderPath)) > 1',
    ].map((c) => `DeviceProcessEvents ${TIME}${c}`),
    LINT_RULES.literalRegex.id,
  );
});

test('mv-expand without limit straight on table rows is reported; filtered, limited or derived input is not', () => {
  assertOneAt(`AlertEvidence | «mv-expand» AdditionalFields`, LINT_RULES.unboundedMvExpand.id);
  assertNone(
    [
      'AlertEvidence | mv-expand AdditionalFields limit 100',
      `AlertEvidence ${TIME}| mv-expand AdditionalFields`,
      'AlertEvidence | summarize f = make_list(Title) by AlertId | mv-expand f',
      'print a = dynamic([1, 2]) | mv-expand a',
      'let e = AlertEvidence; e | mv-expand AdditionalFields',
    ],
    LINT_RULES.unboundedMvExpand.id,
  );
});

test('a sort of raw table rows with no take or top after it is reported on sort by', () => {
  const d = assertOneAt(`DeviceProcessEvents ${TIME}| «sort by» Timestamp desc`, LINT_RULES.unboundedSort.id);
  assert.match(String(d.message), /`sort by`/);
  assertOneAt(
    `DeviceProcessEvents ${TIME}| «order by» Timestamp | project FileName`,
    LINT_RULES.unboundedSort.id,
  );
  assertNone(
    [
      `DeviceProcessEvents ${TIME}| sort by Timestamp desc | take 10`,
      `DeviceProcessEvents ${TIME}| order by Timestamp desc | top 5 by FileName`,
      `DeviceProcessEvents ${TIME}| summarize n = count() by FileName | sort by n desc`,
      `DeviceProcessEvents ${TIME}| distinct FileName | sort by FileName`,
      `DeviceProcessEvents ${TIME}| take 100 | sort by Timestamp`,
      `let d = DeviceProcessEvents ${TIME}; d | sort by Timestamp`,
      'range x from 1 to 10 step 1 | sort by x',
    ],
    LINT_RULES.unboundedSort.id,
  );
});

/** The findings of `id` in a rule YAML query, with the region kind the file gives it. */
function yamlFindings(query: string, kind: 'scheduledRule' | 'huntingQuery' | undefined, id: string) {
  const host = `query: |\n${query.replace(/^/gm, '  ')}\n`;
  const start = host.indexOf('\n') + 1;
  const analysis = analysisOfRegions(host, [indentedRegion(host, start, host.length, 2, kind)]);
  return service
    .getDiagnostics(analysis, settings())
    .filter((d) => d.code === id)
    .map((d) => analysis.document.getText(d.range));
}

test('take without an order in a scheduled rule is reported; ordered, hunting and ad hoc ones are not', () => {
  const id = LINT_RULES.takeInDetection.id;
  assert.deepEqual(
    yamlFindings('DeviceProcessEvents\n| where FileName =~ "a.exe"\n| take 100', 'scheduledRule', id),
    ['take 100'],
  );
  assert.deepEqual(yamlFindings('DeviceProcessEvents\n| limit 5', 'scheduledRule', id), ['limit 5']);
  for (const ordered of [
    'DeviceProcessEvents\n| sort by Timestamp desc\n| take 100',
    'DeviceProcessEvents\n| top 10 by Timestamp\n| take 5',
    'DeviceProcessEvents\n| summarize count() by FileName',
  ])
    assert.deepEqual(yamlFindings(ordered, 'scheduledRule', id), [], ordered);
  assert.deepEqual(yamlFindings('DeviceProcessEvents\n| take 100', 'huntingQuery', id), []);
  assert.deepEqual(yamlFindings('DeviceProcessEvents\n| take 100', undefined, id), []);
});

test('every cost lint can be turned off and re-graded by id', () => {
  const text = 'search "mimikatz"';
  const id = LINT_RULES.unscopedSearch.id;
  assert.deepEqual(lintsOf(text, id, settings({ lints: { [id]: 'off' } })).found, []);
  assert.equal(
    lintsOf(text, id, settings({ lints: { [id]: 'error' } })).found[0].severity,
    DiagnosticSeverity.Error,
  );
});

test('a sort whose order a later operator needs is not reported', () => {
  assertNone(
    [
      `DeviceProcessEvents ${TIME}| sort by DeviceId, Timestamp asc | extend gap = Timestamp - prev(Timestamp)`,
      `DeviceProcessEvents ${TIME}| sort by Timestamp asc | summarize names = make_list(FileName) by DeviceId`,
      `DeviceProcessEvents ${TIME}| order by Timestamp | serialize n = row_number()`,
    ],
    LINT_RULES.unboundedSort.id,
  );
});
