/** A throwaway RS256 key pair per test process, and tokens signed with it. */
import { generateKeyPairSync } from 'node:crypto';
import type { TokenSettings } from '../../lib/auth/keys';
import { signToken, type TokenRequest } from '../../lib/auth/tokens';

/** One configured key: no `kid`, so tokens signed here verify wherever this key is the verifying key. */
type OneKeySettings = TokenSettings & { verifyKey: string; signKey: string };

let cached: OneKeySettings | undefined;

export function testTokenSettings(): OneKeySettings {
  if (!cached) {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    cached = { algorithm: 'RS256', verifyKey: publicKey, signKey: privateKey, issuer: 'xietong-test', audience: 'xietong' };
  }
  return cached;
}

export function testToken(req: Partial<TokenRequest> & Pick<TokenRequest, 'dept'>): string {
  return signToken(testTokenSettings(), { sub: `test-${req.dept}`, ...req });
}

export function bearer(req: Partial<TokenRequest> & Pick<TokenRequest, 'dept'>): string {
  return `Bearer ${testToken(req)}`;
}
