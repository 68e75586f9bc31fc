//! `apt` in a RUN (hadolint DL3027). apt(8): "The apt command is meant to be pleasant for end users
//! and does not need to be backward compatible like apt-get(8)", and apt prints "WARNING: apt does
//! not have a stable CLI interface. Use with caution in scripts." when its output is not a terminal.
//! The fix maps each action to its script-stable tool: most go to `apt-get` unchanged,
//! `full-upgrade` is `apt-get dist-upgrade`, and the query actions (`search`, `show`, `policy`,
//! `depends`, `rdepends`, `showsrc`) belong to `apt-cache`. `apt upgrade` also installs new
//! dependencies, which is `apt-get upgrade --with-new-pkgs` (apt(8): "upgrade … new packages will
//! be installed if required to satisfy dependencies"); `apt list` and `apt edit-sources` have no
//! direct equivalent and get no fix.
import { defineRule, type Fix } from '../defineRule';
import { aptAction, insertOptionsAfter, runScript, valueStart } from '../util/packages';

const TO_APT_GET = new Set([
  'update', 'install', 'reinstall', 'remove', 'purge', 'autoremove', 'autopurge', 'clean', 'autoclean',
  'build-dep', 'source', 'download', 'satisfy', 'changelog', 'check', 'dist-upgrade', 'markauto',
]);
const TO_APT_CACHE = new Set(['search', 'show', 'policy', 'depends', 'rdepends', 'showsrc', 'showpkg', 'madison', 'pkgnames']);
const NO_FIX = new Set(['list', 'edit-sources']);
const SKIP_FAMILIES = new Set(['alpine', 'rhel', 'suse', 'windows', 'distroless', 'scratch']);

export default defineRule({
  id: 'DF095',
  name: 'use-apt-get',
  category: 'portability',
  severity: 'warning',
  aliases: { hadolint: ['DL3027'] },
  fixable: true,
  docs: {
    en: {
      title: 'Use `apt-get` or `apt-cache` instead of `apt` in scripts',
      rationale: '`apt` is the interactive front end: its output and options may change between releases, and it warns "apt does not have a stable CLI interface. Use with caution in scripts." `apt-get` (install, remove, update…) and `apt-cache` (search, show, policy…) keep a stable interface for scripts such as Dockerfiles. `apt full-upgrade` is `apt-get dist-upgrade`; `apt upgrade` also installs new dependencies, which `apt-get upgrade` does only with `--with-new-pkgs`.',
    },
    ko: {
      title: '스크립트에서는 `apt` 대신 `apt-get`이나 `apt-cache`를 쓰세요',
      rationale: '`apt`는 사람이 쓰는 대화형 도구라서 출력과 옵션이 릴리스마다 바뀔 수 있고, "apt does not have a stable CLI interface. Use with caution in scripts."라는 경고도 출력합니다. Dockerfile 같은 스크립트에는 인터페이스가 안정적인 `apt-get`(install, remove, update 등)과 `apt-cache`(search, show, policy 등)를 쓰세요. `apt full-upgrade`는 `apt-get dist-upgrade`에 해당하고, `apt upgrade`는 새 의존 패키지도 설치하므로 `apt-get upgrade`에서는 `--with-new-pkgs`가 필요합니다.',
    },
  },
  scope: 'instruction',
  on: ['RUN'],
  checkInstruction(ins, ctx) {
    if (SKIP_FAMILIES.has(ctx.family)) return;
    const script = runScript(ins, ctx.source, ctx.shell);
    if (!script) return;
    for (const cmd of script.commands) {
      if (cmd.name !== 'apt') continue;
      const action = aptAction(cmd);
      if (!action) continue;
      const verb = action.value;
      let target: string;
      let newAction: string | null = null;
      let extra: string | null = null;
      if (TO_APT_GET.has(verb)) target = 'apt-get';
      else if (verb === 'full-upgrade') { target = 'apt-get'; newAction = 'dist-upgrade'; }
      else if (verb === 'upgrade') { target = 'apt-get'; extra = '--with-new-pkgs'; }
      else if (TO_APT_CACHE.has(verb)) target = 'apt-cache';
      else if (NO_FIX.has(verb)) target = verb === 'list' ? 'dpkg-query' : '';
      else continue; // not an apt action we know: maybe not Debian's apt at all
      const word = cmd.argv[0];
      const fixes: Fix[] = [];
      const base = valueStart(word, ctx.source);
      if (!NO_FIX.has(verb) && base !== null && word.value.endsWith('apt')) {
        const edits = [{ start: base + word.value.length, end: base + word.value.length, newText: target.slice(3) }];
        const ab = valueStart(action, ctx.source);
        if (newAction && ab !== null) edits.push({ start: ab, end: ab + verb.length, newText: newAction });
        if (extra) edits.push(insertOptionsAfter(script, action, [extra]));
        if (!newAction || ab !== null) {
          const shown = `${target} ${newAction ?? verb}${extra ? ' ' + extra : ''}`;
          fixes.push({
            title: { en: `Replace with \`${shown}\``, ko: `\`${shown}\`(으)로 바꾸기` },
            edits,
            safe: true,
          });
        }
      }
      const suggestion = NO_FIX.has(verb)
        ? verb === 'list'
          ? { en: '`dpkg-query -W` or `apt-cache policy` give stable output', ko: '안정적인 출력이 필요하면 `dpkg-query -W`나 `apt-cache policy`를 쓰세요' }
          : { en: 'edit the files under /etc/apt/sources.list.d/ directly', ko: '/etc/apt/sources.list.d/ 아래 파일을 직접 수정하세요' }
        : { en: `use \`${target} ${newAction ?? verb}${extra ? ' ' + extra : ''}\``, ko: `\`${target} ${newAction ?? verb}${extra ? ' ' + extra : ''}\`을(를) 쓰세요` };
      ctx.report({
        span: { start: word.start, end: word.end },
        message: {
          en: `\`apt ${verb}\`: \`apt\` has no stable command-line interface for scripts; ${suggestion.en}`,
          ko: `\`apt ${verb}\`: \`apt\`는 스크립트용 명령줄 인터페이스가 안정적이지 않습니다. ${suggestion.ko}`,
        },
        fixes,
      });
    }
  },
});
