export { listPaths } from './list-paths.js';
export type { PathEntry } from './list-paths.js';
export { createPathReader } from './read-path-content.js';
export type { PathContent, PathReader, ReadLimits } from './read-path-content.js';
