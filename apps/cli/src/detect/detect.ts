import { OrmdocError, toPosixPath } from '@ormdoc/core';
import { ORMS, type Orm } from '../args.js';
import { importExtractor } from '../pipeline/extractors.js';
import { fallbackEvidence } from './fallbacks.js';

export interface Detection {
  orm: Orm;
  /** Files that show the ORM is used (relative to cwd), e.g. `prisma/schema.prisma`. */
  evidence: string[];
}

/** Evidence from the extractor's own `detect*` (when the package loads) and the CLI's fallbacks. */
export async function detectOrm(cwd: string, orm: Orm): Promise<string[]> {
  const evidence = new Set(fallbackEvidence(cwd, orm));
  const imported = await importExtractor(orm, cwd);
  if (imported.ok) {
    for (const item of await imported.module.detect(cwd)) evidence.add(toPosixPath(item));
  }
  return [...evidence].sort();
}

/** Every ORM used in `cwd`, in a stable order. */
export async function detectOrms(cwd: string): Promise<Detection[]> {
  const all = await Promise.all(ORMS.map(async (orm) => ({ orm, evidence: await detectOrm(cwd, orm) })));
  return all.filter((d) => d.evidence.length > 0);
}

export function describeDetections(detections: Detection[]): string {
  return detections.map((d) => `${d.orm} (${d.evidence.join(', ')})`).join('; ');
}

/** The one ORM of the project: the configured one, else the only one detected; otherwise an error. */
export async function chooseOrm(cwd: string, configured?: Orm): Promise<Detection> {
  if (configured) return { orm: configured, evidence: [] };
  const detections = await detectOrms(cwd);
  const [only] = detections;
  if (only && detections.length === 1) return only;
  if (detections.length === 0) {
    throw new OrmdocError('ORM_NOT_DETECTED', `No ORM schema found in ${cwd}.`, {
      hint:
        'Run ormdoc in the project folder (or pass --cwd), or say where the schema is: --orm prisma|drizzle|typeorm|sqlmodel ' +
        'with --schema, --drizzle-config, --data-source, --module or --json (or `source` in ormdoc.config.ts).',
    });
  }
  throw new OrmdocError('ORM_NOT_DETECTED', `More than one ORM found: ${describeDetections(detections)}.`, {
    details: detections.map((d) => `${d.orm}: ${d.evidence.join(', ')}`),
    hint: `Pass --orm ${detections.map((d) => d.orm).join('|')} or set \`source.orm\` in ormdoc.config.ts.`,
  });
}
