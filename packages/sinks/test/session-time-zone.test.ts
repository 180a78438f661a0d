import { describe, expect, it } from 'vitest';
import { sessionTimeZone } from '../src/index.ts';

describe('sessionTimeZone', () => {
  it('prefers the session zone, then the conf, then UTC', () => {
    const conf = { get: (k: string) => (k === 'spark.sql.session.timeZone' ? 'Europe/Paris' : undefined) };
    expect(sessionTimeZone({ timeZone: 'Asia/Tokyo', conf })).toBe('Asia/Tokyo');
    expect(sessionTimeZone({ conf })).toBe('Europe/Paris');
    expect(sessionTimeZone({ conf: { get: () => undefined } })).toBe('UTC');
    expect(sessionTimeZone({})).toBe('UTC');
    expect(sessionTimeZone(null)).toBe('UTC');
  });
});
