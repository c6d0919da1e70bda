import { test, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { REPO_ROOT } from '../../helpers/paths';

/**
 * The injection grammars (KQL in Markdown fences and in rule YAML `query:` block scalars) and the
 * `kusto` alias grammar, tokenised by the libraries VS Code uses, as package.json wires them.
 *
 * The host grammars here are small stand-ins for VS Code's Markdown and YAML grammars, written to
 * compete the way those do: a generic fence rule that would take any fence, and a block-scalar
 * rule that would make the query a plain string. The real grammars are checked in the editor by
 * test/e2e/uiWalk.test.ts.
 */
const HOSTS: Record<string, object> = {
  'text.html.markdown': {
    scopeName: 'text.html.markdown',
    patterns: [
      {
        begin: '(^|\\G)(\\s*)(`{3,}|~{3,})\\s*(?=([^`]*)?$)',
        end: '(^|\\G)(\\2|\\s{0,3})(\\3)\\s*$',
        name: 'markup.fenced_code.block.markdown',
      },
      { match: '.+', name: 'meta.paragraph.markdown' },
    ],
  },
  'source.yaml': {
    scopeName: 'source.yaml',
    patterns: [
      { match: '^\\s*(#.*)$', captures: { 1: { name: 'comment.line.number-sign.yaml' } } },
      {
        begin: '^([ ]*)([\\w-]+)(:)[ ]*([|>][-+0-9]*)$',
        beginCaptures: {
          2: { name: 'entity.name.tag.yaml' },
          4: { name: 'keyword.control.flow.block-scalar.literal.yaml' },
        },
        while: '^(?=\\1[ ]+\\S|[ \\t]*$)',
        contentName: 'string.unquoted.block.yaml',
      },
      {
        match: '^([ ]*)([\\w-]+)(:)(.*)$',
        captures: { 2: { name: 'entity.name.tag.yaml' }, 4: { name: 'string.unquoted.plain.out.yaml' } },
      },
    ],
  },
};

const FILES: Record<string, string> = {
  'source.kql': 'syntaxes/kql.tmLanguage.json',
  'source.kusto': 'syntaxes/kusto.tmLanguage.json',
  'markdown.kql.codeblock': 'syntaxes/kql.markdown.tmLanguage.json',
  'yaml.kql.query': 'syntaxes/kql.yaml.tmLanguage.json',
};

interface GrammarContribution {
  language?: string;
  scopeName: string;
  path: string;
  injectTo?: string[];
  embeddedLanguages?: Record<string, string>;
}
const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  contributes: { grammars: GrammarContribution[]; languages: { id: string }[] };
  activationEvents: string[];
};

let registry: vsctm.Registry;

before(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(
    wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer,
  );
  registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (s) => new oniguruma.OnigScanner(s),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      if (HOSTS[scopeName])
        return vsctm.parseRawGrammar(JSON.stringify(HOSTS[scopeName]), `${scopeName}.json`);
      const file = FILES[scopeName];
      return file ? vsctm.parseRawGrammar(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'), file) : null;
    },
    // As VS Code does it: a grammar contributed with `injectTo` is injected into those scopes.
    getInjections: (scopeName) =>
      manifest.contributes.grammars.filter((g) => g.injectTo?.includes(scopeName)).map((g) => g.scopeName),
  });
});

/** Each line's tokens as `text → innermost scope`, with the whole scope list kept for embedded checks. */
async function tokenize(scopeName: string, text: string): Promise<{ text: string; scopes: string[] }[]> {
  const grammar = (await registry.loadGrammar(scopeName))!;
  let state = vsctm.INITIAL;
  const out: { text: string; scopes: string[] }[] = [];
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    for (const t of r.tokens) out.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
  }
  return out;
}

