import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from './collect.js';

describe('collectGarbage', () => {
  it('frees what nothing references any more, without a global gc', async () => {
    const hadGlobalGc = typeof (globalThis as { gc?: unknown }).gc;
    const ref = (() => new WeakRef({ payload: new Array(1_000).fill('x') }))();
    await tick(); // a WeakRef target stays alive until the job that made it ends
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe(hadGlobalGc);
    collectGarbage(); // the second call reuses the function it took
  });
});
