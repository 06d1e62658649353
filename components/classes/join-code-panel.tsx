'use client';

import { useState, useSyncExternalStore } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { useApiAction } from '@/components/ui/use-api-action';
import forms from '@/components/ui/forms.module.css';
import styles from '@/components/classes/classes.module.css';

const TEXT = {
  title: { ko: '참여 코드', en: 'Join code' },
  explain: { ko: '학생은 수업 페이지에서 이 코드를 입력해 참여합니다.', en: 'Students enter this code on the Classes page to join.' },
  link: { ko: '참여 링크', en: 'Join link' },
  copy: { ko: '링크 복사', en: 'Copy link' },
  copied: { ko: '✓ 복사했습니다', en: '✓ Copied' },
  copyFailed: { ko: '이 브라우저는 복사를 허락하지 않았습니다. 링크를 길게 눌러 복사하세요.', en: 'This browser did not allow copying: press and hold the link to copy it.' },
  rotate: { ko: '새 코드 만들기', en: 'New code' },
  pending: { ko: '바꾸는 중…', en: 'Changing…' },
  confirm: { ko: '새 코드를 만들면 지금 코드로는 더 이상 참여할 수 없습니다. 계속할까요?', en: 'After a new code is made, the current code stops working. Continue?' },
  rotated: { ko: '새 코드가 만들어졌습니다. 이전 코드는 더 이상 쓸 수 없습니다.', en: 'New code made; the old one no longer works.' },
};

export function JoinCodePanel({ locale, classId, joinCode }: { locale: Locale; classId: string; joinCode: string }) {
  const { run, error, isPending } = useApiAction(locale);
  const [notice, setNotice] = useState<string | null>(null);
  const joinPath = `/classes?code=${joinCode}`;
  // The full address, to paste into a class chat: the page's own origin, known only in the browser
  // (the server renders the path; the address follows once hydrated, without a mismatch).
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => '');
  const joinUrl = `${origin}${joinPath}`;
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(joinUrl);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  async function rotate() {
    if (!window.confirm(TEXT.confirm[locale])) return;
    setNotice(null);
    const result = await run<{ joinCode: string }>(`/api/classes/${classId}/join-code`, 'POST', undefined);
    if (result) setNotice(TEXT.rotated[locale]);
  }

  return (
    <section className="card" aria-labelledby="join-code-title">
      <h2 id="join-code-title">{TEXT.title[locale]}</h2>
      <p className={styles.code} data-testid="join-code">{joinCode}</p>
      <p className="muted">{TEXT.explain[locale]}</p>
      <p className={styles.joinLink}>
        {TEXT.link[locale]}: <a href={joinPath} data-testid="join-link">{joinUrl}</a>
      </p>
      <div className="button-row">
        <button type="button" className="button secondary" onClick={copy}>
          {copied === 'yes' ? TEXT.copied[locale] : TEXT.copy[locale]}
        </button>
        <button type="button" className="button secondary" onClick={rotate} disabled={isPending}>
          {isPending ? TEXT.pending[locale] : TEXT.rotate[locale]}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {notice && <p className={forms.notice}>{notice}</p>}
        {copied === 'failed' && <p className={forms.notice}>{TEXT.copyFailed[locale]}</p>}
      </div>
      <div role="alert">{error && <p className={forms.alert}>{error}</p>}</div>
    </section>
  );
}

const noSubscription = () => () => {};
