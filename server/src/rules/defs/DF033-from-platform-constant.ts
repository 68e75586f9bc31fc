//! `FROM --platform=linux/amd64 …` (BuildKit FromPlatformFlagConstDisallowed; hadolint DL3029
//! flags any --platform). As in BuildKit's `reportConstPlatformDisallowed`: only values without
//! any variable, that parse as a platform, and only when the stage name does not contain the
//! platform's OS or architecture (`AS build_amd64` is a deliberate per-platform stage).
//! Architectures are normalised like containerd's `platforms.Parse` (x86_64 → amd64, aarch64 → arm64).
import { defineRule, type Fix } from '../defineRule';
import { removeFlagEdit } from '../util/images-stages';

const OSES = ['linux', 'windows', 'darwin', 'freebsd', 'netbsd', 'openbsd', 'solaris', 'illumos', 'aix', 'android', 'ios', 'js', 'wasip1', 'plan9', 'dragonfly'];
const ARCH: Record<string, string> = {
  amd64: 'amd64', x86_64: 'amd64', 'x86-64': 'amd64', arm64: 'arm64', aarch64: 'arm64', arm: 'arm', armhf: 'arm', armel: 'arm',
  '386': '386', i386: '386', x86: '386', ppc64le: 'ppc64le', ppc64: 'ppc64', s390x: 's390x', riscv64: 'riscv64', mips64le: 'mips64le',
  mips64: 'mips64', mipsle: 'mipsle', mips: 'mips', loong64: 'loong64', wasm: 'wasm',
};

/** OS and architecture of a constant platform, or null when it does not parse. */
function parsePlatform(v: string): { os: string | null; arch: string | null } | null {
  const parts = v.toLowerCase().split('/');
  if (parts.length > 3 || parts.some((p) => !/^[a-z0-9_-]+$/.test(p))) return null;
  const os = parts[0] === 'macos' ? 'darwin' : parts[0];
  if (parts.length === 1) {
    if (OSES.includes(os)) return { os, arch: null };
    if (ARCH[os]) return { os: null, arch: ARCH[os] };
    return null;
  }
  return { os, arch: ARCH[parts[1]] ?? parts[1] };
}

export default defineRule({
  id: 'DF033',
  name: 'from-platform-constant',
  category: 'portability',
  severity: 'warning',
  aliases: { buildkit: ['FromPlatformFlagConstDisallowed'], hadolint: ['DL3029'] },
  fixable: true,
  docs: {
    en: {
      title: 'FROM --platform uses a constant value',
      rationale: '`FROM --platform=linux/amd64` forces that stage onto one platform, so `docker buildx build --platform linux/amd64,linux/arm64` cannot produce the other variants and builds on other machines run under emulation. Use `$BUILDPLATFORM` for stages that run build tools, or drop the flag. Not reported when the stage name mentions the OS or architecture (`AS build_amd64`), as BuildKit does.',
    },
    ko: {
      title: 'FROM --platform에 고정 값 사용',
      rationale: '`FROM --platform=linux/amd64`는 그 스테이지를 한 플랫폼에 묶어 버립니다. 그래서 `docker buildx build --platform linux/amd64,linux/arm64`로 다른 플랫폼용 이미지를 만들 수 없고, 다른 머신에서는 에뮬레이션으로 느리게 빌드됩니다. 빌드 도구를 실행하는 스테이지에는 `$BUILDPLATFORM`을 쓰거나 플래그를 빼세요. BuildKit처럼 스테이지 이름에 OS나 아키텍처가 들어 있으면(`AS build_amd64`) 보고하지 않습니다.',
    },
  },
  scope: 'instruction',
  on: ['FROM'],
  checkInstruction(ins, ctx) {
    if (ins.name !== 'FROM' || !ins.from) return;
    const stageName = ins.from.asKeyword?.value.toLowerCase() === 'as' && ins.from.stageName ? ins.from.stageName.value.toLowerCase() : '';
    for (const f of ins.flags) {
      if (f.name !== 'platform' || !f.value || f.value.includes('$')) continue;
      const p = parsePlatform(f.value);
      if (!p) continue;
      if (p.os && stageName.includes(p.os)) continue;
      if (p.arch && stageName.includes(p.arch)) continue;
      if (!p.arch && Object.values(ARCH).some((a) => stageName.includes(a))) continue; // OS-only: BuildKit uses the host arch
      const vs = f.valueSpan;
      const mapped = vs !== null && vs.end - vs.start === f.value.length;
      const fixes: Fix[] = [];
      if (mapped) fixes.push({ title: { en: 'Use $BUILDPLATFORM', ko: '$BUILDPLATFORM으로 바꾸기' }, edits: [{ start: vs!.start, end: vs!.end, newText: '$BUILDPLATFORM' }], safe: false });
      fixes.push({ title: { en: `Remove --platform=${f.value}`, ko: `--platform=${f.value} 제거` }, edits: [removeFlagEdit(ctx.source, f)], safe: false });
      ctx.report({
        span: mapped ? { start: vs!.start, end: vs!.end } : { start: f.start, end: f.end },
        message: {
          en: `FROM --platform flag should not use constant value "${f.value}": this stage is always built for ${f.value}, so multi-platform builds cannot produce other variants; use $BUILDPLATFORM for build-tool stages, or remove the flag`,
          ko: `FROM --platform 플래그에 고정 값 "${f.value}"을(를) 쓰지 마세요. 이 스테이지는 항상 ${f.value}용으로 빌드되어 멀티 플랫폼 빌드에서 다른 플랫폼용 이미지를 만들 수 없습니다. 빌드 도구용 스테이지라면 $BUILDPLATFORM을 쓰고, 아니면 플래그를 빼세요`,
        },
        fixes,
      });
    }
  },
});
