import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { Document, isMap, isScalar, parseDocument, Scalar } from 'yaml';
import { decodeYamlScalar, yamlScalarRegion } from '../../../server/src/documents/yamlScalarRegion';
import { parseRuleYaml } from '../../../server/src/documents/ruleYaml';
import { assertExactMapping, offsetOf } from './regionAssertions';

function queryNode(text: string): Scalar {
  const doc = parseDocument(text, { keepSourceTokens: true });
  assert.deepEqual(
    doc.errors.map((e) => e.message),
    [],
  );
  let found: Scalar | undefined;
  const visit = (node: unknown): void => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (isScalar(pair.key) && pair.key.value === 'query' && isScalar(pair.value))
        found = pair.value as Scalar;
      visit(pair.value);
    }
  };
  visit(doc.contents);
  assert.ok(found, 'no query scalar');
  return found;
}

/** Decodes the query scalar, requires the decoder to agree with the YAML parser exactly, and checks the mapping. */
function check(text: string, label = text): string {
  const node = queryNode(text);
  const { region } = decodeYamlScalar(text, node);
  assert.equal(
    region.text,
    node.value,
    `decoded text differs from the parsed value for ${JSON.stringify(label)}`,
  );
  assertExactMapping(text, region, JSON.stringify(label));
  return region.text;
}

const STYLES = [
  Scalar.PLAIN,
  Scalar.QUOTE_SINGLE,
  Scalar.QUOTE_DOUBLE,
  Scalar.BLOCK_LITERAL,
  Scalar.BLOCK_FOLDED,
] as const;

test('every block scalar header: literal and folded, indentation indicators, chomping, comments', () => {
  const bodies = [
    'DeviceEvents\n| where A == 1\n',
    '  indented first\nnext\n',
    'a\n\n\nb\n\n',
    'x\n   more\ny\n',
    'only',
  ];
  for (const indicator of ['|', '>', '|-', '|+', '>-', '>+', '|2', '|4-', '>2+', '|-3']) {
    for (const body of bodies) {
      const explicit = /\d/.exec(indicator)?.[0];
      const pad = ' '.repeat(explicit ? Number(explicit) : 2);
      if (!explicit && body.startsWith(' ')) continue;
      const lines = body.split('\n').map((l) => (l ? pad + l : ''));
      for (const eol of ['\n', '\r\n']) {
        check(`id: 1\nquery: ${indicator}\n${lines.join('\n')}kind: Scheduled\n`.replace(/\n/g, eol));
        check(`id: 1\nquery: ${indicator} # a comment\n${lines.join('\n')}`.replace(/\n/g, eol));
      }
    }
  }
});

test('block scalars nested in a mapping take their indentation relative to the parent', () => {
  assert.equal(check('rule:\n  query: |2-\n      x\n    y\n  other: 1\n'), '  x\ny');
  assert.equal(check('rule:\n    query: >\n        a\n        b\n\n        c\n'), 'a b\nc\n');
});

test('plain, single-quoted and double-quoted scalars, one line and folded over several', () => {
  assert.equal(check('query: DeviceEvents | take 1\n'), 'DeviceEvents | take 1');
  assert.equal(
    check('query: DeviceEvents\n  | where X == 1\n\n  | take 1\n'),
    'DeviceEvents | where X == 1\n| take 1',
  );
  assert.equal(check("query: 'it''s a ''test'''\n"), "it's a 'test'");
  assert.equal(check("query: 'a\r\n   b  \r\n\r\n  c'\r\n"), 'a b\nc');
  assert.equal(check('query: "a\\tb\\n\\"c\\" \\\\ \\u00e9 \\x41 \\U0001F600"\n'), 'a\tb\n"c" \\ é A 😀');
  assert.equal(check('query: "one \\\n    two\\ \n  three"\n'), 'one two  three');
});

