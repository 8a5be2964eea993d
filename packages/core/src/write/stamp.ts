import { createHash, type Hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OrmdocConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Finding } from '../findings/index.js';
import type { Ir } from '../ir/types.js';
import { isMarkdown, resolveInside } from './files.js';
import type { StampInputs } from './inputs.js';
import { parseRegions } from './regions.js';

/**
 * The unchanged run. After writing the documents, `generate` leaves a stamp beside them: a key (a
 * hash of the IR, the resolved config, custom templates and ormdoc itself), a digest of what it
 * wrote in each file, and the run's findings and diagnostics. When the key is the same and every
 * file still holds what was written, a render would change nothing: `generate` and `check` answer
 * from the stamp. A Markdown file's digest covers its generated regions only (markers and bodies,
 * in order), so text edited outside markers keeps the run unchanged, as a full run would leave it;
 * other files are digested whole. Anything unreadable or different means a full run.
 */
export const STAMP_FILE = '.ormdoc-stamp';
const FORMAT = 'ormdoc-stamp/1';

export interface Stamp {
  format: typeof FORMAT;
  key: string;
  /** [output path, digest of the file as written (`digestOf`)], in the order the render made them. */
  files: Array<[string, string]>;
  findings: Finding[];
  diagnostics: Diagnostic[];
  /** The extraction's inputs, when the extractor could name them all (`write/inputs.ts`). */
  inputs?: StampInputs;
  /** Documents no longer generated that were kept for the person's text in them (`write/orphans.ts`). */
  orphans?: string[];
}

const sha = () => createHash('sha256');

/** Digest of a document as written: its regions for Markdown (text outside markers is the user's), else its bytes. */
export function digestOf(path: string, content: string | Buffer): string {
  const h = sha();
  if (isMarkdown(path)) {
    // Piece by piece: the same bytes as one joined string, without copying each body into it.
    for (const seg of parseRegions(content.toString(), path))
      if (seg.kind === 'region')
        h.update(seg.id)
          .update('\u0000')
          .update(seg.begin)
          .update('\u0000')
          .update(seg.body)
          .update('\u0000')
          .update(seg.end)
          .update('\u0001');
  } else h.update(content);
  return h.digest('hex');
}

let ormdocDigestMemo: string | undefined;

/** Tests only: stand in for ormdoc's version and code (undefined: read them again). */
export function setOrmdocDigestForTests(value: string | undefined): void {
  ormdocDigestMemo = value;
}

/** Built code does not change while a process runs: each folder is digested once. */
const codeDigests = new Map<string, string>();

/**
 * A digest of a package's version and built code (`.js`/`.ts`/`.mjs` under `dir`, declarations and
 * tests left out): a changed build must never reuse a stamp. Remembered per process (a full run
 * asks before and after extracting).
 */
export function codeDigest(dir: string, version: string | undefined): string {
  const key = `${dir}\u0000${version}`;
  const known = codeDigests.get(key);
  if (known !== undefined) return known;
  const h = sha();
  h.update(`${version}\u0000`);
  const files = (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.(js|ts|mjs)$/.test(f) && !/\.d\.ts$|\.test\.ts$/.test(f))
    .sort();
  for (const f of files)
    h.update(`${f}\u0000`)
      .update(readFileSync(join(dir, f)))
      .update('\u0001');
  const digest = h.digest('hex');
  codeDigests.set(key, digest);
  return digest;
}

/** ormdoc's own version and code (templates included). */
export function ormdocDigest(): string {
  if (ormdocDigestMemo) return ormdocDigestMemo;
  const here = dirname(fileURLToPath(import.meta.url));
  const root = resolve(here, '..'); // dist/ (or src/ when run from sources)
  const version = (createRequire(import.meta.url)('../../package.json') as { version?: string }).version;
  ormdocDigestMemo = codeDigest(root, version);
  return ormdocDigestMemo;
}

/** JSON of the config with regular expressions and functions spelled out (JSON would drop them). */
export function configJson(config: OrmdocConfig): string {
  return JSON.stringify(config, (_key, value: unknown) =>
    value instanceof RegExp
      ? `RegExp ${String(value)}`
      : typeof value === 'function' || typeof value === 'bigint'
        ? `${typeof value} ${String(value)}`
        : value,
  );
}

/**
 * The key of a run: the IR (its JSON, as built: key order is the IR's canonical one), the resolved config, each custom template's
 * text and ormdoc's code. Undefined when a custom template cannot be read (the full run reports it).
 */
export function stampKey(ir: Ir, config: OrmdocConfig, cwd: string): string | undefined {
  let ormdoc: string;
  try {
    ormdoc = ormdocDigest();
  } catch {
    return undefined; // ormdoc's files are not where they were built (a bundle): always a full run
  }
  const h: Hash = sha();
  h.update(`${FORMAT}\u0000${ormdoc}\u0000${configJson(config)}\u0000`);
  for (const t of config.output.templates) {
    if (typeof t === 'string') continue;
    try {
      h.update(readFileSync(resolve(cwd, t.path))).update('\u0001');
    } catch {
      return undefined;
    }
  }
  // The IR's JSON, compact and one table at a time (never one string: ~80 MB pretty at 10,000 tables).
  h.update(JSON.stringify({ ...ir, tables: ir.tables.length }));
  for (const t of ir.tables) h.update('\u0001').update(JSON.stringify(t));
  return h.digest('hex');
}

/** The stamp in `outputDir`, or undefined when there is none or it cannot be read. */
export function readStamp(outputDir: string): Stamp | undefined {
  try {
    const stamp = JSON.parse(readFileSync(join(outputDir, STAMP_FILE), 'utf8')) as Partial<Stamp>;
    if (
      stamp.format !== FORMAT ||
      typeof stamp.key !== 'string' ||
      !Array.isArray(stamp.files) ||
      !Array.isArray(stamp.findings) ||
      !Array.isArray(stamp.diagnostics)
    )
      return undefined;
    return stamp as Stamp;
  } catch {
    return undefined;
  }
}

/**
 * The documents as they are on disk when each still holds what the stamp says was written, else
 * undefined. Markdown comes back as text (for its TODOs); other files are only compared.
 */
export function verifyStamp(
  outputDir: string,
  stamp: Stamp,
): Array<{ path: string; target: string; text?: string }> | undefined {
  const out: Array<{ path: string; target: string; text?: string }> = [];
  for (const entry of stamp.files) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string')
      return undefined;
    const [path, digest] = entry;
    let target: string;
    try {
      target = resolveInside(outputDir, path); // a stamp naming a file outside the folder (`../docs-old/x.md`) is not ours
    } catch {
      return undefined;
    }
    let content: string | Buffer;
    try {
      content = isMarkdown(path) ? readFileSync(target, 'utf8') : readFileSync(target);
    } catch {
      return undefined;
    }
    try {
      if (digestOf(path, content) !== digest) return undefined;
    } catch {
      return undefined; // broken markers: the full run reports them
    }
    out.push(typeof content === 'string' ? { path, target, text: content } : { path, target });
  }
  return out;
}

/** The stamp's text: one line of JSON (it is read by ormdoc only). */
export function stampText(stamp: Omit<Stamp, 'format'>): string {
  return `${JSON.stringify({ format: FORMAT, ...stamp })}\n`;
}
