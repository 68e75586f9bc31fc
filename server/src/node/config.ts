//! Finds and reads the rule configuration for a Dockerfile: the nearest `.hadolint.yaml`/`.yml`
//! and the nearest `.dockwise.yaml`/`.yml`/`.json`, looking from the Dockerfile's directory up
//! to `stopDir` (the workspace folder or the CLI's working directory) or the file-system root.
//! Unreadable or malformed files become problems, never exceptions.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { applyDockwiseConfig, applyHadolintConfig, emptyConfig, type RuleConfig } from '../rules/config';

export const HADOLINT_FILES = ['.hadolint.yaml', '.hadolint.yml'];
export const DOCKWISE_FILES = ['.dockwise.yaml', '.dockwise.yml', '.dockwise.json'];

function findUp(dir: string, names: string[], stopDir: string | undefined): string | null {
  let d = path.resolve(dir);
  const stop = stopDir ? path.resolve(stopDir) : null;
  for (let i = 0; i < 64; i++) {
    for (const n of names) {
      const p = path.join(d, n);
      try {
        if (fs.statSync(p).isFile()) return p;
      } catch {
        /* not here */
      }
    }
    if (stop && (d === stop || !d.startsWith(stop))) return null;
    const up = path.dirname(d);
    if (up === d) return null;
    d = up;
  }
  return null;
}

export function loadRuleConfig(dockerfile: string, stopDir?: string, explicit?: string): RuleConfig {
  const cfg = emptyConfig();
  const read = (file: string, apply: typeof applyHadolintConfig) => {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      cfg.problems.push({ file, line: -1, column: -1, key: '', suggestion: null, message: { en: `cannot read ${file}: ${(e as Error).message}`, ko: `${file}을(를) 읽을 수 없습니다: ${(e as Error).message}` } });
      return;
    }
    let obj: unknown;
    try {
      obj = parseYaml(text);
    } catch (e) {
      cfg.problems.push({ file, line: -1, column: -1, key: '', suggestion: null, message: { en: `${file} is not valid YAML/JSON: ${(e as Error).message.split('\n')[0]}`, ko: `${file}이(가) 올바른 YAML/JSON이 아닙니다: ${(e as Error).message.split('\n')[0]}` } });
      return;
    }
    apply(cfg, obj, file, text);
  };
  const dir = path.dirname(path.resolve(dockerfile));
  const h = findUp(dir, HADOLINT_FILES, stopDir);
  if (h) read(h, applyHadolintConfig);
  const own = explicit ?? findUp(dir, DOCKWISE_FILES, stopDir);
  if (own) read(own, applyDockwiseConfig);
  return cfg;
}
