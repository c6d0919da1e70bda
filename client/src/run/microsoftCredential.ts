import * as vscode from 'vscode';

/**
 * VS Code's Microsoft account as a TokenCredential (the @azure/core-auth shape, written out here
 * because the extension does not load the Azure SDK). A tenant is asked for with VS Code's
 * `VSCODE_TENANT:` scope convention. The token is handed on, never stored or logged.
 */
export interface AccessTokenLike {
  token: string;
  expiresOnTimestamp: number;
}

/** VS Code does not tell a session's expiry; tokens last an hour at least, so this is safe. */
const ASSUMED_LIFETIME_MS = 45 * 60_000;

export class VsCodeMicrosoftCredential {
  constructor(private readonly tenantId?: string) {}

  async getToken(scopes: string | string[]): Promise<AccessTokenLike | null> {
    const list = Array.isArray(scopes) ? [...scopes] : [scopes];
    if (this.tenantId) list.push(`VSCODE_TENANT:${this.tenantId}`);
    const session = await vscode.authentication.getSession('microsoft', list, { createIfNone: true });
    return session
      ? { token: session.accessToken, expiresOnTimestamp: Date.now() + ASSUMED_LIFETIME_MS }
      : null;
  }
}
