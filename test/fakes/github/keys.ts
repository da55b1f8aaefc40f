import { generateKeyPairSync } from 'node:crypto';

/** A fresh RSA key pair like a GitHub App's: the private key as PKCS#1 PEM (what GitHub hands out), the public
 *  key as SPKI PEM (for the fake to verify App JWTs). */
export function generateAppKeyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}
