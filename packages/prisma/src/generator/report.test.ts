import { type Diagnostic, formatDiagnostic } from '@ormdoc/core';
import { describe, expect, it } from 'vitest';
import { diagnosticsReport } from './report.js';

const d = (severity: Diagnostic['severity'], code: string, extra: Partial<Diagnostic> = {}): Diagnostic => ({
  severity,
  code,
  message: `${code} happened`,
  ...extra,
});

describe('diagnosticsReport (what `prisma generate` shows of a run)', () => {
  it('is empty when nothing is worth a line: no diagnostics, or only info ones', () => {
    expect(diagnosticsReport([])).toBe('');
    expect(diagnosticsReport([d('info', 'a/b')])).toBe('');
  });

  it('lists every warning and error, each formatted as the CLI formats it, and counts the info ones', () => {
    const warning = d('warning', 'prisma/newer-rule/x', {
      file: 'prisma/schema.prisma',
      line: 3,
      hint: 'do y',
    });
    const error = d('error', 'ir/unknown-fk-target');
    const text = diagnosticsReport([warning, d('info', 'a/b'), error, d('info', 'a/c')]);
    const lines = text.split('\n');
    expect(lines[0]).toBe('ormdoc: 1 error, 1 warning:');
    expect(text).toContain(`  ${formatDiagnostic(warning).replace('\n', '\n  ')}\n`);
    expect(text).toContain(`  ${formatDiagnostic(error)}\n`);
    expect(text).toContain('(and 2 info diagnostics: `ormdoc inspect` lists them)');
    expect(text.endsWith('\n')).toBe(true);
  });

  it.each([
    [[d('warning', 'a'), d('warning', 'b')], 'ormdoc: 2 warnings:'],
    [[d('error', 'a')], 'ormdoc: 1 error:'],
    [[d('error', 'a'), d('error', 'b'), d('warning', 'c')], 'ormdoc: 2 errors, 1 warning:'],
  ])('heads the block with the counts (%#)', (diagnostics, head) => {
    expect(diagnosticsReport(diagnostics).split('\n')[0]).toBe(head);
  });
});
