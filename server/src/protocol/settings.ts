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
  /** Load a detection repository's own tables and parsers from its layout, with no other setting. */
  repositoryDiscovery: boolean;
  /** Severity overrides by diagnostic code; 'off' hides the diagnostic. */
  lints: Record<string, LintSeverity>;
  /** Milliseconds to wait after an edit before re-analysing, so bursts of keystrokes coalesce. */
  validationDelay: number;
  /** The formatter's style (section `kqlHunting.format`). */
  format: KqlFormatStyle;
  /** How much of a document's KQL is analysed (section `kqlHunting.limits`, language/inputLimits.ts). */
  limits: { maxDocumentSize: number; maxQueries: number };
  /** A `kqlhunt check --write-baseline` file and how the editor shows the findings it holds. */
  baseline: { file: string; display: BaselineDisplay };
}

/** Findings a baseline holds are drawn faded (`dim`), left out (`hide`) or shown as any other. */
export type BaselineDisplay = 'hide' | 'dim' | 'show';
const BASELINE_DISPLAYS: readonly BaselineDisplay[] = ['hide', 'dim', 'show'];

/** The Kusto formatter's main style choices. */
export interface KqlFormatStyle {
  /** Spaces per indentation level when the editor indents with spaces. */
  indentationSize: number;
  /** Where `|` goes: on a new line before every operator, as written, or by line length. */
  pipeOperatorStyle: 'newLine' | 'none' | 'smart';
  /** Where long expressions break over lines. */
  expressionStyle: 'newLine' | 'none' | 'smart';
  /** How parenthesised lists break over lines. */
  brackettingStyle: 'vertical' | 'diagonal' | 'none';
}

export const DEFAULT_SETTINGS: KqlHuntingSettings = {
  environment: 'defender',
  schemaFiles: [],
  repositoryDiscovery: true,
  lints: {},
  validationDelay: 0,
  format: {
    indentationSize: 4,
    pipeOperatorStyle: 'newLine',
    expressionStyle: 'smart',
    brackettingStyle: 'vertical',
  },
  limits: { maxDocumentSize: 500_000, maxQueries: 2_000 },
  baseline: { file: '', display: 'dim' },
};

/**
 * The most the input limits may be raised to (package.json declares the same maxima). The engine
 * takes about 15 s on a 2,000,000-character query and about 13 s on 5,000 small ones (measured,
 * see README), and its analysis blocks the server, so a settings file cannot raise them further.
 */
export const LIMIT_MAXIMA: KqlHuntingSettings['limits'] = { maxDocumentSize: 2_000_000, maxQueries: 5_000 };

function normalizeLimits(raw: unknown): KqlHuntingSettings['limits'] {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const within = (v: unknown, max: number, fallback: number) =>
    typeof v === 'number' && v >= 1 ? Math.min(Math.floor(v), max) : fallback;
  return {
    maxDocumentSize: within(
      r.maxDocumentSize,
      LIMIT_MAXIMA.maxDocumentSize,
      DEFAULT_SETTINGS.limits.maxDocumentSize,
    ),
    maxQueries: within(r.maxQueries, LIMIT_MAXIMA.maxQueries, DEFAULT_SETTINGS.limits.maxQueries),
  };
}

function normalizeBaseline(raw: unknown): KqlHuntingSettings['baseline'] {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    file: typeof r.file === 'string' ? r.file.trim() : '',
    display: BASELINE_DISPLAYS.includes(r.display as BaselineDisplay)
      ? (r.display as BaselineDisplay)
      : DEFAULT_SETTINGS.baseline.display,
  };
}

function normalizeFormat(raw: unknown): KqlFormatStyle {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_SETTINGS.format;
  const oneOf = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T =>
    allowed.includes(v as T) ? (v as T) : fallback;
  const placements = ['newLine', 'none', 'smart'] as const;
  return {
    indentationSize:
      typeof r.indentationSize === 'number' && r.indentationSize >= 1
        ? Math.min(Math.floor(r.indentationSize), 16)
        : d.indentationSize,
    pipeOperatorStyle: oneOf(r.pipeOperatorStyle, placements, d.pipeOperatorStyle),
    expressionStyle: oneOf(r.expressionStyle, placements, d.expressionStyle),
    brackettingStyle: oneOf(
      r.brackettingStyle,
      ['vertical', 'diagonal', 'none'] as const,
      d.brackettingStyle,
    ),
  };
}

/** Fills in defaults and drops values of the wrong type, so a broken settings file cannot crash the server. */
export function normalizeSettings(raw: unknown): KqlHuntingSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const env =
    r.environment === 'sentinel' || r.environment === 'defender'
      ? r.environment
      : DEFAULT_SETTINGS.environment;
  const schemaFiles = Array.isArray(r.schemaFiles)
    ? r.schemaFiles.filter((s): s is string => typeof s === 'string')
    : [];
  const lints: Record<string, LintSeverity> = {};
  if (r.lints && typeof r.lints === 'object') {
    for (const [code, sev] of Object.entries(r.lints as Record<string, unknown>)) {
      if (sev === 'error' || sev === 'warning' || sev === 'information' || sev === 'hint' || sev === 'off')
        lints[code] = sev;
    }
  }
  const delay =
    typeof r.validationDelay === 'number' && r.validationDelay >= 0
      ? Math.min(r.validationDelay, 5000)
      : DEFAULT_SETTINGS.validationDelay;
  return {
    environment: env,
    schemaFiles,
    repositoryDiscovery:
      typeof r.repositoryDiscovery === 'boolean'
        ? r.repositoryDiscovery
        : DEFAULT_SETTINGS.repositoryDiscovery,
    lints,
    validationDelay: delay,
    format: normalizeFormat(r.format),
    limits: normalizeLimits(r.limits),
    baseline: normalizeBaseline(r.baseline),
  };
}
