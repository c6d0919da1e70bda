import type { AccessToken, TokenCredential } from '@azure/core-auth';

/**
 * Credentials for the connectors. The extension signs in through VS Code's Microsoft account and
 * passes a token per run, which becomes a StaticTokenCredential here; the command line (and the
 * extension when the user prefers it) uses DefaultAzureCredential: environment variables,
 * workload or managed identity, then the Azure CLI and Azure Developer CLI logins.
 */
export class StaticTokenCredential implements TokenCredential {
  constructor(
    private readonly token: string,
    private readonly expiresOnTimestamp: number,
  ) {}

  async getToken(): Promise<AccessToken> {
    return { token: this.token, expiresOnTimestamp: this.expiresOnTimestamp };
  }
}

/** DefaultAzureCredential, loaded on first use so that the language server starts without it. */
export async function defaultAzureCredential(tenantId?: string): Promise<TokenCredential> {
  const { DefaultAzureCredential } = await import('@azure/identity');
  return new DefaultAzureCredential(tenantId ? { tenantId } : {});
}
