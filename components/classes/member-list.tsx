'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { Role } from '@/generated/prisma/enums';
import type { Locale } from '@/lib/i18n/locales';
import { useApiAction } from '@/components/ui/use-api-action';
import forms from '@/components/ui/forms.module.css';
import styles from '@/components/classes/classes.module.css';
import { ScrollTable } from '@/components/classes/scroll-table';

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: Role;
  nickname: string | null;
}

const TEXT = {
  title: { ko: '구성원', en: 'Members' },
  name: { ko: '이름', en: 'Name' },
  email: { ko: '이메일', en: 'Email' },
  role: { ko: '역할', en: 'Role' },
  nickname: { ko: '닉네임', en: 'Nickname' },
  actions: { ko: '관리', en: 'Actions' },
  INSTRUCTOR: { ko: '강사', en: 'Instructor' },
  STUDENT: { ko: '학생', en: 'Student' },
  remove: { ko: '내보내기', en: 'Remove' },
  leave: { ko: '수업 나가기', en: 'Leave class' },
  record: { ko: '기록', en: 'Record' },
  confirmRemove: { ko: '님을 수업에서 내보낼까요? 학생의 풀이 기록은 지워지지 않습니다.', en: ' will be removed from the class (their attempts are kept). Continue?' },
  confirmLeave: { ko: '이 수업에서 나갈까요?', en: 'Leave this class?' },
  lastInstructor: { ko: '수업에는 강사가 한 명 이상 있어야 합니다. 먼저 공동 강사를 추가하세요.', en: 'A class needs at least one instructor: add a co-instructor first.' },
  none: { ko: '아직 학생이 없습니다. 참여 코드를 알려 주세요.', en: 'No students yet: share the join code.' },
};

export function MemberList({ locale, classId, members, myUserId }: { locale: Locale; classId: string; members: MemberRow[]; myUserId: string }) {
  const router = useRouter();
  const { run, error, isPending } = useApiAction(locale);

  async function remove(member: MemberRow) {
    const isSelf = member.userId === myUserId;
    const question = isSelf ? TEXT.confirmLeave[locale] : `${member.name}${TEXT.confirmRemove[locale]}`;
    if (!window.confirm(question)) return;
    const result = await run(`/api/classes/${classId}/members/${member.userId}`, 'DELETE', undefined, { errors: { CONFLICT: TEXT.lastInstructor }, refresh: !isSelf });
    if (result && isSelf) {
      router.push('/classes');
      router.refresh();
    }
  }

  return (
    <section className={styles.section} aria-labelledby="members-title">
      <h2 id="members-title">{TEXT.title[locale]}</h2>
      <div role="alert">{error && <p className={forms.alert}>{error}</p>}</div>
      <ScrollTable
        labelledBy="members-title"
        columns={[
          { label: TEXT.name[locale] },
          { label: TEXT.email[locale] },
          { label: TEXT.role[locale] },
          { label: TEXT.nickname[locale] },
          { label: TEXT.actions[locale] },
        ]}
      >
        {members.map((member) => (
          <tr key={member.userId}>
            <th scope="row">{member.name}</th>
            <td>{member.email}</td>
            <td>{TEXT[member.role][locale]}</td>
            <td>{member.nickname ?? '—'}</td>
            <td>
              {member.role === 'STUDENT' && (
                <>
                  <Link className="tap" href={`/classes/${classId}/students/${member.userId}`}>{TEXT.record[locale]}</Link>{' · '}
                </>
              )}
              <button
                type="button"
                className={styles.linkButton}
                disabled={isPending}
                onClick={() => void remove(member)}
                aria-label={member.userId === myUserId ? TEXT.leave[locale] : `${TEXT.remove[locale]}: ${member.name}`}
              >
                {member.userId === myUserId ? TEXT.leave[locale] : TEXT.remove[locale]}
              </button>
            </td>
          </tr>
        ))}
      </ScrollTable>
      {!members.some((member) => member.role === 'STUDENT') && <p className="muted">{TEXT.none[locale]}</p>}
    </section>
  );
}
