import { ExecutionError, UnsupportedError } from '../errors';
import { lookupJoin } from '../lookupJoin';
import { pluginArguments } from '../pluginArguments';
import type { QueryContext } from '../queryContext';
import { constantValue } from '../scope';
import { kindName, type Expr } from '../syntax';
import { columnIndex, type Table } from '../table';
import type { Row } from '../values';
import { distancePointToLine, distancePointToPolygon, pointInPolygon } from './measureFunctions';

/**
 * evaluate geo_polygon_lookup(LookupTable, LookupPolygonKey, SourceLongitude, SourceLatitude
 * [, radius] [, return_unmatched] [, lookup_area_radius] [, return_lookup_key]) and
 * evaluate geo_line_lookup(LookupTable, LookupLineKey, SourceLongitude, SourceLatitude, Radius
 * [, ...the same options]) (geo-polygon-lookup-plugin.md, geo-line-lookup-plugin.md).
 *
 * Each input row is joined with every lookup row whose shape it matches, as lookup joins. The
 * pages define the match by the scalar functions, which this reuses so both agree to the last
 * digit: a point is in a polygon as geo_point_in_polygon() says, or, with a radius, when
 * geo_distance_point_to_polygon() is within it; a point matches a line when
 * geo_distance_point_to_line() is within the radius. lookup_area_radius "doesn't affect query
 * correctness", so it is read and not used. The columns are the binder's.
 */
const OPTIONS = ['radius', 'return_unmatched', 'lookup_area_radius', 'return_lookup_key'];

type Kind = 'polygon' | 'line';
type Measure = (lng: unknown, lat: unknown, shape: unknown) => unknown;

const MATCHERS: Record<Kind, { inside?: Measure; distance: Measure }> = {
  polygon: { inside: pointInPolygon, distance: distancePointToPolygon },
  line: { distance: distancePointToLine },
};

export function geoLookup(
  kind: Kind,
  op: Kusto.Language.Syntax.EvaluateOperator,
  input: Table,
  ctx: QueryContext,
): Table {
  const plugin = `geo_${kind}_lookup`;
  const [tableExpr, keyExpr, lngExpr, latExpr, ...options] = pluginArguments(op, plugin, [
    'lookuptable',
    'lookupkey',
    'sourcelongitude',
    'sourcelatitude',
    ...OPTIONS,
  ]);
  const constant = (e: Expr | undefined) => (e === undefined ? null : constantValue(e, ctx));
  const [radiusValue, unmatchedValue] = options.map(constant);
  const radius = radiusValue === null ? undefined : radiusValue;
  if (radius !== undefined && (typeof radius !== 'number' || !(radius >= 0)))
    throw new ExecutionError(`${plugin}(): the radius must be a number of meters, zero or more`);
  if (kind === 'line' && radius === undefined)
    throw new ExecutionError(`${plugin}(): the radius is required`);
  const returnUnmatched = unmatchedValue === true;

  const name = (e: Expr | undefined, what: string) => {
    if (!e || kindName(e) !== 'NameReference')
      throw new UnsupportedError(`${plugin}() with a ${what} that is not a column`);
    return (e as Kusto.Language.Syntax.NameReference).SimpleName!;
  };
  const lookupTable = ctx.evalTable(tableExpr!);
  const inIndex = columnIndex(input.columns);
  const lkIndex = columnIndex(lookupTable.columns);
  const at = (index: Map<string, number>, column: string, where: string) => {
    const i = index.get(column);
    if (i === undefined) throw new ExecutionError(`${plugin}: no column '${column}' in the ${where}`);
    return i;
  };
  const key = at(lkIndex, name(keyExpr, 'lookup key'), 'lookup table');
  const lng = at(inIndex, name(lngExpr, 'longitude'), 'input');
  const lat = at(inIndex, name(latExpr, 'latitude'), 'input');

  const { inside, distance } = MATCHERS[kind];
  const matches = (r: Row, shape: unknown): boolean => {
    if (radius === undefined) return inside!(r[lng], r[lat], shape) === true;
    const d = distance(r[lng], r[lat], shape);
    return typeof d === 'number' && d <= radius;
  };

  return lookupJoin(plugin, op, input, lookupTable, (r, l) => matches(r, l[key]), returnUnmatched);
}
