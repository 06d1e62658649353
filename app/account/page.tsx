import type { Metadata } from 'next';
import { AccountSecurity } from '@/components/accounts/account-security';
import { requirePageUser } from '@/lib/accounts/require-page-user';
import { getLocale } from '@/lib/i18n/get-locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getLocale()) === 'ko' ? '내 계정' : 'My account' };
}

const TEXT = {
  title: { ko: '내 계정', en: 'My account' },
  name: { ko: '이름', en: 'Name' },
  email: { ko: '이메일', en: 'Email' },
};

export default async function AccountPage() {
  const [locale, user] = await Promise.all([getLocale(), requirePageUser('/account')]);
  return (
    <section>
      <h1>{TEXT.title[locale]}</h1>
      <dl>
        <dt>{TEXT.name[locale]}</dt>
        <dd>{user.name}</dd>
        <dt>{TEXT.email[locale]}</dt>
        <dd>{user.email}</dd>
      </dl>
      <AccountSecurity locale={locale} />
    </section>
  );
}
