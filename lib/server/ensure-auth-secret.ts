import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A session-signing secret kept under the data folder, so sign-ins survive restarts without configuration. */
export function ensureAuthSecret(dataDir: string): string {
  return ensureDataSecret(dataDir, 'auth-secret');
}

/**
 * A random secret kept in `dataDir/fileName` (mode 600): read when it exists, else created. Created
 * with O_EXCL, so two processes starting at once on one data folder still end up with one secret.
 */
export function ensureDataSecret(dataDir: string, fileName: string): string {
  const file = path.resolve(dataDir, fileName);
  if (fs.existsSync(file)) return readSecret(file);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString('base64url');
  try {
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readSecret(file);
    throw error;
  }
}

function readSecret(file: string): string {
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < 16) throw new Error(`${file} holds no secret (expected at least 16 characters); delete it to generate a new one`);
  return secret;
}
