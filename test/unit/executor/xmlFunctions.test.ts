import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnsupportedError } from '../../../server/src/executor/errors';
import { rows, scalar } from './executorHarness';

/** parse_xml by the conversion table of parse-xml-function.md, and what the page leaves open. */
describe('executor: parse_xml', () => {
  const xml = (text: string) => scalar(`parse_xml(${JSON.stringify(text)})`);

  it('follows each row of the conversion table', () => {
    assert.deepEqual(xml('<e/>'), { e: null });
    assert.deepEqual(xml('<e>text</e>'), { e: 'text' });
    assert.deepEqual(xml('<e name="value" />'), { e: { '@name': 'value' } });
    assert.deepEqual(xml('<e name="value">text</e>'), { e: { '@name': 'value', '#text': 'text' } });
    assert.deepEqual(xml('<e> <a>text</a> <b>text</b> </e>'), { e: { a: 'text', b: 'text' } });
    assert.deepEqual(xml('<e> <a>text</a> <a>text</a> </e>'), { e: { a: ['text', 'text'] } });
    assert.deepEqual(xml('<e> text <a>text</a> </e>'), { e: { '#text': 'text', a: 'text' } });
  });

  it('reads a Windows event, skipping the declaration and comments and decoding entities', () => {
    const event =
      '<?xml version="1.0"?><EventData><Data Name="User">a&amp;b</Data><!-- note --><Data Name="Empty"/><Data Name="Ünï">ö</Data></EventData>';
    assert.deepEqual(
      rows(
        `print d = parse_xml(${JSON.stringify(event)}) | mv-expand x = d.EventData.Data | project n = tostring(x["@Name"]), v = tostring(x["#text"])`,
      ),
      [
        ['User', 'a&b'],
        ['Empty', ''],
        ['Ünï', 'ö'],
      ],
    );
  });

  it('gives null for malformed XML, two roots, plain text, an empty string and a null', () => {
    for (const bad of ['<a><b>', '<a/><b/>', 'not xml', '']) assert.equal(xml(bad), null, bad);
    assert.equal(scalar('parse_xml(tostring(dynamic(null)))'), null);
  });

  it('refuses a CDATA section by name, since the page does not say how it is translated', () => {
    assert.throws(
      () => xml('<a><![CDATA[raw]]></a>'),
      (e) => e instanceof UnsupportedError && /CDATA/.test(e.message),
    );
  });
});
