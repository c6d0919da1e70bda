/**
 * Places where Microsoft's engine repeats pure work that matters at our scale, each made to do it
 * once. Every one reaches into the engine's internals, so every one is defensive: when what it
 * expects is not there (a future engine version), it changes nothing and the engine runs as
 * shipped. Each has a test that compares answers with and without it.
 */
import { installAnalyzerWalkSharing } from './analyzerWalks';
import { installSharedColumnMaps } from './columnMaps';
import { installCompletionMemo } from './completionMemo';
import { installDatabaseIndex } from './databaseIndex';
import { installLazyGrammar } from './lazyGrammar';
import { installOperatorOverloadMemo } from './operatorOverloads';

export function installEngineTuning(engine: typeof Kusto.Language): void {
  installCompletionMemo(engine);
  installDatabaseIndex(engine);
  installLazyGrammar(engine);
  installAnalyzerWalkSharing(engine);
  installOperatorOverloadMemo(engine);
  installSharedColumnMaps(engine);
}
