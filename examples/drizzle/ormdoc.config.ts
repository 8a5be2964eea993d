// ormdoc configuration for the Drizzle example. The title and output directory come from the
// `withOrmdoc(...)` options in drizzle.config.ts; this file adds facts only a person knows
// (it wins over drizzle.config.ts; command-line flags win over both).
import { defineConfig } from 'ormdoc';

export default defineConfig({
  project: {
    hosting: 'Neon serverless PostgreSQL 16 (aws-eu-central-1), one branch per environment',
    environments:
      'development: a Neon branch per developer, reset from main; staging: a branch refreshed nightly from production; production: the main branch',
    connectionPooling:
      'Neon’s PgBouncer endpoint in transaction mode, 20 connections per application instance',
    owners: 'Platform team (#platform-db)',
  },
  // SVG ER diagrams beside the Mermaid files, shown in the design document (GitHub renders them).
  diagrams: { svg: true },
  // The Changelog from git stays off: this repository's history of the example is ormdoc's own
  // development, not the example's (and the four examples must agree).
  history: { changelog: 'off' },
});
