//! The node:fs adapter of the context engine's FileSystem (server/src/context/fileSystem.ts).
//! Non-UTF-8 file names: Node decodes them with U+FFFD, which loses the bytes (lstat of the
//! decoded name then fails). When a directory listing contains U+FFFD, it is re-read as
//! Buffers and every byte that is not valid UTF-8 becomes a lone surrogate U+DC80+byte
//! (Python's "surrogateescape"); paths holding such surrogates are turned back into Buffers
//! for fs calls. A lone surrogate matches `?`/`*` like the single invalid byte does in Go.
import * as fs from 'node:fs';
import type { DirEntry, FileSystem, StatInfo } from '../context/fileSystem';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decode bytes as UTF-8, mapping invalid bytes to U+DC80+byte. */
export function decodeSurrogateEscape(b: Uint8Array): string {
  try {
    return utf8.decode(b);
  } catch {
    let out = '';
    let i = 0;
    while (i < b.length) {
      // find the longest valid UTF-8 sequence starting at i
      const c = b[i];
      const len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
      if (len > 0 && i + len <= b.length) {
        try {
          out += utf8.decode(b.subarray(i, i + len));
          i += len;
          continue;
        } catch {
          /* fall through */
        }
      }
      out += String.fromCharCode(0xdc00 + c);
      i++;
    }
    return out;
  }
}

const LONE_LOW = /[\udc80-\udcff]/;

/** Encode a string made by decodeSurrogateEscape back to its bytes. */
export function encodeSurrogateEscape(s: string): Buffer {
  const parts: Buffer[] = [];
  let run = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
    if (c >= 0xdc80 && c <= 0xdcff && !(prev >= 0xd800 && prev <= 0xdbff)) {
      if (run) parts.push(Buffer.from(run, 'utf8'));
      run = '';
      parts.push(Buffer.from([c - 0xdc00]));
    } else run += s[i];
  }
  if (run) parts.push(Buffer.from(run, 'utf8'));
  return Buffer.concat(parts);
}

class EscapedDirent implements DirEntry {
  constructor(public name: string, private d: fs.Dirent) {}
  isFile() { return this.d.isFile(); }
  isDirectory() { return this.d.isDirectory(); }
  isSymbolicLink() { return this.d.isSymbolicLink(); }
}

export class NodeFileSystem implements FileSystem {
  /** Set once a non-UTF-8 name was seen; only then are paths checked for escapes. */
  private escapes = false;

  private p(path: string): string | Buffer {
    return this.escapes && LONE_LOW.test(path) ? encodeSurrogateEscape(path) : path;
  }

  readdir(path: string): DirEntry[] {
    const p = this.p(path);
    const list = fs.readdirSync(p, { withFileTypes: true }) as fs.Dirent[];
    for (let i = 0; i < list.length; i++) {
      if (list[i].name.includes('\ufffd')) return this.readdirEscaped(p);
    }
    return list;
  }

  private readdirEscaped(p: string | Buffer): DirEntry[] {
    const raw = fs.readdirSync(p, { withFileTypes: true, encoding: 'buffer' }) as unknown as fs.Dirent[];
    const out: DirEntry[] = [];
    for (const d of raw) {
      const name = decodeSurrogateEscape(d.name as unknown as Buffer);
      if (LONE_LOW.test(name)) this.escapes = true;
      out.push(new EscapedDirent(name, d));
    }
    return out;
  }

  lstat(path: string): StatInfo {
    return fs.lstatSync(this.p(path));
  }

  readFile(path: string): Uint8Array {
    return fs.readFileSync(this.p(path));
  }

  realpath(path: string): string {
    return fs.realpathSync.native(this.p(path) as string);
  }
}

export const nodeFileSystem = new NodeFileSystem();
