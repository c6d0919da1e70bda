import validConnectorIds from './data/validConnectorIds.json';

/**
 * The data connector ids Sentinel's CI accepts in analytic rules, and the date of that list
 * (data/validConnectorIds.json). Newer connectors exist, so an id missing here is a warning that
 * asks to check the spelling, not an error.
 */
export const KNOWN_CONNECTOR_IDS: ReadonlySet<string> = new Set(validConnectorIds.ids);

export const CONNECTOR_IDS_AS_OF: string = validConnectorIds.asOf;
