//! Offline knowledge about base images: common official images with their usual tags and
//! variants (no network calls), image-reference parsing, and OS-family inference.
//!
//! Sources: distribution/reference (normalize.go splitDockerDomain, regexp.go grammar) for
//! parsing; ../shared/docs/rules.md DF039 for the family rules; the images' Docker Hub / registry
//! pages for default bases (e.g. `node`, `python`, `golang` default to Debian; `mysql` to Oracle
//! Linux; `eclipse-temurin`, `mariadb`, `mongo` to Ubuntu). Tags listed are "usual" examples for
//! completion, not a promise that every tag exists today.

import { bi, type Bilingual } from './locale';

export type OsFamily = 'alpine' | 'debian' | 'ubuntu' | 'rhel' | 'suse' | 'distroless' | 'scratch' | 'windows' | 'unknown';

export interface KnownImage {
  /** As written in FROM: `node`, `gcr.io/distroless/static-debian12`, `mcr.microsoft.com/dotnet/sdk`. */
  name: string;
  /** Family of the default tag; tags can change it (e.g. `-alpine`). */
  family: OsFamily;
  description: Bilingual;
  /** Usual tags, most useful first. */
  tags: string[];
  /** Variant words found in its tags (`alpine`, `slim`, `bookworm`…). */
  variants: string[];
  /** Set when the image is deprecated or end-of-life. */
  deprecated?: Bilingual;
}

const k = (name: string, family: OsFamily, en: string, ko: string, tags: string[], variants: string[] = [], deprecated?: Bilingual): KnownImage =>
  ({ name, family, description: bi(en, ko), tags, variants, ...(deprecated ? { deprecated } : {}) });

