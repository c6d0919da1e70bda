import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { CatalogueSchemaProvider } from '../../../server/src/schema/schemaProvider';
import type { SchemaSource } from '../../../server/src/schema/schemaMerge';

// The CI's declaration of two parsers' output, as its schema files give it.
const DECLARED: SchemaSource = {
  id: 'ci/Gadgets.json',
  tables: [
    {
      name: 'Gadgets',
      columns: [
        { name: 'TimeGenerated', type: 'datetime' },
        { name: 'Owner', type: 'string' },
      ],
    },
    { name: 'Sprockets', columns: [{ name: 'Teeth', type: 'long' }] },
  ],
  functions: [],
};

// Gadgets reads a raw log nobody declares; Sprockets binds over a built-in table.
const PARSERS: SchemaSource = {
  id: 'Parsers/parsers.yaml',
  tables: [],
  functions: [
    {
      name: 'Gadgets',
      parameters: [{ name: 'owner', type: 'string', defaultValue: "'*'" }],
      body: '{ Gadgets_CL | where owner == "*" or owner_s == owner | project TimeGenerated, Owner = owner_s }',
    },
    { name: 'Sprockets', parameters: [], body: '{ SecurityEvent | project Teeth = EventID * 2, Account }' },
  ],
};

function namesOf(provider: CatalogueSchemaProvider): Record<string, string[]> {
  const schema = provider.schemaFor('sentinel');
  const of = (name: string) => {
    const fn = schema.functions.find((f) => f.name === name)!;
    return fn.body ? ['body'] : (fn.resultColumns ?? []).map((c) => c.name);
  };
  return { Gadgets: of('Gadgets'), Sprockets: of('Sprockets') };
}

describe('a repository parser whose query does not bind gives way to the declaration', () => {
  it('replaces only the parser that does not bind, and tells its file why', () => {
    const provider = new CatalogueSchemaProvider();
    provider.setCustomSources([DECLARED, PARSERS]);
    const broken = provider.brokenParsers();
    assert.deepEqual(Object.keys(broken), ['Gadgets']);
    assert.match(broken.Gadgets, /Gadgets_CL/);
    assert.deepEqual(namesOf(provider), { Gadgets: ['TimeGenerated', 'Owner'], Sprockets: ['body'] });
    const warnings = provider.warnings().filter((w) => w.source === 'Parsers/parsers.yaml');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0].message, /parser Gadgets: .*declaration in ci\/Gadgets\.json/);
    // The fallback keeps the parser's parameters: a call with an argument still binds.
    const fn = provider.schemaFor('sentinel').functions.find((f) => f.name === 'Gadgets')!;
    assert.deepEqual(
      fn.parameters.map((p) => p.name),
      ['owner'],
    );
  });

  it('takes a verdict found by another catalogue of the same sources without binding again', () => {
    const provider = new CatalogueSchemaProvider();
    // Sprockets binds, but the verdict given says otherwise: it is taken as given.
    provider.setCustomSources([DECLARED, PARSERS], { Sprockets: 'said elsewhere' });
    assert.deepEqual(namesOf(provider), { Gadgets: ['body'], Sprockets: ['Teeth'] });
  });

  it('leaves Defender and parsers without a declaration alone', () => {
    const provider = new CatalogueSchemaProvider();
    provider.setCustomSources([PARSERS]);
    assert.deepEqual(provider.brokenParsers(), {});
    const both = new CatalogueSchemaProvider();
    both.setCustomSources([DECLARED, PARSERS]);
    both.globalsFor('defender');
    assert.ok(both.schemaFor('defender').functions.find((f) => f.name === 'Gadgets')?.body);
  });
});
