import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale } from '@/lib/i18n/get-locale';

const TEXT = {
  title: { ko: '페이지를 찾을 수 없습니다', en: 'Page not found' },
  why: {
    ko: '주소가 틀렸거나, 이 페이지가 없어졌거나, 볼 권한이 없는 페이지입니다.',
    en: 'The address is wrong, the page is gone, or it is not one you can see.',
  },
  home: { ko: '처음으로', en: 'Back to the start' },
};

// Shown for an unknown address; a page that calls notFound() keeps its own title.
export async function generateMetadata(): Promise<Metadata> {
  return { title: TEXT.title[await getLocale()] };
}

export default async function NotFound() {
  const locale = await getLocale();
  return (
    <>
      <h1>{TEXT.title[locale]}</h1>
      <p className="muted">{TEXT.why[locale]}</p>
      <p>
        <Link className="button" href="/">{TEXT.home[locale]}</Link>
      </p>
    </>
  );
}
