import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedOf } from '@/engine/exercises';
import { setBootEnv } from '@/lib/config';
import { ensureSeedSecret, examOrderKey, keyedSeed, seedForExam, seedForLive, seedForStudent } from '@/lib/exercises/keyed-seeds';

const saved = { SEED_SECRET: process.env.SEED_SECRET, DATA_DIR: process.env.DATA_DIR };
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  setBootEnv({});
});

function useSecret(secret: string): void {
  process.env.SEED_SECRET = secret;
  setBootEnv({});
}

/** The documented construction, written out with node:crypto: HMAC-SHA-256, first 4 bytes, big-endian. */
function hmac32(secret: string, message: string): number {
  return crypto.createHmac('sha256', secret).update(message).digest().readUInt32BE(0);
}

describe('keyed seeds', () => {
  it('are the first 32 bits of HMAC-SHA-256 of the tuple under SEED_SECRET', () => {
    useSecret('a-test-secret-of-enough-length');
    expect(seedForStudent('user-42', 'comp-graph', 3)).toBe(hmac32('a-test-secret-of-enough-length', 'student\u001fuser-42\u001fcomp-graph\u001f3'));
    expect(seedForLive('session-7', 2, 'participant-1')).toBe(hmac32('a-test-secret-of-enough-length', 'live\u001fsession-7\u001f2\u001fparticipant-1'));
    expect(keyedSeed('k'.repeat(16), ['a', 'b'])).toBe(hmac32('k'.repeat(16), 'a\u001fb'));
    expect(seedForExam('exam-1', 'pooling', 'user-42')).toBe(hmac32('a-test-secret-of-enough-length', 'exam\u001fexam-1\u001fpooling\u001fuser-42'));
    expect(examOrderKey('exam-1', 'user-42', 'pooling')).toBe(hmac32('a-test-secret-of-enough-length', 'exam-order\u001fexam-1\u001fuser-42\u001fpooling'));
    // An exam variant is not the homework variant of any early round.
    expect([0, 1, 2].map((round) => seedForStudent('user-42', 'pooling', round))).not.toContain(seedForExam('exam-1', 'pooling', 'user-42'));
  });

  it('cannot be computed from the tuple alone: the unkeyed hash and another secret give other seeds', () => {
    useSecret('first-secret-0123456789');
    const seeds = Array.from({ length: 200 }, (_, user) => seedForStudent(`user-${user}`, 'sigmoid-derivative', 0));
    // The pre-secret formula (FNV-1a of the same tuple) a student could evaluate with the public engine.
    const unkeyed = Array.from({ length: 200 }, (_, user) => seedOf('student', `user-${user}`, 'sigmoid-derivative', 0));
    expect(seeds.filter((seed, i) => seed === unkeyed[i])).toEqual([]);
    useSecret('second-secret-0123456789');
    const other = Array.from({ length: 200 }, (_, user) => seedForStudent(`user-${user}`, 'sigmoid-derivative', 0));
    expect(other.filter((seed, i) => seed === seeds[i])).toEqual([]);
  });

  it('keep id boundaries and spread over students, rounds, types and participants', () => {
    useSecret('boundary-secret-0123456789');
    expect(seedForLive('ab', 1, 'c')).not.toBe(seedForLive('a', 1, 'bc'));
    expect(seedForStudent('user-1', 'x', 12)).not.toBe(seedForStudent('user-11', 'x', 2));
    expect(new Set(Array.from({ length: 2000 }, (_, user) => seedForStudent(`user-${user}`, 'comp-graph', 0))).size).toBe(2000);
    expect(seedForStudent('u', 'comp-graph', 1)).not.toBe(seedForStudent('u', 'comp-graph', 0));
    expect(seedForStudent('u', 'pooling', 0)).not.toBe(seedForStudent('u', 'comp-graph', 0));
  });

  it('without SEED_SECRET, generate one secret under DATA_DIR (mode 600) and keep using it', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-seed-secret-'));
    try {
      delete process.env.SEED_SECRET;
      process.env.DATA_DIR = dataDir;
      setBootEnv({});
      const first = seedForStudent('user-1', 'comp-graph', 0);
      const file = path.join(dataDir, 'seed-secret');
      const secret = fs.readFileSync(file, 'utf8').trim();
      expect(secret.length).toBeGreaterThanOrEqual(32);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(first).toBe(hmac32(secret, 'student\u001fuser-1\u001fcomp-graph\u001f0'));
      // Another process of the deployment (same data folder) reads the same secret.
      expect(ensureSeedSecret(dataDir)).toBe(secret);
      // SEED_SECRET overrides the file.
      useSecret('override-secret-0123456789');
      expect(seedForStudent('user-1', 'comp-graph', 0)).toBe(hmac32('override-secret-0123456789', 'student\u001fuser-1\u001fcomp-graph\u001f0'));
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
