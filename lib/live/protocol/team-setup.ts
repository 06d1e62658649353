import { z } from 'zod';

// Team mode's settings and the teams' names: client-safe (the create form and both screens use them).
//
// How players get into teams (the host's choice when creating the session):
//   RANDOM   — the server deals players into `teams` teams at the start, in a shuffled order,
//              so team sizes differ by at most one;
//   BY_SIZE  — the same deal, into as many teams as make teams of about `size` players;
//   PICK     — each player picks one of `teams` teams in the lobby; whoever has not picked
//              when the first question opens joins the smallest team.
// A team's score is the mean of its members' points (see lib/live/views/rank-teams.ts).

export const MIN_TEAMS = 2;
export const MAX_TEAMS = 8;
export const TEAM_TALK_CHOICES_S = [0, 10, 20, 30] as const;

export const ZTeamSetup = z
  .object({
    assign: z.enum(['RANDOM', 'BY_SIZE', 'PICK']).describe('RANDOM: dealt at the start; BY_SIZE: dealt into teams of about `size`; PICK: players choose in the lobby'),
    teams: z.number().int().min(MIN_TEAMS).max(MAX_TEAMS).default(4).describe(`RANDOM and PICK: how many teams (${MIN_TEAMS}–${MAX_TEAMS})`),
    size: z.number().int().min(2).max(20).default(4).describe('BY_SIZE: players per team (2–20)'),
    talkS: z
      .number()
      .int()
      .refine((s) => (TEAM_TALK_CHOICES_S as readonly number[]).includes(s), { message: 'team talk is 0, 10, 20 or 30 seconds' })
      .default(0)
      .describe('seconds of team talk before answers are taken: 0, 10, 20 or 30'),
  })
  .describe('Team mode (instructor-paced only). A team’s score is the mean of its members’ points.');
export type TTeamSetup = z.infer<typeof ZTeamSetup>;
export type TTeamAssign = TTeamSetup['assign'];

export const TEAM_NAMES: readonly { ko: string; en: string; color: string }[] = [
  { ko: '빨강 팀', en: 'Red team', color: '#d62828' },
  { ko: '파랑 팀', en: 'Blue team', color: '#1d4ed8' },
  { ko: '초록 팀', en: 'Green team', color: '#15803d' },
  { ko: '노랑 팀', en: 'Yellow team', color: '#b8860b' },
  { ko: '보라 팀', en: 'Purple team', color: '#7e22ce' },
  { ko: '주황 팀', en: 'Orange team', color: '#c2410c' },
  { ko: '청록 팀', en: 'Teal team', color: '#0f766e' },
  { ko: '분홍 팀', en: 'Pink team', color: '#be185d' },
];

export function teamName(team: number): { ko: string; en: string } {
  const name = TEAM_NAMES[team] ?? { ko: `${team + 1}팀`, en: `Team ${team + 1}` };
  return { ko: name.ko, en: name.en };
}

/** How many teams a setup makes for `players` players (BY_SIZE depends on who came). */
export function teamCountFor(setup: Pick<TTeamSetup, 'assign' | 'teams' | 'size'>, players: number): number {
  if (setup.assign !== 'BY_SIZE') return setup.teams;
  return Math.min(MAX_TEAMS, Math.max(1, Math.round(players / setup.size)));
}
