'use client';

import Link from 'next/link';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { validateAnswer } from '@/engine/exercises/validate-answer';
import { formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { TPlayerResult } from '@/lib/live/protocol/live-payloads';
import { AnswerInput } from '@/components/exercises/answer-input';
import { draftFromAnswer, emptyDraft, setAt, type CellPath, type Draft } from '@/components/exercises/draft';
import { MarkdownText } from '@/components/exercises/markdown-text';
import { Countdown } from '@/components/live/countdown';
import { LeaderboardList } from '@/components/live/leaderboard-list';
import { WorkedSolution } from '@/components/exercises/worked-solution';
import { FollowUpNotice, PaceButtons, RulesCard, TalkGate, TalkNotice, TeamLabel, TeamPicker } from '@/components/live/player-extras';
import { TeamBoard } from '@/components/live/team-board';
import { LIVE_TEXT, formatRank } from '@/components/live/live-text';
import styles from '@/components/live/live.module.css';
import { useLivePlayer } from '@/components/live/use-live-player';
import { PredictTrainingPanel } from '@/components/live/predict-training-panel';

export interface PlayerScreenProps {
  sessionId: string;
  locale: Locale;
}

/** The student's phone screen (markup; the socket and its state live in useLivePlayer). */
export function PlayerScreen({ sessionId, locale }: PlayerScreenProps) {
  const idPrefix = useId().replace(/:/g, '');
  const { view, connection, fatal, offset, status, problem, setProblem, submit, pickTeam, pace, signalPace } = useLivePlayer(sessionId, locale);
  const [draft, setDraft] = useState<{ index: number; value: Draft } | null>(null);

  if (fatal) {
    return (
      <PlayView>
        <div className={styles.player}>
          <p className="error" role="alert">{fatal.text}</p>
          {fatal.canRejoin ? <Link className="button" href="/join">{LIVE_TEXT.rejoin[locale]}</Link> : null}
        </div>
      </PlayView>
    );
  }
  if (!view) {
    return (
      <PlayView>
        <p className={styles.player} role="status">{LIVE_TEXT.connecting[locale]}</p>
      </PlayView>
    );
  }

  const { session, you, question, submission, result, leaderboard, training } = view;
  const myPrediction = result?.prediction?.chosen ?? (typeof submission?.answer === 'string' ? submission.answer : null);
  const isSelfPaced = session.mode === 'SELF_PACED';
  const questionDraft = question ? (draft?.index === question.index ? draft.value : null) ?? (submission ? draftFromAnswer(question.answerSpec, submission.answer) : null) ?? emptyDraft(question.answerSpec) : null;

  function change(path: CellPath, value: string) {
    if (!question || questionDraft === null) return;
    setDraft({ index: question.index, value: setAt(questionDraft, path, value) });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!question || questionDraft === null || submission || status !== 'idle') return;
    const checked = validateAnswer(question.answerSpec, questionDraft);
    if (!checked.ok) {
      setProblem(checked.message[locale]);
      return;
    }
    void submit(question.index, questionDraft);
  }

  return (
    <PlayView>
      <div className={styles.player} data-state={session.state}>
        <header className={styles.playerBar}>
          <span className={styles.nickname} data-testid="my-nickname">{you.nickname}</span>
          <span data-testid="my-score">
            {LIVE_TEXT.totalScore[locale]} <strong>{formatNumber(you.score, locale)}</strong>
          </span>
          {you.streak > 1 ? <span>{LIVE_TEXT.streak[locale]} <strong>{you.streak}</strong></span> : null}
          {you.team !== null && session.state !== 'LOBBY' ? <TeamLabel team={you.team} locale={locale} /> : null}
        </header>
        {connection === 'offline' ? <p className={styles.offline} role="status">{LIVE_TEXT.offline[locale]}</p> : null}

        {session.state === 'LOBBY' ? (
          <section className={styles.center} data-testid="lobby">
            <h1>{LIVE_TEXT.lobbyIn[locale]}</h1>
            <p className="muted">{LIVE_TEXT.lobbyWait[locale]}</p>
            <RulesCard scoring={session.scoring} teams={session.teams} locale={locale} />
            {session.teams ? <TeamPicker teams={session.teams} myTeam={you.team} isBusy={false} locale={locale} onPick={(team) => void pickTeam(team)} /> : null}
          </section>
        ) : null}

        {/* A single-value answer's empty draft is '' (falsy): compare with null, never truthiness. */}
        {session.state === 'QUESTION' && question && questionDraft !== null ? (
          <TalkGate openedAt={question.openedAt} offsetMs={offset}>
            {(talkLeft) => (
              <section aria-labelledby={`${idPrefix}-title`} data-testid="question">
                {question.reaskOf !== null ? <FollowUpNotice ofIndex={question.reaskOf} locale={locale} /> : null}
                <div className={styles.questionHead}>
                  <h1 id={`${idPrefix}-title`}>
                    {LIVE_TEXT.question[locale]} {question.index + 1} {LIVE_TEXT.of[locale]} {question.questionCount} · {question.title[locale]}
                  </h1>
                  {talkLeft > 0 ? <TalkNotice secondsLeft={talkLeft} locale={locale} /> : <Countdown closesAt={question.closesAt} offsetMs={offset} timeLimitS={question.timeLimitS} locale={locale} />}
                </div>
                <MarkdownText key={question.prompt[locale]} markdown={question.prompt[locale]} className={styles.prompt} />
                {question.predict ? <p className="muted">{LIVE_TEXT.predictHint[locale]}</p> : null}
                <form onSubmit={onSubmit} noValidate className={styles.answerForm}>
                  <AnswerInput
                    spec={question.answerSpec}
                    draft={questionDraft}
                    label={LIVE_TEXT.answer[locale]}
                    locale={locale}
                    parts={null}
                    editedCells={new Set()}
                    firstWrong={null}
                    isDisabled={Boolean(submission) || status !== 'idle'}
                    idPrefix={idPrefix}
                    onChange={change}
                  />
                  {submission ? (
                    <p className="success" role="status" data-testid="submitted">✓ {LIVE_TEXT.submitted[locale]}</p>
                  ) : (
                    <p>
                      <button className="button" type="submit" disabled={status !== 'idle' || talkLeft > 0}>
                        {status === 'idle' ? (question.predict ? LIVE_TEXT.predictSubmit : LIVE_TEXT.submit)[locale] : status === 'sending' ? LIVE_TEXT.sending[locale] : LIVE_TEXT.resending[locale]}
                      </button>
                    </p>
                )}
                  <div role="status" aria-live="polite">{problem ? <p className="error">{problem}</p> : null}</div>
                </form>
              </section>
            )}
          </TalkGate>
        ) : null}

        {session.state === 'QUESTION' && !question ? (
          <p className={styles.center} role="status">{isSelfPaced ? LIVE_TEXT.allDone[locale] : LIVE_TEXT.timeUp[locale]}</p>
        ) : null}

        {training && session.state === 'RESULTS' ? <PredictTrainingPanel training={training} locale={locale} mine={myPrediction} /> : null}

        {result && (session.state !== 'QUESTION' || isSelfPaced) ? <ResultCard result={result} locale={locale} /> : null}

        {session.state === 'RESULTS' ? <p className="muted">{LIVE_TEXT.waitingNext[locale]}</p> : null}

        {leaderboard && (session.state === 'LEADERBOARD' || session.state === 'FINISHED' || (isSelfPaced && !question)) ? (
          <>
            <LeaderboardList leaderboard={leaderboard} locale={locale} highlight={you.nickname} heading={session.state === 'FINISHED' ? LIVE_TEXT.podium[locale] : undefined} />
            {leaderboard.teams ? <TeamBoard teams={leaderboard.teams} locale={locale} isFinal={leaderboard.isFinal} highlight={you.team} /> : null}
            <p className={styles.myRank} data-testid="my-rank">
              {LIVE_TEXT.yourRank[locale]}: <strong>{formatRank(you.rank, you.participantCount, locale)}</strong>
            </p>
          </>
        ) : null}
        {session.state === 'FINISHED' ? (
          <>
            <p className={styles.center}>{LIVE_TEXT.finished[locale]}</p>
            {/* The play view has no site navigation: offer the way back. */}
            <p className={styles.center}>
              <Link className="button secondary" href="/">{LIVE_TEXT.toHome[locale]}</Link>
            </p>
          </>
        ) : null}
        {session.state !== 'FINISHED' && !isSelfPaced ? <PaceButtons current={pace} locale={locale} onSignal={(kind) => void signalPace(kind)} /> : null}
      </div>
    </PlayView>
  );
}