function scopesOf(tokens: { text: string; scopes: string[] }[], text: string, nth = 0): string[] {
  const found = tokens.filter((t) => t.text.trim() === text)[nth];
  assert.ok(found, `no token «${text}» (#${nth}) in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return found.scopes;
}

test('package.json wires the injections, the kusto alias and its activation', () => {
  const byScope = new Map(manifest.contributes.grammars.map((g) => [g.scopeName, g]));
  for (const [scope, file] of Object.entries(FILES))
    assert.equal(byScope.get(scope)?.path, `./${file}`, scope);
  assert.deepEqual(byScope.get('markdown.kql.codeblock')?.injectTo, ['text.html.markdown']);
  assert.deepEqual(byScope.get('yaml.kql.query')?.injectTo, ['source.yaml']);
  assert.equal(byScope.get('markdown.kql.codeblock')?.embeddedLanguages?.['meta.embedded.block.kql'], 'kql');
  assert.equal(byScope.get('source.kusto')?.language, 'kusto');
  assert.ok(manifest.contributes.languages.some((l) => l.id === 'kusto'));
  assert.ok(manifest.activationEvents.includes('onLanguage:kusto'));
});

test('Markdown: a ```kql or ~~~kusto fence is KQL, other fences and text are not', async () => {
  const text = [
    'Hunt for `where` in text.',
    '',
    '```kql',
    'DeviceNetworkEvents',
    '| where RemotePort == 443 // web',
    '```',
    '',
    '- a list item',
    '',
    '  ~~~Kusto title="vnc"',
    '  T | take 10',
    '  ~~~',
    '',
    '```python',
    'where = 1',
    '```',
  ].join('\n');
  const tokens = await tokenize('text.html.markdown', text);
  assert.equal(scopesOf(tokens, 'kql').at(-1), 'fenced_code.block.language.markdown');
  const where = scopesOf(tokens, 'where', 0);
  assert.ok(
    where.includes('meta.embedded.block.kql') && where.at(-1) === 'keyword.control.tabular.kql',
    where.join(' '),
  );
  assert.equal(scopesOf(tokens, '443').at(-1), 'constant.numeric.kql');
  assert.ok(scopesOf(tokens, '//').some((s) => /^comment\.line.*\.kql$/.test(s)));
  assert.equal(scopesOf(tokens, 'take').at(-1), 'keyword.control.tabular.kql');
  // The closing fence ends the KQL: the paragraph after it and the Python fence are not KQL.
  assert.ok(!scopesOf(tokens, '- a list item').some((s) => s.includes('kql')));
  assert.ok(!scopesOf(tokens, 'where = 1').some((s) => s.includes('kql')));
  assert.ok(
    !tokens.filter((t) => t.text.includes('Hunt for')).some((t) => t.scopes.some((s) => s.includes('kql'))),
  );
});

test('rule YAML: the query block scalar is KQL up to the next key; other block scalars stay strings', async () => {
  const text = [
    'id: 3f1c2a5e-7b8d-4e6f-9a0b-1c2d3e4f5a6b',
    'description: |',
    '  where the network goes',
    'query: |-',
    '  DeviceNetworkEvents',
    '',
    '  | where RemotePort == 5900',
    'entityMappings: x',
    '# query: |',
    '#   where in a comment',
  ].join('\n');
  const tokens = await tokenize('source.yaml', text);
  assert.ok(!scopesOf(tokens, 'where the network goes').some((s) => s.includes('kql')));
  assert.equal(scopesOf(tokens, 'query').at(-1), 'entity.name.tag.yaml');
  const where = scopesOf(tokens, 'where', 0);
  assert.ok(
    where.includes('meta.embedded.block.kql') && where.at(-1) === 'keyword.control.tabular.kql',
    where.join(' '),
  );
  assert.equal(scopesOf(tokens, '5900').at(-1), 'constant.numeric.kql');
  assert.equal(scopesOf(tokens, 'entityMappings').at(-1), 'entity.name.tag.yaml');
  assert.ok(
    !tokens
      .filter((t) => t.text.includes('where in a comment'))
      .some((t) => t.scopes.some((s) => s.includes('kql'))),
  );
});

test('the kusto alias grammar colours like the KQL grammar', async () => {
  const tokens = await tokenize('source.kusto', 'DeviceEvents | where Timestamp > ago(1d)');
  assert.equal(scopesOf(tokens, 'where').at(-1), 'keyword.control.tabular.kql');
  assert.equal(scopesOf(tokens, '1d').at(-1), 'constant.numeric.timespan.kql');
  assert.equal(scopesOf(tokens, 'where')[0], 'source.kusto');
});
