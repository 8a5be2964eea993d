import { describe, expect, it } from 'vitest';
import { TblsJsonSchema } from '../../test/interop/tblsSchema.js';
import { canonicalizeIr } from '../ir/canonical.js';
import { objectsIr } from '../testing/objectsIr.js';
import { toTblsSchema } from './tbls.js';

describe('tbls export of the objects beyond tables', () => {
  const out = toTblsSchema(canonicalizeIr(objectsIr()));
  const table = (name: string) => out.tables.find((t) => t.name === `public.${name}`);

  it("lists each table's triggers as pg_get_triggerdef prints them, and stays valid against tbls's schema", () => {
    expect(table('documents')?.triggers).toEqual([
      {
        name: 'documents_audit',
        def: 'CREATE TRIGGER documents_audit AFTER INSERT OR UPDATE OF title, body OR DELETE ON documents FOR EACH ROW EXECUTE FUNCTION log_change()',
      },
      {
        name: 'documents_touch',
        def: 'CREATE TRIGGER documents_touch BEFORE UPDATE ON documents FOR EACH ROW WHEN (old.* IS DISTINCT FROM new.*) EXECUTE FUNCTION touch_updated_at()',
      },
    ]);
    // A disabled trigger is still defined (tbls reads pg_trigger, which keeps it).
    expect(table('tags')?.triggers?.map((t) => t.name)).toEqual(['tags_audit', 'tags_touch']);
    expect(table('audit_log')).not.toHaveProperty('triggers');
    expect(TblsJsonSchema.safeParse(JSON.parse(JSON.stringify(out))).success).toBe(true);
  });

  it('gives views and materialized views their definition', () => {
    expect(table('active_authors')?.def).toBe(
      'CREATE VIEW active_authors AS (\nSELECT DISTINCT owner_id\n   FROM recent_documents\n)',
    );
    expect(table('document_counts')?.type).toBe('MATERIALIZED VIEW');
  });
});
