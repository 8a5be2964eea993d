export * from './builders.js';
export { exampleIr, HOSTILE_COMMENT, kitchenSinkIr } from './exampleIr.js';
export * from './mysql.js';
export * from './pg.js';
export * from './sqlite.js';
