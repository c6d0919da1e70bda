import { armTemplateRegions } from './armTemplate';
import { parseDetectionJson } from './detectionRuleJson';
import { markdownKqlRegions } from './markdownFences';
import { wholeTextRegion, type KqlRegion } from './regions';
import { parseRuleYaml } from './ruleYaml';

/**
 * Which kind of file a document is, for finding its KQL. The language id decides when the
 * editor gives one we know; otherwise (the command line, other editors) the file extension.
 */
export type HostFormat = 'kql' | 'yaml' | 'markdown' | 'json' | 'other';

const BY_LANGUAGE: Record<string, HostFormat> = {
  kql: 'kql',
  kusto: 'kql',
  yaml: 'yaml',
  markdown: 'markdown',
  json: 'json',
  jsonc: 'json',
};
const BY_EXTENSION: [RegExp, HostFormat][] = [
  [/\.(kql|csl|kusto)$/i, 'kql'],
  [/\.ya?ml$/i, 'yaml'],
  [/\.(md|markdown)$/i, 'markdown'],
  [/\.jsonc?$/i, 'json'],
];

export interface RegionSource {
  readonly languageId: string;
  readonly uri: string;
  getText(): string;
}

export function hostFormatOf(document: Pick<RegionSource, 'languageId' | 'uri'>): HostFormat {
  const byLanguage = BY_LANGUAGE[document.languageId];
  if (byLanguage) return byLanguage;
  const path = document.uri.replace(/[?#].*$/, '');
  return BY_EXTENSION.find(([pattern]) => pattern.test(path))?.[1] ?? 'other';
}

/** The KQL regions of a document; none for a file that holds no KQL. */
export function regionsOfDocument(document: RegionSource): KqlRegion[] {
  const text = document.getText();
  switch (hostFormatOf(document)) {
    case 'kql':
      return [wholeTextRegion(text)];
    case 'yaml': {
      const region = parseRuleYaml(text)?.region;
      return region ? [region] : [];
    }
    case 'markdown':
      return markdownKqlRegions(text);
    case 'json': {
      const template = armTemplateRegions(text);
      if (template.length > 0) return template;
      const detection = parseDetectionJson(text);
      return detection ? [detection.region] : [];
    }
    default:
      return [];
  }
}

/** True for a YAML document that is a Sentinel rule or hunting query. */
export function isRuleDocument(document: RegionSource): boolean {
  return hostFormatOf(document) === 'yaml' && parseRuleYaml(document.getText()) !== undefined;
}

/** True for an ARM template holding at least one query. */
export function isArmTemplateWithQueries(document: RegionSource): boolean {
  return hostFormatOf(document) === 'json' && armTemplateRegions(document.getText()).length > 0;
}

/** True for a JSON document that is a Defender XDR custom detection (detectionRuleJson.ts). */
export function isDetectionRuleDocument(document: RegionSource): boolean {
  return hostFormatOf(document) === 'json' && parseDetectionJson(document.getText()) !== undefined;
}

/**
 * The environment a file's kind implies: Sentinel rules and ARM templates run in Log Analytics,
 * so they are checked against Sentinel's schema unless the file pins another; custom detections
 * run in Defender XDR advanced hunting.
 */
export function impliedEnvironment(document: RegionSource): 'sentinel' | 'defender' | undefined {
  if (isRuleDocument(document) || isArmTemplateWithQueries(document)) return 'sentinel';
  return isDetectionRuleDocument(document) ? 'defender' : undefined;
}
