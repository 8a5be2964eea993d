import { describe, expect, it } from 'vitest';
import { exampleIr } from '../testing/exampleIr.js';
import { analyze, findingRules } from './index.js';

// Each test analyses the example itself (not once at collection time), so a mutation run knows
// which test covers which code (code run while tests are collected counts as "static").
describe('analyze on the example domain', () => {
  it('reports exactly the three foreign keys the example leaves without an index', () => {
    const findings = analyze(exampleIr());
    const fks = findings
      .filter((f) => f.ruleId === 'fk-without-index')
      .map((f) => `${f.table?.name}.${f.columns?.join(',')}`);
    expect(fks).toEqual(['audit_logs.actor_id', 'comments.author_id', 'invitations.invited_by_id']);
  });

  it('reports the @pii columns and the secrets', () => {
    const findings = analyze(exampleIr());
    const pii = findings
      .filter((f) => f.ruleId === 'pii-column')
      .map((f) => `${f.table?.name}.${f.columns?.[0]}`);
    expect(pii).toEqual(
      expect.arrayContaining([
        'users.email',
        'users.display_name',
        'user_profiles.phone',
        'invitations.email',
        'audit_logs.ip_address',
      ]),
    );
    const secrets = findings
      .filter((f) => f.ruleId === 'secret-column')
      .map((f) => `${f.table?.name}.${f.columns?.[0] ?? '*'}`);
    expect(secrets).toEqual(expect.arrayContaining(['api_keys.*', 'api_keys.key_hash', 'invitations.token']));
  });

  it('finds the ORM-managed updated_at columns, soft deletes and the cascade chain', () => {
    const findings = analyze(exampleIr());
    const by = (id: string) => findings.filter((f) => f.ruleId === id).map((f) => f.table?.name);
    expect(by('orm-only-update-timestamp')).toEqual(['comments', 'organizations', 'posts', 'users']);
    expect(by('soft-delete-without-index')).toEqual(['posts', 'users']);
    expect(by('cascade-chain')).toEqual(['organizations']);
    expect(by('table-without-primary-key')).toEqual([]);
    expect(by('duplicate-index')).toEqual([]);
  });

  it('is deterministic and every finding belongs to a listed rule', () => {
    const findings = analyze(exampleIr());
    expect(analyze(exampleIr())).toEqual(findings);
    const ids = new Set(findingRules.map((r) => r.id));
    expect(ids.size).toBe(findingRules.length);
    for (const f of findings) expect(ids.has(f.ruleId)).toBe(true);
  });
});