export const KNOWN_IMAGES: readonly KnownImage[] = [
  // Base operating systems
  k('alpine', 'alpine', 'Alpine Linux: a ~5 MB base with musl libc and `apk`.', 'Alpine Linux: musl libc와 `apk`를 쓰는 약 5MB 크기의 베이스 이미지입니다.', ['3.22', '3.21', '3.20', 'latest', 'edge'], ['edge']),
  k('ubuntu', 'ubuntu', 'Ubuntu: popular general-purpose base with `apt`.', 'Ubuntu: `apt`를 쓰는 대표적인 범용 베이스 이미지입니다.', ['24.04', '22.04', '20.04', 'noble', 'jammy', 'focal', 'latest', 'rolling'], ['noble', 'jammy', 'focal']),
  k('debian', 'debian', 'Debian: stable base with `apt`; `-slim` tags are smaller.', 'Debian: `apt`를 쓰는 안정적인 베이스 이미지입니다. `-slim` 태그가 더 작습니다.', ['bookworm-slim', 'bookworm', 'trixie-slim', 'trixie', 'bullseye-slim', 'bullseye', 'stable-slim', '12', '12-slim'], ['slim', 'bookworm', 'trixie', 'bullseye']),
  k('busybox', 'unknown', 'BusyBox: tiny image with basic Unix tools and `sh`, no package manager.', 'BusyBox: 기본 유닉스 도구와 `sh`만 있는 아주 작은 이미지이며 패키지 매니저가 없습니다.', ['latest', 'stable', 'musl', 'glibc', 'uclibc'], ['musl', 'glibc', 'uclibc']),
  k('centos', 'rhel', 'CentOS Linux (end of life).', 'CentOS Linux입니다(지원 종료).', ['7', '8'], [], bi('CentOS Linux is end-of-life and the image is deprecated; use `rockylinux`, `almalinux` or UBI.', 'CentOS Linux는 지원이 종료되어 이미지도 더 이상 권장되지 않습니다. `rockylinux`, `almalinux`, UBI를 쓰세요.')),
  k('fedora', 'rhel', 'Fedora: fast-moving RPM distribution with `dnf`.', 'Fedora: `dnf`를 쓰는, 업데이트가 빠른 RPM 계열 배포판입니다.', ['latest', '42', '41', 'rawhide'], []),
  k('rockylinux', 'rhel', 'Rocky Linux: RHEL-compatible, `dnf`; `-minimal` uses `microdnf`.', 'Rocky Linux: RHEL 호환이며 `dnf`를 씁니다. `-minimal`은 `microdnf`를 씁니다.', ['9', '9-minimal', '8', '8-minimal'], ['minimal']),
  k('almalinux', 'rhel', 'AlmaLinux: RHEL-compatible, `dnf`; `-minimal` uses `microdnf`.', 'AlmaLinux: RHEL 호환이며 `dnf`를 씁니다. `-minimal`은 `microdnf`를 씁니다.', ['9', '9-minimal', '8', '10'], ['minimal']),
  k('amazonlinux', 'rhel', 'Amazon Linux: AWS\'s RPM distribution (`dnf` on 2023, `yum` on 2).', 'Amazon Linux: AWS의 RPM 계열 배포판입니다(2023은 `dnf`, 2는 `yum`).', ['2023', '2', 'latest'], []),
  k('oraclelinux', 'rhel', 'Oracle Linux: RHEL-compatible; `-slim` uses `microdnf`.', 'Oracle Linux: RHEL 호환이며 `-slim`은 `microdnf`를 씁니다.', ['9', '9-slim', '8', '8-slim'], ['slim']),
  k('opensuse/leap', 'suse', 'openSUSE Leap: SUSE-based, `zypper`.', 'openSUSE Leap: SUSE 기반이며 `zypper`를 씁니다.', ['15.6', '15', 'latest'], []),
  k('opensuse/tumbleweed', 'suse', 'openSUSE Tumbleweed: rolling release, `zypper`.', 'openSUSE Tumbleweed: 롤링 릴리스이며 `zypper`를 씁니다.', ['latest'], []),
  k('registry.access.redhat.com/ubi9/ubi', 'rhel', 'Red Hat UBI 9: freely redistributable RHEL base with `dnf`.', 'Red Hat UBI 9: 자유롭게 배포할 수 있는 RHEL 베이스이며 `dnf`를 씁니다.', ['latest', '9.5', '9.4'], []),
  k('registry.access.redhat.com/ubi9/ubi-minimal', 'rhel', 'Red Hat UBI 9 minimal: smaller, `microdnf`.', 'Red Hat UBI 9 minimal: 더 작으며 `microdnf`를 씁니다.', ['latest', '9.5'], []),
  k('registry.access.redhat.com/ubi9/ubi-micro', 'rhel', 'Red Hat UBI 9 micro: no package manager.', 'Red Hat UBI 9 micro: 패키지 매니저가 없습니다.', ['latest'], []),
  k('registry.access.redhat.com/ubi8/ubi', 'rhel', 'Red Hat UBI 8 base with `dnf`/`yum`.', 'Red Hat UBI 8 베이스이며 `dnf`/`yum`을 씁니다.', ['latest', '8.10'], []),
  k('archlinux', 'unknown', 'Arch Linux: rolling release with `pacman`.', 'Arch Linux: `pacman`을 쓰는 롤링 릴리스입니다.', ['latest', 'base', 'base-devel'], []),
  k('scratch', 'scratch', 'The empty image: no files, no shell. For static binaries.', '빈 이미지입니다. 파일도 셸도 없으며 정적 바이너리용입니다.', [], []),
  // Distroless
  k('gcr.io/distroless/static-debian12', 'distroless', 'Distroless static: CA certs, tzdata, no shell or libc; for static binaries (Go, Rust).', 'Distroless static: CA 인증서와 tzdata만 있고 셸과 libc가 없습니다. 정적 바이너리(Go, Rust)용입니다.', ['latest', 'nonroot', 'debug', 'debug-nonroot'], ['nonroot', 'debug']),
  k('gcr.io/distroless/static', 'distroless', 'Distroless static (unversioned alias).', 'Distroless static(버전 없는 별칭)입니다.', ['latest', 'nonroot', 'debug', 'debug-nonroot'], ['nonroot', 'debug']),
  k('gcr.io/distroless/base-debian12', 'distroless', 'Distroless base: adds glibc and libssl.', 'Distroless base: glibc와 libssl이 추가되어 있습니다.', ['latest', 'nonroot', 'debug', 'debug-nonroot'], ['nonroot', 'debug']),
  k('gcr.io/distroless/cc-debian12', 'distroless', 'Distroless cc: base plus libgcc/libstdc++ (C++/Rust dynamic binaries).', 'Distroless cc: base에 libgcc/libstdc++가 추가되어 있습니다(C++/Rust 동적 바이너리용).', ['latest', 'nonroot', 'debug'], ['nonroot', 'debug']),
  k('gcr.io/distroless/java21-debian12', 'distroless', 'Distroless Java 21 runtime.', 'Distroless Java 21 런타임입니다.', ['latest', 'nonroot', 'debug'], ['nonroot', 'debug']),
  k('gcr.io/distroless/nodejs22-debian12', 'distroless', 'Distroless Node.js 22 runtime (entrypoint is `node`).', 'Distroless Node.js 22 런타임입니다(엔트리포인트가 `node`).', ['latest', 'nonroot', 'debug'], ['nonroot', 'debug']),
  k('gcr.io/distroless/python3-debian12', 'distroless', 'Distroless Python 3 runtime.', 'Distroless Python 3 런타임입니다.', ['latest', 'nonroot', 'debug'], ['nonroot', 'debug']),
  // Languages and runtimes
  k('node', 'debian', 'Node.js; default tags are Debian (bookworm), also `-slim` and `-alpine`.', 'Node.js입니다. 기본 태그는 Debian(bookworm) 기반이며 `-slim`, `-alpine`도 있습니다.', ['lts', '22', '22-alpine', '22-slim', '22-bookworm-slim', '20', '20-alpine', '24', 'current'], ['alpine', 'slim', 'bookworm', 'bullseye']),
  k('python', 'debian', 'Python; default tags are Debian, also `-slim` and `-alpine`.', 'Python입니다. 기본 태그는 Debian 기반이며 `-slim`, `-alpine`도 있습니다.', ['3.13', '3.13-slim', '3.12', '3.12-slim', '3.12-alpine', '3.12-slim-bookworm', '3.11-slim'], ['slim', 'alpine', 'bookworm', 'bullseye']),
  k('golang', 'debian', 'Go toolchain; default tags are Debian, also `-alpine`.', 'Go 툴체인입니다. 기본 태그는 Debian 기반이며 `-alpine`도 있습니다.', ['1.24', '1.24-alpine', '1.24-bookworm', '1.23', '1.23-alpine', 'alpine'], ['alpine', 'bookworm', 'bullseye']),
  k('rust', 'debian', 'Rust toolchain; default tags are Debian, also `-slim` and `-alpine`.', 'Rust 툴체인입니다. 기본 태그는 Debian 기반이며 `-slim`, `-alpine`도 있습니다.', ['1', '1-slim', '1-alpine', 'slim-bookworm', 'alpine'], ['slim', 'alpine', 'bookworm']),
  k('ruby', 'debian', 'Ruby; default tags are Debian, also `-slim` and `-alpine`.', 'Ruby입니다. 기본 태그는 Debian 기반이며 `-slim`, `-alpine`도 있습니다.', ['3.4', '3.4-slim', '3.4-alpine', '3.3', '3.3-slim'], ['slim', 'alpine', 'bookworm']),
  k('php', 'debian', 'PHP; `-cli`, `-fpm`, `-apache` variants on Debian, `-alpine` too.', 'PHP입니다. Debian 기반의 `-cli`, `-fpm`, `-apache` 변형과 `-alpine`이 있습니다.', ['8.4-fpm', '8.4-apache', '8.4-cli', '8.3-fpm', '8.3-fpm-alpine', '8.3-apache'], ['fpm', 'apache', 'cli', 'alpine']),
  k('perl', 'debian', 'Perl on Debian; `-slim` available.', 'Debian 기반 Perl이며 `-slim`이 있습니다.', ['5', '5-slim'], ['slim']),
  k('gcc', 'debian', 'GCC compilers on Debian.', 'Debian 기반 GCC 컴파일러입니다.', ['14', '13', 'latest'], []),
  k('openjdk', 'rhel', 'OpenJDK (deprecated image; early-access builds only).', 'OpenJDK입니다(더 이상 권장되지 않는 이미지, 얼리 액세스 빌드만 제공).', ['25-ea-jdk', '24-jdk', '21-jdk-slim'], ['slim', 'jdk'], bi('The `openjdk` image is deprecated; use `eclipse-temurin`, `amazoncorretto` or another JDK image.', '`openjdk` 이미지는 더 이상 권장되지 않습니다. `eclipse-temurin`, `amazoncorretto` 등 다른 JDK 이미지를 쓰세요.')),
  k('eclipse-temurin', 'ubuntu', 'Eclipse Temurin JDK/JRE on Ubuntu; `-alpine` and UBI variants.', 'Ubuntu 기반 Eclipse Temurin JDK/JRE이며 `-alpine`, UBI 변형이 있습니다.', ['21-jdk', '21-jre', '21-jdk-alpine', '21-jre-alpine', '21-jdk-noble', '17-jdk', '17-jre', '25-jdk'], ['jdk', 'jre', 'alpine', 'noble', 'jammy', 'ubi9-minimal']),
  k('amazoncorretto', 'rhel', 'Amazon Corretto JDK on Amazon Linux; `-alpine` too.', 'Amazon Linux 기반 Amazon Corretto JDK이며 `-alpine`도 있습니다.', ['21', '21-alpine', '17', '17-alpine', '11'], ['alpine']),
  k('maven', 'ubuntu', 'Maven with a JDK (Temurin on Ubuntu by default).', 'JDK가 포함된 Maven입니다(기본은 Ubuntu 기반 Temurin).', ['3-eclipse-temurin-21', '3-eclipse-temurin-21-alpine', '3-amazoncorretto-21', '3-eclipse-temurin-17'], ['alpine']),
  k('gradle', 'ubuntu', 'Gradle with a JDK (Temurin on Ubuntu by default).', 'JDK가 포함된 Gradle입니다(기본은 Ubuntu 기반 Temurin).', ['8-jdk21', '8-jdk21-alpine', '8-jdk17', 'jdk21'], ['jdk', 'alpine']),
  k('mcr.microsoft.com/dotnet/sdk', 'debian', '.NET SDK (build); Debian by default, `-alpine`, `-noble` variants.', '.NET SDK(빌드용)입니다. 기본은 Debian이며 `-alpine`, `-noble` 변형이 있습니다.', ['9.0', '8.0', '8.0-alpine', '8.0-noble', '9.0-alpine'], ['alpine', 'noble', 'bookworm-slim']),
  k('mcr.microsoft.com/dotnet/aspnet', 'debian', 'ASP.NET Core runtime; `-alpine`, `-noble-chiseled` variants.', 'ASP.NET Core 런타임입니다. `-alpine`, `-noble-chiseled` 변형이 있습니다.', ['9.0', '8.0', '8.0-alpine', '8.0-noble-chiseled', '8.0-bookworm-slim'], ['alpine', 'noble', 'chiseled', 'bookworm-slim']),
  k('mcr.microsoft.com/dotnet/runtime', 'debian', '.NET runtime (console apps).', '.NET 런타임(콘솔 앱용)입니다.', ['9.0', '8.0', '8.0-alpine', '8.0-noble-chiseled'], ['alpine', 'noble', 'chiseled']),
  k('mcr.microsoft.com/dotnet/runtime-deps', 'debian', 'Native dependencies only, for self-contained .NET apps.', '자체 포함(self-contained) .NET 앱을 위한 네이티브 의존성만 있는 이미지입니다.', ['9.0', '8.0', '8.0-alpine', '8.0-noble-chiseled'], ['alpine', 'noble', 'chiseled']),
  k('mcr.microsoft.com/windows/servercore', 'windows', 'Windows Server Core.', 'Windows Server Core입니다.', ['ltsc2022', 'ltsc2025', 'ltsc2019'], ['ltsc2022']),
  k('mcr.microsoft.com/windows/nanoserver', 'windows', 'Windows Nano Server: minimal Windows.', 'Windows Nano Server: 최소 구성의 Windows입니다.', ['ltsc2022', 'ltsc2025', 'ltsc2019'], ['ltsc2022']),
  k('mcr.microsoft.com/playwright', 'ubuntu', 'Playwright with browsers, on Ubuntu.', '브라우저가 포함된 Ubuntu 기반 Playwright입니다.', ['v1.50.0-noble', 'v1.50.0-jammy'], ['noble', 'jammy']),
  k('oven/bun', 'debian', 'Bun JavaScript runtime; `-alpine`, `-slim`, `-distroless` variants.', 'Bun 자바스크립트 런타임입니다. `-alpine`, `-slim`, `-distroless` 변형이 있습니다.', ['1', '1-alpine', '1-slim', '1-distroless'], ['alpine', 'slim', 'distroless']),
  // Servers and databases
  k('nginx', 'debian', 'NGINX web server / reverse proxy; Debian, or `-alpine`.', 'NGINX 웹 서버/리버스 프록시입니다. Debian 기반이며 `-alpine`도 있습니다.', ['stable', 'stable-alpine', 'mainline', 'alpine', '1.27', '1.27-alpine', 'latest'], ['alpine', 'perl', 'otel']),
  k('httpd', 'debian', 'Apache HTTP Server; Debian, or `-alpine`.', 'Apache HTTP 서버입니다. Debian 기반이며 `-alpine`도 있습니다.', ['2.4', '2.4-alpine', 'latest'], ['alpine']),
  k('haproxy', 'debian', 'HAProxy load balancer; Debian, or `-alpine`.', 'HAProxy 로드 밸런서입니다. Debian 기반이며 `-alpine`도 있습니다.', ['3.0', '3.0-alpine', 'lts'], ['alpine']),
  k('caddy', 'alpine', 'Caddy web server with automatic HTTPS (Alpine based).', '자동 HTTPS를 지원하는 Caddy 웹 서버입니다(Alpine 기반).', ['2', '2-alpine', '2-builder'], ['alpine', 'builder']),
  k('traefik', 'alpine', 'Traefik reverse proxy (Alpine based).', 'Traefik 리버스 프록시입니다(Alpine 기반).', ['v3', 'v3.3', 'latest'], []),
  k('tomcat', 'ubuntu', 'Apache Tomcat on Temurin (Ubuntu).', 'Temurin(Ubuntu) 기반 Apache Tomcat입니다.', ['10-jdk21', '11-jdk21', '9-jdk17', '10-jre21'], ['jdk', 'jre']),
  k('redis', 'debian', 'Redis in-memory data store; Debian, or `-alpine`.', 'Redis 인메모리 데이터 저장소입니다. Debian 기반이며 `-alpine`도 있습니다.', ['7', '7-alpine', '7.4', '8', 'latest'], ['alpine', 'bookworm']),
  k('memcached', 'debian', 'Memcached; Debian, or `-alpine`.', 'Memcached입니다. Debian 기반이며 `-alpine`도 있습니다.', ['1', '1-alpine', 'latest'], ['alpine']),
  k('postgres', 'debian', 'PostgreSQL; Debian, or `-alpine`.', 'PostgreSQL입니다. Debian 기반이며 `-alpine`도 있습니다.', ['17', '17-alpine', '16', '16-alpine', '17-bookworm'], ['alpine', 'bookworm']),
  k('mysql', 'rhel', 'MySQL (Oracle Linux based).', 'MySQL입니다(Oracle Linux 기반).', ['8.4', 'lts', '8.0', '9', 'latest'], ['oracle']),
  k('mariadb', 'ubuntu', 'MariaDB (Ubuntu based).', 'MariaDB입니다(Ubuntu 기반).', ['11', 'lts', '10.11', 'latest'], []),
  k('mongo', 'ubuntu', 'MongoDB (Ubuntu based).', 'MongoDB입니다(Ubuntu 기반).', ['8.0', '7.0', 'latest'], ['noble', 'jammy']),
  k('rabbitmq', 'ubuntu', 'RabbitMQ; `-management` includes the web UI; `-alpine` too.', 'RabbitMQ입니다. `-management`에는 웹 UI가 포함되며 `-alpine`도 있습니다.', ['4-management', '4', '3-management', '3-alpine'], ['management', 'alpine']),
  k('wordpress', 'debian', 'WordPress with PHP and Apache (or `-fpm`).', 'PHP와 Apache(또는 `-fpm`)가 포함된 WordPress입니다.', ['latest', 'php8.3-apache', 'php8.3-fpm', 'fpm-alpine'], ['apache', 'fpm', 'alpine']),
  // Tools
  k('docker', 'alpine', 'Docker CLI / Docker-in-Docker (`dind`), Alpine based.', 'Docker CLI / Docker-in-Docker(`dind`)이며 Alpine 기반입니다.', ['27', '27-cli', 'dind', 'cli'], ['dind', 'cli']),
  k('bash', 'alpine', 'Bash on Alpine (for testing scripts).', 'Alpine 기반 Bash입니다(스크립트 테스트용).', ['5', 'latest'], []),
  k('composer', 'alpine', 'PHP Composer (Alpine based).', 'PHP Composer입니다(Alpine 기반).', ['2', 'latest'], []),
];

