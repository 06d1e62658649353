'use client';

import type { KeyboardEvent } from 'react';
import type { AnswerSpec, Parts } from '@/engine/exercises/answer-spec';
import type { Locale } from '@/lib/i18n/locales';
import { getAt, partAt, pathKey, type CellPath, type Draft } from '@/components/exercises/draft';
import { format, TEXT } from '@/components/exercises/text';
import type { CellFlags } from '@/components/exercises/cell-flags';
import styles from '@/components/exercises/exercise-view.module.css';

export interface AnswerInputProps {
  spec: AnswerSpec;
  draft: Draft;
  /** Accessible name of the whole answer (or of a field). */
  label: string;
  locale: Locale;
  /** Correctness of the last graded attempt; cells edited since then are not marked. */
  parts: Parts | null;
  editedCells: ReadonlySet<string>;
  /** Boxes the last submission found blank (path keys). */
  /** Boxes marked after the browser's check refused the draft: blank, or not a number. */
  cellFlags?: CellFlags;
  /** Field name to point at: the first wrong value of the last attempt. */
  firstWrong: string | null;
  isDisabled: boolean;
  idPrefix: string;
  onChange: (path: CellPath, value: string) => void;
}

type CellState = 'right' | 'wrong' | undefined;

export interface NodeProps extends AnswerInputProps {
  path: CellPath;
}

/** Inputs shaped like the AnswerSpec: one box per number, grids for vectors and matrices. */
export function AnswerInput(props: AnswerInputProps) {
  return <AnswerNode {...props} path={[]} />;
}

/** What the help line under the heading should cover: only what the form has. */
export function inputKinds(spec: AnswerSpec): { hasGrid: boolean; hasNumbers: boolean } {
  switch (spec.kind) {
    case 'scalar':
      return { hasGrid: false, hasNumbers: true };
    case 'shape':
    case 'choice':
      return { hasGrid: false, hasNumbers: false };
    case 'vector':
    case 'matrix':
      return { hasGrid: true, hasNumbers: true };
    case 'tensor':
      return { hasGrid: spec.shape.length > 0, hasNumbers: true };
    case 'fields': {
      const kinds = Object.values(spec.fields).map(inputKinds);
      return { hasGrid: kinds.some((k) => k.hasGrid), hasNumbers: kinds.some((k) => k.hasNumbers) };
    }
  }
}

function AnswerNode(props: NodeProps) {
  const { spec, label, locale, path } = props;
  switch (spec.kind) {
    case 'scalar':
      return <LabelledCell {...props} label={label} />;
    case 'shape':
      return <LabelledCell {...props} label={label} placeholder={TEXT.shapePlaceholder[locale]} />;
    case 'choice':
      return <ChoiceInput {...props} options={spec.options} />;
    case 'vector':
      return <CellGrid {...props} rows={1} cols={spec.length} cellPath={(_r, c) => [...path, c]} cellLabel={(_r, c) => `${label}, ${format(TEXT.entry[locale], { i: c + 1 })}`} />;
    case 'matrix':
      return <CellGrid {...props} rows={spec.rows} cols={spec.cols} cellPath={(r, c) => [...path, r, c]} cellLabel={(r, c) => matrixCellLabel(label, r, c, locale)} />;
    case 'tensor':
      return <TensorInput {...props} shape={spec.shape} />;
    case 'fields':
      return (
        <div className={styles.fields}>
          {Object.entries(spec.fields).map(([name, field]) => (
            <FieldBlock key={name} {...props} name={name} field={field} />
          ))}
        </div>
      );
  }
}

function matrixCellLabel(label: string, row: number, col: number, locale: Locale): string {
  return `${label}, ${format(TEXT.row[locale], { r: row + 1 })}, ${format(TEXT.column[locale], { c: col + 1 })}`;
}

