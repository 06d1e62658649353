'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { ZJoinLiveSession } from '@/lib/live/protocol/live-schemas';
import type { TJoinAnswer } from '@/lib/live/protocol/live-payloads';
import { describeApiError, sendJson } from '@/components/ui/api-client';
import { guestTokenKey } from '@/components/live/guest-token-storage';
import { LIVE_TEXT } from '@/components/live/live-text';
import styles from '@/components/live/live.module.css';

export interface JoinFormProps {
  locale: Locale;
  initialPin: string;
  /** The signed-in user's name, or null for a guest. */
  userName: string | null;
}

export function JoinForm({ locale, initialPin, userName }: JoinFormProps) {
  const router = useRouter();
  const [pin, setPin] = useState(initialPin);
  const [nickname, setNickname] = useState('');
  const [isSending, setIsSending] = useState(false);
  const [problem, setProblem] = useState<{ text: string; field?: 'pin' | 'nickname'; needsSignIn?: boolean } | null>(null);
  const isGuest = userName === null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const parsed = ZJoinLiveSession.safeParse({ pin, ...(isGuest && nickname.trim() ? { nickname } : {}) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path[0] === 'nickname' ? 'nickname' : 'pin';
      setProblem({ field, text: field === 'pin' ? (locale === 'ko' ? 'PIN은 6자리 숫자입니다.' : 'The PIN has 6 digits.') : locale === 'ko' ? '닉네임은 1–24자의 글자, 숫자, 공백으로 쓰세요.' : 'Use 1–24 letters, digits or spaces for the nickname.' });
      return;
    }
    setIsSending(true);
    setProblem(null);
    const result = await sendJson<TJoinAnswer>('/api/live/join', 'POST', parsed.data);
    if (result.ok) {
      const answer = result.data;
      if (!answer.found) {
        // A wrong PIN (a 200, so the browser logs nothing) and a class session seen by a guest get the same answer: offer signing in.
        setIsSending(false);
        setProblem({ text: answer.text[locale], field: 'pin', needsSignIn: isGuest });
        return;
      }
      if (answer.guestToken) window.localStorage.setItem(guestTokenKey(answer.sessionId), answer.guestToken);
      // Stays "joining…" (and the button disabled) until the player screen replaces this page.
      router.push(`/join/${answer.sessionId}`);
      return;
    }
    setIsSending(false);
    const reason = result.error.reason;
    setProblem({ text: describeApiError(result.error, locale), field: reason === 'nickname-taken' || reason === 'nickname-required' ? 'nickname' : undefined });
  }

  return (
    <form className={styles.joinForm} onSubmit={submit} noValidate>
      <label htmlFor="live-pin">{LIVE_TEXT.pin[locale]}</label>
      <input
        id="live-pin"
        className={styles.pinInput}
        inputMode="numeric"
        autoComplete="off"
        maxLength={6}
        value={pin}
        onChange={(event) => setPin(event.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
        aria-invalid={problem?.field === 'pin' || undefined}
        aria-describedby="live-join-problem"
        required
      />
      {isGuest ? (
        <>
          <label htmlFor="live-nickname">{LIVE_TEXT.nickname[locale]}</label>
          <input
            id="live-nickname"
            maxLength={24}
            autoComplete="nickname"
            value={nickname}
            onChange={(event) => setNickname(event.currentTarget.value)}
            aria-invalid={problem?.field === 'nickname' || undefined}
            aria-describedby="live-nickname-help live-join-problem"
          />
          <p id="live-nickname-help" className="muted"><small>{LIVE_TEXT.nicknameHelp[locale]} {LIVE_TEXT.guestNote[locale]}</small></p>
        </>
      ) : (
        <p className="muted">{LIVE_TEXT.signedInAs[locale]} <strong>{userName}</strong></p>
      )}
      <p>
        <button className="button" type="submit" disabled={isSending}>{isSending ? LIVE_TEXT.joining[locale] : LIVE_TEXT.join[locale]}</button>
      </p>
      <div id="live-join-problem" role="status" aria-live="polite">
        {problem ? (
          <p className="error">
            {problem.text}{' '}
            {problem.needsSignIn ? <Link href={`/signin?callbackUrl=${encodeURIComponent(`/join?pin=${pin}`)}`}>{LIVE_TEXT.signIn[locale]}</Link> : null}
          </p>
        ) : null}
      </div>
    </form>
  );
}
