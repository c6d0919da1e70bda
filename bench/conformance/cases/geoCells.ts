import { table, type ConformanceCase } from '../caseTypes';
import { DynamicText } from '../compare';

/**
 * The geo functions over grid cells (geohash, H3, S2): the examples of their reference pages that
 * print an answer, with that answer. Examples over the help cluster's tables, or that only render
 * a map or elide their output ("..."), are left out.
 */
const P = 'geo-point-to-geohash-function.md';
const GC = 'geo-geohash-to-central-point-function.md';
const GP = 'geo-geohash-to-polygon-function.md';
const GN = 'geo-geohash-neighbors-function.md';
const H = 'geo-point-to-h3cell-function.md';
const HC = 'geo-h3cell-to-central-point-function.md';
const HP = 'geo-h3cell-to-polygon-function.md';
const HCH = 'geo-h3cell-children-function.md';
const HPA = 'geo-h3cell-parent-function.md';
const HL = 'geo-h3cell-level-function.md';
const HN = 'geo-h3cell-neighbors-function.md';
const HR = 'geo-h3cell-rings-function.md';
const S = 'geo-point-to-s2cell-function.md';
const SC = 'geo-s2cell-to-central-point-function.md';
const SP = 'geo-s2cell-to-polygon-function.md';
const SN = 'geo-s2cell-neighbors-function.md';
const PS = 'geo-polygon-to-s2cells-function.md';
const PH = 'geo-polygon-to-h3cells-function.md';
const BIG_TRIANGLE =
  'let polygon = dynamic({"type":"Polygon","coordinates":[[[0,0],[0,50],[100,50],[0,0]]]});';
const MADRID =
  'let polygon = dynamic({"type":"Polygon","coordinates":[[[-3.659,40.553],[-3.913,40.409],[-3.729,40.273],[-3.524,40.440],[-3.659,40.553]]]});';

const H3_862A1072 = new DynamicText(
  '{ "type": "Polygon", "coordinates": [[[-74.0022744646159, 40.735376026215022], [-74.046908029686236, 40.727986222489115], [-74.060610712223664, 40.696775140349033],[  -74.029724408156682, 40.672970047595463], [-73.985140983708192, 40.680349049267583],[  -73.971393761028622, 40.71154393543933], [-74.0022744646159, 40.735376026215022]]] }',
);
const S2_89C259 = new DynamicText(
  '{ "type": "Polygon", "coordinates": [[[-74.030012249838478, 40.8012684339439], [-74.030012249838478, 40.7222262918358], [-73.935982114337421, 40.708880489804564], [-73.935982114337421, 40.787917134506841], [-74.030012249838478, 40.8012684339439]]] }',
);
const SUNNY_NEIGHBORS = new DynamicText('["sunnt","sunpj","sunnx","sunpn","sunnv","sunpp","sunnz","sunnw"]');
const S2_NEIGHBORS = new DynamicText(
  '["89c25d","89c2f9","89c251","89c257","89c25f","89c25b","89c2f7","89c2f5"]',
);

