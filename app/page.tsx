import Link from 'next/link';
import { getLocale } from '@/lib/i18n/get-locale';
import type { Localized } from '@/lib/i18n/locales';

const TEXT = {
  title: { ko: '손으로 계산하며 배우는 딥러닝', en: 'Learn deep learning by computing it' },
  lead: {
    ko: 'Backprop Live는 딥러닝 강의를 위한 실시간 교실입니다. 강의를 읽고, 나만의 숫자로 역전파와 합성곱·어텐션을 직접 계산해 자동 채점을 받고, 강사가 진행하는 라이브 퀴즈에 참여하고, 모델을 직접 학습시켜 보세요.',
    en: 'Backprop Live is a live classroom for a deep-learning course. Read the units, compute backprop, convolutions and attention on numbers of your own with instant grading, play instructor-run live quizzes, and train models yourself.',
  },
  start: { ko: '강의 시작하기', en: 'Start the course' },
  join: { ko: 'PIN으로 라이브 참여', en: 'Join a live session' },
} satisfies Record<string, Localized>;

const FEATURES: { href: string; title: Localized; body: Localized }[] = [
  {
    href: '/units',
    title: { ko: '강의 유닛', en: 'Lecture units' },
    body: {
      ko: '퍼셉트론에서 트랜스포머까지 여섯 유닛. 수식과 직접 조작하는 그림으로 설명합니다.',
      en: 'Six units from the perceptron to the Transformer, with formulas and figures you can play with.',
    },
  },
  {
    href: '/exercises',
    title: { ko: '자동 채점 연습문제', en: 'Auto-graded exercises' },
    body: {
      ko: '학생마다 다른 숫자. 틀리면 어떤 실수를 했는지(전치 누락, 부호 오류 등) 알려 줍니다.',
      en: 'Every student gets their own numbers; a wrong answer tells you which mistake you made (missing transpose, sign error, …).',
    },
  },
  {
    href: '/join',
    title: { ko: '라이브 세션', en: 'Live sessions' },
    body: {
      ko: '강사가 진행하는 실시간 퀴즈. 속도와 정답률로 점수를 얻고 리더보드에서 겨룹니다.',
      en: 'Instructor-run quizzes in real time: score by accuracy and speed, climb the leaderboard.',
    },
  },
  {
    href: '/playground',
    title: { ko: '모델 플레이그라운드', en: 'Model playground' },
    body: {
      ko: '서버에서 퍼셉트론, MLP, CNN, LSTM, 트랜스포머를 직접 학습시키고 학습 곡선을 실시간으로 봅니다.',
      en: 'Train perceptrons, MLPs, CNNs, LSTMs and Transformers on the server and watch them learn live.',
    },
  },
];

export default async function HomePage() {
  const locale = await getLocale();
  return (
    <>
      <section className="hero">
        <h1>{TEXT.title[locale]}</h1>
        <p>{TEXT.lead[locale]}</p>
        <p className="hero-actions">
          <Link className="button" href="/units">{TEXT.start[locale]}</Link>
          <Link className="button secondary" href="/join">{TEXT.join[locale]}</Link>
        </p>
      </section>
      <section className="cards" aria-label={locale === 'ko' ? '기능' : 'Features'}>
        {FEATURES.map((feature) => (
          <article key={feature.title.en} className="card card-link">
            <h2>
              <Link href={feature.href}>{feature.title[locale]}</Link>
            </h2>
            <p>{feature.body[locale]}</p>
          </article>
        ))}
      </section>
    </>
  );
}
