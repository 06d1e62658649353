'use client';

import { useMemo, useState, type KeyboardEvent } from 'react';
import type { Localized } from '@/lib/i18n/locales';
import { FigureFrame } from '@/components/figures/figure-frame';
import { COMMON_TEXT, type FigureProps } from '@/components/figures/figure-text';
import { fill } from '@/lib/i18n/fill';
import { formatNumber } from '@/components/figures/format-number';
import { MatrixEditor } from '@/components/figures/matrix-editor';
import { NumberInput } from '@/components/figures/number-input';
import { CONV_DEFAULTS, convolve, outputSize, windowTerms, type ConvSetup } from '@/components/figures/conv-stepper-model';
import shared from '@/components/figures/figure.module.css';
import styles from '@/components/figures/conv-stepper.module.css';

const TEXT = {
  title: { ko: '필터를 한 칸씩 옮기는 컨볼루션', en: 'Convolution, one filter position at a time' },
  caption: {
    ko: '굵은 테두리가 현재 필터 위치입니다. 겹치는 숫자끼리 곱해 더한 값이 출력의 한 칸이 됩니다. 다음 칸의 값을 먼저 예측한 뒤 "다음"을 누르세요. 출력 칸 격자에 초점을 두고 화살표 키로도 옮길 수 있습니다. 값은 엔진의 conv2d로 계산합니다.',
    en: 'The thick outline is the filter’s current position. Multiplying the overlapping numbers and adding them up gives one output cell. Predict the next cell before you press Next. You can also focus the output grid and move with the arrow keys. Values come from the engine’s conv2d.',
  },
  image: { ko: '입력 이미지 (회색 0은 패딩)', en: 'Input image (grey 0s are padding)' },
  kernel: { ko: '필터 K', en: 'Filter K' },
  output: { ko: '출력 특징 맵', en: 'Output feature map' },
  outputHelp: { ko: '화살표 키로 필터 위치를 옮깁니다', en: 'arrow keys move the filter' },
  stride: { ko: '스트라이드 S', en: 'Stride S' },
  padding: { ko: '패딩 P', en: 'Padding P' },
  revealAll: { ko: '모두 보기', en: 'Reveal all' },
  restart: { ko: '처음부터', en: 'Start over' },
  cell: { ko: '{row}행 {column}열', en: 'row {row}, column {column}' },
  size: { ko: '출력 크기', en: 'Output size' },
  hidden: { ko: '아직 계산하지 않음', en: 'not computed yet' },
  row: { ko: '행', en: 'Row' },
  column: { ko: '열', en: 'Col' },
  imageCell: { ko: '입력', en: 'Input' },
} satisfies Record<string, Localized>;

const IMAGE_RANGE = { min: -9, max: 9 };

