/**
 * Polygon validation benchmark (issue 16): a table of rows that each hold their own polygon of n
 * vertices (as a column read from data would), checked by geo_point_in_polygon. Every row's
 * polygon is a new value, so each is validated: its rings must not cross or repeat a vertex.
 *
 * Run: npx tsc -p . && node out/bench/geoPolygons.bench.js [vertices...]
 */
import { executeQuery } from '../server/src/executor/executor';
import { createWorkspace } from '../server/src/executor/workspace';

const ROWS = 5;

/** A closed ring of n vertices on a circle of 5 degrees around (10, 20), turned a little per row. */
function ring(n: number, turn: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n + turn;
    out.push([10 + 5 * Math.cos(t), 20 + 5 * Math.sin(t)]);
  }
  return [...out, out[0]];
}

function measure(vertices: number, print = true): void {
  const rows = Array.from({ length: ROWS }, (_, r) => ({
    polygon: { type: 'Polygon', coordinates: [ring(vertices, r / 1000)] },
  }));
  const workspace = createWorkspace({
    name: 'bench',
    tables: { Shapes: rows },
    columnTypes: { Shapes: { polygon: 'dynamic' } },
  });
  const started = process.hrtime.bigint();
  const result = executeQuery('Shapes | where geo_point_in_polygon(10, 20, polygon) | count', {
    workspace,
    now: '2025-03-14T12:00:00Z',
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const inside = result.tables[0].rows[0][0];
  if (print) console.log(`${vertices} vertices x ${ROWS} rows: ${ms.toFixed(0)} ms (${inside} rows inside)`);
}

const sizes = process.argv.slice(2).map(Number);
// The first query pays for loading the binder; measure it apart from the figures.
measure(10, false);
for (const n of sizes.length ? sizes : [1000, 4000, 16000, 64000]) measure(n);