function FieldBlock(props: NodeProps & { name: string; field: AnswerSpec & { label?: { ko: string; en: string } } }) {
  const { name, field, locale, path, firstWrong } = props;
  const fieldPath = [...path, name];
  const label = field.label?.[locale] ?? name;
  const state = stateOf(props, fieldPath);
  const isFirstWrong = path.length === 0 && firstWrong === name && !props.editedCells.has(pathKey(fieldPath));
  const badge = <StateBadge state={state} locale={locale} isFirstWrong={isFirstWrong} />;
  const child = { ...props, spec: field, label, path: fieldPath };
  if (field.kind === 'scalar' || field.kind === 'shape') {
    return (
      <div className={styles.field} data-first-wrong={isFirstWrong || undefined}>
        <LabelledCell {...child} badge={badge} placeholder={field.kind === 'shape' ? TEXT.shapePlaceholder[locale] : undefined} />
      </div>
    );
  }
  if (field.kind === 'choice') {
    return (
      <div className={styles.field} data-first-wrong={isFirstWrong || undefined}>
        <ChoiceInput {...child} options={field.options} badge={badge} />
      </div>
    );
  }
  return (
    <fieldset className={styles.field} data-first-wrong={isFirstWrong || undefined}>
      <legend>
        {label} {badge}
      </legend>
      <AnswerNode {...child} />
    </fieldset>
  );
}

function StateBadge({ state, locale, isFirstWrong }: { state: CellState; locale: Locale; isFirstWrong: boolean }) {
  if (state === undefined) return null;
  return (
    <span className={styles.badge} data-state={state}>
      {state === 'right' ? `✓ ${TEXT.cellRight[locale]}` : `✗ ${TEXT.cellWrong[locale]}`}
      {isFirstWrong ? ` · ${TEXT.firstWrong[locale]}` : ''}
    </span>
  );
}

function stateOf({ parts, editedCells }: Pick<NodeProps, 'parts' | 'editedCells'>, path: CellPath): CellState {
  if (parts === null || editedCells.has(pathKey(path))) return undefined;
  const part = partAt(parts, path);
  return part === undefined ? undefined : part ? 'right' : 'wrong';
}

export function cellId(idPrefix: string, path: CellPath): string {
  return `${idPrefix}-${path.map((key) => String(key).replace(/[^A-Za-z0-9_-]/g, '_')).join('-')}`;
}

export interface CellProps extends NodeProps {
  ariaLabel?: string;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  placeholder?: string;
}

