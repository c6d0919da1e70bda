import { StaticTokenCredential } from '../connectors/credentials';
import type { SealedToken } from '../protocol/queryRun';
import { TOKEN_KEY_ENV, unsealToken } from '../protocol/tokenSeal';

/**
 * The key that unseals the tokens the client sends (see tokenSeal.ts). It arrives in the
 * environment and is removed from it at once, so that processes this server might start do not
 * inherit it; every handler that takes a sealed token asks here.
 */
const tokenKey = process.env[TOKEN_KEY_ENV];
delete process.env[TOKEN_KEY_ENV];

/** A credential for a sealed token, or undefined when there is none or it does not unseal. */
export function credentialFrom(sealed: SealedToken | undefined): StaticTokenCredential | undefined {
  const plain = sealed && tokenKey ? unsealToken(sealed, tokenKey) : undefined;
  return plain && sealed ? new StaticTokenCredential(plain, sealed.expiresOnTimestamp) : undefined;
}
