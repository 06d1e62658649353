'use client';
import { useRef, useState, type PointerEvent } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import type { TCnnConfig } from '@/engine/playground/config-schema';
import type { Point } from '@/engine/playground/datasets/digits';
import { DIGIT_SIZE } from '@/engine/playground/models/cnn-shapes';
import { drawnDigitImage, predictDigit, type DigitPrediction } from '@/engine/playground/draw-digit';
import { PixelGrid } from './pixel-grid';
import { fill, formatPercent, T } from './playground-text';
import styles from './playground.module.css';

/** The canvas's own resolution; it is shown at up to 240 CSS pixels (less on a narrow phone). */
const CANVAS_SIDE = 240;
/** About the generated digits' pen once the drawing is fitted to their box (draw-digit.ts). */
const PEN_WIDTH = 20;

type Result = { image: number[]; prediction: DigitPrediction } | { error: string };

/**
 * "Draw a digit" on a trained CNN run: mouse, pen or finger strokes on a square, turned into the
 * 12×12 image the generated digits are (drawnDigitImage) and classified in the browser with the
 * run's stored trained weights (predictDigit): the prediction, the softmax and every feature map.
 */
export function DrawDigit({ config, parameters, locale }: { config: TCnnConfig; parameters: number[][]; locale: Locale }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Point[][]>([]);
  const isDrawing = useRef(false);
  const [result, setResult] = useState<Result | null>(null);

  const pointOf = (event: PointerEvent<HTMLCanvasElement>): Point => {
    const rect = event.currentTarget.getBoundingClientRect();
    const clamp = (v: number) => Math.min(1, Math.max(0, v));
    return [clamp((event.clientX - rect.left) / rect.width), clamp((event.clientY - rect.top) / rect.height)];
  };
  const pen = () => {
    const context = canvasRef.current?.getContext('2d');
    if (context) {
      context.strokeStyle = '#111';
      context.fillStyle = '#111';
      context.lineWidth = PEN_WIDTH;
      context.lineCap = 'round';
      context.lineJoin = 'round';
    }
    return context;
  };
  const classify = () => {
    if (strokes.current.length === 0) return;
    try {
      const image = drawnDigitImage(strokes.current);
      setResult({ image, prediction: predictDigit(config, parameters, image) });
    } catch {
      setResult({ error: T.drawFailed[locale] });
    }
  };

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    isDrawing.current = true;
    const point = pointOf(event);
    strokes.current.push([point]);
    const context = pen();
    context?.beginPath();
    context?.arc(point[0] * CANVAS_SIDE, point[1] * CANVAS_SIDE, PEN_WIDTH / 2, 0, 2 * Math.PI);
    context?.fill();
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!isDrawing.current) return;
    const stroke = strokes.current.at(-1);
    const from = stroke?.at(-1);
    if (!stroke || !from) return;
    const point = pointOf(event);
    stroke.push(point);
    const context = pen();
    context?.beginPath();
    context?.moveTo(from[0] * CANVAS_SIDE, from[1] * CANVAS_SIDE);
    context?.lineTo(point[0] * CANVAS_SIDE, point[1] * CANVAS_SIDE);
    context?.stroke();
  };
  const onPointerUp = () => {
    if (!isDrawing.current) return;
    isDrawing.current = false;
    classify();
  };
  const clear = () => {
    strokes.current = [];
    canvasRef.current?.getContext('2d')?.clearRect(0, 0, CANVAS_SIDE, CANVAS_SIDE);
    setResult(null);
  };

  const prediction = result && 'prediction' in result ? result.prediction : null;
  return (
    <section className={styles.drawDigit} aria-labelledby="draw-digit-title" data-testid="draw-digit">
      <h3 id="draw-digit-title">{T.drawDigit[locale]}</h3>
      <p className="muted">{T.drawHint[locale]}</p>
      <div className={styles.drawRow}>
        <div>
          <canvas
            ref={canvasRef}
            className={styles.drawCanvas}
            width={CANVAS_SIDE}
            height={CANVAS_SIDE}
            role="img"
            aria-label={T.drawCanvas[locale]}
            data-testid="draw-canvas"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
          />
          <p className="button-row">
            <button type="button" className="button secondary" onClick={clear}>{T.drawClear[locale]}</button>
          </p>
        </div>
        {result && 'error' in result ? <p className="error" role="alert">{result.error}</p> : null}
        {result && prediction && 'image' in result ? (
          <>
            <div data-testid="digit-input" data-image={JSON.stringify(result.image)}>
              <h4>{T.drawModelSees[locale]}</h4>
              <PixelGrid values={result.image} side={DIGIT_SIZE} size={96} palette="ink" label={T.drawModelSees[locale]} />
              <p role="status" data-testid="digit-prediction" data-digit={prediction.predicted}>
                {fill(T.drawPrediction[locale], { d: prediction.predicted, p: formatPercent(prediction.probabilities[prediction.predicted]) })}
              </p>
            </div>
            <div className={styles.softmaxBox}>
              <h4>{T.drawSoftmax[locale]}</h4>
              <ol className={styles.softmax} data-testid="digit-softmax">
                {prediction.probabilities.map((p, digit) => (
                  <li key={digit} data-probability={p} data-top={digit === prediction.predicted}>
                    <span>{digit}</span>
                    <span className={styles.softmaxBar}><span style={{ width: `${(p * 100).toFixed(1)}%` }} /></span>
                    <span>{formatPercent(p)}</span>
                  </li>
                ))}
              </ol>
            </div>
          </>
        ) : null}
      </div>
      {prediction
        ? prediction.convLayers.map((layer, l) => (
            <div key={l}>
              <h4>{fill(T.drawLayerMaps[locale], { l: l + 1, s: layer.side })}</h4>
              <div className={styles.tiles} data-testid="digit-feature-maps">
                {layer.maps.map((map, f) => (
                  <PixelGrid key={f} values={map} side={layer.side} size={layer.side >= 12 ? 72 : 48} palette="diverging" label={`${fill(T.drawLayerMaps[locale], { l: l + 1, s: layer.side })} ${f + 1}`} />
                ))}
              </div>
            </div>
          ))
        : null}
    </section>
  );
}
