import Link from 'next/link';
import { LanguageSwitch } from '@/components/language-switch';
import type { Locale } from '@/lib/i18n/locales';
import { getLocale } from '@/lib/i18n/get-locale';
import { getOptionalUser } from '@/lib/auth/require-user';
import { SignOutButton } from '@/components/accounts/sign-out-button';
import styles from '@/components/ui/forms.module.css';

const NAV: { href: string; label: Record<Locale, string> }[] = [
  { href: '/units', label: { ko: '강의', en: 'Units' } },
  { href: '/exercises', label: { ko: '연습문제', en: 'Exercises' } },
  { href: '/join', label: { ko: '라이브 참여', en: 'Join live' } },
  { href: '/playground', label: { ko: '플레이그라운드', en: 'Playground' } },
  { href: '/dashboard', label: { ko: '대시보드', en: 'Dashboard' } },
  { href: '/classes', label: { ko: '수업', en: 'Classes' } },
];

export async function SiteHeader() {
  const [locale, user] = await Promise.all([getLocale(), getOptionalUser()]);
  return (
    <header className="site-header">
      <Link href="/" className="brand">Backprop Live</Link>
      <nav aria-label={locale === 'ko' ? '주 메뉴' : 'Main'}>
        {NAV.map((item) => (
          <Link key={item.href} href={item.href}>{item.label[locale]}</Link>
        ))}
        {user ? (
          <span className={styles.user}>
            <span className={styles.userName} title={user.email}>{user.name}</span>
            <SignOutButton locale={locale} />
          </span>
        ) : (
          <Link href="/signin">{locale === 'ko' ? '로그인' : 'Sign in'}</Link>
        )}
        <LanguageSwitch locale={locale} />
      </nav>
    </header>
  );
}
