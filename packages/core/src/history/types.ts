/** The schema reference's Changelog from git, as `history/changelog.ts` reads it and the template renders it. */

export const CHANGELOG_REGION = 'changelog';
export const THIS_VERSION = 'This version';

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
