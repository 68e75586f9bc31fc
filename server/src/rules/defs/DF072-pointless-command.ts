//! Commands that make no sense in a build step (hadolint DL3001: ssh, vim, shutdown, service,
//! ps, free, top, kill, mount; plus ifconfig). Each RUN runs in a fresh, non-interactive
//! container that is thrown away after the step: daemons die, editors wait for a terminal,
//! and process/memory/network listings describe the throw-away build container.
//! Only the command name counts: `apt-get install vim`, `ssh-keygen` and `command -v ps` are fine.
import { defineRule, type Bilingual } from '../defineRule';
import { code, isLookup, posixRunScript } from '../util/runShell';

// A Map: indexing an object with each command name allocated on every lookup (heap profile).
const WHY = new Map<string, Bilingual>(Object.entries({
  ssh: { en: 'an interactive remote login has no place in a build step; fetch private sources with `RUN --mount=type=ssh` and git, or build secrets', ko: '빌드 단계에서 대화형 원격 로그인은 의미가 없습니다. 비공개 소스는 `RUN --mount=type=ssh`와 git, 또는 빌드 시크릿으로 가져오세요' },
  vim: { en: 'an editor waits for a terminal that a build does not have; write files with COPY or a heredoc', ko: '편집기는 빌드에 없는 터미널을 기다립니다. 파일은 COPY나 heredoc으로 만드세요' },
  shutdown: { en: 'a build container has no init system to shut down', ko: '빌드 컨테이너에는 종료할 init 시스템이 없습니다' },
  service: { en: 'a daemon started here is killed when the step ends and nothing of it is kept; start it from CMD/ENTRYPOINT', ko: '여기서 시작한 데몬은 단계가 끝나면 종료되고 아무것도 남지 않습니다. CMD/ENTRYPOINT에서 시작하세요' },
  ps: { en: 'it lists the processes of the throw-away build container', ko: '버려질 빌드 컨테이너의 프로세스를 보여 줄 뿐입니다' },
  free: { en: 'it reports the memory of the build host, not of the image', ko: '이미지가 아니라 빌드 호스트의 메모리를 보여 줄 뿐입니다' },
  top: { en: 'it is interactive and shows the throw-away build container', ko: '대화형 명령이고 버려질 빌드 컨테이너를 보여 줄 뿐입니다' },
  kill: { en: 'processes of earlier steps no longer exist, and those of this step end with it', ko: '앞 단계의 프로세스는 이미 없고, 이 단계의 프로세스도 단계와 함께 끝납니다' },
  mount: { en: 'mounts need privileges a build does not have and are not kept in the layer; use `RUN --mount`', ko: '마운트는 빌드에 없는 권한이 필요하고 레이어에 남지도 않습니다. `RUN --mount`를 쓰세요' },
  ifconfig: { en: 'it shows the network of the throw-away build container; configure networking at run time', ko: '버려질 빌드 컨테이너의 네트워크를 보여 줄 뿐입니다. 네트워크는 실행 시점에 설정하세요' },
}));

export default defineRule({
  id: 'DF072',
  name: 'pointless-command',
  category: 'style',
  severity: 'info',
  aliases: { hadolint: ['DL3001'] },
  fixable: false,
  docs: {
    en: {
      title: 'Command that makes no sense in a build step',
      rationale: 'Each RUN executes in a fresh, non-interactive container that is discarded once the layer is saved. `service x start` and `kill` affect processes that end with the step, `vim`, `top` and `ssh` wait for a terminal, `shutdown` has no init system to stop, and `ps`, `free`, `ifconfig`, `mount` only describe the temporary build container. Such commands are usually left over from interactive experiments.',
    },
    ko: {
      title: '빌드 단계에서 의미 없는 명령입니다',
      rationale: 'RUN은 매번 새로 만든 비대화형 컨테이너에서 실행되고, 레이어가 저장되면 그 컨테이너는 버려집니다. `service x start`나 `kill`은 단계와 함께 끝나는 프로세스에만 영향을 주고, `vim`, `top`, `ssh`는 터미널을 기다리며, `shutdown`은 멈출 init 시스템이 없고, `ps`, `free`, `ifconfig`, `mount`는 임시 빌드 컨테이너의 상태만 보여 줍니다. 대개 대화형으로 실험하던 명령이 남은 것입니다.',
    },
  },
  scope: 'instruction',
  on: ['RUN'],
  checkInstruction(ins, ctx) {
    const script = posixRunScript(ins, ctx);
    if (!script) return;
    for (const c of script.commands) {
      const why = WHY.get(c.name);
      if (!why || isLookup(c)) continue;
      const w = c.argv[0];
      ctx.report({
        span: { start: w.start, end: w.end },
        message: {
          en: `${code(c.name)} makes no sense in a RUN step: ${why.en}`,
          ko: `RUN 단계에서 ${code(c.name)} 명령은 의미가 없습니다. ${why.ko}`,
        },
      });
    }
  },
});
