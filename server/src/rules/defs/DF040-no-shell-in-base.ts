//! Shell form on a base without `/bin/sh`: `scratch` and `gcr.io/distroless/*`. Shell-form RUN
//! runs `/bin/sh -c "…"` (Dockerfile reference, RUN / SHELL: the default shell on Linux is
//! `["/bin/sh", "-c"]`), so the build stops with `exec: "/bin/sh": stat /bin/sh: no such file or
//! directory`; shell-form CMD/ENTRYPOINT/HEALTHCHECK fail the same way when the container starts.
//! The distroless `:debug` tags add BusyBox, but at `/busybox/sh`, not `/bin/sh`
//! (GoogleContainerTools/distroless #419: `RUN mkdir …` on `base-debian10:debug` fails), so they
//! are reported too, with a `SHELL ["/busybox/sh", "-c"]` fix.
//! Not reported: a stage whose SHELL names another executable (the author provided one), or one
//! that copied something to `/bin`, `/bin/sh` or `/` before the instruction (e.g. BusyBox).
//! Fixes: exec form when the command is plain words (safe when the program is a path, for
//! RUN/HEALTHCHECK, and for CMD/ENTRYPOINT unless the other one is present, as in DF051), and
//! on `:debug` the SHELL line (unsafe).
import { defineRule, type Fix } from '../defineRule';
import type { CommandData, Instruction } from '../../syntax/nodes';
import type { Stage } from '../../semantics/model';
import { describeImageRef } from '../../docs/images';
import { stageFamily } from '../stageFacts';
import { stageChain } from '../util/instructionSemantics';
import { eolAt, indentOf, lineStart } from '../util/runShell';
import { execForm, plainWords } from './DF051-json-args-recommended';

const PROVIDES_SHELL = new Set(['', '/bin', '/bin/sh']);

function rootImage(st: Stage): string | null {
  const chain = stageChain(st);
  return chain[chain.length - 1]?.image ?? null;
}

function isDebugTag(image: string | null): boolean {
  if (!image) return false;
  try {
    const tag = describeImageRef(image).tag ?? '';
    return tag.toLowerCase().split(/[-_.]/).includes('debug');
  } catch {
    return false;
  }
}

/** COPY/ADD whose destination can put a shell at /bin/sh. */
function providesShell(ins: Instruction): boolean {
  if (ins.name !== 'COPY' && ins.name !== 'ADD') return false;
  const dest = ins.args[ins.args.length - 1]?.value;
  if (dest === undefined || ins.args.length < 2) return false;
  return PROVIDES_SHELL.has(dest.replace(/\/+$/, ''));
}

