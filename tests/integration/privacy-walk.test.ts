import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { generate, solve } from '@/engine/exercises';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import { seedForStudent } from '@/lib/exercises/keyed-seeds';
import { getDb } from '@/lib/db';
import { TRAINING_CLIENT_EVENTS } from '@/lib/training/training-events';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';
import { submit, wrongAnswer } from './exercises-support';
import { expectOk } from '../support/acks';
import { connectLive, correctAnswerFor, createSessionOverHttp, joinOverHttp, type LiveTestSocket } from './live-test-client';
import { connectTraining, type TrainingClient } from './training-support';

// One walk over everything a student can see of a class that uses nicknames — every page, every
// API response and every socket payload — looking for a classmate's real name or email. Two
// classmates are in it: one without a nickname ("Student N" to the others) and one with one.
// Each has been active everywhere a name can surface: exercises (leaderboards), a trained run
// entered in a challenge (run page, compare, challenge board) and a live session (lobby, results,
// leaderboards).

const baseUrl = () => inject('baseUrl');
const tag = crypto.randomBytes(4).toString('hex');

interface Person {
  user: TestUser;
  cookie: string;
}

let instructor: Person;
let watcher: Person;
let bob: Person; // no nickname: "Student 2"
let cee: Person; // nickname
let classId: string;
let challengeId: string;
let sessionId: string;
const runs: Record<'bob' | 'cee', string> = { bob: '', cee: '' };
const trainingClients: TrainingClient[] = [];
const liveSockets: LiveTestSocket[] = [];
let watcherLive: LiveTestSocket;
let watcherTraining: TrainingClient;
const CEE_NICKNAME = `Comet ${tag}`;

async function person(name: string): Promise<Person> {
  const user = await createTestUser(`${name} ${tag}`);
  return { user, cookie: await signIn(user.email) };
}

/** What the classmates must never show the watcher: their real names and emails. */
function secrets(): string[] {
  return [bob.user.name, bob.user.email, cee.user.name, cee.user.email];
}

async function trainAndEnter(who: Person): Promise<string> {
  const client = await connectTraining(who.cookie);
  trainingClients.push(client);
  const started = await client.start({ ...DEFAULT_CONFIGS.mlp, hidden: [4], epochs: 6, seed: 1 });
  if (!started.ok) throw new Error(started.error.message);
  const end = await client.waitForEnd(started.runId);
  expect(end.status).toBe('COMPLETED');
  const entered = await client.emit(TRAINING_CLIENT_EVENTS.submitEntry, { challengeId, runId: started.runId });
  expect(entered.ok).toBe(true);
  return started.runId;
}

beforeAll(async () => {
  [instructor, watcher, bob, cee] = [await person('Ingrid Instructor'), await person('Walter Watcher'), await person('Bobby Secretname'), await person('Cecilia Hiddenname')];
  ({ id: classId } = await createTestClass(
    [
      { user: instructor.user, role: 'INSTRUCTOR' },
      { user: watcher.user, role: 'STUDENT' },
      { user: bob.user, role: 'STUDENT' },
      { user: cee.user, role: 'STUDENT' },
    ],
    `Privacy ${tag}`,
  ));
  const db = getDb();
  await db.class.update({ where: { id: classId }, data: { showNicknames: true } });
  await db.membership.update({ where: { userId_classId: { userId: cee.user.id, classId } }, data: { nickname: CEE_NICKNAME } });

  // Exercises: the classmates appear on the class leaderboards.
  for (const who of [bob, cee]) {
    const seed = seedForStudent(who.user.id, 'sigmoid-derivative', 0);
    const answer = wrongAnswer(generate('sigmoid-derivative', seed).answer, solve('sigmoid-derivative', seed));
    expect((await submit(who.cookie, 'sigmoid-derivative', { answer, round: 0 })).status).toBe(200);
  }

  // A challenge with both classmates' runs on its board.
  const created = await fetch(`${baseUrl()}/api/training/challenges`, {
    method: 'POST',
    headers: { cookie: instructor.cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ classId, title: `Spirals ${tag}`, model: 'mlp', task: 'spirals', maxParams: 500, maxSeconds: 30, closesAt: new Date(Date.now() + 3600_000).toISOString() }),
  });
  expect(created.status).toBe(201);
  challengeId = ((await created.json()) as { challenge: { id: string } }).challenge.id;
  runs.bob = await trainAndEnter(bob);
  runs.cee = await trainAndEnter(cee);
  watcherTraining = await connectTraining(watcher.cookie);
  trainingClients.push(watcherTraining);

  // A live session of the class, played to the final podium; the watcher's socket records everything.
  const created2 = await createSessionOverHttp(instructor.cookie, { classId, questions: [{ typeId: 'sigmoid-derivative', timeLimitS: 60 }] });
  sessionId = created2.sessionId;
  const host = await connectLive({ cookie: instructor.cookie });
  liveSockets.push(host);
  expectOk(await host.emit('live:host:enter', { sessionId }));
  watcherLive = await connectLive({ cookie: watcher.cookie });
  liveSockets.push(watcherLive);
  const participantIds: string[] = [];
  for (const who of [watcher, bob, cee]) {
    const joined = await joinOverHttp(created2.pin, { cookie: who.cookie });
    expect(joined.status).toBe(200);
    participantIds.push(joined.body.participantId);
  }
  expectOk(await watcherLive.emit('live:enter', { sessionId }));
  const players = [watcherLive];
  for (const who of [bob, cee]) {
    const socket = await connectLive({ cookie: who.cookie });
    liveSockets.push(socket);
    expectOk(await socket.emit('live:enter', { sessionId }));
    players.push(socket);
  }
  const questions = players.map((player) => player.next('live:question', (q: { index: number }) => q.index === 0));
  expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
  await Promise.all(questions);
  const result = watcherLive.next('live:result', (r: { questionIndex: number }) => r.questionIndex === 0);
  for (const [i, player] of players.entries()) {
    const answer = await correctAnswerFor(sessionId, 0, participantIds[i], 'sigmoid-derivative');
    expectOk(await player.emit('live:submit', { sessionId, questionIndex: 0, answer }));
  }
  await result;
  expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'RESULTS', index: 0 } }));
  const podium = watcherLive.next('live:leaderboard', (board: { isFinal: boolean }) => board.isFinal);
  expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LEADERBOARD', index: 0 } }));
  await podium;
  expectOk(await watcherLive.emit('live:enter', { sessionId }));
}, 240_000);

