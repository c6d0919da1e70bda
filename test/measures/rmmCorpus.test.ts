import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseRuleYaml } from '../../server/src/documents/ruleYaml';
import { checkRule } from '../../server/src/rules/ruleChecks';
import { RULE_CHECKS, RULE_DIAGNOSTIC_SOURCE } from '../../server/src/rules/ruleCheckTable';
import { ruleQuickFixes } from '../../server/src/rules/ruleQuickFixes';
import { corpusRoot } from './corpusRoot';

/**
 * The RMM catalogue's rule files are all malformed in the same ways: `dataTypes` indented at
 * the level of its list item's dash, and `tactics` and `relevantTechniques` written as scalars.
 * Each must get exactly those problems at the right lines, and the quick fixes must repair them.
 */
const RMM = path.join(corpusRoot(), 'corpus', 'rmm');

function yamlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? yamlFiles(path.join(dir, e.name))
        : e.name.endsWith('.yaml')
          ? [path.join(dir, e.name)]
          : [],
    );
}

/** Structural findings only: no engine here, so the output-column checks are not run. */
function diagnosticsOf(document: TextDocument): Diagnostic[] {
  const rule = parseRuleYaml(document.getText());
  assert.ok(rule, `${document.uri} is not read as a rule`);
  return checkRule({ rule, uri: document.uri }).map((f) => ({
    range: { start: document.positionAt(f.start), end: document.positionAt(f.end) },
    severity:
      RULE_CHECKS[f.check].severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: f.check,
    source: RULE_DIAGNOSTIC_SOURCE,
    message: f.message,
    data: f.fix ? { ruleFix: f.fix } : undefined,
  }));
}

const lineOf = (text: string, pattern: RegExp) => text.split(/\r?\n/).findIndex((l) => pattern.test(l));

test('every RMM rule file: the misplaced dataTypes and the scalar lists, at their lines, and fixes that repair them', () => {
  const files = yamlFiles(RMM);
  assert.ok(files.length >= 167, `found ${files.length} YAML files`);
  for (const file of files) {
    const name = path.relative(RMM, file);
    const text = fs.readFileSync(file, 'utf8');
    let document = TextDocument.create(`file:///rmm/${encodeURIComponent(name)}`, 'yaml', 1, text);
    const found = diagnosticsOf(document);
    const byCode = (code: string) => found.filter((d) => d.code === code);

    const [syntax, ...moreSyntax] = byCode('yaml-syntax');
    assert.ok(syntax && moreSyntax.length === 0, `${name}: ${JSON.stringify(found.map((d) => d.message))}`);
    const dataTypesLine = lineOf(text, /^\s+dataTypes:/);
    assert.equal(syntax.range.start.line, dataTypesLine, name);
    assert.equal(syntax.range.start.character, text.split(/\r?\n/)[dataTypesLine].indexOf('dataTypes'), name);
    assert.equal(document.getText(syntax.range), 'dataTypes', name);
    assert.match(
      String(syntax.message),
      /'dataTypes' is indented like the list item above it.*line it up with 'connectorId'/,
      name,
    );

    const lists = byCode('rule-expected-list');
    assert.deepEqual(
      lists.map((d) => d.range.start.line),
      [lineOf(text, /^tactics:/), lineOf(text, /^relevantTechniques:/)],
      name,
    );

    // Apply every quick fix at once, as "Fix all" would, and check the file again.
    const actions = ruleQuickFixes(document, found);
    assert.equal(actions.length, 3, name);
    const edits = actions.flatMap((a) => a.edit!.changes![document.uri]);
    document = TextDocument.create(document.uri, 'yaml', 2, TextDocument.applyEdits(document, edits));
    const after = diagnosticsOf(document).filter((d) => d.severity === DiagnosticSeverity.Error);
    assert.deepEqual(
      after.map((d) => d.message),
      [],
      `${name} after the fixes:\n${document.getText()}`,
    );
    const rule = parseRuleYaml(document.getText())!.document.toJS();
    assert.ok(Array.isArray(rule.tactics) && Array.isArray(rule.relevantTechniques), name);
    assert.ok(Array.isArray(rule.requiredDataConnectors[0].dataTypes), name);
  }
});
