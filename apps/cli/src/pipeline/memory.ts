import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Between extraction and rendering, hand the extraction's memory back before the render allocates.
 * Only when the CLI owns its process (`io.ownsProcess`, set for bin.js): the libraries (`@ormdoc/core`,
 * the extractors, the Prisma generator, the Drizzle plugin) and in-process callers such as the tests
 * never tune a collector that is not theirs.
 *
 * 1. Wait for the next turn of the event loop: objects the ORM reached through a `WeakRef` stay
 *    alive until the current job ends, and the render is one long job.
 * 2. Grow the heap by at most half of what survives a collection (V8 allows up to 4×): the render
 *    keeps little (the documents) and makes much garbage, so V8's default sizing let the heap run
 *    far past what the run needs.
 * 3. Collect once (`--expose-gc` set at run time and `gc` taken from a new context, as
 *    jest-leak-detector does): the ORM's module graph and the rest of the extraction are garbage
 *    now, but V8 would otherwise collect them only after the render had grown the heap around them.
 *
 * Back to back, with and without: peak memory at 10,000 Drizzle tables 959 → 591 MB, at 1,000 Prisma
 * models 232 → 185 MB, run time unchanged (BENCHMARKS.md, round 4, item 29). Never fails the run:
 * a Node without these flags skips it.
 */
export async function settleAfterExtraction(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  try {
    setFlagsFromString('--heap-growing-percent=50');
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    if (typeof gc === 'function') gc();
  } catch {
    // tuning only: the documents are the same without it
  }
}