const DOCKER_HUB = 'docker.io';

/** Normalised lookup key: Docker Hub official images by short name, others by full path. */
function imageKey(name: string): string {
  let n = name.toLowerCase();
  if (n.startsWith('index.docker.io/')) n = n.slice('index.docker.io/'.length);
  else if (n.startsWith('docker.io/')) n = n.slice('docker.io/'.length);
  if (n.startsWith('library/')) n = n.slice('library/'.length);
  return n;
}

const KNOWN_BY_KEY = new Map<string, KnownImage>(KNOWN_IMAGES.map((i) => [imageKey(i.name), i]));

/** A known image by name (`node`, `docker.io/library/node`, `library/node` are the same). */
export function knownImage(name: string): KnownImage | undefined {
  return KNOWN_BY_KEY.get(imageKey(name));
}

// ---- variant words in tags --------------------------------------------------------------------

interface VariantRule { re: RegExp; note: Bilingual }

const VARIANT_RULES: VariantRule[] = [
  { re: /^alpine(\d[\d.]*)?$/, note: bi('`alpine`: Alpine Linux based, very small; uses musl libc and `apk` (glibc-only binaries may not run).', '`alpine`: Alpine Linux 기반이라 매우 작습니다. musl libc와 `apk`를 쓰므로 glibc 전용 바이너리는 동작하지 않을 수 있습니다.') },
  { re: /^slim$/, note: bi('`slim`: Debian with only the minimal packages; install extra tools with `apt-get`.', '`slim`: 꼭 필요한 패키지만 있는 Debian입니다. 추가 도구는 `apt-get`으로 설치하세요.') },
  { re: /^trixie$/, note: bi('`trixie`: Debian 13.', '`trixie`: Debian 13입니다.') },
  { re: /^bookworm$/, note: bi('`bookworm`: Debian 12.', '`bookworm`: Debian 12입니다.') },
  { re: /^bullseye$/, note: bi('`bullseye`: Debian 11 (older).', '`bullseye`: Debian 11(이전 버전)입니다.') },
  { re: /^buster$/, note: bi('`buster`: Debian 10 (end of life).', '`buster`: Debian 10(지원 종료)입니다.') },
  { re: /^noble$/, note: bi('`noble`: Ubuntu 24.04 LTS.', '`noble`: Ubuntu 24.04 LTS입니다.') },
  { re: /^jammy$/, note: bi('`jammy`: Ubuntu 22.04 LTS.', '`jammy`: Ubuntu 22.04 LTS입니다.') },
  { re: /^focal$/, note: bi('`focal`: Ubuntu 20.04 LTS (standard support ended).', '`focal`: Ubuntu 20.04 LTS(표준 지원 종료)입니다.') },
  { re: /^bionic$/, note: bi('`bionic`: Ubuntu 18.04 (end of standard support).', '`bionic`: Ubuntu 18.04(표준 지원 종료)입니다.') },
  { re: /^chiseled(-extra)?$/, note: bi('`chiseled`: minimal Ubuntu without shell or package manager; runs as non-root.', '`chiseled`: 셸과 패키지 매니저가 없는 최소 Ubuntu이며 root가 아닌 사용자로 실행됩니다.') },
  { re: /^latest$/, note: bi('`latest`: whatever the maintainers tagged last; it moves over time.', '`latest`: 관리자가 마지막으로 지정한 버전을 가리키며 시간이 지나면 바뀝니다.') },
  { re: /^lts$/, note: bi('`lts`: current long-term-support line; moves when a new LTS is released.', '`lts`: 현재 장기 지원(LTS) 버전을 가리키며 새 LTS가 나오면 바뀝니다.') },
  { re: /^(stable|mainline|current)$/, note: bi('Moving channel tag: it points to a different version over time.', '움직이는 채널 태그입니다. 시간이 지나면 다른 버전을 가리킵니다.') },
  { re: /^edge$|^rawhide$|^rolling$/, note: bi('Development snapshot: changes often, not for production.', '개발용 스냅숏입니다. 자주 바뀌므로 운영 환경에는 맞지 않습니다.') },
  { re: /^nonroot$/, note: bi('`nonroot`: runs as an unprivileged user (UID 65532) by default.', '`nonroot`: 기본적으로 권한 없는 사용자(UID 65532)로 실행됩니다.') },
  { re: /^debug$/, note: bi('`debug`: adds a BusyBox shell for troubleshooting; do not ship it.', '`debug`: 문제 해결용 BusyBox 셸이 추가되어 있습니다. 배포용으로는 쓰지 마세요.') },
  { re: /^jdk\d*$/, note: bi('`jdk`: full Java Development Kit (compiler included).', '`jdk`: 컴파일러를 포함한 전체 Java 개발 키트입니다.') },
  { re: /^jre\d*$/, note: bi('`jre`: Java runtime only; smaller, for running built apps.', '`jre`: Java 런타임만 있어 더 작으며, 빌드된 앱 실행용입니다.') },
  { re: /^fpm$/, note: bi('`fpm`: PHP-FPM FastCGI server, to pair with nginx.', '`fpm`: nginx와 함께 쓰는 PHP-FPM FastCGI 서버입니다.') },
  { re: /^apache$/, note: bi('`apache`: PHP with the Apache web server included.', '`apache`: Apache 웹 서버가 포함된 PHP입니다.') },
  { re: /^cli$/, note: bi('`cli`: command-line only, no web server.', '`cli`: 웹 서버 없이 명령줄 도구만 있습니다.') },
  { re: /^minimal$|^micro$/, note: bi('Minimal variant: fewer packages (`microdnf`, or none in `micro`).', '최소 변형입니다. 패키지가 적습니다(`microdnf`를 쓰거나, `micro`는 패키지 매니저 없음).') },
  { re: /^ubi\d*$/, note: bi('`ubi`: Red Hat Universal Base Image (RHEL family).', '`ubi`: Red Hat Universal Base Image(RHEL 계열)입니다.') },
  { re: /^windowsservercore$|^nanoserver$|^ltsc\d{4}$/, note: bi('Windows container image: needs a Windows host.', 'Windows 컨테이너 이미지입니다. Windows 호스트가 필요합니다.') },
  { re: /^dind$/, note: bi('`dind`: Docker-in-Docker daemon; needs `--privileged`.', '`dind`: Docker-in-Docker 데몬이며 `--privileged`가 필요합니다.') },
  { re: /^(rc\d*|beta\d*|alpha\d*|ea)$/, note: bi('Pre-release: not for production.', '정식 출시 전 버전입니다. 운영 환경에는 맞지 않습니다.') },
  { re: /^management$/, note: bi('`management`: includes the management web UI.', '`management`: 관리용 웹 UI가 포함되어 있습니다.') },
  { re: /^distroless$/, note: bi('`distroless`: no shell or package manager.', '`distroless`: 셸과 패키지 매니저가 없습니다.') },
];

