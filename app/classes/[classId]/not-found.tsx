import Link from 'next/link';
import { getLocale } from '@/lib/i18n/get-locale';

export default async function ClassNotFound() {
  const locale = await getLocale();
  return (
    <section>
      <h1>{locale === 'ko' ? '수업을 찾을 수 없습니다' : 'Class not found'}</h1>
      <p>
        {locale === 'ko'
          ? '이 수업이 없거나, 이 수업의 구성원이 아니거나, 이 페이지를 볼 권한이 없습니다. 참여 코드가 있다면 수업 페이지에서 참여하세요.'
          : 'This class does not exist, you are not a member of it, or you may not see this page. If you have a join code, join from the Classes page.'}
      </p>
      <p>
        <Link className="button" href="/classes">{locale === 'ko' ? '내 수업으로' : 'Go to my classes'}</Link>
      </p>
    </section>
  );
}
