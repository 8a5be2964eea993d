// ormdoc configuration for the TypeORM example: where the entities are, and facts only a person
// knows. Command-line flags win over this file.
import { defineConfig } from 'ormdoc';

export default defineConfig({
  title: 'Publishing platform (TypeORM)',
  source: { orm: 'typeorm', dataSource: 'src/data-source.ts' },
  project: {
    hosting: 'PostgreSQL 16 on Google Cloud SQL (europe-west1), high-availability configuration',
    backups: 'Cloud SQL automated daily backups kept 30 days, with point-in-time recovery (7 days of logs)',
    dataAccessLayer:
      'One TypeORM repository per aggregate (users, organizations, posts); services never build SQL strings',
    migrationWorkflow:
      'Migrations are generated with `typeorm migration:generate`, reviewed with the change, and run by the deploy job',
  },
  // SVG ER diagrams beside the Mermaid files, shown in the design document (GitHub renders them).
  diagrams: { svg: true },
  // The Changelog from git stays off: this repository's history of the example is ormdoc's own
  // development, not the example's (and the four examples must agree).
  history: { changelog: 'off' },
});
