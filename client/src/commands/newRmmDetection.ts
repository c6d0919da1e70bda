import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ExtensionContextState } from '../extensionState';
import type { DetectionKind } from '../../../server/src/rmm/rmmLibrary';
import {
  RmmDetectionRequest,
  RmmToolsRequest,
  type RmmDetectionParams,
  type RmmToolSummary,
} from '../../../server/src/protocol/messages';

/** The quick-pick item that stands for every tool in the library. */
const ALL_TOOLS = '$(list-flat) All RMM tools';

const KINDS: { kind: DetectionKind; label: string }[] = [
  { kind: 'network', label: 'Network connection' },
  { kind: 'process', label: 'Process creation' },
  { kind: 'fileSignature', label: 'File signature' },
];

async function pickTools(tools: readonly RmmToolSummary[]): Promise<RmmToolSummary[] | undefined> {
  const items: (vscode.QuickPickItem & { tool?: RmmToolSummary })[] = [
    { label: ALL_TOOLS, description: `${tools.length} tools in one query, driven by a table of indicators` },
    ...tools.map((tool) => ({
      label: tool.name,
      description: tool.kinds.map((k) => KINDS.find((x) => x.kind === k)!.label.toLowerCase()).join(' · '),
      detail: tool.detail,
      tool,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'New RMM detection (1/3): tools',
    placeHolder: 'Which remote management tools should the detection find?',
    canPickMany: true,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked || picked.length === 0) return undefined;
  return picked.some((p) => p.label === ALL_TOOLS) ? [...tools] : picked.map((p) => p.tool!);
}

async function pickKinds(tools: readonly RmmToolSummary[]): Promise<DetectionKind[] | undefined> {
  const count = (k: DetectionKind) => tools.filter((t) => t.kinds.includes(k)).length;
  const items: (vscode.QuickPickItem & { kinds: DetectionKind[] })[] = [
    ...KINDS.filter(({ kind }) => count(kind) > 0).map(({ kind, label }) => ({
      label,
      description: `${count(kind)} of ${tools.length} tools`,
      kinds: [kind],
    })),
    {
      label: 'All kinds',
      description: 'network, process and file signature together',
      kinds: KINDS.map((k) => k.kind),
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'New RMM detection (2/3): what to look at',
  });
  return picked?.kinds;
}

async function pickOutput(): Promise<RmmDetectionParams['output'] | undefined> {
  const items: (vscode.QuickPickItem & { output: RmmDetectionParams['output'] })[] = [
    {
      label: 'Hunting query',
      description: 'a .kql query for Defender XDR advanced hunting',
      output: 'query',
    },
    { label: 'Sentinel analytic rule', description: 'a complete scheduled rule as YAML', output: 'rule' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'New RMM detection (3/3): output' });
  return picked?.output;
}

/** Command arguments that skip the questions, as a keybinding or another extension may pass them. */
function argumentsOf(value: unknown): RmmDetectionParams | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { toolIds, kinds, output } = value as Partial<RmmDetectionParams>;
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (!strings(toolIds) || !strings(kinds) || (output !== 'query' && output !== 'rule')) return undefined;
  return { toolIds, kinds: kinds as DetectionKind[], output };
}

/** How long the command waits for a server that is still starting, as on the extension's first use. */
const SERVER_START_WAIT_MS = 30000;

/**
 * The language client once it runs. The command is registered before the server has started
 * (activation by this very command starts it), so a first use waits for it, with progress shown.
 */
async function runningClient(state: ExtensionContextState): Promise<LanguageClient | undefined> {
  if (state.client?.isRunning()) return state.client;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'KQL Hunting: starting the language server' },
    async () => {
      const deadline = Date.now() + SERVER_START_WAIT_MS;
      while (Date.now() < deadline) {
        if (state.client?.isRunning()) return state.client;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return undefined;
    },
  );
}

/**
 * Asks for tools, kinds and output (unless given as arguments), then opens the generated query
 * or rule in a new untitled editor. The library and the generators live in the language
 * server, so any LSP client can offer the same command.
 */
export async function newRmmDetection(state: ExtensionContextState, args?: unknown): Promise<void> {
  const client = await runningClient(state);
  if (!client) {
    void vscode.window.showErrorMessage(
      'The KQL Hunting language server is not running; restart it and try again.',
    );
    return;
  }
  let params = argumentsOf(args);
  if (!params) {
    const tools = await pickTools(await client.sendRequest(RmmToolsRequest, {}));
    if (!tools) return;
    const kinds = await pickKinds(tools);
    if (!kinds) return;
    const output = await pickOutput();
    if (!output) return;
    params = { toolIds: tools.map((t) => t.id), kinds, output };
  }
  const result = await client.sendRequest(RmmDetectionRequest, params);
  if ('error' in result) {
    void vscode.window.showErrorMessage(result.error);
    return;
  }
  const document = await vscode.workspace.openTextDocument({
    language: result.languageId,
    content: result.text,
  });
  await vscode.window.showTextDocument(document);
  state.output.info(
    `new RMM ${params.output} for ${params.toolIds.length} tool(s): ${params.kinds.join(', ')}`,
  );
}
