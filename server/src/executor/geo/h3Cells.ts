import {
  cellToBoundary,
  cellToChildren,
  cellToLatLng,
  cellToParent,
  getResolution,
  gridDiskDistances,
  isValidCell,
  latLngToCell,
} from 'h3-js';
import type { FunctionCall, ScalarFunction } from '../scalarFunctions';
import { cellPolygon, geoJsonPoint, levelArg, pointArgs, tokenArg } from './cellArgs';

/**
 * H3 cells (geo-point-to-h3cell and geo-h3cell-* pages), computed by Uber's own H3 library
 * (h3-js), whose tokens, boundaries and ring orders are the ones the pages print.
 */

const MAX_RESOLUTION = 15;
/** The children page: "A difference between cell resolution and its children can't be more than 5". */
const MAX_CHILD_DEPTH = 5;
/** The rings page: "Valid distance is in range [0, 142]". */
const MAX_RING_DISTANCE = 142;

/** A cell as the point-to-cell function writes it: 15 lower-case hexadecimal digits. */
const isCanonical = (t: string): boolean => /^[0-9a-f]{15}$/.test(t) && isValidCell(t);
/** The same cell spelled otherwise (upper case, leading zeros), which h3-js would also read. */
const isOtherSpelling = (t: string): boolean => /^[0-9a-fA-F]{1,16}$/.test(t) && isValidCell(t.toLowerCase());

const cellArg = (c: FunctionCall, fn: string): string | null =>
  tokenArg(c, 0, fn, isCanonical, isOtherSpelling);

function pointToCell(c: FunctionCall): string {
  const point = pointArgs(c);
  const resolution = levelArg(c, 2, 0, MAX_RESOLUTION, 6);
  return point === null || resolution === null ? '' : latLngToCell(point[1], point[0], resolution);
}

function centralPoint(c: FunctionCall): unknown {
  const cell = cellArg(c, 'geo_h3cell_to_central_point');
  if (cell === null) return null;
  const [lat, lng] = cellToLatLng(cell);
  return geoJsonPoint(lng, lat);
}

function polygon(c: FunctionCall): unknown {
  const cell = cellArg(c, 'geo_h3cell_to_polygon');
  // The boundary as GeoJSON: longitude first (cellPolygon repeats the first vertex at the end).
  if (cell === null) return null;
  const ring = cellToBoundary(cell, true).slice(0, -1) as [number, number][];
  return cellPolygon('geo_h3cell_to_polygon', ring);
}

function children(c: FunctionCall): unknown {
  const cell = cellArg(c, 'geo_h3cell_children');
  if (cell === null) return null;
  const level = getResolution(cell);
  const resolution = levelArg(c, 1, 1, MAX_RESOLUTION, level + 1);
  if (resolution === null || resolution > MAX_RESOLUTION || resolution < level) return null;
  if (resolution - level > MAX_CHILD_DEPTH) return null;
  return cellToChildren(cell, resolution);
}

function parent(c: FunctionCall): string {
  const cell = cellArg(c, 'geo_h3cell_parent');
  if (cell === null) return '';
  const level = getResolution(cell);
  const resolution = levelArg(c, 1, 0, MAX_RESOLUTION - 1, level - 1);
  if (resolution === null || resolution < 0 || resolution > level) return '';
  return cellToParent(cell, resolution);
}

function level(c: FunctionCall): number | null {
  const cell = cellArg(c, 'geo_h3cell_level');
  return cell === null ? null : getResolution(cell);
}

/** The cells at each grid distance 0..k, in the order the rings page prints them. */
function ringsOf(cell: string, k: number): string[][] {
  return gridDiskDistances(cell, k);
}

function neighbors(c: FunctionCall): unknown {
  const cell = cellArg(c, 'geo_h3cell_neighbors');
  return cell === null ? null : ringsOf(cell, 1)[1];
}

function rings(c: FunctionCall): unknown {
  const cell = cellArg(c, 'geo_h3cell_rings');
  if (cell === null || c.args.length < 2) return null;
  const distance = levelArg(c, 1, 0, MAX_RING_DISTANCE, 0);
  return distance === null ? null : ringsOf(cell, distance);
}

export const H3_CELL_FUNCTIONS: Record<string, ScalarFunction> = {
  geo_point_to_h3cell: pointToCell,
  geo_h3cell_to_central_point: centralPoint,
  geo_h3cell_to_polygon: polygon,
  geo_h3cell_children: children,
  geo_h3cell_parent: parent,
  geo_h3cell_level: level,
  geo_h3cell_neighbors: neighbors,
  geo_h3cell_rings: rings,
};
