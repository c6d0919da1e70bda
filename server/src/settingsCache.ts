import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, normalizeSettings, type KqlHuntingSettings } from './protocol/settings';

/**
 * Settings per document, fetched with workspace/configuration (scoped to the resource) and
 * cached until the client says they changed.
 */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<KqlHuntingSettings>>();
  private supported = false;
  private global: KqlHuntingSettings = DEFAULT_SETTINGS;

  constructor(private readonly connection: Connection) {}

  setClientSupportsConfiguration(supported: boolean): void {
    this.supported = supported;
  }

  /** Called on didChangeConfiguration; clients without pull support push the values instead. */
  invalidate(pushed?: unknown): void {
    this.cache.clear();
    if (!this.supported && pushed && typeof pushed === 'object') {
      this.global = normalizeSettings((pushed as Record<string, unknown>).kqlHunting);
    }
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  get(uri: string): Promise<KqlHuntingSettings> {
    if (!this.supported) return Promise.resolve(this.global);
    let s = this.cache.get(uri);
    if (!s) {
      s = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'kqlHunting' })
        .then(normalizeSettings, () => DEFAULT_SETTINGS);
      this.cache.set(uri, s);
    }
    return s;
  }
}
