import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Prisma } from '@/generated/prisma/client';
import { AppError, describeZodIssue, fromZodError, isUniqueViolation, reasonOf, toErrorPayload } from '@/lib/errors';

describe('AppError', () => {
  it('carries a reason and the sentence in both languages', () => {
    const error = new AppError('NOT_FOUND', { ko: '없습니다.', en: 'Not there.' }, { reason: 'session-not-found' });
    expect(error.message).toBe('Not there.');
    expect(error.text).toEqual({ ko: '없습니다.', en: 'Not there.' });
    expect(error.reason).toBe('session-not-found');
    expect(error.status).toBe(404);
    expect(new AppError('RATE_LIMITED', 'Slow down.').reason).toBe('rate-limited');
    expect(reasonOf('UNSUPPORTED_MEDIA_TYPE')).toBe('unsupported-media-type');
    expect(toErrorPayload(null)).toMatchObject({ code: 'INTERNAL', reason: 'internal' });
  });

  it('formats zod issues once: the first problem in the sentence, all of them by field', () => {
    const parsed = z.object({ name: z.string().min(2), nested: z.object({ n: z.number() }) }).safeParse({ name: 'a', nested: { n: 'x' } });
    if (parsed.success) throw new Error('expected a failure');
    const error = fromZodError(parsed.error, { ko: '설정을 확인하세요', en: 'Check the configuration' });
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/^Check the configuration — name: /);
    expect(error.text.ko).toMatch(/^설정을 확인하세요 — name: /);
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(['name', 'nested.n']);
    expect(describeZodIssue(parsed.error.issues[1], { quote: true })).toMatch(/^"nested\.n": /);
  });

  it('recognises a unique-constraint failure and nothing else', () => {
    const unique = new Prisma.PrismaClientKnownRequestError('Unique constraint failed', { code: 'P2002', clientVersion: Prisma.prismaVersion.client });
    const other = new Prisma.PrismaClientKnownRequestError('Record not found', { code: 'P2025', clientVersion: Prisma.prismaVersion.client });
    expect(isUniqueViolation(unique)).toBe(true);
    expect(isUniqueViolation(other)).toBe(false);
    expect(isUniqueViolation(new Error('P2002'))).toBe(false);
    expect(isUniqueViolation({ code: 'P2002' })).toBe(false);
  });
});