export const geoCellCases: ConformanceCase[] = [
  table(P, 'print geohash = geo_point_to_geohash(-80.195829, 25.802215, 8)', [['dhwfz15h']]),
  table(
    P,
    'datatable(location_id:string, longitude:real, latitude:real)\n[\n  "A", double(-122.303404), 47.570482,\n  "B", double(-122.304745), 47.567052,\n  "C", double(-122.278156), 47.566936,\n]\n| summarize count = count(), locations = make_list(location_id) by geohash = geo_point_to_geohash(longitude, latitude)',
    [
      ['c23n8', 2, new DynamicText('["A", "B"]')],
      ['c23n9', 1, new DynamicText('["C"]')],
    ],
  ),
  table(P, 'print geohash = geo_point_to_geohash(200,1,8)', [['']]),
  table(P, 'print geohash = geo_point_to_geohash(1,1,int(null))', [['']]),
  table(
    GC,
    'print point = geo_geohash_to_central_point("sunny")\n| extend coordinates = point.coordinates\n| extend longitude = coordinates[0], latitude = coordinates[1]',
    [
      [
        new DynamicText(
          '{   "type": "Point",   "coordinates": [     42.47314453125,     23.70849609375   ] }',
        ),
        new DynamicText('[   42.47314453125,   23.70849609375 ]'),
        42.47314453125,
        23.70849609375,
      ],
    ],
  ),
  table(GC, 'print geohash = geo_geohash_to_central_point("a")', [[null]]),
  table(
    GC,
    "let point_to_map_url = (_point:dynamic, _title:string) \n{\n    strcat('https://www.bing.com/maps?sp=point.', _point.coordinates[1] ,'_', _point.coordinates[0], '_', url_encode(_title)) \n};\nlet geohash_to_map_url = (_geohash:string, _title:string)\n{\n    point_to_map_url(geo_geohash_to_central_point(_geohash), _title)\n};\nprint geohash = 'sv8wzvy7'\n| extend url = geohash_to_map_url(geohash, \"You are here\")",
    [['sv8wzvy7', 'https://www.bing.com/maps?sp=point.32.15620994567871_34.80245590209961_You+are+here']],
  ),
  table(GP, 'print GeohashPolygon = geo_geohash_to_polygon("dr5ru");', [
    [
      new DynamicText(
        '{ "type": "Polygon", "coordinates": [ [[-74.00390625, 40.7373046875], [-73.9599609375, 40.7373046875], [-73.9599609375, 40.78125], [-74.00390625, 40.78125], [-74.00390625, 40.7373046875]]] }',
      ),
    ],
  ]),
  table(GP, 'print GeohashPolygon = geo_geohash_to_polygon("a");', [[null]]),
  table(GN, "print neighbors = geo_geohash_neighbors('sunny')", [[SUNNY_NEIGHBORS]]),
  table(GN, "print invalid = isnull(geo_geohash_neighbors('a'))", [[true]]),

  table(H, 'print h3cell = geo_point_to_h3cell(-74.04450446039874, 40.689250859314974, 6)', [
    ['862a1072fffffff'],
  ]),
  table(
    H,
    'datatable(location_id:string, longitude:real, latitude:real)\n[\n    "A", -73.956683, 40.807907,\n    "B", -73.916869, 40.818314,\n    "C", -73.989148, 40.743273,\n]\n| summarize count = count(), locations = make_list(location_id) by h3cell = geo_point_to_h3cell(longitude, latitude, 5)',
    [
      ['852a100bfffffff', 2, new DynamicText('[   "A",   "B" ]')],
      ['852a1073fffffff', 1, new DynamicText('[   "C" ]')],
    ],
  ),
  table(H, 'print h3cell = geo_point_to_h3cell(300,1,8)', [['']]),
  table(H, 'print h3cell = geo_point_to_h3cell(1,1,16)', [['']]),
  table(H, 'print h3cell = geo_point_to_h3cell(1,1,int(null))', [['']]),
  table(HC, 'print h3cell = geo_h3cell_to_central_point("862a1072fffffff")', [
    [new DynamicText('{ "type": "Point", "coordinates": [-74.016008479792447, 40.7041679083504] }')],
  ]),
  table(HC, 'print longitude = geo_h3cell_to_central_point("862a1072fffffff").coordinates[0]', [
    [-74.0160084797924],
  ]),
  table(HC, 'print h3cell = geo_h3cell_to_central_point("1")', [[null]]),
  table(HP, 'print geo_h3cell_to_polygon("862a1072fffffff")', [[H3_862A1072]]),
  table(HP, 'print geo_h3cell_to_polygon("@")', [[null]]),
  table(HCH, "print children = geo_h3cell_children('862a1072fffffff')", [
    [
      new DynamicText(
        '[ "872a10728ffffff", "872a10729ffffff", "872a1072affffff", "872a1072bffffff", "872a1072cffffff", "872a1072dffffff", "872a1072effffff" ]',
      ),
    ],
  ]),
  table(
    HCH,
    "let h3_cell = '862a1072fffffff'; \nprint children_count = array_length(geo_h3cell_children(h3_cell, geo_h3cell_level(h3_cell) + 3))",
    [[343]],
  ),
  table(HCH, "print is_null = isnull(geo_h3cell_children('abc'))", [[true]]),
  table(HCH, 'print is_null = isnull(geo_h3cell_children(geo_point_to_h3cell(1, 1, 9), 15))', [[true]]),
  table(HPA, "print parent_cell = geo_h3cell_parent('862a1072fffffff')", [['852a1073fffffff']]),
  table(HPA, "print parent_cell = geo_h3cell_parent('862a1072fffffff', 1)", [['812a3ffffffffff']]),
  table(HPA, 'print parent_res = geo_h3cell_level(geo_h3cell_parent((geo_point_to_h3cell(1,1,10))))', [[9]]),
  table(HPA, 'print parent_res = geo_h3cell_level(geo_h3cell_parent(geo_point_to_h3cell(1,1,10), 3))', [[3]]),
  table(HPA, "print invalid = isempty(geo_h3cell_parent('123'))", [[true]]),
  table(HPA, "print invalid = isempty(geo_h3cell_parent('862a1072fffffff', 100))", [[true]]),
  table(HPA, "print invalid = isempty(geo_h3cell_parent('862a1072fffffff', 15))", [[true]]),
  table(HL, "print cell_res = geo_h3cell_level('862a1072fffffff')", [[6]]),
  table(HL, 'print cell_res = geo_h3cell_level(geo_point_to_h3cell(1,1,10))', [[10]]),
  table(HL, "print invalid_res = isnull(geo_h3cell_level('abc'))", [[true]]),
  table(HN, "print neighbors = geo_h3cell_neighbors('862a1072fffffff')", [
    [
      new DynamicText(
        '["862a10727ffffff","862a10707ffffff","862a1070fffffff","862a10777ffffff","862a100dfffffff","862a100d7ffffff"]',
      ),
    ],
  ]),
  table(
    HN,
    "let h3cell = '862a1072fffffff';\nprint cells = array_concat(pack_array(h3cell), geo_h3cell_neighbors(h3cell))",
    [
      [
        new DynamicText(
          '["862a1072fffffff","862a10727ffffff","862a10707ffffff","862a1070fffffff","862a10777ffffff","862a100dfffffff","862a100d7ffffff"]',
        ),
      ],
    ],
  ),
  table(HN, "print invalid = isnull(geo_h3cell_neighbors('abc'))", [[true]]),
  table(HR, "print rings = geo_h3cell_rings('861f8894fffffff', 2)", [
    [
      new DynamicText(
        '[  ["861f8894fffffff"],  ["861f88947ffffff","861f8895fffffff","861f88867ffffff","861f8d497ffffff","861f8d4b7ffffff","861f8896fffffff"],  ["861f88967ffffff","861f88977ffffff","861f88957ffffff","861f8882fffffff","861f88877ffffff","861f88847ffffff","861f8886fffffff","861f8d49fffffff","861f8d487ffffff","861f8d4a7ffffff","861f8d59fffffff","861f8d597ffffff"]  ]',
      ),
    ],
  ]),
  table(HR, "print neighbors = geo_h3cell_rings('861f8894fffffff', 1)[1]", [
    [
      new DynamicText(
        '["861f88947ffffff", "861f8895fffffff", "861f88867ffffff", "861f8d497ffffff", "861f8d4b7ffffff","861f8896fffffff"]',
      ),
    ],
  ]),
  table(
    HR,
    "print rings = geo_h3cell_rings('861f8894fffffff', 1)\n| mv-apply rings on \n(\n  summarize cells = make_list(rings)\n)",
    [
      [
        new DynamicText(
          '["861f8894fffffff","861f88947ffffff","861f8895fffffff","861f88867ffffff","861f8d497ffffff","861f8d4b7ffffff","861f8896fffffff"]',
        ),
      ],
    ],
  ),
  table(HR, "print is_null = isnull(geo_h3cell_rings('abc', 3))", [[true]]),
  table(HR, "print is_null = isnull(geo_h3cell_rings('861f8894fffffff', 150))", [[true]]),

  table(S, 'print s2cell = geo_point_to_s2cell(-80.195829, 25.802215, 8)', [['88d9b']]),
  table(
    S,
    'datatable(location_id:string, longitude:real, latitude:real)\n[\n  "A", 10.1234, 53,\n  "B", 10.3579, 53,\n  "C", 10.6842, 53,\n]\n| summarize count = count(), locations = make_list(location_id) by s2cell = geo_point_to_s2cell(longitude, latitude, 8)',
    [
      ['47b1d', 2, new DynamicText('["A","B"]')],
      ['47ae3', 1, new DynamicText('["C"]')],
    ],
  ),
  table(S, 'print s2cell = geo_point_to_s2cell(300,1,8)', [['']]),
  table(S, 'print s2cell = geo_point_to_s2cell(1,1,35)', [['']]),
  table(S, 'print s2cell = geo_point_to_s2cell(1,1,int(null))', [['']]),
  table(
    SC,
    'print point = geo_s2cell_to_central_point("1234567")\n| extend coordinates = point.coordinates\n| extend longitude = coordinates[0], latitude = coordinates[1]',
    [
      [
        new DynamicText(
          '{   "type": "Point",   "coordinates": [     9.86830731850408,     27.468392925827604   ] }',
        ),
        new DynamicText('[   9.86830731850408,   27.468392925827604 ]'),
        9.86830731850408,
        27.4683929258276,
      ],
    ],
  ),
  table(SC, 'print point = geo_s2cell_to_central_point("a")', [[null]]),
  table(SP, 'print s2cellPolygon = geo_s2cell_to_polygon("89c259")', [[S2_89C259]]),
  table(SP, 'print s2cellPolygon = geo_s2cell_to_polygon("a")', [[null]]),
  table(SN, "print neighbors = geo_s2cell_neighbors('89c259')", [[S2_NEIGHBORS]]),
  table(SN, "print invalid = isnull(geo_s2cell_neighbors('a'))", [[true]]),

  table(
    PS,
    `${BIG_TRIANGLE}\nprint s2_cell_token_count = array_length(geo_polygon_to_s2cells(polygon, 5));`,
    [[286]],
  ),
  table(PS, `${BIG_TRIANGLE}\nprint geo_polygon_to_s2cells(polygon, 30);`, [[null]]),
  table(PS, `${BIG_TRIANGLE}\nprint isnull(geo_polygon_to_s2cells(polygon, 30));`, [[true]]),
  table(PH, `${MADRID}\nprint h3_cells = geo_polygon_to_h3cells(polygon)`, [
    [
      new DynamicText(
        '["86390cb57ffffff","86390cb0fffffff","86390ca27ffffff","86390cb87ffffff","86390cb07ffffff","86390ca2fffffff","86390ca37ffffff","86390cb17ffffff","86390cb1fffffff","86390cb8fffffff","86390cba7ffffff","86390ca07ffffff","86390cbafffffff"]',
      ),
    ],
  ]),
  table(
    PH,
    'let polygon = dynamic({"type":"Polygon","coordinates":[[[0,0],[1,1]]]});\nprint is_null = isnull(geo_polygon_to_h3cells(polygon))',
    [[true]],
  ),
  table(
    'geo-line-to-s2cells-function.md',
    'let radius = 500;\nlet tube_stations = datatable(tube_station_name:string, lng:real, lat: real)\n[\n    "St. James\' Park",        -0.13451078568013486, 51.49919145858172,\n     "London Bridge station", -0.08492752160134387, 51.504876316440914,\n     // more points\n];\nlet streets = datatable(street_name:string, line:dynamic)\n[\n    "Buckingham Palace", dynamic({"type":"LineString","coordinates":[[-0.1399656708283601,51.50190802248855],[-0.14088438832752104,51.50012082761452]]}),\n    "London Bridge",    dynamic({"type":"LineString","coordinates":[[-0.087152,51.509596],[-0.088340,51.506110]]}),\n    // more lines\n];\nlet join_level = 14;\nlet lines = materialize(streets | extend id = new_guid());\nlet res = \n    lines\n    | project id, covering = geo_line_to_s2cells(line, join_level, radius)\n    | mv-expand covering to typeof(string)\n    | join kind=inner hint.strategy=broadcast\n    (\n        tube_stations\n        | extend covering = geo_point_to_s2cell(lng, lat, join_level)\n    ) on covering;\nres | lookup lines on id\n| where geo_distance_point_to_line(lng, lat, line) <= radius\n| summarize count = count() by name = street_name',
    [
      ['Buckingham Palace', 1],
      ['London Bridge', 1],
    ],
  ),
  table(
    'geo-line-to-s2cells-function.md',
    'let line = dynamic({"type":"LineString","coordinates":[[[0,0],[0,0]]]});\nprint isnull(geo_line_to_s2cells(line))',
    [[true]],
  ),
];
