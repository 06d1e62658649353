import type { Metadata, Viewport } from 'next';
import 'katex/dist/katex.min.css';
import './globals.css';
import { SiteHeader } from '@/components/site-header';
import { getLocale } from '@/lib/i18n/get-locale';

export const metadata: Metadata = {
  title: { default: 'Backprop Live', template: '%s · Backprop Live' },
  description: 'Learn deep learning by computing it: lecture units, auto-graded exercises, live classroom quizzes and a model playground.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <SiteHeader />
        <main>{children}</main>
      </body>
    </html>
  );
}
