import { access, constants, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { HOOK_NAMES, callsGitward, type HookName } from './hook-block.js';
import { isHuskyStub } from './husky.js';
import { readOptionalFile } from './write-hook-file.js';

export interface HookFileStatus {
  hook: HookName;
  /** The file git runs. */
  file: string;
  installed: boolean;
  detail: string;
}

/** Whether git, running hooks from `hooksDir`, will reach gitward for each client hook (`gitward doctor`). */
export async function inspectHookFiles(hooksDir: string): Promise<HookFileStatus[]> {
  return Promise.all(HOOK_NAMES.map((hook) => inspectHookFile(hooksDir, hook)));
}

async function inspectHookFile(hooksDir: string, hook: HookName): Promise<HookFileStatus> {
  const file = join(hooksDir, hook);
  const status = (installed: boolean, detail: string): HookFileStatus => ({ hook, file, installed, detail });
  const text = await readOptionalFile(file);
  if (text === undefined) return status(false, `${file} does not exist`);
  if (!(await isExecutable(file))) return status(false, `${file} is not executable, so git skips it`);
  if (isHuskyStub(text)) {
    // husky's stub runs `.husky/<hook>` (the parent of `.husky/_`), where the team's lines live.
    const script = join(dirname(hooksDir), hook);
    const body = await readOptionalFile(script);
    if (body === undefined) return status(false, `husky is set up but ${script} does not exist`);
    return callsGitward(body) ? status(true, `${script} runs gitward (through husky)`) : status(false, `${script} does not call gitward`);
  }
  return callsGitward(text) ? status(true, `${file} runs gitward`) : status(false, `${file} does not call gitward`);
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Hook files in a directory other than git's samples (they stop running when core.hooksPath moves away). */
export async function listActiveHooks(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => !n.endsWith('.sample')).sort();
}
