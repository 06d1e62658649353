import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from '@/lib/i18n/locales';

describe('localeFromAcceptLanguage', () => {
  it('picks English when English is preferred over Korean', () => {
    expect(localeFromAcceptLanguage('en-US,en;q=0.9,ko;q=0.8')).toBe('en');
  });
  it('picks Korean by quality even when listed second', () => {
    expect(localeFromAcceptLanguage('en;q=0.5,ko-KR;q=0.9')).toBe('ko');
  });
  it('falls back to Korean for unsupported or missing languages', () => {
    expect(localeFromAcceptLanguage('fr-FR,de;q=0.8')).toBe('ko');
    expect(localeFromAcceptLanguage(undefined)).toBe('ko');
  });
});
