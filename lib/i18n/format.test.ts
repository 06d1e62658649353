import { describe, expect, it } from 'vitest';
import { fill, splitTemplate } from '@/lib/i18n/fill';
import { formatCount, formatDateFallback, formatDateTime, formatNumber, formatPercent } from '@/lib/i18n/format';

const instant = new Date('2026-12-05T01:44:00Z');

describe('fill', () => {
  it('replaces every placeholder, repeated or not', () => {
    expect(fill('{n} of {total} ({n})', { n: 3, total: 12 })).toBe('3 of 12 (3)');
  });
  it('leaves a placeholder without a value as written', () => {
    expect(fill('{a} and {b}', { a: 'x' })).toBe('x and {b}');
  });
  it('does not take values from the object prototype', () => {
    expect(fill('{toString}', {})).toBe('{toString}');
  });
  it('splits a template into text and slots', () => {
    expect(splitTemplate('Read on {date}.')).toEqual(['Read on ', { key: 'date' }, '.']);
    expect(splitTemplate('{a}{b}')).toEqual([{ key: 'a' }, { key: 'b' }]);
  });
});

describe('formatDateTime', () => {
  it('formats in the given zone, in each language', () => {
    expect(formatDateTime(instant, 'en', { timeZone: 'Asia/Seoul' })).toBe('5 Dec 2026, 10:44');
    expect(formatDateTime(instant, 'en', { timeZone: 'UTC' })).toBe('5 Dec 2026, 01:44');
    const ko = formatDateTime(instant, 'ko', { timeZone: 'Asia/Seoul' });
    expect(ko).toMatch(/^2026\. 12\. 5\./);
    expect(ko).toContain('10:44');
  });
  it('accepts ISO strings and epoch milliseconds like dates', () => {
    expect(formatDateTime(instant.toISOString(), 'en', { timeZone: 'UTC' })).toBe(formatDateTime(instant, 'en', { timeZone: 'UTC' }));
    expect(formatDateTime(instant.getTime(), 'en', { timeZone: 'UTC', style: 'date' })).toBe('5 December 2026');
  });
  it('shows a dash for no date or an invalid one', () => {
    expect(formatDateTime(null, 'en')).toBe('—');
    expect(formatDateTime('not a date', 'ko')).toBe('—');
  });
  it('has an Intl-free fallback in UTC', () => {
    expect(formatDateFallback(instant)).toBe('2026-12-05 01:44 UTC');
    expect(formatDateFallback(instant, 'date')).toBe('2026-12-05');
    expect(formatDateFallback(undefined)).toBe('—');
  });
});

describe('formatPercent', () => {
  it('rounds a share to a whole percentage by default', () => {
    expect(formatPercent(0.8333)).toBe('83%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
  });
  it('keeps the digits asked for', () => {
    expect(formatPercent(0.8333, 1)).toBe('83.3%');
  });
  it('shows a dash for no value', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(undefined, 1)).toBe('—');
  });
});

describe('formatNumber', () => {
  it('groups digits in each language and rounds to the digits asked for', () => {
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(12345, 'ko')).toBe('12,345');
    expect(formatNumber(1234.567, 'en', 1)).toBe('1,234.6');
    expect(formatNumber(0.5, 'en')).toBe('1');
  });
  it('shows a dash for no value', () => {
    expect(formatNumber(null, 'ko')).toBe('—');
    expect(formatNumber(Number.NaN, 'en')).toBe('—');
  });
});

describe('formatCount', () => {
  it('says one in the singular and every other count in the plural in English (QA: "1 attempts", "1 students")', () => {
    expect(formatCount(1, 'attempts', 'en')).toBe('1 attempt');
    expect(formatCount(0, 'attempts', 'en')).toBe('0 attempts');
    expect(formatCount(2, 'students', 'en')).toBe('2 students');
    expect(formatCount(1, 'students', 'en')).toBe('1 student');
    expect(formatCount(1, 'players', 'en')).toBe('1 player');
  });

  it('puts the counter word after the number in Korean', () => {
    expect(formatCount(1, 'students', 'ko')).toBe('학생 1명');
    expect(formatCount(3, 'attempts', 'ko')).toBe('3회 시도');
    expect(formatCount(2, 'questions', 'ko')).toBe('문제 2개');
  });
});
