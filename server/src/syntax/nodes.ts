//! Syntax tree of a Dockerfile. Plain data, no LSP types, no I/O.
//! All offsets are absolute UTF-16 code-unit offsets into the document text
//! (JavaScript string indices), `end` exclusive. Top-level nodes are reused as the
//! same objects by the incremental parser, which shifts their offsets in place.

/** A half-open span `[start, end)` of UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

export type EscapeChar = '\\' | '`';

/** `# name=value` at the top of the file (syntax, escape, check). */
export interface Directive extends Span {
  kind: 'directive';
  /** Lower-cased directive name. */
  name: string;
  nameSpan: Span;
  value: string;
  valueSpan: Span;
}

/** A line whose first non-blank character is `#` (outside heredoc bodies). */
export interface Comment extends Span {
  kind: 'comment';
  /** Text after the `#`, trimmed. */
  text: string;
}

/**
 * A word of an instruction's argument text, as Docker's word splitter sees it
 * (whitespace outside quotes separates words; quotes are kept in `raw`).
 * A word may span continuation lines; `start`/`end` cover the source text.
 */
export interface Word extends Span {
  /** Source text with line continuations removed, quotes and escapes kept. */
  raw: string;
  /** Value after quote removal and escape processing (variables NOT expanded). */
  value: string;
}

/** `--name[=value]` before an instruction's arguments. */
export interface Flag extends Span {
  /** Name without the leading `--`, as written. */
  name: string;
  nameSpan: Span;
  /** Value after `=` with quotes removed; null when there is no `=`. */
  value: string | null;
  valueSpan: Span | null;
}

/** A variable reference `$v`, `${v}`, `${v:-x}`, … found in argument text. */
export interface VarRef extends Span {
  name: string;
  nameSpan: Span;
  /** True for the `${…}` form. */
  braced: boolean;
  /** Operator of the `${v<op>word}` form: `:-`, `-`, `:+`, `+`, `:?`, `?`, `#`, `##`, `%`, `%%`, `/`, `//`, or an unsupported one as written. Null for plain `$v`/`${v}`. */
  modifier: string | null;
  /** The word after the modifier, raw. */
  modifierWord: string | null;
  modifierSpan: Span | null;
}

/** One string of a valid exec-form JSON array. */
export interface JsonString extends Span {
  value: string;
}

/** A heredoc introduced by `<<EOF` / `<<-EOF` / `<<'EOF'` on a RUN, COPY or ADD line. */
export interface Heredoc extends Span {
  /** Delimiter word (quotes removed). */
  name: string;
  /** Span of the `<<…` marker on the instruction line. */
  markerSpan: Span;
  /** Span of the delimiter name inside the marker. */
  nameSpan: Span;
  /** `<<-`: leading tabs are stripped from body lines and the terminator. */
  chomp: boolean;
  /** False when the delimiter was quoted (no variable expansion in the body). */
  expand: boolean;
  /** Body text (each line followed by `\n`), as BuildKit passes it. */
  content: string;
  /** Span of the body lines (from the first body line to the end of the last one). */
  bodySpan: Span;
  /** Span of the terminator line; null when unterminated. */
  terminatorSpan: Span | null;
}

/** `key=value` (or legacy `key value`) pair of ENV, ARG or LABEL. */
export interface KeyValue extends Span {
  key: string;
  keySpan: Span;
  /** Unquoted value; null for `ARG name` without a default. */
  value: string | null;
  /** Raw value text (quotes kept), null when absent. */
  rawValue: string | null;
  valueSpan: Span | null;
  /** True for `key=value`, false for legacy `key value` (ENV/LABEL) or a bare ARG name. */
  hasEquals: boolean;
}

export interface FromData {
  /** The image word as written (may contain variables). */
  image: Word | null;
  /** `AS` keyword word, if present. */
  asKeyword: Word | null;
  /** Stage name word, if present. */
  stageName: Word | null;
}

export interface HealthcheckData {
  /** `CMD` or `NONE` (upper-cased) or null when missing. */
  type: 'CMD' | 'NONE' | null;
  typeWord: Word | null;
  /** For `CMD`: the command after the CMD keyword. */
  command: CommandData | null;
}

