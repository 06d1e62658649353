import { describe, expect, it, inject } from 'vitest';
import { io } from 'socket.io-client';
import { createTestUser, signIn, TEST_PASSWORD } from '../support/auth';

describe('sessions', () => {
  it('signs in with the right password and the session names the user', async () => {
    const user = await createTestUser('Ada');
    const cookie = await signIn(user.email, TEST_PASSWORD);
    const session = await (await fetch(`${inject('baseUrl')}/api/auth/session`, { headers: { cookie } })).json();
    expect(session.user.email).toBe(user.email);
    expect(session.user.id).toBe(user.id);
  });

  it('refuses a wrong password the same way as an unknown email', async () => {
    const user = await createTestUser();
    await expect(signIn(user.email, 'wrong password')).rejects.toThrow(/sign-in failed/);
    await expect(signIn('nobody@test.local', TEST_PASSWORD)).rejects.toThrow(/sign-in failed/);
  });

  it('identifies the socket from the session cookie, and a socket without one as a guest', async () => {
    const user = await createTestUser();
    const cookie = await signIn(user.email);
    const hello = (extraHeaders: Record<string, string>) =>
      new Promise<{ authenticated: boolean }>((resolve, reject) => {
        const socket = io(inject('baseUrl'), { transports: ['websocket'], extraHeaders });
        socket.on('hello', (payload) => {
          socket.close();
          resolve(payload);
        });
        socket.on('connect_error', reject);
      });
    expect(await hello({ cookie })).toEqual({ authenticated: true });
    expect(await hello({})).toEqual({ authenticated: false });
  });
});
