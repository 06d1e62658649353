import { describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, readClientIp, resolveClientAddress } from '@/lib/accounts/read-client-ip';

describe('resolveClientAddress', () => {
  it('ignores X-Forwarded-For unless TRUST_PROXY says how many proxies append to it', () => {
    expect(resolveClientAddress('127.0.0.1', '203.0.113.7', 0)).toBe('127.0.0.1');
    expect(resolveClientAddress('10.0.0.2', '198.51.100.9, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(resolveClientAddress('10.0.0.2', ['198.51.100.9', '203.0.113.7, 10.0.0.1'], 2)).toBe('203.0.113.7');
    // A forged first entry does not move the address the trusted proxy saw.
    expect(resolveClientAddress('10.0.0.2', 'forged, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(resolveClientAddress('10.0.0.2', '203.0.113.7', 3)).toBe('203.0.113.7');
    expect(resolveClientAddress('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
  });
});

describe('readClientIp', () => {
  it('reads only the address the server stamped, from Headers and from next-auth’s plain header object', () => {
    expect(readClientIp(new Headers({ [CLIENT_ADDRESS_HEADER]: '203.0.113.7' }))).toBe('203.0.113.7');
    expect(readClientIp({ [CLIENT_ADDRESS_HEADER]: '198.51.100.2', 'x-forwarded-for': '1.2.3.4' })).toBe('198.51.100.2');
    expect(readClientIp({ 'x-forwarded-for': '1.2.3.4', 'x-real-ip': '192.0.2.9' })).toBe('unknown');
  });
});