/** The argument of RUN / CMD / ENTRYPOINT / SHELL / HEALTHCHECK CMD. */
export interface CommandData {
  /** Exec form (valid JSON array of strings) or shell form. */
  form: 'exec' | 'shell';
  /** Exec form strings; empty in shell form. */
  json: JsonString[];
  /** Shell form: the command text with continuations removed (as BuildKit sees it). */
  text: string;
  /** Span of the command in the source (first to last character). */
  span: Span;
  /**
   * For text that starts with `[` but is not a valid JSON array of strings:
   * `invalid-json` (Docker falls back to shell form) or `not-strings`
   * (a valid JSON array with non-string items, which Docker rejects).
   */
  jsonProblem: 'invalid-json' | 'not-strings' | null;
}

/** A logical instruction: one or more physical lines joined by the escape char, plus heredoc bodies. */
export interface Instruction extends Span {
  kind: 'instruction';
  /** Keyword as written. */
  keyword: string;
  /** Upper-cased keyword (`RUN`, `FROM`, … or the unknown word upper-cased). */
  name: string;
  keywordSpan: Span;
  /** Whether `name` is a known Dockerfile instruction. */
  known: boolean;
  flags: Flag[];
  /** Argument words after the flags (continuations removed, quotes kept in `raw`). */
  args: Word[];
  /** The argument text after the flags with continuations removed (BuildKit's `rest`). */
  argsText: string;
  /** Span from the first argument character to the last (null when there are no args). */
  argsSpan: Span | null;
  /** Variable references in the arguments and flag values. Heredoc bodies excluded. */
  vars: VarRef[];
  /** Comment lines that appear inside the continued instruction. */
  comments: Comment[];
  /** Lines inside the continuation that are empty or whitespace only (BuildKit NoEmptyContinuation). */
  emptyContinuationLines: Span[];
  heredocs: Heredoc[];
  /** Span of the physical lines of the instruction before any heredoc body. */
  headSpan: Span;
  /** RUN/CMD/ENTRYPOINT/SHELL: the command. */
  command: CommandData | null;
  /** FROM. */
  from: FromData | null;
  /** ENV/ARG/LABEL pairs. */
  keyValues: KeyValue[];
  /** HEALTHCHECK. */
  healthcheck: HealthcheckData | null;
  /** ONBUILD: the nested trigger instruction (its spans are absolute too). */
  trigger: Instruction | null;
  /** Escape character in force when this instruction was parsed. */
  escape: EscapeChar;
  /** Structural problems found while parsing this instruction (also listed in `ParseResult.errors`). */
  errors: ParseError[];
  /**
   * @internal How far this instruction's inner offsets (every span except its own `start` and
   * `end`) lag behind: 0 except between an incremental reparse that moved the node and the
   * `settle` (syntax/incremental.ts) that catches them up. Readers of a document's tree never
   * see a lag (the document settles first); the rules engine settles what it reads.
   */
  lag: number;
}

export type TopNode = Directive | Comment | Instruction;

export interface ParseError extends Span {
  /** Stable machine code, e.g. `unterminated-heredoc`. */
  code: string;
  message: string;
}

/** Result of parsing: never thrown, always returned. */
export interface DockerfileTree {
  text: string;
  /** Directives, comments and instructions in document order. Blank lines are not nodes. */
  nodes: TopNode[];
  /** Instructions only, in document order (same objects as in `nodes`). */
  instructions: Instruction[];
  directives: Directive[];
  escape: EscapeChar;
  /** Offset just after the directive prelude (first non-directive line start). */
  preludeEnd: number;
  /** True if the text started with a UTF-8 BOM (U+FEFF). */
  bom: boolean;
  /** Line start offsets (line i starts at lineStarts[i]). */
  lineStarts: number[];
  /** A number identifying this parse (unique in the process). */
  generation?: number;
  /** For an incremental reparse: the `generation` of the tree it was derived from (else -1). */
  baseGeneration?: number;
}

export interface ParseResult {
  tree: DockerfileTree;
  errors: ParseError[];
}

export const KNOWN_INSTRUCTIONS = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
] as const;
export type InstructionName = (typeof KNOWN_INSTRUCTIONS)[number];
