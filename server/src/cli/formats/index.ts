import { formatGithub } from './githubFormat';
import { formatJson } from './jsonFormat';
import type { Report } from './report';
import { formatSarif } from './sarifFormat';
import { formatText } from './textFormat';

/** The output formats of `--format`, by name; the first is the default. */
export const FORMATS = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
} as const satisfies Record<string, (report: Report) => string>;

export type FormatName = keyof typeof FORMATS;

export function isFormatName(value: string): value is FormatName {
  return Object.hasOwn(FORMATS, value);
}
