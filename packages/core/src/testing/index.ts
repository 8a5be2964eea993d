export * from './builders.js';
export * from './pg.js';
export * from './sqlite.js';
