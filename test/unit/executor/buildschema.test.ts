import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows, run } from './executorHarness';

/**
 * buildschema() (issue 16): the minimal schema that admits every dynamic value of a group, in the
 * form buildschema-aggregation-function.md shows, and refusals by name for what the page leaves
 * open (other scalar types, nulls, empty arrays and bags, orders of types it does not settle).
 */

/** The schema of the given dynamic literals, as the executor returns it. */
function schemaOf(...values: string[]): unknown {
  const literals = values.map((v) => `dynamic(${v})`).join(', ');
  const [[schema]] = rows(`datatable(v:dynamic)[${literals}] | summarize buildschema(v)`);
  return schema;
}

/** The schema's JSON text, so key order is checked too. */
const schemaText = (...values: string[]) => JSON.stringify(schemaOf(...values));

const refusal =
  (...values: string[]) =>
  () =>
    schemaOf(...values);

describe('executor: buildschema()', () => {
  it("gives the page's example schema, keys and types in the page's order", () => {
    const result = run(`datatable(value: dynamic) [
      dynamic({"x":1, "y":3.5}),
      dynamic({"x":"somevalue", "z":[1, 2, 3]}),
      dynamic({"y":{"w":"zzz"}, "t":["aa", "bb"], "z":["foo"]})
    ]
    | summarize buildschema(value)`).tables[0];
    assert.deepEqual(result.columns, [{ name: 'schema_value', type: 'dynamic' }]);
    assert.equal(
      JSON.stringify(result.rows[0][0]),
      '{"x":["long","string"],"y":["double",{"w":"string"}],"z":{"`indexer`":["long","string"]},"t":{"`indexer`":"string"}}',
    );
  });

  it('writes the schema as JSON text through tostring()', () => {
    assert.deepEqual(
      rows('datatable(v:dynamic)[dynamic({"a":[1]})] | summarize s = tostring(buildschema(v))'),
      [['{"a":{"`indexer`":"long"}}']],
    );
  });

  it('merges nested bags key by key, in the order keys are first seen', () => {
    assert.equal(
      schemaText('{"a":{"b":{"c":1}}, "e":"x"}', '{"a":{"b":{"d":"x"}, "f":2.5}}'),
      '{"a":{"b":{"c":"long","d":"string"},"f":"double"},"e":"string"}',
    );
    // A key seen twice with one type is named once.
    assert.equal(schemaText('{"a":1}', '{"a":2}', '{"a":3}'), '{"a":"long"}');
  });

  it('names arrays by `indexer`, with the merged schema of their elements', () => {
    assert.equal(schemaText('[{"a":1},{"b":"s"}]'), '{"`indexer`":{"a":"long","b":"string"}}');
    assert.equal(schemaText('[[1],[2,3]]'), '{"`indexer`":{"`indexer`":"long"}}');
    // An empty array admits any element schema, so it only joins the others.
    assert.equal(schemaText('{"a":[]}', '{"a":[1]}'), '{"a":{"`indexer`":"long"}}');
    assert.equal(schemaText('{}', '{"a":1}'), '{"a":"long"}');
  });

  it('names a whole real double and an int long, wherever the real comes from', () => {
    assert.equal(schemaText('{"a":1.0}'), '{"a":"double"}');
    assert.equal(schemaText('{"a":1}'), '{"a":"long"}');
    assert.equal(schemaText('{"a":2.5}'), '{"a":"double"}');
    assert.equal(schemaText('[1.0, 2.5]'), '{"`indexer`":"double"}');
    assert.deepEqual(
      rows('print v = parse_json(\'{"a":3.0,"b":3}\') | summarize s = tostring(buildschema(v))'),
      [['{"a":"double","b":"long"}']],
    );
    // A real column keeps its type in bag_pack, and in make_list's JSON text read back.
    const t = { T: [{ x: 1 }, { x: 2 }] };
    const types = { T: { x: 'real' } };
    assert.deepEqual(
      rows(
        'T | summarize l = parse_json(tostring(make_list(x))) | summarize tostring(buildschema(l))',
        t,
        types,
      ),
      [['{"`indexer`":"double"}']],
    );
    assert.deepEqual(rows('T | summarize tostring(buildschema(bag_pack("x", x)))', t, types), [
      ['{"x":"double"}'],
    ]);
  });

  it('lists several types in one place where their order is settled', () => {
    assert.equal(schemaText('{"a":2.5}', '{"a":"s"}'), '{"a":["double","string"]}');
    assert.equal(schemaText('{"a":1}', '{"a":"s"}', '{"a":{"b":1}}'), '{"a":["long","string",{"b":"long"}]}');
    assert.equal(schemaText('{"a":1}', '{"a":[1]}'), '{"a":["long",{"`indexer`":"long"}]}');
    // Values at the top need not be bags.
    assert.equal(schemaText('1', '"s"'), '["long","string"]');
  });

  it('builds one schema per group', () => {
    const t = {
      T: [
        { g: 'a', v: { x: 1 } },
        { g: 'b', v: { y: 's' } },
        { g: 'a', v: { z: [2.5] } },
      ],
    };
    const types = { T: { g: 'string', v: 'dynamic' } };
    assert.deepEqual(rows('T | summarize s = tostring(buildschema(v)) by g', t, types), [
      ['a', '{"x":"long","z":{"`indexer`":"double"}}'],
      ['b', '{"y":"string"}'],
    ]);
    // With no rows there are no groups to build a schema for.
    assert.deepEqual(rows('T | where g == "none" | summarize buildschema(v) by g', t, types), []);
  });

  it('refuses orders of types its page does not settle', () => {
    const unsettled = refusedWith(/buildschema\(\) of values of the types .*in that order.*not settle/);
    // First seen and alphabetical orders part.
    assert.throws(refusal('{"a":"s"}', '{"a":1}'), unsettled);
    assert.throws(refusal('{"a":{"b":1}}', '{"a":1}'), unsettled);
    // double before long by name, long before real by Kusto's names.
    assert.throws(refusal('{"a":1}', '{"a":2.5}'), unsettled);
    assert.throws(refusal('{"a":1.0}', '{"a":1}'), unsettled);
    assert.throws(
      refusal('{"a":[1]}', '{"a":{"b":1}}'),
      refusedWith(/an array and a property bag in one place/),
    );
  });

  it('refuses nulls, empty groups and all-empty arrays and bags', () => {
    assert.throws(refusal('null'), refusedWith(/buildschema\(\) of a null value.*null is skipped or named/));
    assert.throws(refusal('{"a":null}'), refusedWith(/buildschema\(\) of a null value/));
    assert.throws(
      () => rows('datatable(v:dynamic)[] | summarize buildschema(v)'),
      refusedWith(/buildschema\(\) of no values.*empty group/),
    );
    assert.throws(refusal('{"a":[]}'), refusedWith(/arrays that are all empty/));
    assert.throws(refusal('{}'), refusedWith(/property bags that are all empty/));
  });

  it('refuses scalar types its page does not name', () => {
    assert.throws(
      refusal('{"a":true}'),
      refusedWith(/buildschema\(\) of a boolean value.*long, double and string/),
    );
    assert.throws(
      refusal('{"a":"2024-01-01T00:00:00Z"}'),
      refusedWith(/the string "2024-01-01T00:00:00Z", which reads as a datetime/),
    );
    assert.throws(
      () => rows('print v = pack("t", datetime(2024-01-01)) | summarize buildschema(v)'),
      refusedWith(/reads as a datetime/),
    );
    assert.throws(
      () => rows('print v = bag_pack("t", 1h) | summarize buildschema(v)'),
      refusedWith(/reads as a timespan/),
    );
    assert.throws(refusal('{"a":"74be27de-1e4e-49d9-b579-fe0b331d3642"}'), refusedWith(/reads as a guid/));
    assert.throws(refusal('{"a":"42"}'), refusedWith(/reads as a number/));
    assert.throws(refusal('{"a":"Sat, 8 Nov 2014 15:05:02 GMT"}'), refusedWith(/reads as a datetime/));
    assert.throws(refusal('{"a":"11/08/2014"}'), refusedWith(/reads as a datetime/));
    // Words with a number are strings, though a lenient date reader would take some of them.
    assert.equal(schemaText('{"a":"Process 4"}', '{"a":"Win 10"}', '{"a":"user1"}'), '{"a":"string"}');
    assert.throws(
      () => rows('print v = parse_json(\'{"a":9007199254740993}\') | summarize buildschema(v)'),
      refusedWith(/buildschema\(\) of the long 9007199254740993 \(beyond 2\^53\)/),
    );
    assert.throws(refusal('{"`indexer`":1}'), refusedWith(/a property bag with the key `indexer`/));
  });

  it('leaves an argument that is not a dynamic bag to the engine, which rejects it', () => {
    const rejected = (e: unknown) => e instanceof Error && /must be a dynamic bag/.test(e.message);
    assert.throws(() => rows('datatable(s:string)["a"] | summarize buildschema(s)'), rejected);
    assert.throws(() => rows('print v = dynamic([1]) | summarize buildschema(v)'), rejected);
  });
});
