import type { SealedToken } from './queryRun';
import type { WorkspaceConfig } from './workspaces';

/**
 * The editor's *Deploy Rule…* command, run by the language server with the same code as
 * `kqlhunt deploy FILE --to WORKSPACE`: first as a dry run whose plan the user confirms, then
 * for real. The file is read from disk, so the client saves it first.
 */
export interface DeployRuleParams {
  /** A `file:` URI of a Sentinel rule YAML or a `*.detection.json` file. */
  uri: string;
  /** A Log Analytics workspace (its Sentinel analytic rules) or a Defender workspace (its custom detections). */
  workspace: WorkspaceConfig;
  dryRun: boolean;
  /** From VS Code's Microsoft sign-in; DefaultAzureCredential is used when absent. */
  token?: SealedToken;
}

export interface DeployRuleResult {
  /** As `kqlhunt deploy`: 0 deployed or unchanged, 1 refused or failed, 2 not deployable. */
  exitCode: number;
  /** The plan and what was done, as the command line prints it. */
  output: string;
  /** Problems, one per line. */
  errors: string;
}
