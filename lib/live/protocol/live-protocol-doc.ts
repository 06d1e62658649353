import type { z } from 'zod';
import * as payloads from '@/lib/live/protocol/live-payloads';
import * as inputs from '@/lib/live/protocol/live-schemas';
import { ZScoringOptions } from '@/lib/live/protocol/scoring-options';
import { ZTeamSetup } from '@/lib/live/protocol/team-setup';
import { ZPredictSetup } from '@/lib/live/protocol/predict-setup';

// The field tables of docs/live-protocol.md, generated from the zod schemas the server validates
// inputs with and the payload schemas its types are inferred from. The doc holds them between
// GENERATED markers; tests/unit/live-protocol-doc.test.ts fails when they differ (run it with
// UPDATE_DOCS=1 to rewrite them).

type AnySchema = z.ZodType;
interface Def {
  type: string;
  innerType?: AnySchema;
  element?: AnySchema;
  valueType?: AnySchema;
  defaultValue?: unknown;
  entries?: Record<string, string>;
  values?: unknown[];
}

const START = '<!-- GENERATED: field tables from lib/live/protocol/live-payloads.ts and lib/live/protocol/live-schemas.ts (lib/live/protocol/live-protocol-doc.ts); do not edit by hand -->';
const END = '<!-- END GENERATED -->';

/** Input fields have no descriptions in their schemas (they are shared with the forms): their meaning is here. */
const INPUT_NOTES: Record<string, string> = {
  classId: 'a class the caller teaches',
  unitId: 'the unit the questions came from (for the record)',
  questions: 'the questions in order (1–30)',
  'questions[].typeId': 'exercise type id (engine/exercises)',
  'questions[].timeLimitS': 'time limit in seconds (10–120)',
  'questions[].predict': 'a predict-then-train question (typeId "predict-train"): its TPredictSetup',
  mode: 'everyone together, or each at their own pace until a deadline',
  allowGuests: 'let players join with a nickname, without an account',
  deadlineMinutes: 'self-paced only (required there): minutes until the deadline (5 min … 14 days)',
  pin: 'the 6-digit PIN',
  nickname: 'required for guests (1–24 letters, digits, spaces, . _ - \' ! ?); a signed-in player may pick one, else the class’s public label is used',
  sessionId: 'the session',
  questionIndex: 'the open question’s index',
  answer: 'the answer, shaped like the question’s AnswerSpec (numbers or number strings such as "1/4")',
  from: 'the phase the host’s screen shows',
  'from.state': 'its state',
  'from.index': 'its question index (−1 in the lobby)',
  locked: 'true: no new players',
  participantId: 'the player to remove (from THostView.participants)',
  mistakeId: 'the named mistake to ask again (from TQuestionResults.mistakes)',
  team: 'the team to join (0-based, below TTeamMode.count)',
  kind: '"too-fast", "lost", or "clear" to withdraw the signal',
};