/**
 * A focused full-screen play view, as Kahoot's: it covers the site header and navigation, so a
 * phone shows only the game (the page behind it does not scroll).
 */
function PlayView({ children }: { children: ReactNode }) {
  return (
    <div className={styles.playView} data-testid="play-view">
      {children}
    </div>
  );
}

function ResultCard({ result, locale }: { result: TPlayerResult; locale: Locale }) {
  const verdict = !result.answered ? LIVE_TEXT.noAnswer[locale] : result.correct ? LIVE_TEXT.correct[locale] : result.grade > 0 ? LIVE_TEXT.partly[locale] : LIVE_TEXT.wrong[locale];
  return (
    <section className={styles.result} data-correct={result.correct} data-testid="result" aria-live="polite">
      <h2>
        {result.correct ? '✓' : '✗'} {verdict}
        <span className={styles.gained}>+{formatNumber(result.points, locale)} {LIVE_TEXT.points[locale]}</span>
      </h2>
      {result.feedback ? (
        <div>
          {result.mistake ? <strong>{LIVE_TEXT.mistake[locale]}</strong> : null}
          <MarkdownText key={result.feedback[locale]} markdown={result.feedback[locale]} />
        </div>
      ) : null}
      <p>
        {LIVE_TEXT.rank[locale]}: <strong>{formatRank(result.rank, result.participantCount, locale)}</strong> · {LIVE_TEXT.totalScore[locale]}{' '}
        <strong>{formatNumber(result.totalScore, locale)}</strong>
        {result.streak > 1 ? ` · ${LIVE_TEXT.streak[locale]} ${result.streak}` : ''}
      </p>
      {result.explanation.length > 0 ? <WorkedSolution steps={result.explanation} locale={locale} /> : null}
    </section>
  );
}
