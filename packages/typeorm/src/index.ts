export { type FromTypeormMetadataInput, fromTypeormMetadata } from './convert/fromTypeormMetadata.js';
export { detectTypeorm } from './load/detect.js';
export { type LoadedMetadata, loadTypeormMetadata } from './load/loadMetadata.js';
export { type LoadTypeormOptions, loadTypeorm } from './load/loadTypeorm.js';
export type * from './types.js';
export { isEntityMetadataLike } from './types.js';
