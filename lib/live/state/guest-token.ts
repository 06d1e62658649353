import crypto from 'node:crypto';

// A guest's identity is a random token the server issues once; only its sha256 is stored, so a
// database leak does not let anyone act as a guest.

export function issueGuestToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(24).toString('base64url');
  return { token, hash: hashGuestToken(token) };
}

export function hashGuestToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
