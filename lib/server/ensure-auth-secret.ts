import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A session-signing secret kept under the data folder, so sign-ins survive restarts without configuration. */
export function ensureAuthSecret(dataDir: string): string {
  const file = path.resolve(dataDir, 'auth-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