afterAll(() => {
  for (const client of trainingClients) client.close();
  for (const socket of liveSockets) socket.close();
});

/** Every page and API response a student of the class can ask for. */
function studentVisibleUrls(): string[] {
  const pages = [
    '/', '/dashboard', '/classes', `/classes/${classId}`, `/classes/${classId}/assignments`, `/classes/${classId}/mastery`, `/classes/${classId}/stats`,
    `/classes/${classId}/students/${bob.user.id}`, `/classes/${classId}/gradebook`, '/exercises', '/exercises/sigmoid-derivative', '/review', '/units', '/join',
    `/join/${sessionId}`, '/live', '/playground', '/playground/challenges', `/playground/challenges/${challengeId}`, `/playground/runs/${runs.bob}`,
    `/playground/runs/${runs.cee}`, `/playground/compare?a=${runs.bob}&b=${runs.cee}`, `/playground?fork=${runs.bob}`, `/playground?challenge=${challengeId}`, '/account',
  ];
  const apis = [
    '/api/account/dashboard', '/api/classes', `/api/classes/${classId}`, `/api/classes/${classId}/leaderboard`, `/api/classes/${classId}/leaderboard?scope=week`,
    `/api/classes/${classId}/gradebook`, `/api/classes/${classId}/gradebook.csv`, `/api/classes/${classId}/students/${bob.user.id}`,
    `/api/course/classes/${classId}/assignments`, `/api/course/classes/${classId}/mastery`, `/api/course/classes/${classId}/stats`, '/api/course/assignments',
    '/api/course/mastery', '/api/course/reviews', '/api/exercises', '/api/training/runs', `/api/training/runs/${runs.bob}`, `/api/training/runs/${runs.cee}`,
    `/api/training/compare?a=${runs.bob}&b=${runs.cee}`, '/api/training/challenges', `/api/training/challenges/${challengeId}`,
    `/api/live/sessions/${sessionId}/results`, '/api/auth/session',
  ];
  return [...pages, ...apis];
}

describe('privacy walk', () => {
  it('shows a student no classmate’s real name or email on any page, API response or socket payload when the class uses nicknames', async () => {
    const seen: { where: string; body: string }[] = [];
    for (const url of studentVisibleUrls()) {
      const response = await fetch(`${baseUrl()}${url}`, { headers: { cookie: watcher.cookie }, redirect: 'manual' });
      expect(response.status, url).toBeLessThan(500);
      seen.push({ where: `${url} (${response.status})`, body: await response.text() });
    }
    const board = await watcherTraining.emit(TRAINING_CLIENT_EVENTS.watchChallenge, { challengeId });
    expect(board.ok).toBe(true);
    seen.push({ where: 'training socket: watch challenge', body: JSON.stringify(board) });
    for (const event of watcherLive.events) seen.push({ where: `live socket: ${event.event}`, body: JSON.stringify(event.payload) });

    const leaks = seen.flatMap(({ where, body }) => secrets().filter((secret) => body.includes(secret)).map((secret) => `${where} shows "${secret}"`));
    expect(leaks).toEqual([]);

    // The walk saw the classmates, under their public labels: it was not looking at empty pages.
    const everything = seen.map(({ body }) => body).join('\n');
    expect(everything).toContain(CEE_NICKNAME);
    expect(everything).toMatch(/Student 2|학생 2/);
    const run = (await (await fetch(`${baseUrl()}/api/training/runs/${runs.bob}`, { headers: { cookie: watcher.cookie } })).json()) as { run: { owner: unknown } };
    expect(run.run.owner).toEqual({ ko: '학생 2', en: 'Student 2' });
    expect(watcherLive.events.length).toBeGreaterThan(3);
  });

  it('shows the class’s instructor the real names of the run owners', async () => {
    const run = (await (await fetch(`${baseUrl()}/api/training/runs/${runs.bob}`, { headers: { cookie: instructor.cookie } })).json()) as { run: { owner: unknown } };
    expect(run.run.owner).toEqual({ ko: bob.user.name, en: bob.user.name });
  });
});