/** Notes for the variant words of a tag (`3.12-slim-bookworm` → slim, bookworm). */
export function variantNotes(tag: string | null): Bilingual[] {
  if (!tag) return [];
  const out: Bilingual[] = [];
  for (const tok of tag.toLowerCase().split(/[-_]/)) {
    for (const r of VARIANT_RULES) {
      if (r.re.test(tok) && !out.includes(r.note)) out.push(r.note);
    }
  }
  return out;
}

// ---- family inference (rules.md DF039) ----------------------------------------------------------

const DEBIAN_CODENAMES = new Set(['trixie', 'bookworm', 'bullseye', 'buster', 'stretch', 'jessie', 'sid', 'forky']);
const UBUNTU_CODENAMES = new Set(['plucky', 'oracular', 'noble', 'mantic', 'lunar', 'jammy', 'focal', 'bionic', 'xenial']);

/**
 * OS family from an image name and tag, following rules.md DF039: `scratch`; distroless;
 * Windows; `alpine` / `*-alpine*`; distro codenames in the tag (bookworm… → debian,
 * jammy/noble… → ubuntu, `ubi*` → rhel); distro image names (debian, ubuntu, centos, fedora,
 * rockylinux, almalinux, ubi*, amazonlinux, oraclelinux, opensuse, sles); `*-slim` → debian;
 * then the known default of the image (node → debian, …); otherwise `unknown`.
 */
