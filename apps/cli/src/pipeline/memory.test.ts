import { describe, expect, it } from 'vitest';
import { settleAfterExtraction } from './memory.js';

describe('settleAfterExtraction', () => {
  it('collects what the extraction left behind, including objects a WeakRef reached in this job', async () => {
    const refs = Array.from({ length: 20 }, () => new WeakRef({ rows: new Array(1_000).fill('x') }));
    // Dereferencing keeps a target alive until the current job ends, as the ORMs' WeakRefs do.
    expect(refs.every((r) => r.deref() !== undefined)).toBe(true);
    await settleAfterExtraction();
    expect(refs.filter((r) => r.deref() !== undefined)).toHaveLength(0);
  });
});
