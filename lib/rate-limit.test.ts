import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { createRateLimiter } from '@/lib/rate-limit';

describe('createRateLimiter', () => {
  it('allows the configured number of actions, then says when to try again', async () => {
    const limiter = createRateLimiter({ name: `test-${Math.random()}`, points: 3, durationSeconds: 60 });
    for (let i = 0; i < 3; i += 1) await limiter.consume('alice');
    const error = await limiter.consume('alice').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('RATE_LIMITED');
    expect((error as AppError).status).toBe(429);
    expect((error as AppError).retryAfterSeconds).toBeGreaterThan(0);
    expect((error as AppError).message).toMatch(/Try again in \d+ s\./);
  });

  it('counts each key separately and forgets a key on reset', async () => {
    const limiter = createRateLimiter({ name: `test-${Math.random()}`, points: 1, durationSeconds: 60 });
    await limiter.consume('alice');
    await expect(limiter.consume('bob')).resolves.toBeUndefined();
    await expect(limiter.consume('alice')).rejects.toThrow(/Try again/);
    await limiter.reset('alice');
    await expect(limiter.consume('alice')).resolves.toBeUndefined();
  });
});

describe('consumeLocal (socket ids: counted in this process)', () => {
  it('applies the same limit as consume, with its own count', async () => {
    const limiter = createRateLimiter({ name: `test-${Math.random()}`, points: 2, durationSeconds: 60 });
    await limiter.consumeLocal('socket-1');
    await limiter.consumeLocal('socket-1');
    await expect(limiter.consumeLocal('socket-1')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(limiter.consume('socket-1')).resolves.toBeUndefined();
    await limiter.reset('socket-1');
    await expect(limiter.consumeLocal('socket-1')).resolves.toBeUndefined();
  });
});
