/**
 * The extension's settings as the server reads them (section `kqlHunting`). Declared once
 * here so that the client, the server and the command line agree on names and defaults.
 */
export type LintSeverity = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface KqlHuntingSettings {
  /** The schema environment for documents that do not pin one. */
  environment: 'defender' | 'sentinel';
  /** Glob patterns of custom schema files, relative to the workspace folder. */
  schemaFiles: string[];
  /** Severity overrides by diagnostic code; 'off' hides the diagnostic. */
  lints: Record<string, LintSeverity>;
  /** Milliseconds to wait after an edit before re-analysing, so bursts of keystrokes coalesce. */
  validationDelay: number;
}

export const DEFAULT_SETTINGS: KqlHuntingSettings = {
  environment: 'defender',
  schemaFiles: [],
  lints: {},
  validationDelay: 30,
};

/** Fills in defaults and drops values of the wrong type, so a broken settings file cannot crash the server. */
export function normalizeSettings(raw: unknown): KqlHuntingSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const env = r.environment === 'sentinel' || r.environment === 'defender' ? r.environment : DEFAULT_SETTINGS.environment;
  const schemaFiles = Array.isArray(r.schemaFiles) ? r.schemaFiles.filter((s): s is string => typeof s === 'string') : [];
  const lints: Record<string, LintSeverity> = {};
  if (r.lints && typeof r.lints === 'object') {
    for (const [code, sev] of Object.entries(r.lints as Record<string, unknown>)) {
      if (sev === 'error' || sev === 'warning' || sev === 'information' || sev === 'hint' || sev === 'off') lints[code] = sev;
    }
  }
  const delay = typeof r.validationDelay === 'number' && r.validationDelay >= 0 ? Math.min(r.validationDelay, 5000) : DEFAULT_SETTINGS.validationDelay;
  return { environment: env, schemaFiles, lints, validationDelay: delay };
}
