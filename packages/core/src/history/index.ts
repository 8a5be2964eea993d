export { readObjects, tryGit } from './git.js';
