'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { AdjustableKnob, ModelKind, TTrainingConfig } from '@/engine/playground/config-schema';
import { countParameters } from '@/engine/playground/count-parameters';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import { TRAINING_LIMITS } from '@/engine/playground/limits';
import { knobLabel } from '@/engine/playground/knob-messages';
import { ForkBanner, type ForkOrigin } from './fork-banner';
import { KnobForm } from './knob-form';
import { SelectKnob } from './knob-fields';
import { fill, MODEL_NAMES, T } from './playground-text';
import { ProgressBar } from './progress-bar';
import { RunCharts } from './run-charts';
import { RunTimeline } from './run-timeline';
import { SnapshotView } from './snapshot-view';
import { PairTimeline } from './pair-timeline';
import { useKnobErrors } from './use-knob-errors';
import { useTrainingSocket, type LiveRun } from './use-training-socket';
import styles from './playground.module.css';

type Tab = 'classic' | 'mlp' | 'cnn' | 'sequence' | 'transformer';
const TABS: { id: Tab; label: keyof typeof T }[] = [
  { id: 'classic', label: 'tabClassic' },
  { id: 'mlp', label: 'tabMlp' },
  { id: 'cnn', label: 'tabCnn' },
  { id: 'sequence', label: 'tabSequence' },
  { id: 'transformer', label: 'tabTransformer' },
];

function tabOf(model: ModelKind): Tab {
  if (model === 'perceptron' || model === 'delta-rule') return 'classic';
  if (model === 'rnn' || model === 'lstm') return 'sequence';
  return model;
}

const INITIAL: Record<Tab, TTrainingConfig> = {
  classic: DEFAULT_CONFIGS.perceptron,
  mlp: DEFAULT_CONFIGS.mlp,
  cnn: DEFAULT_CONFIGS.cnn,
  sequence: DEFAULT_CONFIGS.rnn,
  transformer: DEFAULT_CONFIGS.transformer,
};

type StartedRun = { runId: string; config: TTrainingConfig };

/** A challenge the page trains for: its time budget is the run's wall time, its rules are checked before starting. */
export type PlaygroundChallenge = { id: string; title: string; model: ModelKind; task: string; maxParams: number; maxSeconds: number };

export type PlaygroundProps = {
  locale: Locale;
  initialConfig?: TTrainingConfig;
  forkedFrom?: ForkOrigin;
  challenge?: PlaygroundChallenge;
};

