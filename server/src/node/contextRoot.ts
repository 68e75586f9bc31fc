//! Which directory is the build context of a Dockerfile (node adapter: reads files).
//! Order: the `dockwise.context.roots` setting (Dockerfile path → context directory, relative
//! paths against the workspace folder), then a Compose file (`compose.yaml`, `docker-compose.yml`,
//! … in the Dockerfile's directory or a parent, up to the workspace) whose service builds this
//! Dockerfile, else the Dockerfile's own directory.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMPOSE_FILE_NAMES, contextsForDockerfile, parseComposeBuilds } from '../context/compose';

export interface ContextRootChoice {
  root: string;
  source: 'default' | 'settings' | 'compose';
}

export function findContextRoot(dockerfile: string, roots: Record<string, string> | undefined, workspaceRoots: string[]): ContextRootChoice {
  const df = path.resolve(dockerfile);
  const ws = workspaceRoots.find((w) => df.startsWith(w + path.sep)) ?? path.dirname(df);
  for (const [k, v] of Object.entries(roots ?? {})) {
    const key = path.isAbsolute(k) ? k : path.join(ws, k);
    if (path.resolve(key) === df && typeof v === 'string') return { root: path.isAbsolute(v) ? v : path.join(ws, v), source: 'settings' };
  }
  let dir = path.dirname(df);
  for (let depth = 0; depth < 8; depth++) {
    for (const name of COMPOSE_FILE_NAMES) {
      const p = path.join(dir, name);
      let text: string;
      try {
        text = fs.readFileSync(p, 'utf8');
      } catch {
        continue;
      }
      const match = contextsForDockerfile(parseComposeBuilds(text, p.replace(/\\/g, '/')).builds, df).find((b) => !b.remote);
      if (match) return { root: match.context, source: 'compose' };
    }
    if (dir === ws) break;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return { root: path.dirname(df), source: 'default' };
}
