export { HOOK_NAMES, BLOCK_START, BLOCK_END, readHookTemplate, extractBlock, mergeHookBlock, callsGitward } from './hook-block.js';
export type { HookName, MergeChange } from './hook-block.js';
export { writeHookFile, readOptionalFile } from './write-hook-file.js';
export { HUSKY_RANGE, HUSKY_HOOKS_PATH, huskyHookFile, addHuskyToPackageJson, addHuskyToPackageFile, locateHuskyInstaller, isHuskyStub } from './husky.js';
export type { PackageJsonUpdate } from './husky.js';
export { SCAFFOLD_FILE, SCHEMA_REF, scaffoldTeamConfig, requireSigningInConfig } from './team-config-file.js';
export type { ConfigEdit } from './team-config-file.js';
export { inspectHookFiles, listActiveHooks } from './inspect-hook-files.js';
export type { HookFileStatus } from './inspect-hook-files.js';