function shellCommand(ins: Instruction): CommandData | null {
  const cmd = ins.name === 'HEALTHCHECK' ? ins.healthcheck?.command ?? null : ins.command;
  if (!cmd || cmd.form !== 'shell' || cmd.jsonProblem === 'not-strings') return null;
  if (!cmd.text.trim() && !ins.heredocs.length) return null;
  if (ins.name === 'RUN' && ins.heredocs.length) {
    // `RUN <<EOF` with a non-sh shebang is executed as a file, without /bin/sh.
    const onlyMarkers = /^\s*(<<-?["']?\w+["']?\s*)+$/.test(cmd.text);
    if (onlyMarkers && ins.heredocs.every((h) => h.content.startsWith('#!') && !/^#!\s*\/bin\/sh\b/.test(h.content))) return null;
  }
  return cmd;
}

export default defineRule({
  id: 'DF040',
  name: 'no-shell-in-base',
  category: 'correctness',
  severity: 'error',
  aliases: {},
  fixable: true,
  docs: {
    en: {
      title: 'Shell form used on a base image without a shell',
      rationale: 'Shell-form RUN, CMD, ENTRYPOINT and HEALTHCHECK run through `/bin/sh -c`. `scratch` is empty and the `gcr.io/distroless` images have no shell, so the build fails with `exec: "/bin/sh": no such file or directory` (or the container fails to start). Use exec form (`RUN ["/app/migrate", "--init"]`), do the work in a builder stage and COPY the result, or pick a base with a shell. The distroless `:debug` tags only have BusyBox at `/busybox/sh`: set `SHELL ["/busybox/sh", "-c"]` there.',
    },
    ko: {
      title: '셸이 없는 베이스 이미지에서 셸 형식을 쓰고 있습니다',
      rationale: '셸 형식의 RUN, CMD, ENTRYPOINT, HEALTHCHECK는 `/bin/sh -c`로 실행됩니다. `scratch`는 비어 있고 `gcr.io/distroless` 이미지에는 셸이 없어서 빌드가 `exec: "/bin/sh": no such file or directory` 오류로 실패합니다(컨테이너라면 시작하지 못합니다). exec 형식(`RUN ["/app/migrate", "--init"]`)을 쓰거나, 빌더 스테이지에서 작업한 뒤 결과만 COPY하거나, 셸이 있는 베이스를 고르세요. distroless의 `:debug` 태그에는 `/busybox/sh`에만 BusyBox 셸이 있으니 `SHELL ["/busybox/sh", "-c"]`를 설정하세요.',
    },
  },
  scope: 'file',
  perStage: true,
  check({ tree, model, report }) {
    for (const st of model.stages) {
      const family = stageFamily(st);
      if (family !== 'scratch' && family !== 'distroless') continue;
      const image = rootImage(st);
      const debug = family === 'distroless' && isDebugTag(image);
      // A COPY into /bin in this stage or a parent stage provides a shell from then on.
      let provided = stageChain(st.parent).some((p) => p.instructions.some(providesShell));
      const hasCmd = stageChain(st).some((p) => p.instructions.some((x) => x.name === 'CMD'));
      const hasEntrypoint = stageChain(st).some((p) => p.instructions.some((x) => x.name === 'ENTRYPOINT'));
      for (const ins of st.instructions) {
        if (providesShell(ins)) { provided = true; continue; }
        if (provided) break;
        if (ins.name !== 'RUN' && ins.name !== 'CMD' && ins.name !== 'ENTRYPOINT' && ins.name !== 'HEALTHCHECK') continue;
        const sh = model.shellOf(ins);
        if (sh[0] !== '/bin/sh') continue; // SHELL names another executable
        const cmd = shellCommand(ins);
        if (!cmd) continue;

        const fixes: Fix[] = [];
        const words = ins.heredocs.length ? null : plainWords(cmd.text);
        if (words && ins.comments.every((c) => c.end <= cmd.span.start || c.start >= cmd.span.end)) {
          // Safe only for a program given by path (the image's own binary); `echo`, `mkdir` … do
          // not exist on these bases either, so converting those is merely a suggestion.
          const byPath = /^\.{0,2}\//.test(words[0]);
          const safe = byPath && (ins.name === 'RUN' || ins.name === 'HEALTHCHECK' || (ins.name === 'CMD' ? !hasEntrypoint : !hasCmd));
          fixes.push({
            title: { en: 'Convert to exec form', ko: 'exec 형식으로 바꾸기' },
            edits: [{ start: cmd.span.start, end: cmd.span.end, newText: execForm(words) }],
            safe,
          });
        }
        if (debug) {
          const at = lineStart(tree.text, ins.start);
          fixes.push({
            title: { en: 'Insert `SHELL ["/busybox/sh", "-c"]` before it', ko: '앞에 `SHELL ["/busybox/sh", "-c"]` 넣기' },
            edits: [{ start: at, end: at, newText: indentOf(tree.text, ins.start) + 'SHELL ["/busybox/sh", "-c"]' + eolAt(tree.text, ins.start) }],
            safe: false,
          });
        }
        const what = ins.name === 'HEALTHCHECK' ? 'HEALTHCHECK CMD' : ins.name;
        const when = ins.name === 'RUN'
          ? { en: 'the build fails', ko: '빌드가 실패합니다' }
          : { en: 'the container fails at run time', ko: '컨테이너 실행 시 실패합니다' };
        const base = family === 'scratch' ? '`scratch`' : `\`${image ?? 'distroless'}\``;
        report({
          span: cmd.span,
          message: debug
            ? {
                en: `Shell-form ${what} runs \`/bin/sh -c\`, but ${base} has BusyBox only at \`/busybox/sh\`: ${when.en}; add \`SHELL ["/busybox/sh", "-c"]\` or use exec form`,
                ko: `셸 형식의 ${what} 명령은 \`/bin/sh -c\`로 실행되는데 ${base}에는 \`/busybox/sh\`에만 BusyBox 셸이 있어 ${when.ko}. \`SHELL ["/busybox/sh", "-c"]\`를 추가하거나 exec 형식을 쓰세요`,
              }
            : {
                en: `Shell-form ${what} runs \`/bin/sh -c\`, but ${base} has no shell: ${when.en} with "/bin/sh: no such file or directory"; use exec form${words ? ` ${execForm(words)}` : ''} or do this in a stage that has a shell`,
                ko: `셸 형식의 ${what} 명령은 \`/bin/sh -c\`로 실행되는데 ${base}에는 셸이 없어 "/bin/sh: no such file or directory" 오류로 ${when.ko}. exec 형식${words ? ` ${execForm(words)}` : ''}을 쓰거나 셸이 있는 스테이지에서 처리하세요`,
              },
          fixes,
        });
      }
    }
  },
});
