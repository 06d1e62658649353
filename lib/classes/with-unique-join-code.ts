import { isUniqueViolation } from '@/lib/errors';
import { generateJoinCode } from '@/lib/classes/generate-join-code';

const MAX_TRIES = 5;

/** Runs `write` with fresh codes until the unique index accepts one (a clash is ~1 in 10⁸ per class). */
export async function withUniqueJoinCode<T>(write: (joinCode: string) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(generateJoinCode());
    } catch (error) {
      const isClash = isUniqueViolation(error);
      if (!isClash || attempt >= MAX_TRIES) throw error;
    }
  }
}
