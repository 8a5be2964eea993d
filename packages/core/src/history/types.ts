/** The schema reference's Changelog from git, as `history/changelog.ts` reads it and the template renders it. */

export const CHANGELOG_REGION = 'changelog';
export const THIS_VERSION = 'This version';

/** How the region's caption names its rows (also how a run tells rows made per commit from rows per tag). */
export const CAPTION = {
  commits: 'the commits that changed the schema in',
  tags: 'the tags whose schema differs from the tag before, in',
} as const;

export interface ChangelogRow {
  version: string;
  /** Author date, YYYY-MM-DD ('' for this version). */
  date: string;
  author: string;
  changes: string;
}

export type Changelog =
  | { kind: 'rows'; rows: ChangelogRow[]; file: string; by: 'commits' | 'tags'; limit: number }
  | { kind: 'kept'; body: string };
