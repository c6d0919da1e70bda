import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SealedToken } from './queryRun';

/**
 * Access tokens travel from the extension to the language server inside LSP requests, and the
 * `kqlHunting.trace.server` setting writes every message to the output channel. So a token is
 * sealed with AES-256-GCM under a key that the extension makes at start and hands to the server
 * process in its environment (never in a message): a trace shows only ciphertext, and the
 * plain token lives in memory only.
 */

/** The environment variable that carries the key (hex) to the server process. */
export const TOKEN_KEY_ENV = 'KQL_HUNTING_TOKEN_KEY';

export type { SealedToken };

export function newTokenKey(): string {
  return randomBytes(32).toString('hex');
}

export function sealToken(token: string, expiresOnTimestamp: number, keyHex: string): SealedToken {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(keyHex, 'hex'), iv);
  const data = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    data: data.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    expiresOnTimestamp,
  };
}

/** The plain token, or undefined when the seal was made with another key or was tampered with. */
export function unsealToken(sealed: SealedToken, keyHex: string): string | undefined {
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      Buffer.from(keyHex, 'hex'),
      Buffer.from(sealed.iv, 'base64'),
    );
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return undefined;
  }
}