export function imageFamily(name: string, tag?: string | null): OsFamily {
  const key = imageKey(name.trim());
  const parts = key.split('/');
  const last = parts[parts.length - 1];
  const toks = (tag ?? '').toLowerCase().split(/[-_.]/).filter(Boolean);
  const hasTok = (p: (t: string) => boolean) => toks.some(p);

  if (key === 'scratch') return 'scratch';
  if (parts.includes('distroless') || hasTok((t) => t === 'distroless')) return 'distroless';
  if (key.startsWith('mcr.microsoft.com/windows') || hasTok((t) => t === 'windowsservercore' || t === 'nanoserver' || /^ltsc\d{4}$/.test(t))) return 'windows';
  if (last === 'alpine' || hasTok((t) => /^alpine\d*$/.test(t))) return 'alpine';
  if (hasTok((t) => DEBIAN_CODENAMES.has(t))) return 'debian';
  if (hasTok((t) => UBUNTU_CODENAMES.has(t) || t === 'ubuntu')) return 'ubuntu';
  if (hasTok((t) => /^ubi\d*$/.test(t) || t === 'centos' || t === 'oraclelinux' || /^al20\d\d$/.test(t))) return 'rhel';
  if (last === 'debian') return 'debian';
  if (last === 'ubuntu') return 'ubuntu';
  if (['centos', 'fedora', 'rockylinux', 'almalinux', 'amazonlinux', 'oraclelinux'].includes(last) || parts.some((p) => /^ubi\d*(-minimal|-micro|-init)?$/.test(p))) return 'rhel';
  if (parts.some((p) => p === 'opensuse' || p.startsWith('opensuse-') || p === 'sles' || p.startsWith('sle-') || p === 'suse' || p === 'bci')) return 'suse';
  if (hasTok((t) => t === 'slim')) return 'debian';
  return knownImage(key)?.family ?? 'unknown';
}