test('a misspelled column keeps its exact document position in every style, with LF and CRLF', () => {
  const kql = 'DeviceNetworkEvents | where InitiatingProcessVersionInfoCompanyNme has "x"';
  for (const type of STYLES) {
    for (const eol of ['\n', '\r\n']) {
      const doc = new Document({ id: '1', query: kql });
      const node = doc.get('query', true) as Scalar;
      node.type = type;
      const text = doc.toString({ lineWidth: 40 }).replace(/\n/g, eol);
      const parsed = parseRuleYaml(text);
      assert.ok(parsed?.region, `${type}: not a rule`);
      const region = parsed.region;
      assert.equal(region.text.replace(/\n$/, ''), kql.replace(/\n$/, ''), `${type} folded differently`);
      const at = region.text.indexOf('InitiatingProcessVersionInfoCompanyNme');
      const d = region.toDocumentOffset(at);
      assert.equal(
        text.slice(d, d + 38),
        'InitiatingProcessVersionInfoCompanyNme',
        `${type} ${JSON.stringify(eol)}`,
      );
      assert.equal(
        region.toRegionOffset(offsetOf(text, 'CompanyNme')),
        at + 'InitiatingProcessVersionInfo'.length,
      );
    }
  }
});

test('caret positions in indentation and after the last line map into the query', () => {
  const text = 'id: 1\nquery: |\n  A\n  | take 1\n  \nkind: Scheduled\n';
  const region = parseRuleYaml(text)!.region!;
  assert.equal(region.text, 'A\n| take 1\n');
  // In the indentation of the second line: where typing would go, the start of that line.
  assert.equal(region.toRegionOffset(offsetOf(text, '| take') - 1), 2);
  // On the blank indented line after the query: the end of the query.
  assert.equal(region.toRegionOffset(offsetOf(text, '  \nkind') + 2), region.text.length);
  // Outside the scalar: not KQL.
  assert.equal(region.toRegionOffset(offsetOf(text, 'kind')), undefined);
  assert.equal(region.toRegionOffset(0), undefined);
});

test('random queries survive every style, indentation and line ending (property)', () => {
  const unit = fc.constantFrom(
    'a',
    'Z',
    '1',
    ' ',
    ' ',
    '\t',
    '\n',
    '\n',
    "'",
    '"',
    '\\',
    '|',
    '#',
    ':',
    '-',
    'é',
    '{',
    '[',
    '*',
  );
  fc.assert(
    fc.property(
      fc.string({ unit, minLength: 1, maxLength: 40 }),
      fc.constantFrom(...STYLES),
      fc.integer({ min: 2, max: 5 }),
      fc.boolean(),
      fc.boolean(),
      (value, type, indent, nested, crlf) => {
        const doc = new Document(nested ? { rule: { id: 'x', query: value } } : { id: 'x', query: value });
        const node = (nested ? doc.getIn(['rule', 'query'], true) : doc.get('query', true)) as Scalar;
        node.type = type;
        let text = doc.toString({ indent, lineWidth: 30, minContentWidth: 10 });
        if (crlf) text = text.replace(/\n/g, '\r\n');
        // The serializer occasionally writes a value it cannot read back; such a case tests nothing here.
        const reparsed = parseDocument(text);
        fc.pre(
          reparsed.errors.length === 0 &&
            (nested ? reparsed.getIn(['rule', 'query']) : reparsed.get('query')) === value,
        );
        check(text, `${type} ${JSON.stringify(value)}`);
      },
    ),
    { numRuns: 600 },
  );
});

test('a scalar the decoder disagrees with still yields the parser value', () => {
  const text = 'query: |\n  a\n  b\n';
  const node = queryNode(text);
  const doctored = Object.assign(Object.create(Object.getPrototypeOf(node)), node, {
    value: 'a\nc\n',
  }) as Scalar;
  const region = yamlScalarRegion(text, doctored)!;
  assert.equal(region.text, 'a\nc\n');
  assert.equal(region.toDocumentOffset(2), offsetOf(text, 'b'));
});
