/// <reference path="../../../node_modules/@kusto/language-service-next/Kusto.Language.Bridge.d.ts" />
/**
 * Loads Microsoft's Kusto.Language engine once per process.
 *
 * The package ships as two scripts that define globals (`Bridge`, `System`, `Kusto`) rather
 * than as a module, so it is required for its side effect and then read off the global object.
 * Loading costs about a quarter of a second, so it happens lazily, on first use.
 */

import { installColumnIfExistsTyping } from './engineCorrections/columnIfExists';
import { installEngineTuning } from './engineTuning';

export type KustoLanguage = typeof Kusto.Language;

let engine: KustoLanguage | undefined;

export function kusto(): KustoLanguage {
  if (!engine) {
    require('@kusto/language-service-next/bridge.min.js');
    require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
    engine = (globalThis as unknown as { Kusto: { Language: KustoLanguage } }).Kusto.Language;
    installEngineTuning(engine);
    installColumnIfExistsTyping(engine);
  }
  return engine;
}

// Its many users import the list helper from here; the engine tuning imports it from engineLists.
export { toArray } from './engineLists';
