// ormdoc configuration for the SQLModel example. The documents are generated from schema.json, the
// committed export of models.py, so no Python is needed; re-export it after changing the models
// (see README.md). Command-line flags win over this file.
import { defineConfig } from 'ormdoc';

export default defineConfig({
  title: 'Publishing platform (SQLModel)',
  source: { orm: 'sqlmodel', json: 'schema.json' },
  project: {
    hosting: 'Self-hosted PostgreSQL 16 on two Debian 12 servers (primary and streaming replica)',
    rpo: '1 minute (synchronous streaming replication to the replica)',
    rto: '15 minutes (manual promotion of the replica)',
    compliance:
      'GDPR: personal data (users, profiles) stays in the EU; erasure requests are handled within 30 days',
  },
  // SVG ER diagrams beside the Mermaid files, shown in the design document (GitHub renders them).
  diagrams: { svg: true },
  // The Changelog from git stays off: this repository's history of the example is ormdoc's own
  // development, not the example's (and the four examples must agree).
  history: { changelog: 'off' },
});
