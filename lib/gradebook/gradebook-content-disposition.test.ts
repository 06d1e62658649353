import { describe, expect, it } from 'vitest';
import { gradebookContentDisposition } from '@/lib/gradebook/gradebook-content-disposition';

describe('gradebookContentDisposition', () => {
  it('carries the Korean class name in filename* and an ASCII fallback in filename', () => {
    const header = gradebookContentDisposition('딥러닝 1분반 (Deep Learning)', new Date('2025-05-01T03:00:00Z'));
    expect(header.startsWith('attachment; ')).toBe(true);
    const ascii = /filename="([^"]*)"/.exec(header)?.[1] ?? '';
    expect(ascii).toMatch(/^[\x20-\x7e]+$/);
    expect(ascii).toBe('gradebook-1-Deep-Learning-2025-05-01.csv');
    const encoded = /filename\*=UTF-8''(\S+)$/.exec(header)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('gradebook-딥러닝 1분반 (Deep Learning)-2025-05-01.csv');
    expect(encoded).not.toMatch(/[()'*\s]/);
  });

  it('falls back to "class" when nothing of the name is ASCII', () => {
    expect(gradebookContentDisposition('딥러닝', new Date('2025-05-01T00:00:00Z'))).toContain('filename="gradebook-class-2025-05-01.csv"');
  });
});
