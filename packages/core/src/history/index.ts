export { type ChangelogOptions, readChangelog, readIr } from './changelog.js';
export { type GitObject, readObjects, tryGit } from './git.js';
export { CHANGELOG_REGION, type Changelog, type ChangelogRow, THIS_VERSION } from './types.js';
