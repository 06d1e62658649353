import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from '@/lib/accounts/safe-callback-url';

describe('safeCallbackUrl', () => {
  it('keeps a path on this site, query included', () => {
    expect(safeCallbackUrl('/classes/abc?board=week')).toBe('/classes/abc?board=week');
  });

  it('refuses other sites, protocol-relative and backslash tricks, and non-strings', () => {
    for (const value of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', ['/a', '/b'], undefined]) {
      expect(safeCallbackUrl(value)).toBe('/dashboard');
    }
  });
});