/** The knob form, the train/stop buttons and the live view of the runs started from this page. */
export function Playground({ locale, initialConfig, forkedFrom, challenge }: PlaygroundProps) {
  const router = useRouter();
  const { isConnected, runs, start, stop, setKnob } = useTrainingSocket();
  const [tab, setTab] = useState<Tab>(initialConfig ? tabOf(initialConfig.model) : 'mlp');
  const [configs, setConfigs] = useState<Record<Tab, TTrainingConfig>>(() => (initialConfig ? { ...INITIAL, [tabOf(initialConfig.model)]: initialConfig } : INITIAL));
  const [started, setStarted] = useState<Record<Tab, StartedRun[]>>({ classic: [], mlp: [], cnn: [], sequence: [], transformer: [] });
  const [message, setMessage] = useState<string | null>(null);
  const [isStarting, setIsStarting] = useState(false);
  const [fork, setFork] = useState(forkedFrom);

  const config = configs[tab];
  // One localised message per knob, naming its allowed range (knob-messages.ts); shown under the knob only.
  const { validation, errors } = useKnobErrors(config, locale);
  // An empty point list is where "your own data" starts, not a mistake: its rule stands in the
  // editor's help, and turns red only once the student presses Train (or has placed points).
  const [hasTriedToTrain, setHasTriedToTrain] = useState(false);
  const shownErrors = useMemo(() => {
    const isFreshCustom = config.model === 'mlp' && config.task === 'custom' && (config.points?.length ?? 0) === 0;
    return isFreshCustom && !hasTriedToTrain ? Object.fromEntries(Object.entries(errors).filter(([knob]) => knob !== 'points')) : errors;
  }, [errors, config, hasTriedToTrain]);
  // Shown while the knobs move, over the limit too; '—' while a knob is not a number.
  const params = useMemo(() => {
    try {
      const count = countParameters(config);
      return Number.isFinite(count) ? count : null;
    } catch {
      return null;
    }
  }, [config]);

  const current = started[tab];
  const shown: { run: LiveRun; config: TTrainingConfig }[] = (tab === 'sequence' ? latestPerModel(current) : current.slice(-1)).flatMap((s) => (runs[s.runId] ? [{ run: runs[s.runId], config: s.config }] : []));
  const isBusy = shown.some(({ run }) => run.status === 'QUEUED' || run.status === 'RUNNING');

  // The run list below is server-rendered: refresh it whenever one of our runs ends.
  const finishedCount = Object.values(runs).filter((r) => r.status === 'COMPLETED' || r.status === 'STOPPED' || r.status === 'FAILED').length;
  useEffect(() => {
    if (finishedCount > 0) router.refresh();
  }, [finishedCount, router]);

  const launch = async (toStart: TTrainingConfig[]) => {
    setMessage(null);
    setIsStarting(true);
    try {
      for (const item of toStart) {
        const ack = await start(item, { forkedFromId: fork?.id, challengeId: challenge && item.model === challenge.model ? challenge.id : undefined });
        if (!ack.ok) {
          setMessage(ack.error.text[locale]);
          return;
        }
        setStarted((previous) => ({ ...previous, [tab]: [...previous[tab], { runId: ack.runId, config: item }] }));
      }
      setFork(undefined);
      router.refresh();
    } finally {
      setIsStarting(false);
    }
  };
  const onTrain = () => {
    if (!validation.success) {
      setHasTriedToTrain(true);
      // The reasons stand under the knobs; here only which knobs, and the first one gets the focus.
      const names = Object.keys(errors).map((knob) => (knob === 'model' ? T.params[locale] : knobLabel(config.model, knob)[locale]));
      setMessage(fill(T.fixKnobs[locale], { knobs: names.join(', ') }));
      document.querySelector<HTMLElement>('#playground-panel form [aria-invalid="true"]')?.focus();
      return;
    }
    void launch([validation.data]);
  };
  const onTrainBoth = () => {
    if (!validation.success || (config.model !== 'rnn' && config.model !== 'lstm')) return;
    void launch([{ ...validation.data, model: 'rnn' } as TTrainingConfig, { ...validation.data, model: 'lstm' } as TTrainingConfig]);
  };
  const changeKnob = async (runId: string, knob: AdjustableKnob, value: number) => {
    const ack = await setKnob(runId, knob, value);
    return ack.ok ? { ok: true as const, fromEpoch: ack.fromEpoch } : { ok: false as const, text: ack.error.text[locale] };
  };
  const setConfig = (next: TTrainingConfig) => setConfigs((previous) => ({ ...previous, [tab]: next }));

  return (
    <div className={styles.playground}>
      {!isConnected ? <p className="muted" role="status">{T.disconnected[locale]}</p> : null}
      <div role="tablist" aria-label={T.tabs[locale]} className={styles.tabs}>
        {TABS.map((item) => (
          <button key={item.id} type="button" role="tab" id={`tab-${item.id}`} aria-selected={tab === item.id} aria-controls="playground-panel" className={tab === item.id ? styles.tabActive : styles.tab} onClick={() => setTab(item.id)}>
            {T[item.label][locale]}
          </button>
        ))}
      </div>
      <div id="playground-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} className={styles.panel}>
        <form
          className={styles.form}
          aria-label={T.knobs[locale]}
          // The schema validates (with messages in both languages); the browser's step rules would only get in the way.
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            onTrain();
          }}
        >
          {tab === 'classic' ? (
            <SelectKnob name="model" labelKey="rule" locale={locale} value={config.model === 'delta-rule' ? 'delta-rule' : 'perceptron'} options={['perceptron', 'delta-rule'] as const} optionLabel={(m) => MODEL_NAMES[m][locale]} onChange={(model) => setConfig(switchRule(config, model))} />
          ) : null}
          {tab === 'sequence' ? (
            <SelectKnob name="model" labelKey="cell" locale={locale} value={config.model === 'lstm' ? 'lstm' : 'rnn'} options={['rnn', 'lstm'] as const} optionLabel={(m) => MODEL_NAMES[m][locale]} onChange={(model) => setConfig({ ...config, model } as TTrainingConfig)} />
          ) : null}
          <KnobForm key={tab} config={config} onChange={setConfig} locale={locale} errors={shownErrors} />
          <p className={errors.model ? 'error' : 'muted'} data-testid="param-count">
            {T.params[locale]}: {formatNumber(params, locale)} / {formatNumber(TRAINING_LIMITS.maxParams, locale)}
            {errors.model ? ` — ${errors.model}` : ''}
          </p>
          {fork ? <ForkBanner origin={fork} locale={locale} isForking /> : null}
          {challenge ? (
            <p className="muted" data-testid="challenge-banner">
              {fill(T.forChallenge[locale], { title: challenge.title, p: formatNumber(challenge.maxParams, locale), s: challenge.maxSeconds })}
            </p>
          ) : null}
          <div className={styles.actions}>
            <button type="submit" className="button" disabled={isStarting || !isConnected}>
              {isStarting ? T.starting[locale] : T.train[locale]}
            </button>
            {tab === 'sequence' ? (
              <button type="button" className="button secondary" disabled={isStarting || !isConnected} onClick={onTrainBoth}>
                {T.trainBoth[locale]}
              </button>
            ) : null}
            {shown.filter(({ run }) => run.status === 'QUEUED' || run.status === 'RUNNING').map(({ run, config: c }) => (
              <button key={run.runId} type="button" className="button secondary" onClick={() => void stop(run.runId)}>
                {T.stop[locale]}{shown.length > 1 ? ` (${MODEL_NAMES[c.model][locale]})` : ''}
              </button>
            ))}
          </div>
          {message ? <p className="error" role="alert">{message}</p> : null}
          <p className="muted">
            {fill(T.limits[locale], { p: formatNumber(TRAINING_LIMITS.maxParams, locale), e: TRAINING_LIMITS.maxEpochs, s: TRAINING_LIMITS.wallSeconds, q: TRAINING_LIMITS.maxQueuedPerUser })}
          </p>
        </form>
        <section className={styles.live} aria-live="polite" aria-busy={isBusy}>
          {shown.length === 0 ? <RunCharts curves={[]} totalEpochs={config.epochs} locale={locale} /> : null}
          {shown.map(({ run, config: c }) => (
            <ProgressBar key={run.runId} run={run} locale={locale} name={shown.length > 1 ? MODEL_NAMES[c.model][locale] : undefined} />
          ))}
          {tab === 'sequence' && shown.length > 0 ? (
            <PairTimeline
              key={shown.map(({ run }) => run.runId).join(' ')}
              runs={shown.map(({ run, config: c }, i) => ({
                name: MODEL_NAMES[c.model][locale],
                config: c,
                metrics: run.metrics,
                frames: run.frames ?? [],
                totalEpochs: run.totalEpochs,
                color: i === 0 ? '#1d4ed8' : '#7c3aed',
                altColor: i === 0 ? '#ea580c' : '#db2777',
              }))}
              locale={locale}
              isLive={isBusy}
            />
          ) : null}
          {tab !== 'sequence' && shown[0] ? (
            <RunTimeline
              key={shown[0].run.runId}
              config={shown[0].config}
              metrics={shown[0].run.metrics}
              frames={shown[0].run.frames ?? []}
              totalEpochs={shown[0].run.totalEpochs}
              locale={locale}
              isLive={shown[0].run.status === 'QUEUED' || shown[0].run.status === 'RUNNING'}
              error={shown[0].run.error}
              onSetKnob={shown[0].run.status === 'RUNNING' ? (knob, value) => changeKnob(shown[0].run.runId, knob, value) : undefined}
            />
          ) : null}
          {tab !== 'sequence' && !shown[0] && (tab === 'mlp' || tab === 'classic') && validation.success ? <SnapshotView config={validation.data} snapshot={null} locale={locale} /> : null}
        </section>
      </div>
    </div>
  );
}

/** The latest RNN run and the latest LSTM run, side by side. */
function latestPerModel(list: StartedRun[]): StartedRun[] {
  const latest = new Map<ModelKind, StartedRun>();
  for (const item of list) latest.set(item.config.model, item);
  return [...latest.values()].sort((a, b) => (a.config.model < b.config.model ? 1 : -1));
}

/** Perceptron ⇄ delta rule: keep the task, epochs, seed and noise; take the rule's own learning rate. */
function switchRule(config: TTrainingConfig, model: 'perceptron' | 'delta-rule'): TTrainingConfig {
  const base = DEFAULT_CONFIGS[model];
  if (config.model !== 'perceptron' && config.model !== 'delta-rule') return base;
  return { ...base, task: config.task, epochs: config.epochs, seed: config.seed, noise: config.noise };
}
