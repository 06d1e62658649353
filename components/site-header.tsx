import Link from 'next/link';
import { LanguageSwitch } from '@/components/language-switch';
import type { Locale } from '@/lib/i18n/locales';
import { getLocale } from '@/lib/i18n/get-locale';

const NAV: { href: string; label: Record<Locale, string> }[] = [
  { href: '/units', label: { ko: '강의', en: 'Units' } },
  { href: '/exercises', label: { ko: '연습문제', en: 'Exercises' } },
  { href: '/join', label: { ko: '라이브 참여', en: 'Join live' } },
  { href: '/playground', label: { ko: '플레이그라운드', en: 'Playground' } },
  { href: '/dashboard', label: { ko: '대시보드', en: 'Dashboard' } },
];

export async function SiteHeader() {
  const locale = await getLocale();
  return (
    <header className="site-header">
      <Link href="/" className="brand">Backprop Live</Link>
      <nav aria-label={locale === 'ko' ? '주 메뉴' : 'Main'}>
        {NAV.map((item) => (
          <Link key={item.href} href={item.href}>{item.label[locale]}</Link>
        ))}
        <LanguageSwitch locale={locale} />
      </nav>
    </header>
  );
}
