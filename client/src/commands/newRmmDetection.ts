import * as vscode from 'vscode';
import type { ExtensionContextState } from '../extensionState';
import type { DetectionKind } from '../../../server/src/detections/rmmLibrary';
import { RmmDetectionRequest, RmmToolsRequest, type RmmDetectionParams, type RmmToolSummary } from '../../../server/src/protocol/messages';

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
    ...KINDS.filter(({ kind }) => count(kind) > 0).map(({ kind, label }) => ({ label, description: `${count(kind)} of ${tools.length} tools`, kinds: [kind] })),
    { label: 'All kinds', description: 'network, process and file signature together', kinds: KINDS.map((k) => k.kind) },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'New RMM detection (2/3): what to look at' });
  return picked?.kinds;
}

async function pickOutput(): Promise<RmmDetectionParams['output'] | undefined> {
  const items: (vscode.QuickPickItem & { output: RmmDetectionParams['output'] })[] = [
    { label: 'Hunting query', description: 'a .kql query for Defender XDR advanced hunting', output: 'query' },
    { label: 'Sentinel analytic rule', description: 'a complete scheduled rule as YAML', output: 'rule' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'New RMM detection (3/3): output' });
  return picked?.output;
}

/**
 * Asks for tools, kinds and output, then opens the generated query or rule in a new untitled
 * editor. The library and the generators live in the language server, so any LSP client can
 * offer the same command.
 */
export async function newRmmDetection(state: ExtensionContextState): Promise<void> {
  const client = state.client;
  if (!client?.isRunning()) {
    void vscode.window.showErrorMessage('The KQL Hunting language server is not running; restart it and try again.');
    return;
  }
  const tools = await pickTools(await client.sendRequest(RmmToolsRequest, {}));
  if (!tools) return;
  const kinds = await pickKinds(tools);
  if (!kinds) return;
  const output = await pickOutput();
  if (!output) return;
  const result = await client.sendRequest(RmmDetectionRequest, { toolIds: tools.map((t) => t.id), kinds, output });
  if ('error' in result) {
    void vscode.window.showErrorMessage(result.error);
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: result.languageId, content: result.text });
  await vscode.window.showTextDocument(document);
  state.output.info(`new RMM ${output} for ${tools.length} tool(s): ${kinds.join(', ')}`);
}
