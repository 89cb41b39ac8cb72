// Tests and `npm start` work on a throw-away copy of a folder, so nothing they do changes the repository.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Copies `source` into a new temporary folder and returns the copy's absolute path. */
export function copyWorkspace(source, label = path.basename(source)) {
  if (!fs.existsSync(source)) throw new Error(`workspace source does not exist: ${source}`);
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'causeway-ws-'));
  const copy = path.join(parent, label);
  fs.cpSync(source, copy, { recursive: true });
  return copy;
}

/** Removes a folder made by copyWorkspace (its temporary parent too). */
export function removeWorkspace(copy) {
  const parent = path.dirname(copy);
  if (path.basename(parent).startsWith('causeway-ws-')) fs.rmSync(parent, { recursive: true, force: true });
}
