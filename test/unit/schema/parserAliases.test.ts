import assert from 'node:assert/strict';
import { test } from 'node:test';
import { definedNames } from '../../../server/src/schema/repository/definedNames';
import { headerAlias, parseParserKql } from '../../../server/src/schema/repository/parserFiles';

/**
 * A KQL parser file's opening comment names the alias to save it under, which is what the
 * repository's rules call (issue 17). Every wording the Azure-Sentinel parsers use is read;
 * the comment must open the file.
 */
const head = (line: string) => `// Widget parser\n//\n${line}\n//\nWidget_CL | project A = 1\n`;

test('each wording of the alias in a parser comment is read', () => {
  const cases: [string, string][] = [
    ['// Save it as a Function, specifying function name and alias as WidgetEvents.', 'WidgetEvents'],
    ['// Save it, specifying function name and alias (e.g. WidgetLogParsed).', 'WidgetLogParsed'],
    ['//    It is recommended to name the Function Alias, as WidgetAudit', 'WidgetAudit'],
    ['//    For the pre-built queries the Function Alias must be set to - Widget_Parser', 'Widget_Parser'],
    ['// To use the pre-built queries this Function should be given the alias of WidgetData.', 'WidgetData'],
    ['//    Set the function alias to widget_lookup so the workbook finds it.', 'widget_lookup'],
  ];
  for (const [line, alias] of cases) assert.equal(headerAlias(head(line)), alias, line);
});

test('no alias without such a sentence, or when it is not in the opening comment', () => {
  assert.equal(
    headerAlias(head('// use the function alias from any other query (e.g. X | take 10)')),
    undefined,
  );
  assert.equal(headerAlias('Widget_CL\n// alias as WidgetEvents\n'), undefined);
  assert.equal(headerAlias(''), undefined);
});

test('the parser keeps its file name and suggests its alias; --changed knows both names', () => {
  const text = head('// specifying function name and alias as WidgetEvents.');
  const parsed = parseParserKql('WidgetParser', text);
  assert.deepEqual(
    parsed.functions.map((f) => f.name),
    ['WidgetParser'],
  );
  assert.equal(parsed.suggested?.name, 'WidgetEvents');
  assert.equal(parsed.suggested?.body, parsed.functions[0].body);
  // An alias that is the file's own name suggests nothing more.
  assert.equal(parseParserKql('WidgetEvents', text).suggested, undefined);
  assert.deepEqual(
    definedNames('Parsers/WidgetParser.txt', text).map((d) => d.name),
    ['WidgetParser', 'WidgetEvents'],
  );
});
