import { z } from 'zod';
import { zNotFoundAnswer } from '@/lib/http/not-found-answer';
import { ZId, zName } from '@/lib/validation/text';
import { canonicalTimeZone } from '@/lib/course/assignments/zoned-time';

// Shared by the class forms and the route handlers.
export const CLASS_NAME_MAX = 100;
export const NICKNAME_MAX = 30;

const ZClassName = zName({ max: CLASS_NAME_MAX, messages: { empty: 'Enter a class name.', tooLong: `Use at most ${CLASS_NAME_MAX} characters.` } });

export const ZCreateClass = z.object({ name: ZClassName });
export type TCreateClass = z.infer<typeof ZCreateClass>;

/** People type codes with spaces, dashes and lower case; all of that is dropped before the lookup. */
export function normalizeJoinCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

export const ZJoinCode = z
  .string()
  .max(40, 'A join code has 6 to 8 characters.')
  .transform(normalizeJoinCode)
  .pipe(z.string().min(6, 'A join code has 6 to 8 characters.').max(8, 'A join code has 6 to 8 characters.').regex(/^[A-Z0-9]+$/, 'A join code has only letters and digits.'));

export const ZJoinClass = z.object({ code: ZJoinCode });
export type TJoinClass = z.infer<typeof ZJoinClass>;

// POST /api/classes/join answers both of these with 200: a mistyped code is the user's mistake, not
// a failed request (a 404 would be logged by the browser as a failed resource). Other refusals
// (not signed in, a malformed code, too many attempts) are errors with a status.

export const ZJoinedClass = z
  .object({
    found: z.literal(true).describe('a class has this code; the caller is a member of it now (or already was)'),
    classId: z.string().describe('the class joined'),
    name: z.string().describe('its name'),
    role: z.enum(['STUDENT', 'INSTRUCTOR']).describe("the caller's role in it: STUDENT for a new member; an instructor who types their own code stays INSTRUCTOR"),
    alreadyMember: z.boolean().describe('true when the caller was a member before this request (joining again changes nothing)'),
  })
  .describe('The answer of `POST /api/classes/join` (200) when a class has the code.');
export type TJoinedClass = z.infer<typeof ZJoinedClass>;

export const ZNoClassForCode = zNotFoundAnswer(
  'class-not-found',
  'no class has this code (it may have been rotated); nothing was joined',
  'The answer of `POST /api/classes/join` (200) for an unknown code; it counts against the join-attempt limit.',
);
export type TNoClassForCode = z.infer<typeof ZNoClassForCode>;

/** What `POST /api/classes/join` answers with status 200. */
export type TJoinClassAnswer = TJoinedClass | TNoClassForCode;

/** An IANA time zone ("Europe/Berlin"), stored in its canonical spelling. */
export const ZTimeZone = z
  .string()
  .max(64)
  .transform((zone, context) => {
    const canonical = canonicalTimeZone(zone);
    if (canonical === null) context.addIssue({ code: 'custom', message: 'Unknown time zone.' });
    return canonical ?? zone;
  });

export const ZClassSettings = z
  .object({ name: ZClassName.optional(), showNicknames: z.boolean().optional(), timeZone: ZTimeZone.optional() })
  .refine((value) => value.name !== undefined || value.showNicknames !== undefined || value.timeZone !== undefined, { message: 'Nothing to change.' });
export type TClassSettings = z.infer<typeof ZClassSettings>;

export const ZAddInstructor = z.object({
  email: z.string().trim().toLowerCase().max(254, 'Use at most 254 characters.').email('Enter a valid email address.'),
});
export type TAddInstructor = z.infer<typeof ZAddInstructor>;

export const ZSetNickname = z.object({
  // An empty nickname clears it (the leaderboard then shows "Student N").
  nickname: zName({ min: 0, max: NICKNAME_MAX, messages: { tooLong: `Use at most ${NICKNAME_MAX} characters.` } }),
});
export type TSetNickname = z.infer<typeof ZSetNickname>;


/** Ids in paths are cuids; anything else is refused before a query is made. */
export const ZRecordId = ZId;
export const ZClassParams = z.object({ classId: ZRecordId });
export const ZMemberParams = z.object({ classId: ZRecordId, userId: ZRecordId });
