import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Session, uiWebUrl } from 'caudal';

// The session settings caudal.ui.enabled / caudal.ui.port / caudal.ui.host, read by the facade when a
// session is created; session.stop() closes the dashboard they started.

const sessions: Session[] = [];
afterEach(async () => { for (const s of sessions.splice(0)) await s.stop(); });

function create(settings: Record<string, string | number | boolean>): Session {
  let b = Session.builder().appName('settings-test');
  for (const [k, v] of Object.entries(settings)) b = b.config(k, v);
  const s = b.create();
  sessions.push(s);
  return s;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}

describe('caudal.ui.* session settings', () => {
  it('start no dashboard unless enabled', async () => {
    expect(await uiWebUrl(create({}))).toBeNull();
    expect(await uiWebUrl(create({ 'caudal.ui.enabled': false, 'caudal.ui.port': 0 }))).toBeNull();
  });

  it('start a dashboard on 127.0.0.1 that session.stop() closes', async () => {
    const session = create({ 'caudal.ui.enabled': true, 'caudal.ui.port': 0 });
    const url = await uiWebUrl(session);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const list = await fetch(new URL('/api/queries', url!));
    expect(await list.json()).toEqual({ app: 'settings-test', queries: [] });
    await session.stop();
    // The port is free again.
    const probe = createServer();
    expect(await listen(probe, Number(new URL(url!).port))).toBe(Number(new URL(url!).port));
    await new Promise((r) => probe.close(r));
  });

  it('move to a following port when caudal.ui.port is taken, as Spark does', async () => {
    const blocker = createServer();
    const taken = await listen(blocker, 0);
    try {
      const session = create({ 'caudal.ui.enabled': 'TRUE', 'caudal.ui.port': taken, 'caudal.ui.host': '127.0.0.1' });
      const port = Number(new URL((await uiWebUrl(session))!).port);
      expect(port).toBeGreaterThan(taken);
      expect(port).toBeLessThanOrEqual(taken + 16);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it('reject invalid values when the session is created', () => {
    expect(() => Session.builder().config('caudal.ui.enabled', 'yes').create())
      .toThrow("caudal.ui.enabled must be true or false, got 'yes'");
    expect(() => Session.builder().config('caudal.ui.enabled', true).config('caudal.ui.port', 'http').create())
      .toThrow("caudal.ui.port must be an integer from 0 to 65535, got 'http'");
    expect(() => Session.builder().config('caudal.ui.enabled', true).config('caudal.ui.port', 70000).create())
      .toThrow("caudal.ui.port must be an integer from 0 to 65535, got '70000'");
  });
});
