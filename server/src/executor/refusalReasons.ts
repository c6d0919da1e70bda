/**
 * Why the functions the local executor does not run are refused, so the message tells a hunter
 * whether to expect them here one day: most ask the service for something a folder of files does
 * not have (a signed-in principal, storage extents, ingestion cursors), or follow rules their
 * pages do not publish.
 */
const ENVIRONMENT = 'it asks the service for its own state, which a local workspace does not have';

export const REFUSAL_REASONS: Readonly<Record<string, string>> = {
  current_principal: `${ENVIRONMENT}: the principal that signed in`,
  current_principal_details: `${ENVIRONMENT}: the principal that signed in`,
  current_principal_is_member_of: `${ENVIRONMENT}: the groups of the principal that signed in`,
  current_cluster_endpoint: `${ENVIRONMENT}: the cluster's address`,
  current_database: `${ENVIRONMENT}: the database's name`,
  extent_id: `${ENVIRONMENT}: the storage extent that holds each row`,
  extent_tags: `${ENVIRONMENT}: the tags of the storage extent that holds each row`,
  cursor_current: `${ENVIRONMENT}: the database's ingestion cursor`,
  cursor_after: `${ENVIRONMENT}: the database's ingestion cursor`,
  cursor_before_or_at: `${ENVIRONMENT}: the database's ingestion cursor`,
  parse_user_agent:
    'its page says it matches a large set of predefined patterns, which it does not publish, so its answers cannot be reproduced',
  geo_info_from_ip_address:
    'it looks addresses up in a geolocation database that the service holds and the page does not name',
};

/** Why the query operators the local executor does not run are refused, by their first keyword. */
export const OPERATOR_REFUSALS: Readonly<Record<string, string>> = {
  reduce: 'it groups strings by patterns of its own finding, which its page describes but does not define',
  'top-hitters':
    'its counts come from a Count-Min sketch whose parameters its page does not give, so exact counts could differ from its answers',
  'make-graph': 'graphs are not built by the local executor',
  'graph-match': 'graphs are not built by the local executor',
  'graph-shortest-paths': 'graphs are not built by the local executor',
  'graph-to-table': 'graphs are not built by the local executor',
  'graph-mark-components': 'graphs are not built by the local executor',
  'macro-expand': 'it reads entity groups that the service defines',
};
