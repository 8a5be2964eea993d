import { canonicalizeIr } from '../ir/canonical.js';
import type { Ir } from '../ir/types.js';
import { parseIr } from '../ir/validate.js';
import { col, table } from './_fixtureHelpers.js';
import { aForeignKey, anEnum, anIndex, anIr, aPrimaryKey } from './builders.js';

/** The hostile comment: a pipe, backticks, HTML, a Mermaid/HTML comment end, a quote and a newline. */
export const HOSTILE_COMMENT = "Orders | `raw` <script>alert('x')</script> --> end\nsecond line";

/**
 * What exampleIr() lacks, in one PostgreSQL schema: a second namespace (`billing`) with its own
 * enum, views (with and without a definition), array / generated / identity columns, a partial
 * index with an operator class, a GIN index, a composite FK, a deferred FK cycle (teams <-> players),
 * an ORM-enforced FK, an ORM-side default, and hostile names (`order`, `select`, `café`,
 * `CamelCase`, a name with a double quote, a comment with `|`, backticks, `<script>`, `-->`, newline).
 */
export function kitchenSinkIr(): Ir {
  return canonicalizeIr(
    parseIr(
      anIr({
        dialect: 'postgresql',
        source: { orm: 'prisma', files: ['prisma/schema.prisma'] },
        namespaces: ['billing'],
        enums: [anEnum('currency', ['EUR', 'USD', "it's"], { schema: 'billing', codeName: 'Currency' })],
        tables: [
          table('accounts', 'Customer accounts. @pii', {
            codeName: 'Account',
            columns: [
              col('id', 'integer', { default: { kind: 'sequence', style: 'serial' } }),
              col('name', 'text'),
              col('emails', 'text[]', { default: { kind: 'literal', value: [], sql: "'{}'" } }),
              col('name_lower', 'text', {
                codeName: 'nameLower',
                nullable: true,
                generated: { expression: 'lower(name)', stored: true },
              }),
              col('external_id', 'uuid', {
                codeName: 'externalId',
                default: { kind: 'orm', generator: 'cuid', description: 'cuid()' },
              }),
              col('doc', 'jsonb', { nullable: true }),
              col('deleted_at', 'timestamptz(3)', { codeName: 'deletedAt', nullable: true }),
            ],
            primaryKey: aPrimaryKey('accounts', ['id']),
            uniques: [{ name: 'accounts_external_id_key', nameExplicit: false, columns: ['external_id'] }],
            indexes: [
              anIndex('accounts', ['name'], {
                name: 'accounts_name_active_idx',
                parts: [{ column: 'name', opclass: 'text_pattern_ops' }],
                where: 'deleted_at IS NULL',
              }),
              anIndex('accounts', ['doc'], { method: 'gin' }),
              anIndex('accounts', [], {
                name: 'accounts_lower_name_idx',
                parts: [{ expression: 'lower(name)', order: 'desc', nulls: 'last' }],
              }),
            ],
          }),
          table('order', HOSTILE_COMMENT, {
            codeName: 'Order',
            columns: [
              col('id', 'bigint', { default: { kind: 'sequence', style: 'identity-by-default' } }),
              col('select', 'integer', {
                codeName: 'select_',
                description: 'A column named like a keyword.',
              }),
              col('café', 'text', { codeName: 'cafe', nullable: true }),
              col('CamelCase', 'varchar(20)', {
                default: { kind: 'literal', value: "it's", sql: "'it''s'" },
              }),
              col('we"ird', 'integer', { nullable: true }),
              col('account_id', 'integer', { codeName: 'accountId' }),
            ],
            primaryKey: aPrimaryKey('order', ['id']),
            foreignKeys: [
              aForeignKey('order', ['account_id'], 'accounts', ['id'], {
                enforcedBy: 'orm',
                onDelete: 'CASCADE',
              }),
            ],
            checks: [{ name: 'order_select_check', nameExplicit: true, expression: '"select" > 0' }],
          }),
          table('teams', undefined, {
            codeName: 'Team',
            columns: [
              col('id', 'integer', { default: { kind: 'sequence', style: 'identity-always' } }),
              col('captain_id', 'integer', { codeName: 'captainId', nullable: true }),
            ],
            primaryKey: aPrimaryKey('teams', ['id']),
            foreignKeys: [
              aForeignKey('teams', ['captain_id'], 'players', ['id'], {
                onDelete: 'SET NULL',
                deferrable: 'initially-deferred',
              }),
            ],
          }),
          table('players', undefined, {
            codeName: 'Player',
            columns: [
              col('id', 'integer', { default: { kind: 'sequence', style: 'identity-always' } }),
              col('team_id', 'integer', { codeName: 'teamId' }),
            ],
            primaryKey: aPrimaryKey('players', ['id']),
            indexes: [anIndex('players', ['team_id'])],
            foreignKeys: [aForeignKey('players', ['team_id'], 'teams', ['id'], { onDelete: 'CASCADE' })],
          }),
          table('active_accounts', 'Accounts not soft-deleted.', {
            kind: 'view',
            codeName: 'ActiveAccount',
            columns: [col('id', 'integer', { nullable: true }), col('name', 'text', { nullable: true })],
            definition: 'SELECT id, name FROM accounts WHERE deleted_at IS NULL',
          }),
          table('legacy_report', undefined, {
            kind: 'view',
            columns: [col('total', 'bigint', { nullable: true })],
          }),
          {
            ...table('invoices', 'Invoices, in the billing schema.', {
              codeName: 'Invoice',
              columns: [
                col('id', 'bigint', { default: { kind: 'sequence', style: 'identity-always' } }),
                col('account_id', 'integer', { codeName: 'accountId' }),
                col('currency', '"billing"."currency"', {
                  enum: 'currency',
                  schema: 'billing',
                  default: { kind: 'literal', value: 'EUR', sql: "'EUR'" },
                }),
                col('amount', 'numeric(12,2)', { default: { kind: 'literal', value: 0, sql: '0' } }),
              ],
              primaryKey: aPrimaryKey('invoices', ['id']),
              foreignKeys: [
                aForeignKey('invoices', ['account_id'], 'accounts', ['id'], {
                  onDelete: 'RESTRICT',
                  onUpdate: 'CASCADE',
                }),
              ],
              checks: [{ name: 'invoices_amount_check', nameExplicit: true, expression: 'amount >= 0' }],
            }),
            schema: 'billing',
          },
          {
            ...table('invoice_lines', undefined, {
              codeName: 'InvoiceLine',
              columns: [
                col('invoice_id', 'bigint', { codeName: 'invoiceId' }),
                col('line_no', 'integer', { codeName: 'lineNo' }),
                col('description', 'text'),
              ],
              primaryKey: aPrimaryKey('invoice_lines', ['invoice_id', 'line_no']),
              foreignKeys: [
                aForeignKey('invoice_lines', ['invoice_id'], 'invoices', ['id'], { onDelete: 'CASCADE' }),
              ].map((f) => ({ ...f, references: { ...f.references, schema: 'billing' } })),
            }),
            schema: 'billing',
          },
          {
            ...table('line_adjustments', undefined, {
              codeName: 'LineAdjustment',
              columns: [
                col('id', 'integer', { default: { kind: 'sequence', style: 'serial' } }),
                col('invoice_id', 'bigint', { codeName: 'invoiceId' }),
                col('line_no', 'integer', { codeName: 'lineNo' }),
                col('delta', 'numeric(12,2)'),
              ],
              primaryKey: aPrimaryKey('line_adjustments', ['id']),
              indexes: [anIndex('line_adjustments', ['invoice_id', 'line_no'])],
              foreignKeys: [
                aForeignKey(
                  'line_adjustments',
                  ['invoice_id', 'line_no'],
                  'invoice_lines',
                  ['invoice_id', 'line_no'],
                  {
                    onDelete: 'CASCADE',
                  },
                ),
              ].map((f) => ({ ...f, references: { ...f.references, schema: 'billing' } })),
            }),
            schema: 'billing',
          },
        ],
      }),
    ),
  );
}
