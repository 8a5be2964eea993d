import { CAPTION, CHANGELOG_REGION, type Changelog, THIS_VERSION } from '../../history/types.js';
import type { Doc } from '../doc.js';
import { code, escapeCell, table } from '../markdown.js';

/** What the section says when ormdoc does not fill it (history off, no git history). */
export const CHANGELOG_BY_HAND =
  '_Record released schema changes here (version, date, change, author); ormdoc never edits this section._';

/**
 * The schema reference's Changelog section after its heading: the rows from git in a region, and a
 * line outside it where a person's own rows go (kept by every run); or, without history, the
 * section left to a person as before.
 */
export function changelogSection(doc: Doc, changelog: Changelog | undefined): void {
  if (!changelog) {
    doc.text(CHANGELOG_BY_HAND);
    return;
  }
  doc.region(CHANGELOG_REGION, changelog.kind === 'kept' ? changelog.body : changelogBody(changelog));
  doc.text(
    '_Rows of your own (releases, notes) go below this line, outside the markers: ormdoc keeps them. `history.changelog` in the ormdoc config chooses rows per commit or per tag, or turns this off._',
  );
}

function changelogBody(changelog: Extract<Changelog, { kind: 'rows' }>): string {
  const rows = changelog.rows.map((r) => [
    escapeCell(r.version),
    r.date || '—',
    r.changes,
    r.author ? escapeCell(r.author) : '—',
  ]);
  const which = `${CAPTION[changelog.by]} ${code(changelog.file)}`;
  return `${table(['Version', 'Date', 'Changes', 'Author'], rows)}\n\nFrom git: ${which}, newest first (at most ${changelog.limit}). _${THIS_VERSION}_ is the change these documents describe; its commit becomes a row of its own once the schema changes again.`;
}
