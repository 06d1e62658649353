import { createRateLimiter } from '@/lib/rate-limit';

// Sign-in: a tight budget per email and address (typos are fine, guessing is not) and a wider one
// per email alone, so forging x-forwarded-for does not buy unlimited guesses. A success resets both.
// Sign-up: per address, generous because a whole classroom may share one school NAT address.
const signInPerAddress = () => createRateLimiter({ name: 'sign-in:email-ip', points: 5, durationSeconds: 60 });
const signInPerEmail = () => createRateLimiter({ name: 'sign-in:email', points: 20, durationSeconds: 15 * 60 });
const signUpPerAddress = () => createRateLimiter({ name: 'sign-up:ip', points: 30, durationSeconds: 10 * 60 });
const joinPerUser = () => createRateLimiter({ name: 'class-join:user', points: 20, durationSeconds: 10 * 60 });

export interface SignInKey {
  email: string;
  ip: string;
}

/** Counts one sign-in attempt; throws RATE_LIMITED ("Try again in N s.") when over either budget. */
export async function countSignInAttempt({ email, ip }: SignInKey): Promise<void> {
  await signInPerAddress().consume(`${email}|${ip}`);
  await signInPerEmail().consume(email);
}

export async function clearSignInAttempts({ email, ip }: SignInKey): Promise<void> {
  await signInPerAddress().reset(`${email}|${ip}`);
  await signInPerEmail().reset(email);
}

export async function countSignUpAttempt(ip: string): Promise<void> {
  await signUpPerAddress().consume(ip);
}

/** Join codes are short; this keeps a signed-in user from walking the code space. */
export async function countJoinAttempt(userId: string): Promise<void> {
  await joinPerUser().consume(userId);
}
