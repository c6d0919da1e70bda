import * as vscode from 'vscode';
import type { ExtensionContextState } from '../extensionState';
import { newRmmDetection } from './newRmmDetection';
import { addWorkspace } from './addWorkspace';
import { deployRule } from './deployRule';
import { convertQuery } from './convertQuery';
import { refreshSchema } from './refreshSchema';
import { cancelQuery, runQuery } from './runQuery';
import { selectWorkspace } from './selectWorkspace';
import { switchEnvironment } from './switchEnvironment';

/** Every command the extension contributes, registered from this one table. */
type CommandHandler = (state: ExtensionContextState, ...args: unknown[]) => unknown;

const COMMANDS: Record<string, CommandHandler> = {
  'kqlHunting.switchEnvironment': switchEnvironment,
  'kqlHunting.newRmmDetection': newRmmDetection,
  'kqlHunting.runQuery': runQuery,
  'kqlHunting.cancelQuery': cancelQuery,
  'kqlHunting.selectWorkspace': selectWorkspace,
  'kqlHunting.addWorkspace': addWorkspace,
  'kqlHunting.refreshSchema': refreshSchema,
  'kqlHunting.deployRule': deployRule,
  'kqlHunting.convertToSentinel': (state) => convertQuery(state, 'sentinel'),
  'kqlHunting.convertToDefender': (state) => convertQuery(state, 'defender'),
  'kqlHunting.showOutput': (state) => state.output.show(true),
  'kqlHunting.restartServer': async (state) => {
    await state.stop();
    await state.start();
  },
};

export function registerCommands(state: ExtensionContextState): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, handler]) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => handler(state, ...args)),
  );
}