export function Cell({ draft, path, idPrefix, isDisabled, onChange, ariaLabel, onKeyDown, placeholder, locale, cellFlags, ...rest }: CellProps) {
  const value = getAt(draft, path);
  const flag = cellFlags?.get(pathKey(path));
  const state = flag ? undefined : stateOf(rest, path);
  const flagText = flag === 'empty' ? TEXT.cellEmpty[locale] : flag === 'unreadable' ? TEXT.cellUnreadable[locale] : null;
  const stateText = flagText ? `, ${flagText}` : state === undefined ? '' : `, ${state === 'right' ? TEXT.cellRight[locale] : TEXT.cellWrong[locale]}`;
  return (
    <span className={styles.cell} data-state={state} data-empty={flag === 'empty' || undefined} data-unreadable={flag === 'unreadable' || undefined}>
      <input
        id={cellId(idPrefix, path)}
        type="text"
        value={typeof value === 'string' ? value : ''}
        aria-label={ariaLabel === undefined ? undefined : `${ariaLabel}${stateText}`}
        aria-invalid={state === 'wrong' || flag !== undefined || undefined}
        placeholder={placeholder}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        readOnly={isDisabled}
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => onChange(path, event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
    </span>
  );
}

function LabelledCell(props: CellProps & { badge?: React.ReactNode }) {
  const { label, badge, path, idPrefix } = props;
  // The whole answer in one box: the form's heading already names it, so the label is for screen readers only.
  const isWholeAnswer = path.length === 0;
  return (
    <div className={styles.labelled}>
      <label htmlFor={cellId(idPrefix, path)} className={isWholeAnswer ? styles.visuallyHidden : undefined}>
        {label} {badge}
      </label>
      <Cell {...props} />
    </div>
  );
}

function ChoiceInput(props: NodeProps & { options: { id: string; label: { ko: string; en: string } }[]; badge?: React.ReactNode }) {
  const { options, draft, path, idPrefix, isDisabled, onChange, label, locale, badge, cellFlags } = props;
  const selected = getAt(draft, path);
  const name = cellId(idPrefix, path);
  return (
    <fieldset className={styles.choice} data-empty={cellFlags?.get(pathKey(path)) === 'empty' || undefined}>
      <legend>
        {label} {badge}
      </legend>
      {options.map((option) => (
        <label key={option.id} className={styles.option}>
          <input type="radio" name={name} value={option.id} checked={selected === option.id} disabled={isDisabled} onChange={() => onChange(path, option.id)} />
          {option.label[locale]}
        </label>
      ))}
    </fieldset>
  );
}

interface GridProps extends NodeProps {
  rows: number;
  cols: number;
  cellPath: (row: number, col: number) => CellPath;
  cellLabel: (row: number, col: number) => string;
}

/**
 * A grid of cells. Tab walks it row by row (DOM order); arrow keys move like a spreadsheet:
 * up and down always, left and right once the caret reaches the edge of the text.
 */
function CellGrid(props: GridProps) {
  const { rows, cols, cellPath, cellLabel, idPrefix } = props;
  const move = (event: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    const input = event.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    const isAllSelected = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    const target =
      event.key === 'ArrowUp' ? [row - 1, col] :
      event.key === 'ArrowDown' ? [row + 1, col] :
      event.key === 'ArrowLeft' && (atStart || isAllSelected) ? [row, col - 1] :
      event.key === 'ArrowRight' && (atEnd || isAllSelected) ? [row, col + 1] :
      null;
    if (!target || target[0] < 0 || target[0] >= rows || target[1] < 0 || target[1] >= cols) return;
    event.preventDefault();
    document.getElementById(cellId(idPrefix, cellPath(target[0], target[1])))?.focus();
  };
  return (
    <div className={styles.gridScroll}>
      <table className={styles.grid}>
        <tbody>
          {Array.from({ length: rows }, (_, row) => (
            <tr key={row}>
              {Array.from({ length: cols }, (_, col) => (
                <td key={col}>
                  <Cell {...props} path={cellPath(row, col)} ariaLabel={cellLabel(row, col)} onKeyDown={(event) => move(event, row, col)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Rank ≤ 2 is a vector or a matrix; higher ranks are a matrix per leading index, e.g. [1, :, :]. */
function TensorInput(props: NodeProps & { shape: readonly number[] }) {
  const { shape, path, label, locale } = props;
  if (shape.length === 0) return <LabelledCell {...props} />;
  if (shape.length === 1) {
    return <CellGrid {...props} rows={1} cols={shape[0]} cellPath={(_r, c) => [...path, c]} cellLabel={(_r, c) => `${label}, ${format(TEXT.entry[locale], { i: c + 1 })}`} />;
  }
  if (shape.length === 2) {
    return <CellGrid {...props} rows={shape[0]} cols={shape[1]} cellPath={(r, c) => [...path, r, c]} cellLabel={(r, c) => matrixCellLabel(label, r, c, locale)} />;
  }
  const [length, ...rest] = shape;
  return (
    <div className={styles.fields}>
      {Array.from({ length }, (_, index) => {
        const sliceLabel = `${label} [${index + 1}${', :'.repeat(rest.length)}]`;
        return (
          <fieldset key={index} className={styles.field}>
            <legend>{sliceLabel}</legend>
            <TensorInput {...props} shape={rest} path={[...path, index]} label={sliceLabel} />
          </fieldset>
        );
      })}
    </div>
  );
}
