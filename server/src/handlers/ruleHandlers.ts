import { fileURLToPath } from 'node:url';
import { parseRuleYaml } from '../documents/ruleYaml';
import { isRuleDocument } from '../documents/documentRegions';
import { ruleIdOf } from '../rules/ruleChecks';
import type { HandlerModule } from './handlerModule';

/**
 * The workspace-wide part of the rule checks: the index of rule ids that the duplicate-id check
 * reads. The language service is given the index (ctx.parts.ruleIds) at construction; this module
 * fills it from the workspace folders once the client is initialized, and from open documents as
 * they change, re-checking open documents when an id starts or stops being shared.
 */

export const ruleHandlers: HandlerModule = {
  name: 'rules',
  capabilities: () => ({}),
  register(ctx) {
    const workspaceRuleIds = ctx.parts.ruleIds;
    let scan: Promise<void> | undefined;
    const scanWorkspace = () => {
      scan ??= (async () => {
        const folders = await ctx.connection.workspace.getWorkspaceFolders().catch(() => null);
        for (const folder of folders ?? []) {
          if (folder.uri.startsWith('file:')) await workspaceRuleIds.scanFolder(fileURLToPath(folder.uri));
        }
        // Open documents know better than the disk.
        for (const document of ctx.documents.all()) track(document.uri);
        if (workspaceRuleIds.duplicatedIds().size > 0) ctx.revalidateAll();
      })().catch((e) =>
        ctx.connection.console.error(`rule id scan failed: ${e instanceof Error ? e.message : String(e)}`),
      );
    };
    const track = (uri: string): boolean => {
      const document = ctx.documents.get(uri);
      if (!document || !isRuleDocument(document)) return false;
      const rule = parseRuleYaml(document.getText());
      return workspaceRuleIds.set(uri, rule ? ruleIdOf(rule) : undefined);
    };
    const onEdit = (uri: string) => {
      const before = workspaceRuleIds.duplicatedIds();
      if (!track(uri)) return;
      const after = workspaceRuleIds.duplicatedIds();
      const changed = [...before].some((id) => !after.has(id)) || [...after].some((id) => !before.has(id));
      if (changed) ctx.revalidateAll();
    };
    ctx.documents.onDidOpen((e) => {
      onEdit(e.document.uri);
      scanWorkspace();
    });
    ctx.documents.onDidChangeContent((e) => onEdit(e.document.uri));
  },
};
