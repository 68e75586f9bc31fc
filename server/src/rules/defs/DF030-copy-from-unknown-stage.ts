//! `COPY --from=<x>` / `RUN --mount=…,from=<x>` that does not name an earlier stage (hadolint
//! DL3022, extended):
//! * a name close to a stage name (typo): BuildKit treats an unknown name as an image and tries
//!   to pull it (`dispatchStates.findStateByName` fails → image), so `--from=buidler` pulls
//!   `docker.io/library/buidler`;
//! * a plain name that is neither a stage nor a well-known image;
//! * a numeric index past the last stage ("invalid stage index N");
//! * a forward reference to a stage defined later: BuildKit resolves it, but the legacy builder
//!   only looks at stages built so far, and the file no longer reads top-down.
//! Values with `/`, `:`, `.` or `@` are image references and not reported; neither are
//! well-known image names (`--from=busybox`) nor values with unresolved variables.
import { defineRule, type Fix } from '../defineRule';
import { knownImage } from '../../docs/images';
import { suggest } from '../suggest';
import { lineNo, refSites, resolveRef } from '../util/images-stages';

export default defineRule({
  id: 'DF030',
  name: 'copy-from-unknown-stage',
  category: 'correctness',
  severity: 'warning',
  aliases: { hadolint: ['DL3022'] },
  fixable: true,
  docs: {
    en: {
      title: '--from does not name an earlier stage',
      rationale: 'BuildKit treats a `--from` value that is not a stage name as an image and tries to pull it, so a typo such as `--from=buidler` fails with a confusing registry error (or, worse, pulls someone else\'s image). Also reported: a numeric index past the last stage, and a reference to a stage defined further down, which only BuildKit resolves (the legacy builder looks at earlier stages only). Image references (`nginx:1.27`, `ghcr.io/x/y`) are not reported.',
    },
    ko: {
      title: '--from이 앞선 스테이지를 가리키지 않음',
      rationale: 'BuildKit은 스테이지 이름이 아닌 `--from` 값을 이미지로 보고 받아 오려고 합니다. 그래서 `--from=buidler` 같은 오타는 이해하기 어려운 레지스트리 오류가 나거나, 더 나쁘게는 남의 이미지를 받아 옵니다. 마지막 스테이지를 넘는 숫자 인덱스와, 아래쪽에 정의된 스테이지를 가리키는 참조도 보고합니다(뒤쪽 참조는 BuildKit만 처리하고 기존 빌더는 앞선 스테이지만 찾습니다). `nginx:1.27`, `ghcr.io/x/y` 같은 이미지 참조는 보고하지 않습니다.',
    },
  },
  scope: 'file',
  reads: 'outline',
  check({ model, tree, report }) {
    const names = model.stages.map((s) => s.name).filter((n): n is string => !!n);
    for (const site of refSites(model)) {
      const r = resolveRef(model, site);
      const flag = site.kind === 'copy' ? `--from=${site.value}` : `from=${site.value}`;
      if (r.kind === 'index-out-of-range') {
        const n = model.stages.length;
        report({
          span: site.reportSpan,
          message: {
            en: `invalid stage index ${r.index}: '${flag}' points past the last stage; this file has ${n} stage${n === 1 ? '' : 's'} (0–${n - 1})`,
            ko: `잘못된 스테이지 인덱스 ${r.index}: '${flag}'는 마지막 스테이지를 넘어섭니다. 이 파일의 스테이지는 ${n}개(0–${n - 1})입니다`,
          },
        });
      } else if (r.kind === 'stage' && r.relation === 'later') {
        const line = lineNo(tree, r.stage.from.start);
        const what = r.stage.name ? `'${r.stage.name}'` : `${r.stage.index}`;
        report({
          span: site.reportSpan,
          message: {
            en: `'${flag}' refers to stage ${what}, which is defined later (line ${line}): BuildKit resolves it, but the legacy builder only looks at earlier stages; move that stage above this one`,
            ko: `'${flag}'는 더 아래(${line}번째 줄)에 정의된 스테이지 ${what}을(를) 가리킵니다. BuildKit은 처리하지만 기존 빌더는 앞선 스테이지만 찾으므로, 그 스테이지를 이 스테이지보다 위로 옮기세요`,
          },
        });
      } else if (r.kind === 'unknown-name') {
        const s = suggest(r.name, names, false);
        if (!s && knownImage(r.name)) continue; // `--from=busybox`: an image, not a stage
        const fixes: Fix[] = s && site.span
          ? [{ title: { en: `Change to '${s}'`, ko: `'${s}'(으)로 바꾸기` }, edits: [{ ...site.span, newText: s }], safe: false }]
          : [];
        report({
          span: site.reportSpan,
          message: s
            ? {
              en: `No stage named '${r.name}' (did you mean '${s}'?): BuildKit treats '${r.name}' as an image and tries to pull docker.io/library/${r.name.toLowerCase()}`,
              ko: `'${r.name}'(이)라는 스테이지가 없습니다('${s}'의 오타인가요?). BuildKit은 '${r.name}'을(를) 이미지로 보고 docker.io/library/${r.name.toLowerCase()}를 받아 오려고 합니다`,
            }
            : {
              en: `No stage named '${r.name}': BuildKit treats it as the image docker.io/library/${r.name.toLowerCase()} and tries to pull it; name a stage '${r.name}' with 'AS ${r.name}', or write the image with a tag`,
              ko: `'${r.name}'(이)라는 스테이지가 없습니다. BuildKit은 이를 docker.io/library/${r.name.toLowerCase()} 이미지로 보고 받아 오려고 합니다. 'AS ${r.name}'로 스테이지 이름을 붙이거나, 이미지라면 태그를 붙여 쓰세요`,
            },
          fixes,
        });
      }
    }
  },
});
