import { table, value, type ConformanceCase } from '../caseTypes';
import { DynamicText } from '../compare';

/**
 * Array and bag functions of issue 16: the examples of their reference pages with the answers
 * those pages print.
 */
const SORT_ASC = 'array-sort-asc-function.md';
const SORT_DESC = 'array-sort-desc-function.md';
const IFF = 'array-iff-function.md';
const arr = 'print arr=dynamic([1,2,3,4,5])';
const commands = `datatable(command:string, command_time:datetime, user_id:string)
[
    'chmod',   datetime(2019-07-15),   "user1",
    'ls',      datetime(2019-07-02),   "user1",
    'dir',     datetime(2019-07-22),   "user1",
    'mkdir',   datetime(2019-07-14),   "user1",
    'rm',      datetime(2019-07-27),   "user1",
    'pwd',     datetime(2019-07-25),   "user1",
    'rm',      datetime(2019-07-23),   "user2",
    'pwd',     datetime(2019-07-25),   "user2",
]
| summarize timestamps = make_list(command_time), commands = make_list(command) by user_id`;
const bagSetKeyRows = `datatable(input: dynamic)[
    dynamic({'key1': 123, 'key2': {'prop1': 123, 'prop2': 'xyz'}}),
    dynamic({'key1': 123})
]
| extend result = bag_set_key(input, '$.key2.prop1', 'abc')`;

