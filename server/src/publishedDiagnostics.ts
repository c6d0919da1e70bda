import type { Diagnostic } from 'vscode-languageserver/node';

/**
 * What was last published for each document, so that a validation that finds exactly what the
 * client already shows for the same version sends nothing. Re-validations come from many places
 * (settings, the active workspace, schema files, rule ids, an open that is also announced as a
 * change), and without this the client got the same list again each time.
 */
export class PublishedDiagnostics {
  private readonly last = new Map<string, { version: number | undefined; text: string }>();

  /** True when these diagnostics differ from the last ones sent for this document version; remembers them. */
  changed(uri: string, version: number | undefined, diagnostics: readonly Diagnostic[]): boolean {
    const text = JSON.stringify(diagnostics);
    const previous = this.last.get(uri);
    if (previous && previous.version === version && previous.text === text) return false;
    this.last.set(uri, { version, text });
    return true;
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
