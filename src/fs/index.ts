export { readPaths } from './read-paths.js';
export type { PathContent } from './read-paths.js';
