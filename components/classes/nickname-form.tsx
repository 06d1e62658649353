'use client';

import { useState, type FormEvent } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { NICKNAME_MAX, ZSetNickname } from '@/lib/classes/class-schemas';
import { useApiAction } from '@/components/ui/use-api-action';
import forms from '@/components/ui/forms.module.css';

const TEXT = {
  label: { ko: '이 수업에서 쓸 닉네임', en: 'Your nickname in this class' },
  hint: { ko: '강사가 닉네임 표시를 켜면 리더보드에 실명 대신 보입니다. 비우면 "학생 N"으로 표시됩니다.', en: 'Shown on the leaderboard instead of your name when the instructor turns nicknames on. Empty means "Student N".' },
  save: { ko: '저장', en: 'Save' },
  saved: { ko: '저장했습니다.', en: 'Saved.' },
  invalid: { ko: `닉네임은 ${NICKNAME_MAX}자까지, "학생 N" 형태는 쓸 수 없습니다.`, en: `Up to ${NICKNAME_MAX} characters, and not of the form "Student N".` },
  taken: { ko: '이 수업에서 이미 누가 쓰는 닉네임입니다.', en: 'Someone in this class already uses this nickname.' },
};

export function NicknameForm({ locale, classId, nickname }: { locale: Locale; classId: string; nickname: string | null }) {
  const { run, error, setError, isPending } = useApiAction(locale);
  const [value, setValue] = useState(nickname ?? '');
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const parsed = ZSetNickname.safeParse({ nickname: value });
    if (!parsed.success) {
      setError(TEXT.invalid[locale]);
      return;
    }
    if (await run(`/api/classes/${classId}/nickname`, 'PUT', parsed.data, { errors: { BAD_REQUEST: TEXT.invalid, CONFLICT: TEXT.taken } })) setSaved(true);
  }

  return (
    <form className={forms.form} onSubmit={submit} noValidate>
      <label htmlFor="nickname">{TEXT.label[locale]}</label>
      <div className={forms.inline}>
        <input id="nickname" value={value} onChange={(e) => setValue(e.target.value)} aria-describedby="nickname-hint" autoComplete="off" />
        <button type="submit" className="button secondary" disabled={isPending}>{TEXT.save[locale]}</button>
      </div>
      <p id="nickname-hint" className={forms.hint}>{TEXT.hint[locale]}</p>
      <div role="status" aria-live="polite">{saved && <p className={forms.notice}>{TEXT.saved[locale]}</p>}</div>
      <div role="alert">{error && <p className={forms.alert}>{error}</p>}</div>
    </form>
  );
}
