import { RequestTracker } from './handlerGuard';
import { DocumentWorkspaces } from './handlers/documentWorkspace';
import { getLanguageService, type KqlLanguageService } from './service/languageService';
import { closestNames } from './schema/nameSuggestions';
import { CatalogueSchemaProvider } from './schema/schemaProvider';
import { WorkspaceCiSkips } from './workspaceCiSkips';
import { WorkspaceRuleIds } from './workspaceRuleIds';

/**
 * Every part of the server that holds state, made in one place. The handler modules hold none of
 * their own: they are given these through the ServerContext, so two servers (or two tests) made in
 * one process never share a catalogue, an id index or a request count.
 */
export interface ServerParts {
  /** The table and function catalogue, with custom schema files and live schemas laid over it. */
  readonly schemas: CatalogueSchemaProvider;
  /** Which rule file declares which id, for the duplicate-id check. */
  readonly ruleIds: WorkspaceRuleIds;
  /** The CI skip lists of each workspace folder that is a detection repository. */
  readonly ciSkips: WorkspaceCiSkips;
  /** Which workspace each document runs on, and so whose live schema it is checked against. */
  readonly documentWorkspaces: DocumentWorkspaces;
  /** Requests being answered, so that idle-time work waits for a quiet moment. */
  readonly requests: RequestTracker;
  readonly service: KqlLanguageService;
}

export function createServerParts(): ServerParts {
  const schemas = new CatalogueSchemaProvider();
  const ruleIds = new WorkspaceRuleIds();
  const ciSkips = new WorkspaceCiSkips();
  const documentWorkspaces = new DocumentWorkspaces();
  const service = getLanguageService({
    schemas,
    closestNames,
    ruleIds,
    ciSkipsOf: (d) => ciSkips.of(d.uri),
    liveWorkspaceOf: (d) => documentWorkspaces.of(d),
  });
  return { schemas, ruleIds, ciSkips, documentWorkspaces, requests: new RequestTracker(), service };
}
