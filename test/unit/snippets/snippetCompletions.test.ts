import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver-types';
import {
  detectionSnippetsAt,
  isYamlTopLevelPosition,
  KQL_SNIPPETS,
  RULE_SNIPPETS,
  snippetCompletions,
} from '../../../server/src/rmm/snippetCompletions';
import { doc, testService } from '../../helpers/languageService';
import { parseMarkers } from '../../helpers/markers';

describe('snippet completion items', () => {
  it('offers the KQL snippets in KQL and the rule snippets at YAML top level', () => {
    const kql = snippetCompletions('kql');
    const yaml = snippetCompletions('yamlTopLevel');
    assert.deepEqual(
      kql.map((i) => i.label),
      Object.values(KQL_SNIPPETS).map((s) => s.prefix),
    );
    assert.deepEqual(
      yaml.map((i) => i.label),
      Object.values(RULE_SNIPPETS).map((s) => s.prefix),
    );
    for (const item of [...kql, ...yaml]) {
      assert.equal(item.kind, CompletionItemKind.Snippet);
      assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
      assert.ok(item.detail && item.detail.length > 5, 'a readable name');
      assert.ok(
        typeof item.documentation === 'object' && item.documentation.value.includes('```'),
        'a description and a preview',
      );
    }
  });

  it('inserts the snippet body as snippet text', () => {
    const item = snippetCompletions('kql').find((i) => i.label === 'rmm-tightvnc-network');
    assert.ok(item?.insertText?.startsWith('let TimeStart = ago(${1:5d});\n'));
  });
});

describe('where rule templates fit in YAML', () => {
  const at = (marked: string) => {
    const { text, caret } = parseMarkers(marked);
    return isYamlTopLevelPosition(text, caret!);
  };

  it('fits in an empty file or one with only comments', () => {
    assert.equal(at('‸'), true);
    assert.equal(at('rule‸'), true);
    assert.equal(at('# new rule\n---\nru‸\n'), true);
  });

  it('does not fit once the file has keys, when indented, or after a colon', () => {
    assert.equal(at('id: 1\n‸'), false);
    assert.equal(at('  ‸'), false);
    assert.equal(at('name: ‸'), false);
    assert.equal(at('na‸me'), false);
  });
});

describe('detection snippets by position in a document', () => {
  const service = testService();
  const at = (marked: string, uri: string, languageId: string) => {
    const { text, caret } = parseMarkers(marked);
    const d = doc(text, uri, languageId);
    return detectionSnippetsAt(d, caret!, service.regionsOf(d)).map((i) => i.label);
  };
  const RULE =
    'id: 6b7c2d4e-0000-4000-8000-000000000001\nname: x\nkind: Scheduled\nquery: |\n  DeviceNetworkEvents\n  ‸\nseverity: Low\n';

  it('offers KQL snippets inside a rule query and nowhere else in the rule', () => {
    assert.ok(at(RULE, 'file:///r.yaml', 'yaml').includes('rmm-tightvnc-network'));
    assert.deepEqual(
      at(RULE.replace('  ‸\n', '').replace('severity: Low\n', 'severity: Low\n‸'), 'file:///r.yaml', 'yaml'),
      [],
    );
  });

  it('offers rule templates in an empty YAML file', () => {
    assert.deepEqual(
      at('rul‸', 'file:///new.yaml', 'yaml'),
      Object.values(RULE_SNIPPETS).map((s) => s.prefix),
    );
  });

  it('leaves .kql files to the package.json contribution', () => {
    assert.deepEqual(at('Device‸', 'file:///q.kql', 'kql'), []);
  });

  it('offers KQL snippets in a Markdown kql fence only', () => {
    const md = '# Hunt\n\n```kql\nDeviceNetworkEvents\n‸\n```\n';
    assert.ok(at(md, 'file:///h.md', 'markdown').includes('kql-time-window'));
    assert.deepEqual(at('# Hunt ‸\n', 'file:///h.md', 'markdown'), []);
  });
});
