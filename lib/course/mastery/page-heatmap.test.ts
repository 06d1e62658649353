import { describe, expect, it } from 'vitest';
import { masteryLevel, MASTERY_LEVELS, type MasteryLevel } from '@/lib/course/mastery/bkt';
import type { ClassMastery, HeatmapRow } from '@/lib/course/mastery/get-class-mastery';
import { heatmapSortColumns, pageHeatmap } from '@/lib/course/mastery/page-heatmap';
import { STUDENT_PAGE_SIZE, sortKeyOf } from '@/lib/gradebook/student-table-view';

// A class of 123 students × 3 skills whose P(known) is drawn first and kept in `truth` (null: not
// started); the expected orders are computed from `truth` and the names, not by the sort itself.

const SKILLS = ['rnn-step', 'pooling', 'softmax'];
const STUDENTS = 123;
const nameOf = (i: number) => `Student ${String(i).padStart(3, '0')}`;
const truth: (number | null)[][] = Array.from({ length: STUDENTS }, (_, i) => SKILLS.map((_, s) => ((i + s) % 7 === 0 ? null : ((i * 37 + s * 11) % 101) / 100)));

function makeMastery(): ClassMastery {
  const rows: HeatmapRow[] = truth.map((ps, i) => ({
    userId: `user-${String(i).padStart(3, '0')}`,
    name: nameOf(i),
    cells: ps.map((pKnown) => ({ pKnown, attempts: pKnown === null ? 0 : 3, level: masteryLevel(pKnown, pKnown === null ? 0 : 3) })),
  }));
  const levelCounts = Object.fromEntries(MASTERY_LEVELS.map((level) => [level, 0])) as Record<MasteryLevel, number>;
  // Rows arrive in any order: the page sorts them.
  return { skills: SKILLS.map((typeId) => ({ typeId, title: { ko: typeId, en: typeId }, unitId: 'u', levelCounts })), rows: [...rows].reverse() };
}

/** Student indexes ordered by skill `s`'s P (not started below every P), ties by name. */
function bySkill(s: number, isAscending: boolean): number[] {
  const value = (i: number) => truth[i][s] ?? -1;
  return Array.from({ length: STUDENTS }, (_, i) => i).sort((a, b) => (value(a) - value(b)) * (isAscending ? 1 : -1) || nameOf(a).localeCompare(nameOf(b)));
}

const namesOf = (rows: HeatmapRow[]) => rows.map((row) => row.name);

describe('pageHeatmap', () => {
  const mastery = makeMastery();

  it('offers the name and every skill as sort columns', () => {
    expect(heatmapSortColumns(mastery).map(sortKeyOf)).toEqual(['name', 'exercise:rnn-step', 'exercise:pooling', 'exercise:softmax']);
  });

  it('shows 50 students a page by name, and clamps a page past the end', () => {
    const first = pageHeatmap(mastery, {}, 'en');
    expect(namesOf(first.rows)).toEqual(Array.from({ length: STUDENT_PAGE_SIZE }, (_, i) => nameOf(i)));
    expect(first.info).toEqual({ page: 1, pageCount: 3, total: STUDENTS, from: 1, to: 50 });
    const last = pageHeatmap(mastery, { page: '9' }, 'en');
    expect(last.info).toMatchObject({ page: 3, from: 101, to: STUDENTS });
    expect(namesOf(last.rows)).toEqual(Array.from({ length: STUDENTS - 100 }, (_, i) => nameOf(100 + i)));
  });

  it('sorts by a skill’s P(known), highest first, lowest first on request, with not-started students last', () => {
    for (const [s, typeId] of SKILLS.entries()) {
      const high = bySkill(s, false);
      const all = [1, 2, 3].flatMap((page) => namesOf(pageHeatmap(mastery, { sort: `exercise:${typeId}`, page: String(page) }, 'en').rows));
      expect(all).toEqual(high.map(nameOf));
      expect(truth[high.at(-1)!][s]).toBeNull();
      const low = pageHeatmap(mastery, { sort: `exercise:${typeId}`, dir: 'asc' }, 'en');
      expect(namesOf(low.rows)).toEqual(bySkill(s, true).slice(0, STUDENT_PAGE_SIZE).map(nameOf));
      expect(low.view).toMatchObject({ column: { kind: 'exercise', id: typeId }, isAscending: true, page: 1 });
    }
  });

  it('falls back to names for a skill the heatmap does not have or a malformed sort', () => {
    for (const sort of ['exercise:conv-output-shape', 'assignment:hw1', 'skill', '']) {
      const view = pageHeatmap(mastery, { sort, dir: 'desc' }, 'en');
      expect(view.view.column).toEqual({ kind: 'name' });
      expect(namesOf(view.rows)[0]).toBe(nameOf(0));
    }
  });
});