export const PROTOCOL_SCHEMAS: { name: string; schema: AnySchema; isInput?: boolean }[] = [
  { name: 'TCreateLiveSession', schema: inputs.ZCreateLiveSession, isInput: true },
  { name: 'TJoinLiveSession', schema: inputs.ZJoinLiveSession, isInput: true },
  { name: 'TLiveEnter', schema: inputs.ZLiveEnter, isInput: true },
  { name: 'TSubmitLiveAnswer', schema: inputs.ZSubmitLiveAnswer, isInput: true },
  { name: 'THostAdvance', schema: inputs.ZHostAdvance, isInput: true },
  { name: 'THostLock', schema: inputs.ZHostLock, isInput: true },
  { name: 'THostKick', schema: inputs.ZHostKick, isInput: true },
  { name: 'THostReask', schema: inputs.ZHostReask, isInput: true },
  { name: 'TPickTeam', schema: inputs.ZPickTeam, isInput: true },
  { name: 'TPaceSignal', schema: inputs.ZPaceSignal, isInput: true },
  { name: 'TScoringOptions', schema: ZScoringOptions, isInput: true },
  { name: 'TTeamSetup', schema: ZTeamSetup, isInput: true },
  { name: 'TPredictSetup', schema: ZPredictSetup, isInput: true },
  { name: 'THello', schema: payloads.ZHello },
  { name: 'TLiveAckError', schema: payloads.ZLiveAckError },
  { name: 'TPlayerView', schema: payloads.ZPlayerView },
  { name: 'TPublicSession', schema: payloads.ZPublicSession },
  { name: 'TScoring', schema: payloads.ZScoring },
  { name: 'TTeamMode', schema: payloads.ZTeamMode },
  { name: 'TPlayerStanding', schema: payloads.ZPlayerStanding },
  { name: 'TPlayerQuestion', schema: payloads.ZPlayerQuestion },
  { name: 'TPlayerSubmission', schema: payloads.ZPlayerSubmission },
  { name: 'TSubmitAck', schema: payloads.ZSubmitAck },
  { name: 'TPlayerResult', schema: payloads.ZPlayerResult },
  { name: 'TLeaderboard', schema: payloads.ZLeaderboard },
  { name: 'TLeaderboardEntry', schema: payloads.ZLeaderboardEntry },
  { name: 'TTeamStanding', schema: payloads.ZTeamStanding },
  { name: 'THostView', schema: payloads.ZHostView },
  { name: 'THostParticipant', schema: payloads.ZHostParticipant },
  { name: 'THostQuestion', schema: payloads.ZHostQuestion },
  { name: 'TReaskOf', schema: payloads.ZReaskOf },
  { name: 'TQuestionProgress', schema: payloads.ZQuestionProgress },
  { name: 'TQuestionResults', schema: payloads.ZQuestionResults },
  { name: 'TScoreBucket', schema: payloads.ZScoreBucket },
  { name: 'TReaskComparison', schema: payloads.ZReaskComparison },
  { name: 'TPaceMeter', schema: payloads.ZPaceMeter },
  { name: 'THostLobbyChange', schema: payloads.ZHostLobbyChange },
  { name: 'TCorrectnessView', schema: payloads.ZCorrectnessView },
  { name: 'TPredictTraining', schema: payloads.ZPredictTraining },
  { name: 'TPredictRun', schema: payloads.ZPredictRun },
  { name: 'TPredictCurvePoint', schema: payloads.ZPredictCurvePoint },
  { name: 'TPredictVerdict', schema: payloads.ZPredictVerdict },
  { name: 'TPredictPicture', schema: payloads.ZPredictPicture },
  { name: 'TJoinedLiveSession', schema: payloads.ZJoinedLiveSession },
  { name: 'TNoSessionForPin', schema: payloads.ZNoSessionForPin },
  { name: 'TLiveSessionResults', schema: payloads.ZLiveSessionResults },
];

const named = new Map<AnySchema, string>(PROTOCOL_SCHEMAS.map(({ name, schema }) => [schema, name]));

