'use client';

import { useState, type FormEvent } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { CLASS_NAME_MAX, ZClassSettings } from '@/lib/classes/class-schemas';
import { useApiAction } from '@/components/ui/use-api-action';
import forms from '@/components/ui/forms.module.css';

const TEXT = {
  title: { ko: '수업 설정', en: 'Class settings' },
  name: { ko: '수업 이름', en: 'Class name' },
  save: { ko: '이름 저장', en: 'Save name' },
  nicknames: { ko: '리더보드에 실명 대신 닉네임 표시', en: 'Show nicknames instead of real names on the leaderboard' },
  nicknamesHint: { ko: '닉네임이 없는 학생은 "학생 N"으로 표시됩니다.', en: 'Students without a nickname appear as "Student N".' },
  invalid: { ko: `수업 이름을 1~${CLASS_NAME_MAX}자로 입력하세요.`, en: `Enter a class name of 1–${CLASS_NAME_MAX} characters.` },
  timeZone: { ko: '수업 시간대', en: 'Class time zone' },
  timeZoneHint: {
    ko: '과제 마감과 시험 기간을 이 시간대로 입력합니다. 바꿔도 이미 정한 마감 시각은 그대로이고, 고치기 양식에서 새 시간대로 보일 뿐입니다. 학생에게는 각자 기기의 시간대로 보입니다.',
    en: 'Assignment due dates and exam windows are typed in this zone. Changing it moves no deadline already set (the edit forms show it in the new zone). Students see times in their own device’s zone.',
  },
  unknownZone: { ko: '알 수 없는 시간대입니다.', en: 'Unknown time zone.' },
  saved: { ko: '저장했습니다.', en: 'Saved.' },
};

export interface ClassSettingsFormProps {
  locale: Locale;
  classId: string;
  name: string;
  showNicknames: boolean;
  timeZone: string;
  /** The IANA zones to choose from, computed on the server (so the server's and the browser's lists cannot differ). */
  timeZones: string[];
}

export function ClassSettingsForm({ locale, classId, name: initialName, showNicknames, timeZone, timeZones }: ClassSettingsFormProps) {
  const { run, error, setError, isPending } = useApiAction(locale);
  const [name, setName] = useState(initialName);
  const [saved, setSaved] = useState(false);
  const [zone, setZone] = useState(timeZone);

  async function save(body: { name?: string; showNicknames?: boolean; timeZone?: string }) {
    setSaved(false);
    const invalid = body.timeZone === undefined ? TEXT.invalid : TEXT.unknownZone;
    const parsed = ZClassSettings.safeParse(body);
    if (!parsed.success) {
      setError(invalid[locale]);
      return;
    }
    if (await run(`/api/classes/${classId}`, 'PATCH', parsed.data, { errors: { BAD_REQUEST: invalid } })) setSaved(true);
  }

  return (
    <section className="card" aria-labelledby="settings-title">
      <h2 id="settings-title">{TEXT.title[locale]}</h2>
      <form
        className={forms.form}
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void save({ name });
        }}
      >
        <label htmlFor="settings-name">{TEXT.name[locale]}</label>
        <div className={forms.inline}>
          <input id="settings-name" value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="button secondary" disabled={isPending}>{TEXT.save[locale]}</button>
        </div>
      </form>
      <label style={{ marginTop: '1rem', fontWeight: 400 }}>
        <input
          id="settings-nicknames"
          type="checkbox"
          checked={showNicknames}
          disabled={isPending}
          onChange={(e) => void save({ showNicknames: e.target.checked })}
          aria-describedby="settings-nicknames-hint"
        />
        {TEXT.nicknames[locale]}
      </label>
      <p id="settings-nicknames-hint" className={forms.hint}>{TEXT.nicknamesHint[locale]}</p>
      <label htmlFor="settings-time-zone">{TEXT.timeZone[locale]}</label>
      <select
        id="settings-time-zone"
        value={zone}
        disabled={isPending}
        onChange={(e) => {
          setZone(e.target.value);
          void save({ timeZone: e.target.value });
        }}
        aria-describedby="settings-time-zone-hint"
      >
        {(timeZones.includes(timeZone) ? timeZones : [timeZone, ...timeZones]).map((zone) => (
          <option key={zone} value={zone}>{zone}</option>
        ))}
      </select>
      <p id="settings-time-zone-hint" className={forms.hint}>{TEXT.timeZoneHint[locale]}</p>
      <div role="status" aria-live="polite">{saved && <p className={forms.notice}>{TEXT.saved[locale]}</p>}</div>
      <div role="alert">{error && <p className={forms.alert}>{error}</p>}</div>
    </section>
  );
}