export default function ConvStepper({ locale }: FigureProps) {
  const [setup, setSetup] = useState<ConvSetup>(CONV_DEFAULTS);
  const [position, setPosition] = useState(0);
  const [revealed, setRevealed] = useState(0);
  const output = useMemo(() => convolve(setup), [setup]);
  const rows = output.length;
  const columns = output[0]?.length ?? 0;
  const cellCount = rows * columns;
  const current = Math.min(position, cellCount - 1);
  const currentRow = Math.floor(current / columns);
  const currentColumn = current % columns;
  const terms = windowTerms(setup, currentRow, currentColumn);
  const inWindow = new Set(terms.map((term) => `${term.row},${term.column}`));
  const n = setup.image.length;
  const k = setup.kernel.length;
  const paddedSize = n + 2 * setup.padding;

  const moveTo = (next: number) => {
    const clamped = Math.max(0, Math.min(cellCount - 1, next));
    setPosition(clamped);
    setRevealed((old) => Math.max(old, clamped));
  };
  const change = (patch: Partial<ConvSetup>) => {
    setSetup((old) => ({ ...old, ...patch }));
    if (patch.stride !== undefined || patch.padding !== undefined) {
      setPosition(0);
      setRevealed(0);
    }
  };
  const onGridKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, ArrowDown: current + columns, ArrowUp: current - columns, Home: 0, End: cellCount - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    moveTo(moves[event.key]);
  };
  const cellName = (row: number, column: number) => fill(TEXT.cell[locale], { row: row + 1, column: column + 1 });
  const expression = `${terms.map((term) => `${formatNumber(term.input)}×${formatNumber(term.weight)}`).join(' + ')} = ${formatNumber(output[currentRow][currentColumn])}`;
  const sizeFormula = `⌊(${n} + 2·${setup.padding} − ${k}) / ${setup.stride}⌋ + 1 = ${outputSize(n, k, setup.stride, setup.padding)}`;

  return (
    <FigureFrame
      name="conv-stepper"
      locale={locale}
      title={TEXT.title[locale]}
      caption={TEXT.caption[locale]}
      table={
        <table className={shared.numbers}>
          <caption>{TEXT.output[locale]}</caption>
          <thead>
            <tr>
              <td />
              {output[0].map((_, column) => (
                <th key={column} scope="col">{TEXT.column[locale]} {column + 1}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {output.map((values, row) => (
              <tr key={row}>
                <th scope="row">{TEXT.row[locale]} {row + 1}</th>
                {values.map((value, column) => (
                  <td key={column}>{formatNumber(value)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <div className={shared.controls}>
        <div role="group" aria-label={TEXT.stride[locale]} className={shared.buttons}>
          <span className={styles.groupLabel} aria-hidden="true">{TEXT.stride[locale]}</span>
          {[1, 2].map((stride) => (
            <button key={stride} type="button" aria-pressed={setup.stride === stride} onClick={() => change({ stride })}>{stride}</button>
          ))}
        </div>
        <div role="group" aria-label={TEXT.padding[locale]} className={shared.buttons}>
          <span className={styles.groupLabel} aria-hidden="true">{TEXT.padding[locale]}</span>
          {[0, 1].map((padding) => (
            <button key={padding} type="button" aria-pressed={setup.padding === padding} onClick={() => change({ padding })}>{padding}</button>
          ))}
        </div>
        <div className={shared.buttons}>
          <button type="button" onClick={() => { setSetup(CONV_DEFAULTS); setPosition(0); setRevealed(0); }}>{COMMON_TEXT.reset[locale]}</button>
        </div>
      </div>

      <div className={styles.layout}>
        <div>
          <p className={styles.heading} id="conv-image-label">{TEXT.image[locale]}</p>
          <div className={styles.image} style={{ gridTemplateColumns: `repeat(${paddedSize}, auto)` }} role="group" aria-labelledby="conv-image-label">
            {Array.from({ length: paddedSize * paddedSize }, (_, index) => {
              const row = Math.floor(index / paddedSize);
              const column = index % paddedSize;
              const r = row - setup.padding;
              const c = column - setup.padding;
              const isPadding = r < 0 || c < 0 || r >= n || c >= n;
              const className = `${styles.pixel} ${inWindow.has(`${row},${column}`) ? styles.inWindow : ''} ${isPadding ? styles.padding : ''}`;
              return (
                <div key={index} className={className}>
                  {isPadding ? (
                    <span aria-hidden="true">0</span>
                  ) : (
                    <NumberInput
                      id={`conv-image-${r}-${c}`}
                      value={setup.image[r][c]}
                      onChange={(value) => change({ image: setup.image.map((line, i) => line.map((old, j) => (i === r && j === c ? value : old))) })}
                      {...IMAGE_RANGE}
                      locale={locale}
                      ariaLabel={`${TEXT.imageCell[locale]} ${cellName(r, c)}`}
                      isCompact
                    />
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <MatrixEditor
          id="conv-kernel"
          caption={TEXT.kernel[locale]}
          rowLabels={['1', '2', '3']}
          columnLabels={['1', '2', '3']}
          values={setup.kernel}
          onChange={(kernel) => change({ kernel })}
          {...IMAGE_RANGE}
          locale={locale}
        />
        <div>
          <p className={styles.heading} id="conv-output-label">{TEXT.output[locale]}</p>
          <div
            className={styles.output}
            style={{ gridTemplateColumns: `repeat(${columns}, auto)` }}
            tabIndex={0}
            role="group"
            aria-label={`${TEXT.output[locale]} (${TEXT.outputHelp[locale]})`}
            onKeyDown={onGridKey}
            data-testid="conv-output"
          >
            {output.flatMap((values, row) =>
              values.map((value, column) => {
                const index = row * columns + column;
                const isShown = index <= revealed;
                return (
                  <button
                    key={index}
                    type="button"
                    tabIndex={-1}
                    className={`${styles.outCell} ${index === current ? styles.current : ''}`}
                    aria-label={`${cellName(row, column)}: ${isShown ? formatNumber(value) : TEXT.hidden[locale]}`}
                    onClick={() => moveTo(index)}
                  >
                    {isShown ? formatNumber(value) : '?'}
                  </button>
                );
              }),
            )}
          </div>
        </div>
      </div>

      <div className={shared.buttons}>
        <button type="button" onClick={() => moveTo(current - 1)} disabled={current === 0}>◀ {COMMON_TEXT.previous[locale]}</button>
        <button type="button" onClick={() => moveTo(current + 1)} disabled={current === cellCount - 1}>{COMMON_TEXT.next[locale]} ▶</button>
        <button type="button" onClick={() => setRevealed(cellCount - 1)}>{TEXT.revealAll[locale]}</button>
        <button type="button" onClick={() => { setPosition(0); setRevealed(0); }}>{TEXT.restart[locale]}</button>
      </div>
      <p className={`${shared.numbers} ${styles.expression}`} aria-live="polite" data-testid="conv-expression">
        <strong>{cellName(currentRow, currentColumn)}:</strong> {expression}
      </p>
      <p className={shared.numbers}>
        {TEXT.size[locale]}: {sizeFormula} → conv2d: {rows}×{columns}
      </p>
    </FigureFrame>
  );
}