function defOf(schema: AnySchema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function descriptionOf(schema: AnySchema): string | undefined {
  return (schema as { description?: string }).description;
}

function shapeOf(schema: AnySchema): Record<string, AnySchema> | null {
  return defOf(schema).type === 'object' ? (schema as unknown as { shape: Record<string, AnySchema> }).shape : null;
}

function isLocalizedText(schema: AnySchema): boolean {
  const shape = shapeOf(schema);
  return shape !== null && Object.keys(shape).join(',') === 'ko,en';
}

interface Row {
  path: string;
  type: string;
  meaning: string;
}

/** Peels optional / nullable / default wrappers, keeping the outermost description. */
function unwrap(schema: AnySchema): { core: AnySchema; isOptional: boolean; isNullable: boolean; defaultValue: unknown; description?: string } {
  let core = schema;
  let isOptional = false;
  let isNullable = false;
  let defaultValue: unknown;
  let description = descriptionOf(schema);
  for (;;) {
    const def = defOf(core);
    if (def.type === 'optional') isOptional = true;
    else if (def.type === 'nullable') isNullable = true;
    else if (def.type === 'default') {
      isOptional = true;
      defaultValue = def.defaultValue;
    } else break;
    core = def.innerType!;
    description ??= descriptionOf(core);
  }
  return { core, isOptional, isNullable, defaultValue, description: description ?? descriptionOf(core) };
}

function link(name: string): string {
  return `[${name}](#${name.toLowerCase()})`;
}

function typeName(schema: AnySchema): string {
  const name = named.get(schema);
  if (name) return link(name);
  if (isLocalizedText(schema)) return '{ ko, en }';
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return 'string';
    case 'number':
      return (schema as { format?: string }).format === 'safeint' ? 'integer' : 'number';
    case 'boolean':
      return 'boolean';
    case 'enum':
      return Object.values(def.entries ?? {}).map((value) => `'${value}'`).join(' \\| ');
    case 'array': {
      const element = unwrap(def.element!);
      const inner = typeName(element.core) + (element.isNullable ? ' \\| null' : '');
      return element.isNullable ? `(${inner})[]` : `${inner}[]`;
    }
    case 'record':
      return `{ [key]: ${typeName(def.valueType!)} }`;
    case 'literal':
      return (def.values ?? []).map((value) => (typeof value === 'string' ? `'${value}'` : String(value))).join(' \\| ');
    case 'custom':
      return 'JSON';
    case 'object':
      return 'object';
    default:
      return def.type;
  }
}

function rowsOf(schema: AnySchema, prefix: string, isInput: boolean): Row[] {
  const shape = shapeOf(schema);
  if (!shape) return [];
  return Object.entries(shape).flatMap(([key, field]) => {
    const path = `${prefix}${key}`;
    const { core, isOptional, isNullable, defaultValue, description } = unwrap(field);
    const notePath = path.replace(/^[^.[]*\./, '');
    const meaning = [description ?? (isInput ? (INPUT_NOTES[path] ?? INPUT_NOTES[notePath]) : undefined) ?? '', defaultValue !== undefined ? `(default ${JSON.stringify(defaultValue)})` : '']
      .filter(Boolean)
      .join(' ');
    const row: Row = { path: `\`${path}${isOptional ? '?' : ''}\``, type: typeName(core) + (isNullable ? ' \\| null' : ''), meaning };
    // Anonymous objects and arrays of them are expanded in place (dotted paths).
    const element = defOf(core).type === 'array' ? unwrap(defOf(core).element!).core : null;
    const expand = !named.has(core) && !isLocalizedText(core) && shapeOf(core) ? rowsOf(core, `${path}.`, isInput) : element && !named.has(element) && !isLocalizedText(element) && shapeOf(element) ? rowsOf(element, `${path}[].`, isInput) : [];
    return [row, ...expand];
  });
}

function table(name: string, schema: AnySchema, isInput: boolean): string {
  const rows = rowsOf(schema, '', isInput);
  const intro = descriptionOf(schema);
  return [
    `### ${name}`,
    '',
    ...(intro ? [intro, ''] : []),
    '| field | type | meaning |',
    '| --- | --- | --- |',
    ...rows.map((row) => `| ${row.path} | ${row.type} | ${row.meaning.replace(/\|/g, '\\|')} |`),
  ].join('\n');
}

export function renderProtocolTables(): string {
  return PROTOCOL_SCHEMAS.map(({ name, schema, isInput }) => table(name, schema, Boolean(isInput))).join('\n\n');
}

/** The doc with its generated block replaced by the current tables. */
export function withGeneratedTables(doc: string): string {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/live-protocol.md has no generated block (${START} … ${END})`);
  return `${doc.slice(0, start)}${START}\n\n${renderProtocolTables()}\n\n${doc.slice(end)}`;
}

export const GENERATED_MARKERS = { START, END };
