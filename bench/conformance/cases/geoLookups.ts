import { table, type ConformanceCase } from '../caseTypes';

/**
 * geo_polygon_lookup and geo_line_lookup: each answer restates what its page prints. The pages
 * print rows in an order that is neither the input's nor any column's (a lookup's output has no
 * order), so each case orders by the location and the rows are listed in that order. The first
 * example of geo-polygon-lookup-plugin.md is left out: its output names a location its data
 * does not hold.
 */
const GP = 'geo-polygon-lookup-plugin.md';
const GL = 'geo-line-lookup-plugin.md';

const NEW_YORK = {
  type: 'Polygon',
  coordinates: [
    [
      [-73.97375470114766, 40.74300078124614],
      [-73.98653921014294, 40.75486501361894],
      [-73.99910622331991, 40.74112695466084],
      [-73.97375470114766, 40.74300078124614],
    ],
  ],
};
const PARIS = {
  type: 'Polygon',
  coordinates: [
    [
      [2.57564669886321, 48.769567764921334],
      [2.420098611499384, 49.05163394896812],
      [2.1016783119165723, 48.80113794475062],
      [2.57564669886321, 48.769567764921334],
    ],
  ],
};
const POLYGONS = `let polygons = datatable(polygon_name:string, polygon:dynamic)[
  "New York", dynamic(${JSON.stringify(NEW_YORK)}),
  "Paris", dynamic(${JSON.stringify(PARIS)})];
let locations = datatable(location_name:string, longitude:real, latitude:real)[
  "Empire State Building", -73.98567337898565, 40.74842629977377,
  "NY National Museum of Mathematics", -73.98778501496217, 40.743565232771545,
  "Eiffel Tower", 2.294489426068907, 48.858263476169185,
  "London", -0.13245599272019604, 51.49879464208368,
  "Statue of Liberty", -74.04462223203123, 40.689195627512674];
locations`;

const FIFTH_AVENUE = {
  type: 'LineString',
  coordinates: [
    [-73.97291864770574, 40.76428551254824],
    [-73.99708638113894, 40.73145135821781],
  ],
};
const PALACE_AVE = {
  type: 'LineString',
  coordinates: [
    [-0.18756982045002246, 51.50245944666557],
    [-0.18908519740253382, 51.50544952706903],
  ],
};
const ROADS = `let roads = datatable(road_name:string, road:dynamic)[
  "5th Avenue NY", dynamic(${JSON.stringify(FIFTH_AVENUE)}),
  "Palace Ave", dynamic(${JSON.stringify(PALACE_AVE)})];
let locations = datatable(location_name:string, longitude:real, latitude:real)[
  "Empire State Building", -73.98567337898565, 40.74842629977377,
  "Grand Central Terminal", -73.97713140725149, 40.752730320824895,
  "Statue of Liberty", -74.04462223203123, 40.689195627512674,
  "Kensington Palace", -0.1885272501232862, 51.504906159672316];
locations`;

const EMPIRE = ['Empire State Building', -73.9856733789857, 40.7484262997738];
const MUSEUM = ['NY National Museum of Mathematics', -73.9877850149622, 40.7435652327715];
const EIFFEL = ['Eiffel Tower', 2.29448942606891, 48.8582634761692];
const LONDON = ['London', -0.13245599272019604, 51.498794642083681];
const LIBERTY = ['Statue of Liberty', -74.04462223203123, 40.689195627512674];
const GRAND_CENTRAL = ['Grand Central Terminal', -73.97713140725149, 40.752730320824895];
const KENSINGTON = ['Kensington Palace', -0.188527250123286, 51.5049061596723];
const BY_NAME = '| order by location_name asc';

export const geoLookupCases: ConformanceCase[] = [
  table(
    GP,
    `${POLYGONS} | evaluate geo_polygon_lookup(polygons, polygon, longitude, latitude, return_unmatched = true, return_lookup_key = true) ${BY_NAME}`,
    [
      [...EIFFEL, 'Paris', PARIS],
      [...EMPIRE, 'New York', NEW_YORK],
      [...LONDON, '', null],
      [...MUSEUM, 'New York', NEW_YORK],
      [...LIBERTY, '', null],
    ],
  ),
  table(
    GP,
    `${POLYGONS} | evaluate geo_polygon_lookup(polygons, polygon, longitude, latitude, radius = 7000, return_unmatched = true, return_lookup_key = true) ${BY_NAME}`,
    [
      [...EIFFEL, 'Paris', PARIS],
      [...EMPIRE, 'New York', NEW_YORK],
      [...LONDON, '', null],
      [...MUSEUM, 'New York', NEW_YORK],
      [...LIBERTY, 'New York', NEW_YORK],
    ],
  ),
  table(
    GP,
    `${POLYGONS} | evaluate geo_polygon_lookup(polygons, polygon, longitude, latitude) | summarize count() by polygon_name | order by polygon_name asc`,
    [
      ['New York', 2],
      ['Paris', 1],
    ],
  ),
  table(
    GL,
    `${ROADS} | evaluate geo_line_lookup(roads, road, longitude, latitude, 100, return_lookup_key = true) ${BY_NAME}`,
    [
      [...EMPIRE, '5th Avenue NY', FIFTH_AVENUE],
      [...KENSINGTON, 'Palace Ave', PALACE_AVE],
    ],
  ),
  table(
    GL,
    `${ROADS} | evaluate geo_line_lookup(roads, road, longitude, latitude, 100, return_unmatched = true, return_lookup_key = true) ${BY_NAME}`,
    [
      [...EMPIRE, '5th Avenue NY', FIFTH_AVENUE],
      [...GRAND_CENTRAL, '', null],
      [...KENSINGTON, 'Palace Ave', PALACE_AVE],
      [...LIBERTY, '', null],
    ],
  ),
  table(
    GL,
    `${ROADS} | evaluate geo_line_lookup(roads, road, longitude, latitude, 350, return_unmatched = true, return_lookup_key = true) ${BY_NAME}`,
    [
      [...EMPIRE, '5th Avenue NY', FIFTH_AVENUE],
      [...GRAND_CENTRAL, '5th Avenue NY', FIFTH_AVENUE],
      [...KENSINGTON, 'Palace Ave', PALACE_AVE],
      [...LIBERTY, '', null],
    ],
  ),
  table(
    GL,
    `${ROADS} | evaluate geo_line_lookup(roads, road, longitude, latitude, 350) | summarize count() by road_name | order by road_name asc`,
    [
      ['5th Avenue NY', 2],
      ['Palace Ave', 1],
    ],
  ),
];
