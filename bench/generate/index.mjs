// Generate the synthetic projects: `node bench/generate/index.mjs [--sizes 100,1000] [--orms prisma,drizzle]`
// writes bench/.out/<orm>-<n>/ (deterministic: same sizes, same files).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { linkNodeModules, OUT_DIR } from '../lib/resolve.mjs';
import { generateDrizzle } from './drizzle.mjs';
import { buildModel } from './model.mjs';
import { generatePrisma } from './prisma.mjs';
import { generateSqlmodel } from './sqlmodel.mjs';
import { generateTypeorm } from './typeorm.mjs';

export const ORMS = ['prisma', 'drizzle', 'typeorm', 'sqlmodel'];
const GENERATORS = {
  prisma: generatePrisma,
  drizzle: generateDrizzle,
  typeorm: generateTypeorm,
  sqlmodel: generateSqlmodel,
};

export const projectDir = (orm, n) => path.join(OUT_DIR, `${orm}-${n}`);

/** Write the project for one ORM and size; returns its directory and file count. */
export function generateProject(orm, model) {
  const dir = projectDir(orm, model.n);
  const files = GENERATORS[orm](model, dir);
  return { dir, files };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : fallback;
  };
  const sizes = arg('--sizes', '100,1000,10000').split(',').map(Number);
  const orms = arg('--orms', ORMS.join(',')).split(',');
  linkNodeModules();
  for (const n of sizes) {
    const model = buildModel(n);
    for (const orm of orms) {
      const { dir, files } = generateProject(orm, model);
      process.stdout.write(`${path.relative(process.cwd(), dir)}: ${files} files\n`);
    }
  }
}
