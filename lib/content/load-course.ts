import fs from 'node:fs/promises';
import path from 'node:path';
import { describeZodIssue } from '@/lib/errors';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { parseUnitMarkdown } from '@/lib/content/parse-unit-markdown';
import { ZUnitMeta, type ContentProblem, type CourseContent, type TUnitMeta, type Unit, type UnitBody } from '@/lib/content/unit-schema';

export interface LoadCourseOptions {
  /** The folder holding one sub-folder per unit (content/units). */
  unitsDir: string;
  /** Exercise type ids the exercise engine knows. */
  exerciseIds: readonly string[];
  /** Problems name files relative to this folder (the content folder); defaults to unitsDir's parent. */
  displayRoot?: string;
}

const FOLDER = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/**
 * Reads and checks every unit under `unitsDir`. Never throws for an author's mistake: each one
 * becomes a ContentProblem naming the file. A unit whose unit.json or Markdown cannot be used is
 * left out; smaller mistakes (an unknown exercise id, a figure missing in one language) are
 * reported and the rest of the unit is still served.
 */
export async function loadCourse({ unitsDir, exerciseIds, displayRoot = path.dirname(unitsDir) }: LoadCourseOptions): Promise<CourseContent> {
  const problems: ContentProblem[] = [];
  const display = (file: string) => path.relative(displayRoot, file).split(path.sep).join('/');

  let folders: string[];
  try {
    const entries = await fs.readdir(unitsDir, { withFileTypes: true });
    folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  } catch {
    return { units: [], problems: [{ file: display(unitsDir), message: 'the units folder cannot be read' }] };
  }

  const known = new Set(exerciseIds);
  const units: Unit[] = [];
  for (const folder of folders) {
    const unit = await loadUnit({ dir: path.join(unitsDir, folder), folder, known, display, problems });
    if (unit) units.push(unit);
  }

  const accepted = rejectDuplicates(units, display, unitsDir, problems);
  accepted.sort((a, b) => a.order - b.order || a.folder.localeCompare(b.folder));
  return { units: accepted, problems };
}

interface LoadUnitOptions {
  dir: string;
  folder: string;
  known: ReadonlySet<string>;
  display: (file: string) => string;
  problems: ContentProblem[];
}

async function loadUnit({ dir, folder, known, display, problems }: LoadUnitOptions): Promise<Unit | null> {
  const folderMatch = FOLDER.exec(folder);
  if (!folderMatch) {
    problems.push({ file: display(dir), message: 'the folder name must be <NN>-<unit id>, for example "07-gan"' });
    return null;
  }
  const [, prefix, folderId] = folderMatch;
  const report = (file: string, message: string) => problems.push({ file: display(file), message, unitId: folderId });
  const own: ContentProblem[] = [];
  const warn = (file: string, message: string) => {
    report(file, message);
    own.push({ file: display(file), message, unitId: folderId });
  };

  const metaFile = path.join(dir, 'unit.json');
  const meta = await readMeta(metaFile, (message) => report(metaFile, message));
  if (!meta) return null;
  if (meta.id !== folderId) {
    report(metaFile, `id "${meta.id}" does not match the folder name "${folder}" (expected "${folderId}")`);
    return null;
  }
  if (meta.order !== Number(prefix)) warn(metaFile, `order ${meta.order} does not match the folder prefix "${prefix}"`);

  const body: Partial<Record<Locale, UnitBody>> = {};
  for (const locale of LOCALES) {
    const file = path.join(dir, `${locale}.md`);
    const source = await readText(file);
    if (source === null) {
      report(file, `the ${locale === 'ko' ? 'Korean' : 'English'} text is missing (every unit needs ko.md and en.md)`);
      continue;
    }
    const parsed = parseUnitMarkdown(source);
    for (const message of parsed.problems) (parsed.body ? warn : report)(file, message);
    if (parsed.body) body[locale] = parsed.body;
  }
  if (!body.ko || !body.en) return null;

  for (const locale of LOCALES) {
    const file = path.join(dir, `${locale}.md`);
    const used = new Set(body[locale]!.segments.flatMap((segment) => (segment.kind === 'figure' ? [segment.name] : [])));
    for (const name of meta.figures) if (!used.has(name)) warn(file, `figure "${name}" is listed in unit.json but not placed in this file (add ::figure{name="${name}"})`);
    for (const name of used) if (!meta.figures.includes(name)) warn(file, `figure "${name}" is placed here but not listed under "figures" in unit.json`);
  }

  const exercises: string[] = [];
  for (const id of meta.exercises) {
    if (!known.has(id)) warn(metaFile, `exercise "${id}" is not a known exercise type; it is left out`);
    else if (exercises.includes(id)) warn(metaFile, `exercise "${id}" is listed twice`);
    else exercises.push(id);
  }

  return {
    id: meta.id,
    order: meta.order,
    folder,
    title: meta.title,
    summary: meta.summary,
    minutes: meta.minutes,
    exercises,
    figures: [...new Set(meta.figures)],
    body: { ko: body.ko, en: body.en },
    problems: own,
  };
}

async function readMeta(file: string, report: (message: string) => void): Promise<TUnitMeta | null> {
  const text = await readText(file);
  if (text === null) {
    report('unit.json is missing');
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    report(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    return null;
  }
  const parsed = ZUnitMeta.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report(describeZodIssue(issue, { quote: true }));
    return null;
  }
  return parsed.data;
}

async function readText(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return null;
  }
}

/** Two folders claiming one id: the first (by folder name) wins. A shared order is only reported. */
function rejectDuplicates(units: Unit[], display: (file: string) => string, unitsDir: string, problems: ContentProblem[]): Unit[] {
  const byId = new Map<string, Unit>();
  const byOrder = new Map<number, Unit>();
  const accepted: Unit[] = [];
  for (const unit of units) {
    const file = display(path.join(unitsDir, unit.folder, 'unit.json'));
    const sameId = byId.get(unit.id);
    if (sameId) {
      problems.push({ file, message: `id "${unit.id}" is already used by ${sameId.folder}`, unitId: unit.id });
      continue;
    }
    const sameOrder = byOrder.get(unit.order);
    if (sameOrder) {
      const problem = { file, message: `order ${unit.order} is also used by ${sameOrder.folder}`, unitId: unit.id };
      problems.push(problem);
      unit.problems.push(problem);
    }
    byId.set(unit.id, unit);
    byOrder.set(unit.order, unit);
    accepted.push(unit);
  }
  return accepted;
}
