import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandSnippet } from '../../helpers/snippetExpander';

describe('snippet expander (test helper)', () => {
  it('drops bare tab stops and keeps placeholder defaults', () => {
    assert.equal(expandSnippet('a$1b${2}c${3:def}d$0'), 'abcdefd');
  });

  it('gives mirrors the default of their placeholder, before or after it', () => {
    assert.equal(expandSnippet('$1 ${1:x} $1'), 'x x x');
  });

  it('expands nested placeholders and multi-line bodies', () => {
    assert.equal(expandSnippet(['${1:outer ${2:inner}}', '$2']), 'outer inner\ninner');
  });

  it('takes the first option of a choice, with escapes inside it', () => {
    assert.equal(expandSnippet('${1|a\\,b,c|}'), 'a,b');
    assert.equal(expandSnippet('${1|x\\|y,z|}'), 'x|y');
  });

  it('unescapes \\$, \\} and \\\\ and keeps other backslashes', () => {
    assert.equal(expandSnippet('\\$left \\} \\\\ \\n'), '$left } \\ \\n');
  });

  it('keeps a $ that starts no construct', () => {
    assert.equal(expandSnippet('cost: $ 5, ${ x'), 'cost: $ 5, ${ x');
  });

  it('resolves variables, with a fresh UUID and defaults for unknown ones', () => {
    const id = expandSnippet('$UUID');
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(expandSnippet('${UUID}'), id);
    assert.equal(expandSnippet('${NOT_A_VARIABLE:fallback}'), 'fallback');
    assert.equal(expandSnippet('$NOT_A_VARIABLE'), 'NOT_A_VARIABLE');
    assert.equal(expandSnippet('${TM_SELECTED_TEXT:none}'), 'none');
    assert.equal(expandSnippet('$CURRENT_YEAR', { variables: { CURRENT_YEAR: '2031' } }), '2031');
  });

  it('applies transforms with groups, case modifiers and conditionals', () => {
    assert.equal(
      expandSnippet('${TM_FILENAME/(.*)\\..+$/$1/}', { variables: { TM_FILENAME: 'rule.yaml' } }),
      'rule',
    );
    assert.equal(expandSnippet('${1:abc} ${1/(a)(b)/${1:/upcase}${2:?Y:N}/}'), 'abc AYc');
  });

  it('reports malformed snippets instead of guessing', () => {
    assert.throws(() => expandSnippet('${1|a,b'), /unterminated choice/);
    assert.throws(() => expandSnippet('${1:open'), /expected '}'/);
  });
});
