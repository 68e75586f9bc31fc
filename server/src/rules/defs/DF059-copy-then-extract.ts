//! COPY an archive, then unpack it with `tar -x` in the next RUN (hadolint DL3010): the archive
//! stays in the COPY layer, so the image carries it twice. `ADD archive dir/` unpacks local tar
//! archives (identity, gzip, bzip2, xz) in one layer.
//! Matching is by file name, as hadolint does. Unlike hadolint, `unzip`/`gunzip` are not reported:
//! ADD does not unpack zip files or bare compressed files, so the advice would be wrong.
//! The fix (unsafe) rewrites `COPY a.tgz .` + `RUN tar -xzf a.tgz -C /opt [&& rm a.tgz]` into
//! `ADD a.tgz /opt/` when the RUN does nothing else and tar uses no options ADD cannot mimic.
//! Commands come from the shared shell parser (wrappers such as `sudo`/`env` stripped); RUNs
//! with heredocs are not inspected.
import { defineRule, type Fix } from '../defineRule';
import type { Instruction, Word } from '../../syntax/nodes';
import { commandScript, type ShCommand, type ShWord } from '../../shell/commands';
import { deleteInstructionLines, stageChain } from '../util/instructionSemantics';

/** Tar archives ADD unpacks (compression detected by content: gzip, bzip2, xz). */
const TAR_EXT = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tb2|tar\.xz|txz)$/i;
/** Wrappers that leave user, root and directory alone (as written, without options). */
const BARE_WRAPPERS = new Set(['sudo', 'doas', 'env', 'exec', 'nohup', 'time', 'command', 'builtin', 'eval', 'nice']);
const QUOTES = /^["']|["']$/g;
const TRAILING_SEPARATORS = /[/\\]+$/;
const SEPARATOR = /[/\\]/;
const GLOB = /[*?[]/;
const basename = (p: string) => p.replace(QUOTES, '').replace(TRAILING_SEPARATORS, '').split(SEPARATOR).pop() ?? '';
const isBareWrapperWord = (v: string) => BARE_WRAPPERS.has(basename(v)) || v === '-E' || /^[A-Za-z_][A-Za-z0-9_]*=/.test(v);

interface TarUse {
  /** The archive word. */
  file: ShWord;
  /** `-C dir` value, null for the current directory. */
  dir: string | null;
  /** Only flags ADD can reproduce (x, f, z, j, J, a, v, C). */
  simple: boolean;
}

/** Parses a `tar` invocation that extracts; null when it does not extract or names no archive. */
function parseTarExtract(words: readonly ShWord[]): TarUse | null {
  if (!words.length || basename(words[0].value) !== 'tar') return null;
  let extract = false;
  let simple = true;
  let file: ShWord | null = null;
  let dir: string | null = null;
  const SIMPLE_SHORT = new Set(['x', 'f', 'z', 'j', 'J', 'a', 'v', 'C']);
  for (let k = 1; k < words.length; k++) {
    const w = words[k];
    const v = w.value;
    if (v === '--extract' || v === '--get') { extract = true; continue; }
    if (v.startsWith('--file=')) { file = { ...w, value: v.slice(7) }; continue; }
    if (v === '--file') { file = words[++k] ?? null; continue; }
    if (v.startsWith('--directory=')) { dir = v.slice(12); continue; }
    if (v === '--directory') { dir = words[++k]?.value ?? null; continue; }
    if (['--gzip', '--gunzip', '--bzip2', '--xz', '--verbose', '--auto-compress'].includes(v)) continue;
    if (v.startsWith('--')) { simple = false; continue; }
    // Short options: `-xzf file`, `xzf file` (old style, first argument only), `-C dir`.
    const bundle = v.startsWith('-') ? v.slice(1) : k === 1 && /^[A-Za-z]+$/.test(v) ? v : null;
    if (bundle !== null && bundle.length) {
      if (bundle.includes('x')) extract = true;
      for (let c = 0; c < bundle.length; c++) {
        const ch = bundle[c];
        if (!SIMPLE_SHORT.has(ch)) simple = false;
        if (ch === 'f' || ch === 'C') {
          const rest = bundle.slice(c + 1);
          let val: ShWord | null;
          if (rest && v.startsWith('-')) val = { ...w, value: rest };
          else val = words[++k] ?? null;
          if (ch === 'f') file = val; else dir = val?.value ?? null;
          break;
        }
      }
      continue;
    }
    if (!file && !v.startsWith('-')) { simple = false; continue; } // a member name: extracts only part of the archive
    simple = false;
  }
  if (!extract || !file) return null;
  return { file, dir, simple };
}

export default defineRule({
  id: 'DF059',
  name: 'copy-then-extract',
  category: 'image size',
  severity: 'info',
  aliases: { hadolint: ['DL3010'] },
  fixable: true,
  docs: {
    en: {
      title: 'Use ADD to unpack a local tar archive',
      rationale: 'COPY followed by `RUN tar -x` keeps the archive in the COPY layer, so the image stores it next to the extracted files even if the RUN deletes it. `ADD archive.tar.gz /dest/` unpacks a local tar archive (plain, gzip, bzip2 or xz) in a single layer.',
    },
    ko: {
      title: '로컬 tar 압축 파일은 ADD로 풀어 넣으세요',
      rationale: 'COPY한 뒤 `RUN tar -x`로 풀면 압축 파일이 COPY 레이어에 남기 때문에, RUN에서 지우더라도 이미지에는 압축 파일과 풀린 파일이 함께 저장됩니다. `ADD archive.tar.gz /dest/`는 로컬 tar 압축 파일(무압축, gzip, bzip2, xz)을 한 레이어에서 풀어 줍니다.',
    },
  },
  scope: 'file',
  perStage: true,
  check({ tree, model, report }) {
    for (const st of model.stages) {
      const ins = st.instructions;
      for (let n = 0; n < ins.length; n++) {
        const copy = ins[n];
        if (copy.name !== 'COPY' || copy.args.length < 2 || copy.flags.some((f) => f.name.toLowerCase() === 'from')) continue;
        const dest = copy.args[copy.args.length - 1];
        const sources = copy.args.slice(0, -1);
        const destIsDir = dest.value.endsWith('/') || dest.value === '.' || sources.length > 1;
        const archives: { src: Word; name: string }[] = [];
        for (const s of sources) {
          if (s.value.includes('$') || GLOB.test(s.value)) continue;
          const base = basename(s.value);
          const name = destIsDir ? base : basename(dest.value);
          if (TAR_EXT.test(base) || (!destIsDir && TAR_EXT.test(name))) archives.push({ src: s, name });
        }
        if (!archives.length) continue;
        // The next RUN of the stage.
        let k = n + 1;
        const between: Instruction[] = [];
        while (k < ins.length && ins[k].name !== 'RUN') between.push(ins[k++]);
        const run = ins[k];
        if (!run || !run.command) continue;
        const script = run.heredocs.length ? null : commandScript(run, tree.text);
        const cmds: ShCommand[] = script?.commands ?? [];
        // The parser strips wrappers in shell code only; in exec form (`["sudo", "tar", …]`) drop bare ones here.
        const argvOf = (c: ShCommand): ShWord[] => {
          if (script?.form !== 'exec') return c.argv;
          let i = 0;
          while (i < c.argv.length - 1 && isBareWrapperWord(c.argv[i].value)) i++;
          return c.argv.slice(i);
        };
        for (const a of archives) {
          let hit: { tar: TarUse; index: number } | null = null;
          cmds.forEach((c, index) => {
            if (hit) return;
            const tar = parseTarExtract(argvOf(c));
            if (tar && basename(tar.file.value) === a.name) hit = { tar, index };
          });
          if (!hit) continue;
          const { tar, index } = hit as { tar: TarUse; index: number };

          const fixes: Fix[] = [];
          const rest = cmds.filter((_, j) => j !== index);
          const onlyRm = rest.every((c) => {
            const w = argvOf(c);
            return w.length >= 2 && w[0].value === 'rm' && w.slice(1).every((x) => x.value.startsWith('-') || basename(x.value) === a.name);
          });
          // The shell code: RUN's shell-form text, the script of `RUN ["sh", "-c", "…"]`, none for exec form.
          const text = script?.form !== 'shell' ? '' : run.command.form === 'exec' ? run.command.json[2].value : run.command.text;
          const plainShell = !/[|;`<>]|\$\(|\|\|/.test(text);
          // ADD cannot mimic tar run as another user, in another root or directory (`sudo -u app`,
          // `gosu app`, `env -C dir`): only bare wrappers and assignments keep the fix.
          const tarCmd = cmds[index];
          const plainWrappers = tarCmd.words.slice(0, tarCmd.words.length - argvOf(tarCmd).length).every((x) => isBareWrapperWord(x.value));
          // tar runs as the current USER, while ADD always creates the files as root (or the archive's owners).
          const usesUser = [...st.instructions.slice(0, k), ...stageChain(st.parent).flatMap((p) => p.instructions)].some((x) => x.name === 'USER');
          const noWorkdirBetween = !between.some((x) => x.name === 'WORKDIR');
          const sameFile = sources.length === 1 && a.src === sources[0];
          if (tar.simple && onlyRm && plainShell && plainWrappers && !usesUser && noWorkdirBetween && sameFile && run.flags.length === 0 && copy.flags.every((f) => f.name.toLowerCase() === 'link')
            && (tar.dir === null || (!tar.dir.includes('$') && /^[A-Za-z0-9_./@:+-]+$/.test(tar.dir)))) {
            let target = tar.dir ?? '.';
            if (!target.endsWith('/')) target += '/';
            const kw = copy.keyword === copy.keyword.toLowerCase() ? 'add' : 'ADD';
            fixes.push({
              title: { en: `Rewrite as ${kw} ${a.src.value} ${target} and drop the tar RUN`, ko: `${kw} ${a.src.value} ${target}(으)로 바꾸고 tar RUN 삭제` },
              edits: [
                { ...copy.keywordSpan, newText: kw },
                { start: dest.start, end: dest.end, newText: target },
                deleteInstructionLines(tree, run),
              ],
              safe: false,
            });
          }
          report({
            span: a.src,
            message: {
              en: `${a.src.value} is copied and then unpacked with tar in the next RUN, so the archive stays in the image; ADD ${a.src.value} <dir>/ unpacks it in one layer`,
              ko: `${a.src.value}을(를) COPY한 뒤 다음 RUN에서 tar로 풀고 있어 압축 파일이 이미지에 남습니다. ADD ${a.src.value} <디렉토리>/는 한 레이어에서 풀어 줍니다`,
            },
            related: [{ span: run.keywordSpan, message: { en: `tar extracts ${a.name} here`, ko: `여기서 tar가 ${a.name}을(를) 풉니다` } }],
            fixes,
          });
        }
      }
    }
  },
});
