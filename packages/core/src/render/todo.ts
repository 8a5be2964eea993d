import type { OrmdocConfig } from '../config/schema.js';

export type FactKey = keyof OrmdocConfig['project'];

/** What a person should write for each fact, worded for the TODO line. */
export const FACT_PROMPTS: Record<FactKey, string> = {
  name: 'Name the project this database belongs to',
  description: 'Describe what this database is for and the design principles behind it',
  useCase: 'Describe the use case the schema is designed for',
  hosting: 'Say where the database runs (provider, region, managed service or self-hosted)',
  environments:
    'Describe the development, staging and production databases (how each is created, refreshed and maintained)',
  backups:
    'Describe the backup strategy: schedule, method (snapshots, dumps, PITR), retention and how restores are tested',
  rpo: 'State the Recovery Point Objective (how much data loss is acceptable)',
  rto: 'State the Recovery Time Objective (how long a restore may take)',
  disasterRecovery:
    'Describe the recovery and failover procedure (automated and manual steps, who is informed)',
  compliance:
    'List the compliance regimes that apply (e.g. GDPR, SOC 2, HIPAA) and how the database meets them',
  owners: 'Name the team that owns this schema',
  accessControl: 'Describe the permission model: database roles, grants, and who may connect from where',
  rowLevelSecurity: 'Describe the row-level security strategy (policies, or why none is used)',
  encryption: 'Describe encryption at rest and in transit, and any field-level encryption',
  caching: 'Describe the caching strategy (what is cached where, and how it is invalidated)',
  monitoring: 'Describe monitoring: metrics tracked, tools, alerts and thresholds, health checks',
  scaling:
    'Describe the scaling strategy: vertical sizing, read replicas, partitioning or sharding, high availability',
  connectionPooling: 'Describe connection pooling (pooler, pool size, timeouts, retry logic)',
  dataRetention: 'Describe data retention: how long data is kept, when it is hard-deleted or archived',
  migrationWorkflow:
    'Describe when and how migrations run (CI/CD step, manual, review) and how data migrations are handled',
  dataAccessLayer:
    'Describe how application code is organised around the database (repositories, services, where queries live)',
  status: 'State the status of this document (Draft, Active, Deprecated)',
  review: 'Name who reviewed this architecture and when the next review is due',
  databaseVersion: 'State the database server version in use',
  supportingServices:
    'List the cache, search engine and message queue used beside the database (or say there are none)',
  queryStrategy: 'Describe when the ORM is used versus raw SQL, and how transactions are handled',
  rollback: 'Describe how a bad migration is rolled back in practice',
  testData: 'Describe the test data the test suites need and how test databases are built',
  tuning: 'Describe the server configuration and tuning (memory, timeouts, autovacuum, statement limits)',
  indexMaintenance: 'Describe how index usage is monitored and when indexes are rebuilt or dropped',
  dataContracts:
    'Describe how other systems consume this data (APIs, events, exports) and how breaking changes are announced',
  developmentWorkflow: 'Describe how schema changes are developed locally, reviewed and tested',
  futureConsiderations: 'List planned schema changes, scaling work and upgrades',
  ci: 'Say whether CI runs `ormdoc check` (it exits 1 when these documents are out of date) and where',
};

/** The one TODO line for a missing fact (outside any generated region, so it can be replaced). */
export function todoLine(key: FactKey, what: string = FACT_PROMPTS[key]): string {
  return `> **TODO(ormdoc):** ${what} — set \`project.${key}\` in ormdoc.config.ts or write it here.`;
}
