import { table, type ConformanceCase } from '../caseTypes';
import { DynamicText } from '../compare';

/**
 * Aggregation functions: each answer restates what the named reference page prints for its
 * example. Where the page's example reads StormEvents, a small datatable of our own stands in and
 * the answer is worked out from the page's definition.
 */
const RANGE5 = 'range x from 1 to 5 step 1';
const RANGE100 = 'range x from 1 to 100 step 1';
const BIRTHDAYS =
  'let T = datatable(name:string, day_of_birth:long)["John", 9, "Paul", 18, "George", 25, "Ringo", 7]; T';

export const aggregateCases: ConformanceCase[] = [
  // The example sums a per-row size: a long counts 8 bytes and the ten-character text 10.
  table(
    'estimate-data-size-function.md',
    "range x from 1 to 10 step 1 | extend Text = '1234567890' | summarize Total=sum(estimate_data_size(*))",
    [[180]],
  ),
  table('variance-aggregation-function.md', `${RANGE5} | summarize make_list(x), variance(x)`, [
    [new DynamicText('[ 1, 2, 3, 4, 5]'), 2.5],
  ]),
  table('variancep-aggregation-function.md', `${RANGE5} | summarize make_list(x), variancep(x)`, [
    [new DynamicText('[ 1, 2, 3, 4, 5]'), 2],
  ]),
  table('stdev-aggregation-function.md', `${RANGE5} | summarize make_list(x), stdev(x)`, [
    [new DynamicText('[ 1, 2, 3, 4, 5]'), 1.58113883008419],
  ]),
  table('stdevp-aggregation-function.md', `${RANGE5} | summarize make_list(x), stdevp(x)`, [
    [new DynamicText('[ 1, 2, 3, 4, 5]'), 1.4142135623731],
  ]),
  table('stdevif-aggregation-function.md', `${RANGE100} | summarize stdevif(x, x % 2 == 0)`, [
    [29.1547594742265],
  ]),
  table('varianceif-aggregation-function.md', `${RANGE100} | summarize varianceif(x, x%2 == 0)`, [[850]]),
  table('sumif-aggregation-function.md', `${BIRTHDAYS} | summarize sumif(day_of_birth, strlen(name) > 4)`, [
    [32],
  ]),
  table(
    'make-set-if-aggregation-function.md',
    `${BIRTHDAYS} | summarize make_set_if(name, strlen(name) > 4)`,
    [[new DynamicText('["George", "Ringo"]')]],
  ),
  table(
    'make-list-if-aggregation-function.md',
    `${BIRTHDAYS} | summarize make_list_if(name, strlen(name) > 4)`,
    [[new DynamicText('["George", "Ringo"]')]],
  ),
  table(
    'make-bag-if-aggregation-function.md',
    'let T = datatable(prop:string, value:string, predicate:bool)["prop01", "val_a", true, "prop02", "val_b", false, "prop03", "val_c", true]; T | extend p = bag_pack(prop, value) | summarize dict=make_bag_if(p, predicate)',
    [[new DynamicText('{ "prop01": "val_a", "prop03": "val_c" }')]],
  ),
  // avgif, minif, maxif and take_anyif by the definitions on their pages, over a table of our own.
  table(
    'avgif-aggregation-function.md',
    'datatable(State:string, DamageCrops:long)["A", 0, "A", 10, "A", 20, "B", 0] | summarize AverageWhenDamage=avgif(DamageCrops, DamageCrops > 0) by State',
    [
      ['A', 15],
      ['B', null],
    ],
  ),
  table(
    'minif-aggregation-function.md',
    'datatable(Damage:long, Deaths:long)[5, 0, 8000, 1, 12000, 2, 0, 3] | summarize minif(Damage, (Deaths > 0) and (Damage > 0)), maxif(Damage, Deaths > 1)',
    [[8000, 12000]],
  ),
  table(
    'take-anyif-aggregation-function.md',
    'datatable(EventType:string, EventNarrative:string)["Hail", "small hail", "Strong Wind", "a strong wind blew"] | summarize take_anyif(EventType, EventNarrative has "strong wind")',
    [['Strong Wind']],
  ),
  // Nearest rank (percentiles-aggregation-function.md): the smallest value with at least p% at or below it.
  table('percentiles-aggregation-function.md', `${RANGE100} | summarize percentiles(x, 5, 50, 95)`, [
    [5, 50, 95],
  ]),
  table(
    'percentiles-array-aggregation-function.md',
    `${RANGE100} | summarize percentiles_array(x, 5, 50, 95)`,
    [[[5, 50, 95]]],
  ),
  table(
    'count-distinct-aggregation-function.md',
    'datatable(State:string, EventType:string)["TX", "Hail", "KS", "Hail", "TX", "Flood", "TX", "Hail"] | summarize UniqueEvents=count_distinct(EventType) by State | order by State asc',
    [
      ['KS', 1],
      ['TX', 2],
    ],
  ),
  // The page's example; its printed schema is compared as text, so key and type order count.
  table(
    'buildschema-aggregation-function.md',
    'datatable(value: dynamic)[dynamic({"x":1, "y":3.5}), dynamic({"x":"somevalue", "z":[1, 2, 3]}), dynamic({"y":{"w":"zzz"}, "t":["aa", "bb"], "z":["foo"]})] | summarize buildschema(value)',
    [
      [
        new DynamicText(
          '{"x":["long","string"],"y":["double",{"w":"string"}],"z":{"`indexer`":["long","string"]},"t":{"`indexer`":"string"}}',
        ),
      ],
    ],
  ),
];
