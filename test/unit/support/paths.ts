//! Paths used by tests. Tests run from out/test/unit/**, sources live at the repo root.
import * as path from 'node:path';
import * as fs from 'node:fs';

function findRepoRoot(): string {
  let d = __dirname;
  for (let i = 0; i < 8; i++) {
    if (fs.existsSync(path.join(d, 'package.json')) && fs.existsSync(path.join(d, 'tsconfig.base.json'))) return d;
    d = path.dirname(d);
  }
  throw new Error('repository root not found from ' + __dirname);
}
export const REPO_ROOT = findRepoRoot();
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
/** `../shared` beside the repository (CI clones it there). */
export const SHARED = path.join(REPO_ROOT, '..', 'shared');
