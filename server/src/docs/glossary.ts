//! Korean terminology used across Dockwise, taken from the learners' notes in
//! ../shared/seeds (counted there, e.g. 디렉토리 71× vs 디렉터리 17×). Use these words in every
//! Korean string (docs, rule messages) so the product speaks one language. Words in `avoid`
//! are checked by test/unit/docs.test.ts for everything under server/src/docs.

export interface GlossaryEntry {
  en: string;
  ko: string;
  /** Variants not to use in Korean text. */
  avoid?: string[];
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  { en: 'image', ko: '이미지' },
  { en: 'base image', ko: '베이스 이미지', avoid: ['기반 이미지'] },
  { en: 'container', ko: '컨테이너' },
  { en: 'layer', ko: '레이어' },
  { en: 'build', ko: '빌드' },
  { en: 'build context', ko: '빌드 컨텍스트' },
  { en: 'build cache', ko: '빌드 캐시' },
  { en: 'build stage', ko: '빌드 스테이지' },
  { en: 'multi-stage build', ko: '멀티 스테이지 빌드' },
  { en: 'instruction', ko: '명령어' },
  { en: 'parser directive', ko: '파서 지시어' },
  { en: 'environment variable', ko: '환경 변수', avoid: ['환경변수'] },
  { en: 'build argument', ko: '빌드 인자', avoid: ['빌드 인수'] },
  { en: 'argument', ko: '인자' },
  { en: 'directory', ko: '디렉토리', avoid: ['디렉터리'] },
  { en: 'working directory', ko: '작업 디렉토리' },
  { en: 'shell', ko: '셸', avoid: ['쉘'] },
  { en: 'shell form / exec form', ko: '셸 형식 / exec 형식' },
  { en: 'tag', ko: '태그' },
  { en: 'digest', ko: '다이제스트' },
  { en: 'registry', ko: '레지스트리' },
  { en: 'repository', ko: '저장소' },
  { en: 'port', ko: '포트' },
  { en: 'volume', ko: '볼륨' },
  { en: 'mount', ko: '마운트' },
  { en: 'secret', ko: '시크릿' },
  { en: 'signal', ko: '시그널' },
  { en: 'health check', ko: '헬스 체크' },
  { en: 'platform', ko: '플랫폼' },
  { en: 'package manager', ko: '패키지 매니저' },
  { en: 'default (value)', ko: '기본값' },
];

/** Every avoided variant, for checks. */
export const AVOIDED_KO_TERMS: readonly string[] = GLOSSARY.flatMap((g) => g.avoid ?? []);
