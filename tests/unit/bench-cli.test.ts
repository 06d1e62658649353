import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseBenchArgs } from '../../bench/support/cli';

const ZArgs = z.strictObject({
  students: z.coerce.number().int().default(30),
  redisUrl: z.string().optional(),
  build: z.boolean().default(false),
  write: z.boolean().default(true),
  predict: z.boolean().default(true),
});

describe('parseBenchArgs', () => {
  it('reads values, camelCases names and takes defaults', () => {
    expect(parseBenchArgs(ZArgs, ['--students', '2000', '--redis-url=redis://x:6379'])).toEqual({
      students: 2000,
      redisUrl: 'redis://x:6379',
      build: false,
      write: true,
      predict: true,
    });
  });

  it('reads --name alone as true and --no-name as false, wherever they stand', () => {
    expect(parseBenchArgs(ZArgs, ['--build', '--no-predict', '--students', '5', '--no-write'])).toEqual({
      students: 5,
      build: true,
      write: false,
      predict: false,
    });
    expect(parseBenchArgs(ZArgs, ['--students', '5', '--build'])).toMatchObject({ build: true });
  });
});
