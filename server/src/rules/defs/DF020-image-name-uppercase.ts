//! `FROM Ubuntu:22.04` fails: image repository names must be lowercase (distribution/reference
//! normalize.go: "invalid reference format: repository name (library/Ubuntu) must be lowercase").
//! Tags may be mixed case and registry hosts are case-insensitive, so only the repository path
//! is checked and lower-cased. `FROM Builder` naming an earlier stage fails the same way under
//! BuildKit, which looks stage names up case-sensitively in FROM (moby/buildkit#2003).
import { defineRule, type Fix } from '../defineRule';
import { earlierStageNamed, fromImages, lineNo, mapsDirectly, registryPrefixLength, splitImageRef } from '../util/images-stages';

export default defineRule({
  id: 'DF020',
  name: 'image-name-uppercase',
  category: 'error',
  severity: 'error',
  aliases: {},
  fixable: true,
  docs: {
    en: {
      title: 'Image repository name has upper-case letters',
      rationale: 'Docker image repository names must be lowercase: `FROM Ubuntu:22.04` stops the build with "invalid reference format: repository name (library/Ubuntu) must be lowercase". Only the repository part must be lowercase; tags such as `:Release-1` and registry hosts are left alone. `FROM Builder` that names an earlier stage also fails under BuildKit (moby/buildkit#2003), because FROM looks the stage up case-sensitively.',
    },
    ko: {
      title: '이미지 저장소 이름에 대문자가 있음',
      rationale: 'Docker 이미지 저장소 이름은 소문자여야 합니다. `FROM Ubuntu:22.04`는 "invalid reference format: repository name (library/Ubuntu) must be lowercase" 오류로 빌드가 멈춥니다. 소문자여야 하는 것은 저장소 부분뿐이며, `:Release-1` 같은 태그와 레지스트리 호스트는 그대로 둡니다. 앞 스테이지 이름을 `FROM Builder`처럼 대문자로 쓰면 BuildKit은 FROM에서 스테이지 이름을 대소문자를 구분해 찾기 때문에 역시 실패합니다(moby/buildkit#2003).',
    },
  },
  scope: 'file',
  perStage: true,
  citesLines: true,
  check({ model, tree, report }) {
    for (const { stage, word } of fromImages(model)) {
      const v = word.value;
      if (v.includes('$')) continue; // expanded values are checked by DF036
      const { name, tag } = splitImageRef(v);
      const shown = tag !== null ? `${name}:${tag}` : name;
      const prefix = registryPrefixLength(name);
      const repo = name.slice(prefix);
      const lower = repo.toLowerCase();
      if (repo === lower) continue;
      const direct = mapsDirectly(word);
      const span = direct ? { start: word.start + prefix, end: word.start + name.length } : { start: word.start, end: word.end };
      const fixed = name.slice(0, prefix) + lower;
      const stageRef = earlierStageNamed(model, name, stage);
      const fakeHost = prefix === 0 && registryPrefixLength(name, true) > 0;
      let message;
      if (stageRef) {
        const line = lineNo(tree, stageRef.from.start);
        message = {
          en: `'${repo}' names the stage on line ${line}, but BuildKit matches stage names in FROM case-sensitively against the lower-cased name, so it treats '${repo}' as an image and fails with "repository name must be lowercase" (moby/buildkit#2003); write '${lower}'`,
          ko: `'${repo}'는 ${line}번째 줄의 스테이지를 가리키지만, BuildKit은 FROM의 스테이지 이름을 소문자로 바뀐 이름과 대소문자까지 비교합니다. 그래서 '${repo}'를 이미지로 보고 "repository name must be lowercase" 오류를 냅니다(moby/buildkit#2003). '${lower}'로 쓰세요`,
        };
      } else if (fakeHost) {
        const first = name.slice(0, name.indexOf('/'));
        message = {
          en: `'${first}' has upper-case letters, so Docker reads it as a registry host instead of a Docker Hub namespace and the pull of '${shown}' fails; repository names must be lowercase: '${lower}'`,
          ko: `'${first}'에 대문자가 있어 Docker는 이를 Docker Hub 네임스페이스가 아니라 레지스트리 호스트로 읽고, '${shown}' 이미지를 받아 오지 못합니다. 저장소 이름은 소문자여야 합니다: '${lower}'`,
        };
      } else {
        const docker = prefix === 0 && !repo.includes('/') ? `library/${repo}` : repo;
        message = {
          en: `Repository name '${repo}' must be lowercase: Docker rejects '${shown}' with "invalid reference format: repository name (${docker}) must be lowercase"`,
          ko: `저장소 이름 '${repo}'는 소문자여야 합니다. Docker는 '${shown}'을(를) "invalid reference format: repository name (${docker}) must be lowercase" 오류로 거부합니다`,
        };
      }
      const fixes: Fix[] = direct
        ? [{ title: { en: `Lowercase to '${fixed}'`, ko: `'${fixed}'(으)로 소문자 변환` }, edits: [{ start: word.start + prefix, end: word.start + name.length, newText: lower }], safe: !fakeHost }]
        : [];
      report({ span, message, fixes });
    }
  },
});
