import { activeUsersCount } from './activeUsersCount';
import { activityCountsMetrics } from './activityCountsMetrics';
import { activityMetrics } from './activityMetrics';
import { bagUnpack } from './bagUnpack';
import { dcountIntersect } from './dcountIntersect';
import { UnsupportedError } from './errors';
import { geoLookup } from './geo/geoLookup';
import { ipLookup } from './ipLookup';
import { narrow } from './narrow';
import { pivot } from './pivot';
import type { QueryContext } from './queryContext';
import { rollingPercentile } from './rollingPercentile';
import { rowsNear } from './rowsNear';
import { sequenceDetect } from './sequenceDetect';
import { slidingWindowCounts } from './slidingWindowCounts';
import type { Table } from './table';

type Plugin = (op: Kusto.Language.Syntax.EvaluateOperator, input: Table, ctx: QueryContext) => Table;

/**
 * The evaluate plugins the local executor runs, by name. A plugin lives in its own file and is
 * listed here, so adding one touches neither the executor nor the other plugins.
 */
const PLUGINS: Readonly<Record<string, Plugin>> = {
  active_users_count: activeUsersCount,
  activity_counts_metrics: activityCountsMetrics,
  activity_metrics: activityMetrics,
  bag_unpack: bagUnpack,
  dcount_intersect: dcountIntersect,
  geo_line_lookup: (op, input, ctx) => geoLookup('line', op, input, ctx),
  geo_polygon_lookup: (op, input, ctx) => geoLookup('polygon', op, input, ctx),
  ipv4_lookup: (op, input, ctx) => ipLookup('ipv4', op, input, ctx),
  ipv6_lookup: (op, input, ctx) => ipLookup('ipv6', op, input, ctx),
  narrow: (op, input) => narrow(op, input),
  pivot,
  rolling_percentile: rollingPercentile,
  rows_near: rowsNear,
  sequence_detect: sequenceDetect,
  sliding_window_counts: slidingWindowCounts,
};

/**
 * Why the plugins that reach outside the workspace are refused, so the message tells a hunter
 * they will not run here, rather than only that they do not yet.
 */
const OUTSIDE = 'it calls a service outside the workspace, which a local run never does';
const PLUGIN_REFUSALS: Readonly<Record<string, string>> = {
  ai_chat_completion: OUTSIDE,
  ai_chat_completion_prompt: OUTSIDE,
  ai_embeddings: OUTSIDE,
  azure_digital_twins_query_request: OUTSIDE,
  cosmosdb_sql_request: OUTSIDE,
  http_request: OUTSIDE,
  http_request_post: OUTSIDE,
  mysql_request: OUTSIDE,
  postgresql_request: OUTSIDE,
  sql_request: OUTSIDE,
  infer_storage_schema: OUTSIDE,
  infer_storage_schema_with_suggestions: OUTSIDE,
  schema_merge:
    'its page does not say how differing types reduce to a common one, nor how columns are ordered when order is not kept',
  activity_engagement:
    'its page does not say where the outer window lies against the inner one, and its examples draw random data',
  new_activity_metrics:
    'its page defines its cohorts in words and its examples draw random data, so its numbers cannot be checked',
  autocluster: 'it searches for segments with a heuristic its page describes but does not define',
  basket:
    'it mines frequent patterns with a heuristic whose thresholds and segment order its page does not define',
  diffpatterns: 'it contrasts patterns with a heuristic its page describes but does not define',
  diffpatterns_text: 'it contrasts text patterns with a heuristic its page describes but does not define',
  preview: 'it gives two tables, so it must be the last step of a query, where it runs',
  funnel_sequence:
    "its examples run on the help cluster's StormEvents and print only totals, which do not settle how steps at the same instant or at a window's edge count",
  funnel_sequence_completion:
    "its example runs on the help cluster's StormEvents and prints only totals, which do not settle how steps at the same instant or at a window's edge count",
  session_count:
    'its page defines a session only in words and shows its one example as a chart, so its counts cannot be checked',
  python: 'it runs Python code in the service sandbox, which a local run does not have',
  r: 'it runs R code in the service sandbox, which a local run does not have',
};

/** Runs `evaluate NAME(...)` over its input, or refuses the plugin by name. */
export function evaluatePlugin(
  op: Kusto.Language.Syntax.EvaluateOperator,
  input: Table,
  ctx: QueryContext,
): Table {
  const name = op.FunctionCall?.Name?.SimpleName ?? '';
  const plugin = PLUGINS[name];
  if (plugin) return plugin(op, input, ctx);
  throw new UnsupportedError(`the plugin ${name}() (evaluate ${name})`, PLUGIN_REFUSALS[name]);
}
