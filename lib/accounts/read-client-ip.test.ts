import { describe, expect, it } from 'vitest';
import { readClientIp } from '@/lib/accounts/read-client-ip';

describe('readClientIp', () => {
  it('takes the first x-forwarded-for hop from Headers and from next-auth’s plain header object', () => {
    expect(readClientIp(new Headers({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1' }))).toBe('203.0.113.7');
    expect(readClientIp({ 'x-forwarded-for': '198.51.100.2' })).toBe('198.51.100.2');
  });

  it('falls back to x-real-ip, then to one shared "unknown" bucket', () => {
    expect(readClientIp({ 'x-real-ip': '192.0.2.9' })).toBe('192.0.2.9');
    expect(readClientIp({})).toBe('unknown');
  });
});
