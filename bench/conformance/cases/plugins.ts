import { table, type ConformanceCase } from '../caseTypes';

/** evaluate plugins: each answer restates what the named reference page prints for its example. */
const BU = 'bag-unpack-plugin.md';
const PEOPLE =
  'datatable(d:dynamic)[dynamic({"Name": "John", "Age":20}), dynamic({"Name": "Dave", "Age":40}), dynamic({"Name": "Jasmine", "Age":30})]';
const NAMED = (second: string) =>
  `datatable(Name:string, d:dynamic)['James', dynamic({"Name": "John", "Age":20}), 'David', dynamic(${second}), 'Emily', dynamic({"Name": "Jasmine", "Age":30})]`;

export const pluginCases: ConformanceCase[] = [
  table(BU, `${PEOPLE} | evaluate bag_unpack(d)`, [
    [20, 'John'],
    [40, 'Dave'],
    [30, 'Jasmine'],
  ]),
  table(BU, `${PEOPLE} | evaluate bag_unpack(d, 'Property_')`, [
    [20, 'John'],
    [40, 'Dave'],
    [30, 'Jasmine'],
  ]),
  table(BU, `${NAMED('{ "Age":40}')} | evaluate bag_unpack(d, columnsConflict='replace_source')`, [
    ['John', 20],
    ['', 40],
    ['Jasmine', 30],
  ]),
  table(
    BU,
    `${NAMED('{"Name": "Dave", "Age":40}')} | evaluate bag_unpack(d, columnsConflict='keep_source')`,
    [
      ['James', 20],
      ['David', 40],
      ['Emily', 30],
    ],
  ),
  table(
    BU,
    'datatable(d:dynamic)[dynamic({"Name": "John", "Age":20}), dynamic({ "Name": "Dave", "Height": 170, "Age":40}), dynamic({"Name": "Jasmine", "Age":30})] | evaluate bag_unpack(d)',
    [
      [20, null, 'John'],
      [40, 170, 'Dave'],
      [30, null, 'Jasmine'],
    ],
  ),
  table(
    BU,
    'datatable(d:dynamic, Description: string)[dynamic({"Name": "John", "Age":20, "height":180}), "Student", dynamic({"Name": "Dave", "Age":40, "height":160}), "Teacher", dynamic({"Name": "Jasmine", "Age":30, "height":172}), "Student"] | evaluate bag_unpack(d) : (*, Name:string, Age:long)',
    [
      ['Student', 'John', 20],
      ['Teacher', 'Dave', 40],
      ['Student', 'Jasmine', 30],
    ],
  ),
];