export const arrayFunctionCases: ConformanceCase[] = [
  table(
    SORT_ASC,
    'let array1 = dynamic([1,3,4,5,2]); let array2 = dynamic(["a","b","c","d","e"]); print array_sort_asc(array1,array2)',
    [[new DynamicText('[1,2,3,4,5]'), new DynamicText('["a","e","b","c","d"]')]],
  ),
  table(
    SORT_ASC,
    'let Names = "John,Paul,Jane,Kao"; let SortedNames = strcat_array(array_sort_asc(split(Names, ",")), ","); print result = SortedNames',
    [['Jane,John,Kao,Paul']],
  ),
  table(
    SORT_ASC,
    `${commands} | project user_id, commands_in_chronological_order = array_sort_asc(timestamps, commands)[1]`,
    [
      ['user1', new DynamicText('[ "ls", "mkdir", "chmod", "dir", "pwd", "rm" ]')],
      ['user2', new DynamicText('[ "rm", "pwd" ]')],
    ],
  ),
  table(SORT_ASC, 'print result=array_sort_asc(dynamic([null,"blue","yellow","green",null]))', [
    [new DynamicText('["blue","green","yellow",null,null]')],
  ]),
  table(SORT_ASC, 'print result=array_sort_asc(dynamic([null,"blue","yellow","green",null]), false)', [
    [new DynamicText('[null,null,"blue","green","yellow"]')],
  ]),
  table(
    SORT_DESC,
    'let array1 = dynamic([1,3,4,5,2]); let array2 = dynamic(["a","b","c","d","e"]); print array_sort_desc(array1,array2)',
    [[new DynamicText('[5,4,3,2,1]'), new DynamicText('["d","c","b","e","a"]')]],
  ),
  table(
    SORT_DESC,
    'let Names = "John,Paul,Jane,Kayo"; let SortedNames = strcat_array(array_sort_desc(split(Names, ",")), ","); print result = SortedNames',
    [['Paul,Kayo,John,Jane']],
  ),
  table(
    SORT_DESC,
    `${commands} | project user_id, commands_in_chronological_order = array_sort_desc(timestamps, commands)[1]`,
    [
      ['user1', new DynamicText('[ "rm", "pwd", "dir", "chmod", "mkdir", "ls" ]')],
      ['user2', new DynamicText('[ "pwd", "rm" ]')],
    ],
  ),
  table(SORT_DESC, 'print result=array_sort_desc(dynamic([null,"blue","yellow","green",null]))', [
    [new DynamicText('["yellow","green","blue",null,null]')],
  ]),
  table(SORT_DESC, 'print result=array_sort_desc(dynamic([null,"blue","yellow","green",null]), false)', [
    [new DynamicText('[null,null,"yellow","green","blue"]')],
  ]),
  table(
    IFF,
    'print condition=dynamic([true,false,true]), if_true=dynamic([1,2,3]), if_false=dynamic([4,5,6]) | extend res= array_iff(condition, if_true, if_false) | project res',
    [[new DynamicText('[1, 5, 3]')]],
  ),
  table(
    IFF,
    'print condition=dynamic([1,0,50]), if_true="yes", if_false="no" | extend res= array_iff(condition, if_true, if_false) | project res',
    // The page prints this array without quotes ([yes, no, yes]), so it stays compared by value.
    [[['yes', 'no', 'yes']]],
  ),
  table(
    IFF,
    'print condition=dynamic([true,true,true]), if_true=dynamic([1,2]), if_false=dynamic([3,4]) | extend res= array_iff(condition, if_true, if_false) | project res',
    [[new DynamicText('[1, 2, null]')]],
  ),
  table('array-rotate-left-function.md', `${arr} | extend arr_rotated=array_rotate_left(arr, 2)`, [
    [new DynamicText('[1,2,3,4,5]'), new DynamicText('[3,4,5,1,2]')],
  ]),
  table('array-rotate-left-function.md', `${arr} | extend arr_rotated=array_rotate_left(arr, -2)`, [
    [new DynamicText('[1,2,3,4,5]'), new DynamicText('[4,5,1,2,3]')],
  ]),
  table('array-rotate-right-function.md', `${arr} | extend arr_rotated=array_rotate_right(arr, 2)`, [
    [new DynamicText('[1,2,3,4,5]'), new DynamicText('[4,5,1,2,3]')],
  ]),
  table('array-rotate-right-function.md', `${arr} | extend arr_rotated=array_rotate_right(arr, -2)`, [
    [new DynamicText('[1,2,3,4,5]'), new DynamicText('[3,4,5,1,2]')],
  ]),
  table(
    'array-shift-left-function.md',
    `${arr} | extend arr_shift=array_shift_left(arr, 2) | project arr_shift`,
    [[new DynamicText('[3,4,5,null,null]')]],
  ),
  table(
    'array-shift-left-function.md',
    `${arr} | extend arr_shift=array_shift_left(arr, 2, -1) | project arr_shift`,
    [[new DynamicText('[3,4,5,-1,-1]')]],
  ),
  table(
    'array-shift-left-function.md',
    `${arr} | extend arr_shift=array_shift_left(arr, -2, -1) | project arr_shift`,
    [[new DynamicText('[-1,-1,1,2,3]')]],
  ),
  table(
    'array-shift-right-function.md',
    `${arr} | extend arr_shift=array_shift_right(arr, 2) | project arr_shift`,
    [[new DynamicText('[null,null,1,2,3]')]],
  ),
  table(
    'array-shift-right-function.md',
    `${arr} | extend arr_shift=array_shift_right(arr, 2, -1) | project arr_shift`,
    [[new DynamicText('[-1,-1,1,2,3]')]],
  ),
  table(
    'array-shift-right-function.md',
    `${arr} | extend arr_shift=array_shift_right(arr, -2, -1) | project arr_shift`,
    [[new DynamicText('[3,4,5,-1,-1]')]],
  ),
  table('array-split-function.md', `${arr} | extend arr_split=array_split(arr, 2) | project arr_split`, [
    [new DynamicText('[[1,2],[3,4,5]]')],
  ]),
  table(
    'array-split-function.md',
    `${arr} | extend arr_split=array_split(arr, dynamic([1,3])) | project arr_split`,
    [[new DynamicText('[[1],[2,3],[4,5]]')]],
  ),
  table('bag-set-key-function.md', bagSetKeyRows + ' | project result', [
    [new DynamicText('{ "key1": 123, "key2": { "prop1": "abc", "prop2": "xyz" } }')],
    [new DynamicText('{ "key1": 123, "key2": { "prop1": "abc" } }')],
  ]),
  table(
    'bag-set-key-function.md',
    "datatable(input: dynamic) [dynamic({'key1': 1, 'key2': 2}), dynamic({'key1': 1, 'key3': 'abc'})] | extend result = bag_set_key(input, 'key3', 3) | project result",
    [[new DynamicText('{ "key1": 1, "key2": 2, "key3": 3 }')], [new DynamicText('{ "key1": 1, "key3": 3 }')]],
  ),
  value('zip-function.md', 'zip(dynamic([1,3,5]), dynamic([2,4,6]))', new DynamicText('[[1,2],[3,4],[5,6]]')),
  value(
    'zip-function.md',
    'zip(dynamic(["A", 1, 1.5]), dynamic([{}, "B"]))',
    new DynamicText('[["A",{}], [1,"B"], [1.5, null]]'),
  ),
  table(
    'zip-function.md',
    'datatable(a:int, b:string) [1,"one",2,"two",3,"three"] | summarize a = make_list(a), b = make_list(b) | project zip(a, b)',
    [[new DynamicText('[[1,"one"],[2,"two"],[3,"three"]]')]],
  ),
  table(
    'jaccard-index-function.md',
    'print set1=dynamic([1,2,3]), set2=dynamic([1,2,3,4]) | extend jaccard=jaccard_index(set1, set2)',
    [[new DynamicText('[1,2,3]'), new DynamicText('[1,2,3,4]'), 0.75]],
  ),
  value(
    'treepath-function.md',
    'treepath(parse_json(\'{"a":"b", "c":123}\'))',
    new DynamicText(`["['a']","['c']"]`),
  ),
  value(
    'treepath-function.md',
    'treepath(parse_json(\'{"prop1":[1,2,3,4], "prop2":"value2"}\'))',
    new DynamicText(`["['prop1']","['prop1'][0]","['prop2']"]`),
  ),
  value(
    'treepath-function.md',
    'treepath(parse_json(\'{"listProperty":[100,200,300,"abcde",{"x":"y"}]}\'))',
    new DynamicText(`["['listProperty']","['listProperty'][0]","['listProperty'][0]['x']"]`),
  ),
  table(
    'dynamic-to-json-function.md',
    `let bag1 = dynamic_to_json(dynamic({'Y10':dynamic({}), 'X8': dynamic({'c3':1, 'd8':5, 'a4':6}), 'D1':114, 'A1':12, 'B1':2, 'C1':3, 'A14':[15, 13, 18]}));
let bag2 = dynamic_to_json(dynamic({'X8': dynamic({'a4':6, 'c3':1, 'd8':5}), 'A14':[15, 13, 18], 'C1':3, 'B1':2, 'Y10': dynamic({}), 'A1':12, 'D1':114}));
print AreEqual=bag1 == bag2, Result=bag1`,
    [[true, '{"A1":12,"A14":[15,13,18],"B1":2,"C1":3,"D1":114,"X8":{"a4":6,"c3":1,"d8":5},"Y10":{}}']],
  ),
  table(
    'has-any-index-function.md',
    `print idx1 = has_any_index("this is an example", dynamic(['this', 'example'])), idx2 = has_any_index("this is an example", dynamic(['not', 'example'])), idx3 = has_any_index("this is an example", dynamic(['not', 'found'])), idx4 = has_any_index("Example number 2", range(1, 3, 1)), idx5 = has_any_index("this is an example", dynamic([]))`,
    [[0, 1, -1, 1, -1]],
  ),
  table(
    'bag-pack-columns-function.md',
    'datatable(Id: string, Value: string, Other: long) ["A", "val_a", 1, "B", "val_b", 2, "C", "val_c", 3] | extend Packed = bag_pack_columns(Id, Value)',
    [
      ['A', 'val_a', 1, new DynamicText('{   "Id": "A",   "Value": "val_a" }')],
      ['B', 'val_b', 2, new DynamicText('{   "Id": "B",   "Value": "val_b" }')],
      ['C', 'val_c', 3, new DynamicText('{   "Id": "C",   "Value": "val_c" }')],
    ],
  ),
  table(
    'column-names-of-function.md',
    'let T = datatable(A:string, B:int) []; print Columns=column_names_of(T)',
    [[new DynamicText('[   "A",   "B" ]')]],
  ),
  table(
    'column-names-of-function.md',
    'let MyFunction1 = () { print A="", B=1 }; print Columns=column_names_of(MyFunction1())',
    [[new DynamicText('[   "A",   "B" ]')]],
  ),
  table(
    'column-names-of-function.md',
    'let MyFunction1 = (param1:int) { print A="", B=1 }; print Columns=column_names_of(MyFunction1(1))',
    [[new DynamicText('[   "A",   "B" ]')]],
  ),
];