// ---- image reference parsing (distribution/reference) -------------------------------------------

export interface ImageRefInfo {
  raw: string;
  /** False when the reference is malformed (see `error`). References with variables are not validated. */
  valid: boolean;
  error?: Bilingual;
  /** `docker.io` for Docker Hub. */
  registry: string;
  /** Path in the registry, normalised: `library/ubuntu`, `foo/bar`. */
  repository: string;
  /** The familiar name: `ubuntu`, `foo/bar`, `gcr.io/distroless/static`. */
  familiarName: string;
  /** Tag as written (null when absent). */
  tag: string | null;
  digest: string | null;
  /** No tag and no digest: Docker uses `latest`. */
  impliedLatest: boolean;
  /** Notes for the variant words in the tag (alpine, slim, bookworm, nonroot…). */
  variantNotes: Bilingual[];
  family: OsFamily;
  known: KnownImage | null;
  hasVariables: boolean;
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const DOMAIN = /^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?$/;

const err = (en: string, ko: string): Bilingual => bi(en, ko);

/** Parses an image reference like Docker does (ParseNormalizedNamed), for hovers and checks. */
const refMemo = new Map<string, ImageRefInfo>();
/** Parses an image reference (memoised: rules and hovers ask about the same FROM lines repeatedly). */
export function describeImageRef(ref: string): ImageRefInfo {
  let r = refMemo.get(ref);
  if (!r) {
    r = describeImageRefUncached(ref);
    if (refMemo.size > 5000) refMemo.clear();
    refMemo.set(ref, r);
  }
  return r;
}

function describeImageRefUncached(ref: string): ImageRefInfo {
  const raw = ref.trim();
  const hasVariables = raw.includes('$');
  let error: Bilingual | undefined;

  let rest = raw;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) { digest = rest.slice(at + 1); rest = rest.slice(0, at); }
  let tag: string | null = null;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) { tag = rest.slice(colon + 1); rest = rest.slice(0, colon); }
  const name = rest;

  // splitDockerDomain: the first component is a registry if it has `.` or `:`, is `localhost`,
  // or contains upper-case letters; otherwise the image is on Docker Hub.
  let registry = DOCKER_HUB;
  let remainder = name;
  const slash = name.indexOf('/');
  if (slash >= 0) {
    const first = name.slice(0, slash);
    if (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first) {
      registry = first;
      remainder = name.slice(slash + 1);
    }
  }
  if (registry === 'index.docker.io') registry = DOCKER_HUB;
  let repository = remainder;
  if (registry === DOCKER_HUB && !remainder.includes('/')) repository = 'library/' + remainder;

  if (!hasVariables) {
    if (raw === '') error = err('empty reference', '참조가 비어 있습니다');
    else if (name === '') error = err('missing repository name', '저장소 이름이 없습니다');
    else if (remainder.toLowerCase() !== remainder) error = err('repository name must be lowercase', '저장소 이름은 소문자여야 합니다');
    else if (registry !== DOCKER_HUB && !DOMAIN.test(registry)) error = err(`invalid registry \`${registry}\``, `레지스트리 \`${registry}\`가 올바르지 않습니다`);
    else if (!remainder.split('/').every((c) => PATH_COMPONENT.test(c))) error = err('invalid repository name (use lowercase letters, digits and `.` `_` `-` separators)', '저장소 이름이 올바르지 않습니다(소문자, 숫자와 구분자 `.` `_` `-`만 쓸 수 있습니다)');
    else if (name.length > 255) error = err('repository name longer than 255 characters', '저장소 이름이 255자를 넘습니다');
    else if (tag !== null && !TAG.test(tag)) error = err(`invalid tag \`${tag}\``, `태그 \`${tag}\`가 올바르지 않습니다`);
    else if (digest !== null && !DIGEST.test(digest)) error = err(`invalid digest \`${digest}\``, `다이제스트 \`${digest}\`가 올바르지 않습니다`);
    else if (digest !== null && digest.startsWith('sha256:') && !/^sha256:[a-f0-9]{64}$/.test(digest)) error = err('a sha256 digest needs 64 lowercase hex characters', 'sha256 다이제스트는 소문자 16진수 64자여야 합니다');
  }

  const familiarName = registry === DOCKER_HUB ? repository.replace(/^library\//, '') : `${registry}/${repository}`;
  const known = knownImage(familiarName) ?? null;
  return {
    raw, valid: !error, ...(error ? { error } : {}),
    registry, repository, familiarName, tag, digest,
    impliedLatest: tag === null && digest === null && familiarName !== 'scratch',
    variantNotes: variantNotes(tag),
    family: imageFamily(familiarName, tag),
    known, hasVariables,
  };
}

/** Names of the OS families in both languages (for hovers). */
export const FAMILY_NAMES: Readonly<Record<OsFamily, Bilingual>> = {
  alpine: bi('Alpine (apk)', 'Alpine 계열(apk)'),
  debian: bi('Debian (apt)', 'Debian 계열(apt)'),
  ubuntu: bi('Ubuntu (apt)', 'Ubuntu 계열(apt)'),
  rhel: bi('RHEL family (dnf/yum/microdnf)', 'RHEL 계열(dnf/yum/microdnf)'),
  suse: bi('SUSE (zypper)', 'SUSE 계열(zypper)'),
  distroless: bi('distroless (no shell, no package manager)', 'distroless(셸과 패키지 매니저 없음)'),
  scratch: bi('scratch (empty image)', 'scratch(빈 이미지)'),
  windows: bi('Windows', 'Windows'),
  unknown: bi('unknown', '알 수 없음'),
};
