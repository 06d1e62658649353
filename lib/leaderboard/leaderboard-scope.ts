import { z } from 'zod';
import { ZId } from '@/lib/validation/text';

/** all-time, this week (since Monday 00:00 Asia/Seoul), or one unit's exercises. */
export const ZLeaderboardScope = z.union([
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('week') }),
  z.object({ kind: z.literal('unit'), unitId: ZId }),
]);
export type TLeaderboardScope = z.infer<typeof ZLeaderboardScope>;

/** The scope from ?board=all|week|<unit id> (the page) or ?scope=…&unit=… (the API). */
export function parseBoardParam(board: string | undefined | null): TLeaderboardScope {
  if (!board || board === 'all') return { kind: 'all' };
  if (board === 'week') return { kind: 'week' };
  return { kind: 'unit', unitId: board };
}
