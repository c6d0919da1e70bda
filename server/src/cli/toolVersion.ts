import packageJson from '../../../package.json';

/** The version kqlhunt reports, in --version and in SARIF: the extension's, as they ship together. */
export const TOOL_VERSION: string = packageJson.version;
