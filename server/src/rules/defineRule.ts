//! The rule contract. A rule is one file under `rules/defs/` that default-exports
//! `defineRule({...})`: metadata (id, kebab-case name, category, default severity,
//! aliases, bilingual docs) plus a check. `scope: 'instruction'` rules look at one
//! instruction only and are cached per instruction node; `scope: 'file'` rules run on
//! every analysis and must stay cheap. Instruction rules also see the stage's OS family and
//! SHELL; the cache is keyed by those too, so a FROM or SHELL edit re-checks the stage.

import type { DockerfileTree, Instruction, Span } from '../syntax/nodes';
import type { SemanticModel } from '../semantics/model';
import type { OsFamily } from '../docs/images';
import type { ShellKind } from '../shell/commands';
import type { RuleConfig } from './config';
import type { ContextFacts } from '../context/facts';

export type Severity = 'error' | 'warning' | 'info' | 'hint' | 'off';
export type Bilingual = { en: string; ko: string };

export interface TextEditSpan {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: Bilingual;
  edits: TextEditSpan[];
  /** Safe fixes are applied by fix-all (`source.fixAll.dockwise`, `dockwise check --fix`). */
  safe: boolean;
  /**
   * Set when the fix cannot be applied here; the editor shows the action greyed out with this
   * reason (LSP `CodeAction.disabled`), so users learn why instead of seeing nothing.
   */
  disabled?: Bilingual;
  /**
   * An insertion into another file (e.g. `.dockerignore`): `path` is absolute or relative to the
   * Dockerfile's directory; `create` makes the file when it is missing (then `insertAt` is 0:0).
   */
  otherFile?: { path: string; create?: boolean; insertAt: { line: number; character: number }; text: string; replaceTo?: { line: number; character: number } };
}

export interface Report {
  span: Span;
  message: Bilingual;
  fixes?: Fix[];
  /** Overrides the rule's default severity for this finding (e.g. DF068 escalates). */
  severity?: Exclude<Severity, 'off'>;
  /** A finer code inside the rule (ShellCheck's `SC2086` for DF080); suppressible by that name. */
  subcode?: string;
  /** Extra spans (e.g. the `.dockerignore` pattern) shown as related information. */
  related?: { span: Span; message: Bilingual; uri?: string; line?: number }[];
}

export interface RuleDocs {
  title: string;
  rationale: string;
}

export interface RuleMeta {
  id: string;
  name: string;
  category: string;
  severity: Severity;
  /** Names used by other tools, so that their suppressions keep working. */
  aliases: { buildkit?: string[]; hadolint?: string[] };
  docs: { en: RuleDocs; ko: RuleDocs };
  /** True when at least one of the rule's findings carries a fix. */
  fixable: boolean;
  /**
   * For file rules: the rule only reports inside a stage and reads nothing but that stage and
   * the stages it is built FROM. The engine then runs it per stage on a view (`model.stages`
   * = the parent chain + the stage, `tree.instructions` = their instructions), keeps only the
   * reports inside the stage, and caches them per stage — an edit re-checks one stage.
   * Such rules get no `external` facts.
   */
  perStage?: boolean;
  /**
   * For per-stage rules: messages quote line numbers (`the HEALTHCHECK on line 12`), so their
   * cached results also depend on the line the stage starts on (an Enter above moves it).
   */
  citesLines?: boolean;
  /**
   * For file rules that are not `perStage`: `'outline'` declares that the rule reads no
   * comments and, of each instruction, only its outline (see `outline()` in the engine:
   * everything but the command text of RUN/CMD/ENTRYPOINT). The engine then keeps its results
   * across edits that change no outline — most keystrokes — while the external facts are the
   * same object.
   * `'comments'`: the rule reads only directives and comments (and the positions of nodes);
   * it is run again when an edit touches a comment.
   */
  reads?: 'outline' | 'comments';
  /**
   * For file rules that are not `perStage`, when the rule reads the inner spans (words, flags,
   * …: anything but an instruction's own `start` and `end`) of only some instructions:
   * `'final'` those of the last stage and the stages it is built FROM, `'prelude'` those before
   * the first FROM, `'none'` none (node positions, comments, directives and text only). The
   * engine settles just those before the rule runs (see `Instruction.lag`); for any other rule
   * it settles the whole tree the first time the rule reads the tree or the model. A test
   * runs every rule on trees whose other nodes lag (test/unit/lag.test.ts).
   */
  touches?: 'final' | 'prelude' | 'none';
  /**
   * For instruction rules: the instructions the rule looks at (upper-case names). An ONBUILD
   * node is given to the rule when its trigger's name (or ONBUILD) is listed. Absent: every
   * instruction. The engine calls a rule only for those, instead of every rule for every node.
   */
  on?: readonly string[];
  /** LSP diagnostic tags: `deprecated` renders struck through, `unnecessary` faded. */
  tags?: ('deprecated' | 'unnecessary')[];
}

/** Project-level facts a rule may need that are not in the Dockerfile (build context etc.). */
export interface ExternalFacts {
  /** Build-context facts for this Dockerfile's COPY/ADD sources; absent in pure-text analysis. */
  context?: ContextFacts;
  /** Runs ShellCheck on a script (DF080); absent when the binary is not available or not wanted. */
  shellcheck?: ShellcheckFn;
  /** Project configuration (`.hadolint.yaml`, `.dockwise.*`) with its problems (DF122), trusted registries (DF037). */
  config?: RuleConfig;
  /** Trusted registries from the editor's settings (DF037); they win over the project configuration's list. */
  trustedRegistries?: string[];
}

/** One ShellCheck comment (`--format=json1`: 1-based lines and columns, tabs count as one). */
export interface ShellcheckComment {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  level: 'error' | 'warning' | 'info' | 'style';
  code: number;
  message: string;
  fix: { replacements: { line: number; column: number; endLine: number; endColumn: number; replacement: string; precedence?: number; insertionPoint?: string }[] } | null;
}
export type ShellcheckFn = (script: string, dialect: 'sh' | 'bash' | 'dash' | 'ksh') => ShellcheckComment[] | null;

export interface RuleContext {
  tree: DockerfileTree;
  model: SemanticModel;
  external: ExternalFacts;
  report(r: Report): void;
}

export interface InstructionRuleContext {
  /** Escape char in force. */
  escape: '\\' | '`';
  /** Document text at check time; read only inside the instruction's own span. */
  source: string;
  /** OS family of the stage's base image (inherited through `FROM <stage>`). */
  family: OsFamily;
  /** The SHELL in force for this instruction, and what kind of shell it is. */
  shell: readonly string[];
  shellKind: ShellKind;
  report(r: Report): void;
}

export type Rule = RuleMeta &
  (
    | { scope: 'instruction'; checkInstruction(ins: Instruction, ctx: InstructionRuleContext): void }
    | { scope: 'file'; check(ctx: RuleContext): void }
  );

export function defineRule<R extends Rule>(rule: R): R {
  return rule;
}
