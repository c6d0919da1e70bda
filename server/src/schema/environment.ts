import { ENVIRONMENT_IDS, type EnvironmentId } from './types';

/** A comment such as `// kql-environment: sentinel` on the first line pins a file's environment. */
const PIN = /^\s*\/\/\s*kql-environment\s*:\s*([A-Za-z]+)/;

export function environmentPin(text: string): EnvironmentId | undefined {
  const firstLine = text.slice(0, Math.min(text.length, 200)).split(/\r?\n/, 1)[0];
  const match = PIN.exec(firstLine);
  const value = match?.[1].toLowerCase();
  return ENVIRONMENT_IDS.find((id) => id === value);
}

export function isEnvironmentId(value: unknown): value is EnvironmentId {
  return typeof value === 'string' && (ENVIRONMENT_IDS as readonly string[]).includes(value);
}
