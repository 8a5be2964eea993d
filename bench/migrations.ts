/**
 * The cost of reading migration SQL with PostgreSQL's parser (issue 21): N synthetic migration
 * files in Prisma Migrate's style (tables, indexes, foreign keys) where every fourth file also
 * adds row-level security, a policy, a plpgsql trigger function and its trigger, and every tenth
 * a DO block and a GRANT. Measures the first (cold) read, which loads the WebAssembly parser, and
 * warm reads.
 *
 *   node_modules/.bin/tsx bench/migrations.ts [files=200] [runs=5]
 */
import { applyMigrationObjects, readMigrationSql } from '../packages/core/src/index.js';
import { anIr } from '../packages/core/src/testing/builders.js';

const count = Number(process.argv[2] ?? 200);
const runs = Number(process.argv[3] ?? 5);

function migration(i: number): string {
  const t = `table_${i}`;
  const parts = [
    `-- CreateTable\nCREATE TABLE "${t}" (\n    "id" SERIAL NOT NULL,\n    "name" TEXT NOT NULL,\n    "owner_id" INTEGER,\n    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\n    "updated_at" TIMESTAMP(3) NOT NULL,\n\n    CONSTRAINT "${t}_pkey" PRIMARY KEY ("id")\n);`,
    `-- CreateIndex\nCREATE UNIQUE INDEX "${t}_name_key" ON "${t}"("name");`,
    i > 0
      ? `-- AddForeignKey\nALTER TABLE "${t}" ADD CONSTRAINT "${t}_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "table_${i - 1}"("id") ON DELETE SET NULL ON UPDATE CASCADE;`
      : '',
  ];
  if (i % 4 === 0)
    parts.push(
      `ALTER TABLE "${t}" ENABLE ROW LEVEL SECURITY;`,
      `CREATE POLICY "${t}_own" ON "${t}" FOR ALL TO app_user USING (owner_id = current_setting('app.uid')::int) WITH CHECK (owner_id = current_setting('app.uid')::int);`,
      `CREATE OR REPLACE FUNCTION touch_${i}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  NEW.updated_at := now();\n  RETURN NEW;\nEND;\n$$;`,
      `CREATE TRIGGER "${t}_touch" BEFORE UPDATE ON "${t}" FOR EACH ROW EXECUTE FUNCTION touch_${i}();`,
    );
  if (i % 10 === 0)
    parts.push(
      `DO $$ BEGIN RAISE NOTICE 'migration ${i}; done'; END $$;`,
      `GRANT SELECT ON "${t}" TO app_reader;`,
    );
  return parts.filter(Boolean).join('\n\n');
}

const files = Array.from({ length: count }, (_, i) => ({
  path: `prisma/migrations/${String(i).padStart(14, '0')}_m${i}/migration.sql`,
  content: migration(i),
}));
const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.content), 0);

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
const heap = () => process.memoryUsage().rss / 2 ** 20;
const rssBefore = heap();
let start = process.hrtime.bigint();
let read = await readMigrationSql(files);
const cold = ms(start);
const warm: number[] = [];
for (let r = 0; r < runs; r++) {
  start = process.hrtime.bigint();
  read = await readMigrationSql(files);
  applyMigrationObjects(anIr(), read.value);
  warm.push(ms(start));
}
warm.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    files: count,
    kib: Math.round(bytes / 1024),
    statements: read.value.statements,
    policies: read.value.policies.length,
    triggers: read.value.triggers.length,
    routines: read.value.routines.length,
    coldMs: Math.round(cold),
    warmMedianMs: Math.round(warm[Math.floor(warm.length / 2)]!),
    rssGrowthMiB: Math.round(heap() - rssBefore),
  }),
);
