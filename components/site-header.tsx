import Link from 'next/link';
import { LanguageSwitch } from '@/components/language-switch';
import type { Locale } from '@/lib/i18n/locales';
import { getLocale } from '@/lib/i18n/get-locale';
import { getOptionalUser } from '@/lib/auth/require-user';
import { SignOutButton } from '@/components/accounts/sign-out-button';
import { Logo } from '@/components/ui/logo';
import { SiteMenu } from '@/components/ui/site-menu';
import styles from '@/components/ui/forms.module.css';

const NAV: { href: string; label: Record<Locale, string> }[] = [
  { href: '/units', label: { ko: '강의', en: 'Units' } },
  { href: '/exercises', label: { ko: '연습문제', en: 'Exercises' } },
  { href: '/join', label: { ko: '라이브 참여', en: 'Join live' } },
  { href: '/playground', label: { ko: '플레이그라운드', en: 'Playground' } },
  { href: '/dashboard', label: { ko: '대시보드', en: 'Dashboard' } },
  { href: '/classes', label: { ko: '수업', en: 'Classes' } },
];

const TEXT = {
  main: { ko: '주 메뉴', en: 'Main' },
  menu: { ko: '메뉴', en: 'Menu' },
  close: { ko: '닫기', en: 'Close' },
  signIn: { ko: '로그인', en: 'Sign in' },
  signUp: { ko: '회원가입', en: 'Sign up' },
  account: { ko: '내 계정', en: 'My account' },
};

export async function SiteHeader() {
  const [locale, user] = await Promise.all([getLocale(), getOptionalUser()]);
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        <Logo />
        <span>Backprop Live</span>
      </Link>
      <SiteMenu label={TEXT.main[locale]} menuLabel={TEXT.menu[locale]} closeLabel={TEXT.close[locale]}>
        <ul className="nav-links">
          {NAV.map((item) => (
            <li key={item.href}>
              <Link href={item.href}>{item.label[locale]}</Link>
            </li>
          ))}
        </ul>
        <div className="nav-account">
          {user ? (
            <span className={styles.user}>
              <Link href="/account" className={styles.userName} title={`${TEXT.account[locale]} — ${user.email}`}>{user.name}</Link>
              <SignOutButton locale={locale} />
            </span>
          ) : (
            <>
              <Link href="/signin">{TEXT.signIn[locale]}</Link>
              <Link href="/signup" className="nav-signup">{TEXT.signUp[locale]}</Link>
            </>
          )}
          <LanguageSwitch locale={locale} />
        </div>
      </SiteMenu>
    </header>
  );
}
