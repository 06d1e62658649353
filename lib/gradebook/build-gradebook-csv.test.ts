import { describe, expect, it } from 'vitest';
import { buildGradebookCsv } from '@/lib/gradebook/build-gradebook-csv';
import { csvField } from '@/lib/http/csv';
import type { Gradebook, GradebookRow } from '@/lib/gradebook/get-gradebook';

/** A small RFC 4180 reader, written independently of the writer, to read the output back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let isQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (isQuoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') isQuoted = false;
      else field += char;
    } else if (char === '"') isQuoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  return rows;
}

const row = (overrides: Partial<GradebookRow>): GradebookRow => ({
  userId: 'u',
  name: 'n',
  email: 'e@x.test',
  nickname: null,
  cells: {},
  unitScores: {},
  total: 0,
  solvedCount: 0,
  attempts: 0,
  lastActivityAt: null,
  live: { sessions: 0, points: 0, correct: 0, questions: 0 },
  course: { assignments: {}, exams: {} },
  ...overrides,
});

const gradebook: Gradebook = {
  classId: 'c1',
  className: '딥러닝',
  exerciseCount: 2,
  liveSessions: [],
  assignments: [],
  exams: [],
  units: [
    {
      unitId: 'perceptron',
      order: 1,
      title: { ko: '퍼셉트론', en: 'Perceptron' },
      exercises: [
        { typeId: 'perceptron-step', title: { ko: '퍼셉트론 한 단계', en: 'Perceptron step' }, difficulty: 1 },
        { typeId: 'delta-rule', title: { ko: '델타 규칙', en: 'Delta rule' }, difficulty: 1 },
      ],
    },
  ],
  rows: [
    row({
      userId: 'a',
      name: '이하늘, "Haneul"',
      email: 'haneul@x.test',
      nickname: '=HYPERLINK("http://evil")',
      cells: {
        'perceptron-step': { attempts: 3, best: 0.75, isSolved: false, lastMs: Date.parse('2025-04-01T01:02:03Z') },
        'delta-rule': { attempts: 0, best: null, isSolved: false, lastMs: null },
      },
      unitScores: { perceptron: 0.375 },
      total: 0.75,
      attempts: 3,
      lastActivityAt: new Date('2025-04-01T01:02:03Z'),
      live: { sessions: 2, points: 1850, correct: 3, questions: 5 },
    }),
    row({ userId: 'b', name: '박민준\nPark', cells: {}, unitScores: { perceptron: 0 } }),
  ],
  stats: [],
};

describe('buildGradebookCsv', () => {
  it('starts with a UTF-8 byte order mark and ends every record with CRLF', () => {
    const csv = buildGradebookCsv(gradebook, 'ko');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('reads back to the same names (commas, quotes, line breaks, Korean intact) and the scores as percentages', () => {
    const rows = parseCsv(buildGradebookCsv(gradebook, 'en').slice(1));
    expect(rows).toHaveLength(3);
    expect(rows[0].slice(0, 5)).toEqual(['Name', 'Email', 'Nickname', 'Perceptron (unit %)', 'Perceptron step (best %)']);
    expect(rows[1][0]).toBe('이하늘, "Haneul"');
    expect(rows[1][3]).toBe(String(0.375 * 100));
    expect(rows[1][4]).toBe(String(0.75 * 100));
    expect(rows[1][5]).toBe('');
    const column = (title: string) => rows[0].indexOf(title);
    expect(rows[1][column('Last activity (UTC)')]).toBe('2025-04-01T01:02:03.000Z');
    expect(rows[0].slice(-4)).toEqual(['Live sessions', 'Live points', 'Live correct', 'Live questions']);
    expect(rows[1].slice(-4)).toEqual(['2', '1850', '3', '5']);
    expect(rows[2].slice(-4)).toEqual(['0', '0', '0', '0']);
    expect(rows[2][0]).toBe('박민준\nPark');
    expect(rows.every((fields) => fields.length === rows[0].length)).toBe(true);
  });

  it('writes the headers in Korean for a Korean viewer', () => {
    const rows = parseCsv(buildGradebookCsv(gradebook, 'ko').slice(1));
    expect(rows[0][0]).toBe('이름');
    expect(rows[0][3]).toBe('퍼셉트론 (유닛 %)');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    const rows = parseCsv(buildGradebookCsv(gradebook, 'en').slice(1));
    expect(rows[1][2]).toBe(`'=HYPERLINK("http://evil")`);
    for (const start of ['=', '+', '-', '@']) expect(csvField(`${start}1+1`).startsWith(`'${start}`)).toBe(true);
    expect(csvField('plain')).toBe('plain');
    // A negative number is data, not a formula: it stays a number a spreadsheet can sum.
    for (const number of ['-0.12', '-3', '-1e-5']) expect(csvField(number)).toBe(number);
    expect(csvField('-1+cmd')).toBe("'-1+cmd");
  });

  it('adds per assignment its score after the late penalty, on time or late, and status; per exam its points and status', () => {
    const withCourse: Gradebook = {
      ...gradebook,
      assignments: [{ id: 'as1', title: 'HW 1', dueAt: new Date('2025-04-01T14:59:59Z') }],
      exams: [{ id: 'ex1', title: 'Midterm', totalPoints: 12, closesAt: new Date('2025-04-20T03:00:00Z') }],
      rows: [
        row({ userId: 'a', name: 'A', course: { assignments: { as1: { score: 0.8, isLate: true, status: 'DONE_LATE' } }, exams: { ex1: { status: 'TIMED_OUT', score: 7.25 } } } }),
        row({ userId: 'b', name: 'B', course: { assignments: { as1: { score: 1, isLate: false, status: 'DONE' } }, exams: { ex1: { status: 'IN_PROGRESS', score: null } } } }),
        row({ userId: 'c', name: 'C', course: { assignments: { as1: { score: 0, isLate: false, status: 'MISSED' } }, exams: { ex1: { status: 'NOT_STARTED', score: null } } } }),
      ],
    };
    const rows = parseCsv(buildGradebookCsv(withCourse, 'en').slice(1));
    expect(rows[0].slice(-5)).toEqual(['HW 1 (assignment % after late penalty)', 'HW 1 (on time/late)', 'HW 1 (status)', 'Midterm (exam points /12)', 'Midterm (status)']);
    expect(rows[1].slice(-5)).toEqual(['80', 'late', 'Done late', '7.3', 'Timed out (submitted automatically)']);
    expect(rows[2].slice(-5)).toEqual(['100', 'on time', 'Done', '', 'In progress']);
    expect(rows[3].slice(-5)).toEqual(['0', '', 'Missed', '', 'Not started']);
    expect(rows.every((fields) => fields.length === rows[0].length)).toBe(true);
    const korean = parseCsv(buildGradebookCsv(withCourse, 'ko').slice(1));
    expect(korean[0].slice(-5)).toEqual(['HW 1 (과제 % 지각 감점 후)', 'HW 1 (제때/지각)', 'HW 1 (상태)', 'Midterm (시험 점수 /12)', 'Midterm (상태)']);
    expect(korean[1].slice(-5)).toEqual(['80', '지각', '늦게 완료', '7.3', '시간 종료 (자동 제출)']);
  });
});
