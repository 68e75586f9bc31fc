// Generates syntaxes/dockerfile.tmLanguage.json and syntaxes/dockerignore.tmLanguage.json.
// Run: node syntaxes/src/generate.mjs   (the JSON files are committed; test/unit/grammar.test.ts
// checks they are what this script produces).
//
// Design notes
// * Every instruction is a begin/while rule whose `while` holds as long as the next line does not
//   start with an UPPERCASE instruction keyword. `while` is checked at each line start for every
//   rule on the stack, so an embedded shell/python region that is left open (an unclosed quote)
//   can never swallow the next instruction. Dockerfile keywords are case-insensitive
//   (https://docs.docker.com/reference/dockerfile/#format); lowercase instructions are still
//   highlighted because every instruction body may start a nested instruction at a line start.
// * Shell form (RUN, CMD, ENTRYPOINT, HEALTHCHECK CMD) embeds `source.shell`; exec form (a JSON
//   array) is highlighted as JSON strings.
// * Heredocs (https://docs.docker.com/reference/dockerfile/#here-documents): the body language is
//   chosen by its shebang (python, node, sh/bash/...), RUN bodies default to shell, COPY/ADD
//   bodies are plain text. A body language region ends before a line holding a single word (the
//   usual terminator); the heredoc ends at a line equal to its own delimiter.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const KEYWORDS = ['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT',
  'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL'];
const UPPER = KEYWORDS.join('|');
const WHILE = `^(?!\\s*(?:${UPPER})(?:\\s|$))`;
const LONE_WORD_END = '^(?!\\t*[A-Za-z_][A-Za-z0-9_]*\\s*$)';

const kw = 'keyword.other.special-method.dockerfile';
const instr = (names, name, patterns, extra = {}) => ({
  name: `meta.instruction.${name}.dockerfile`,
  begin: `^\\s*(?:((?i:ONBUILD))\\s+)?((?i:${names}))(?=\\s|$)`,
  beginCaptures: { 1: { name: kw }, 2: { name: kw } },
  while: WHILE,
  patterns: [{ include: '#instructions' }, { include: '#comment-line' }, { include: '#line-continuation' }, ...patterns],
  ...extra,
});

const heredocBody = (lang, scope, include) => ({
  begin: `^(?=\\t*#!.*\\b${lang})`, while: LONE_WORD_END, contentName: scope, patterns: [{ include }],
});

const dockerfile = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Dockerfile',
  scopeName: 'source.dockerfile',
  patterns: [{ include: '#directives' }, { include: '#comment-line' }, { include: '#instructions' }],
  repository: {
    // https://docs.docker.com/reference/dockerfile/#parser-directives: only at the very top.
    directives: {
      begin: '\\A(?=\\s*#\\s*(?i:syntax|escape|check)\\s*=)',
      while: '^(?=\\s*#\\s*[A-Za-z]+\\s*=)',
      patterns: [{
        match: '^\\s*(#)\\s*((?i:syntax|escape|check))\\s*(=)\\s*(.*?)\\s*$',
        name: 'meta.directive.dockerfile',
        captures: {
          1: { name: 'punctuation.definition.directive.dockerfile' },
          2: { name: 'keyword.control.directive.dockerfile' },
          3: { name: 'keyword.operator.assignment.dockerfile' },
          4: { name: 'string.unquoted.directive-value.dockerfile' },
        },
      }, { include: '#comment-line' }],
    },
    'comment-line': {
      match: '^\\s*((#).*)$',
      captures: { 1: { name: 'comment.line.number-sign.dockerfile' }, 2: { name: 'punctuation.definition.comment.dockerfile' } },
    },
    'line-continuation': { match: '\\\\(?=\\s*$)', name: 'constant.character.escape.line-continuation.dockerfile' },
    instructions: {
      patterns: [
        { include: '#from' }, { include: '#run' }, { include: '#cmd' }, { include: '#healthcheck' },
        { include: '#shell-instruction' }, { include: '#copy' }, { include: '#env' }, { include: '#arg' },
        { include: '#expose' }, { include: '#generic' },
      ],
    },
    from: instr('FROM', 'from', [
      { include: '#flag' },
      { match: '(?<=\\s)((?i:AS))\\s+([A-Za-z][A-Za-z0-9_.-]*)', captures: { 1: { name: 'keyword.other.as.dockerfile' }, 2: { name: 'entity.name.label.stage.dockerfile' } } },
      { include: '#variable' },
      { match: '(?<=\\s)[^\\s$-][^\\s$]*(?:\\$\\{[^}]*\\}[^\\s$]*)*', name: 'entity.name.type.image.dockerfile' },
    ]),
    run: instr('RUN', 'run', [
      { include: '#flag' }, { include: '#exec-form' }, { include: '#heredoc-run' },
      { include: '#shell-form-with-heredoc' }, { include: '#shell-form' },
    ]),
    cmd: instr('CMD|ENTRYPOINT', 'cmd', [{ include: '#exec-form' }, { include: '#shell-form' }]),
    healthcheck: instr('HEALTHCHECK', 'healthcheck', [
      { include: '#flag' },
      { match: '(?<=\\s)(?i:NONE)\\b', name: 'constant.language.none.dockerfile' },
      { match: '(?<=\\s)((?i:CMD))(?=\\s|$)', captures: { 1: { name: kw } } },
      { include: '#exec-form' }, { include: '#shell-form' },
    ]),
    'shell-instruction': instr('SHELL', 'shell', [{ include: '#exec-form' }]),
    copy: instr('COPY|ADD', 'copy', [
      { include: '#flag' }, { include: '#exec-form' }, { include: '#heredoc-file' },
      { include: '#string' }, { include: '#variable' },
    ]),
    env: instr('ENV|LABEL', 'env', [{ include: '#key-value' }, { include: '#string' }, { include: '#variable' }]),
    arg: instr('ARG', 'arg', [{ include: '#key-value' }, { match: '(?<=\\s)[A-Za-z_][A-Za-z0-9_]*(?=\\s|$)', name: 'variable.other.definition.dockerfile' }, { include: '#string' }, { include: '#variable' }]),
    expose: instr('EXPOSE', 'expose', [
      { match: '(?<=\\s)(\\d+(?:-\\d+)?)(?:(/)((?i:tcp|udp|sctp)))?(?=\\s|$)', captures: { 1: { name: 'constant.numeric.port.dockerfile' }, 2: { name: 'punctuation.separator.protocol.dockerfile' }, 3: { name: 'constant.language.protocol.dockerfile' } } },
      { include: '#variable' },
    ]),
    generic: instr('MAINTAINER|VOLUME|USER|WORKDIR|STOPSIGNAL|ONBUILD', 'other', [{ include: '#exec-form' }, { include: '#string' }, { include: '#variable' }]),

    // --name or --name=value (https://docs.docker.com/reference/dockerfile/ flags of FROM/RUN/COPY/ADD/HEALTHCHECK)
    flag: {
      match: '(?<=\\s)(--)([a-z][a-z0-9-]*)(?:(=)((?:"[^"]*"|\'[^\']*\'|[^\\s])*))?',
      captures: {
        0: { name: 'meta.flag.dockerfile' },
        1: { name: 'punctuation.definition.flag.dockerfile' },
        2: { name: 'variable.parameter.flag.dockerfile' },
        3: { name: 'keyword.operator.assignment.dockerfile' },
        4: { name: 'string.unquoted.flag-value.dockerfile', patterns: [{ include: '#variable' }] },
      },
    },
    'key-value': {
      match: '(?<=\\s)([A-Za-z_][A-Za-z0-9_.-]*)(=)',
      captures: { 1: { name: 'variable.other.key.dockerfile' }, 2: { name: 'keyword.operator.assignment.dockerfile' } },
    },
    variable: {
      patterns: [
        { match: '\\\\\\$', name: 'constant.character.escape.dockerfile' },
        {
          match: '(\\$)(\\{)([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([^}]*))?(\\})',
          name: 'variable.other.dockerfile',
          captures: { 1: { name: 'punctuation.definition.variable.dockerfile' }, 2: { name: 'punctuation.section.braces.begin.dockerfile' }, 4: { name: 'keyword.operator.modifier.dockerfile' }, 5: { name: 'string.unquoted.default.dockerfile' }, 6: { name: 'punctuation.section.braces.end.dockerfile' } },
        },
        { match: '(\\$)([A-Za-z_][A-Za-z0-9_]*)', name: 'variable.other.dockerfile', captures: { 1: { name: 'punctuation.definition.variable.dockerfile' } } },
      ],
    },
    string: {
      patterns: [
        { begin: '"', end: '"|(?<!\\\\)$', name: 'string.quoted.double.dockerfile', beginCaptures: { 0: { name: 'punctuation.definition.string.begin.dockerfile' } }, endCaptures: { 0: { name: 'punctuation.definition.string.end.dockerfile' } }, patterns: [{ match: '\\\\.', name: 'constant.character.escape.dockerfile' }, { include: '#variable' }] },
        { begin: "'", end: "'|(?<!\\\\)$", name: 'string.quoted.single.dockerfile', beginCaptures: { 0: { name: 'punctuation.definition.string.begin.dockerfile' } }, endCaptures: { 0: { name: 'punctuation.definition.string.end.dockerfile' } } },
      ],
    },
    // https://docs.docker.com/reference/dockerfile/#shell-and-exec-form: a JSON array of strings.
    'exec-form': {
      begin: '(?:(?<=^)|(?<=\\s))(\\[)(?=\\s*(?:"|\\]|\\\\?\\s*$))',
      end: '(\\])',
      name: 'meta.exec-form.dockerfile',
      beginCaptures: { 1: { name: 'punctuation.definition.array.begin.dockerfile' } },
      endCaptures: { 1: { name: 'punctuation.definition.array.end.dockerfile' } },
      patterns: [
        { include: '#line-continuation' },
        { begin: '"', end: '"', name: 'string.quoted.double.json.dockerfile', beginCaptures: { 0: { name: 'punctuation.definition.string.begin.dockerfile' } }, endCaptures: { 0: { name: 'punctuation.definition.string.end.dockerfile' } }, patterns: [{ match: '\\\\(?:["\\\\/bfnrt]|u[0-9a-fA-F]{4})', name: 'constant.character.escape.json.dockerfile' }, { include: '#variable' }] },
        { match: ',', name: 'punctuation.separator.array.dockerfile' },
      ],
    },
    'shell-form': {
      begin: '(?=[^\\s\\[\\\\])(?!--)',
      // ends at a line end without a `\\` continuation (unless a shell string is still open: then the
      // shell grammar's rule is on top and the instruction's `while` still bounds it)
      end: '(?<!\\\\)(?<!\\\\[ \\t])(?<!\\\\[ \\t]{2})$',
      name: 'meta.embedded.block.shell',
      patterns: [{ include: 'source.shell' }],
    },
    // A shell-form line that also opens a heredoc: words before the marker are not embedded (the
    // heredoc body follows on the next lines and needs our own rule).
    'shell-form-with-heredoc': {
      match: '(?<=\\s)[^\\s<\\[-][^<]*?(?=<<-?\\s*["\']?[A-Za-z_])',
      name: 'meta.embedded.line.shell',
      captures: { 0: { patterns: [{ include: '#string' }, { include: '#variable' }] } },
    },
    'heredoc-marker': {
      match: '(<<-?)\\s*(["\']?)([A-Za-z_][A-Za-z0-9_]*)(\\2)',
      captures: { 1: { name: 'keyword.operator.heredoc.dockerfile' }, 2: { name: 'punctuation.definition.string.begin.dockerfile' }, 3: { name: 'keyword.control.heredoc-token.dockerfile' }, 4: { name: 'punctuation.definition.string.end.dockerfile' } },
    },
    'heredoc-run': heredoc('run', [
      heredocBody('python', 'meta.embedded.block.python', 'source.python'),
      heredocBody('node', 'meta.embedded.block.javascript', 'source.js'),
      heredocBody('(?:ba|z|da|a|k)?sh\\b', 'meta.embedded.block.shell', 'source.shell'),
      { begin: '^(?=\\t*#!)', while: LONE_WORD_END, contentName: 'string.unquoted.heredoc.dockerfile' },
      { begin: '^', while: LONE_WORD_END, contentName: 'meta.embedded.block.shell', patterns: [{ include: 'source.shell' }] },
    ]),
    'heredoc-file': heredoc('file', [
      heredocBody('python', 'meta.embedded.block.python', 'source.python'),
      heredocBody('node', 'meta.embedded.block.javascript', 'source.js'),
      heredocBody('(?:ba|z|da|a|k)?sh\\b', 'meta.embedded.block.shell', 'source.shell'),
      { begin: '^', while: LONE_WORD_END, contentName: 'string.unquoted.heredoc.dockerfile' },
    ]),
  },
};

function heredoc(kind, bodies) {
  return {
    name: `meta.heredoc.${kind}.dockerfile`,
    // group 5 = the rest of the marker's line (more markers, destination path, variables)
    begin: '(<<-?)\\s*(["\']?)([A-Za-z_][A-Za-z0-9_]*)(\\2)(.*)$',
    beginCaptures: { 1: { name: 'keyword.operator.heredoc.dockerfile' }, 2: { name: 'punctuation.definition.string.begin.dockerfile' }, 3: { name: 'keyword.control.heredoc-token.dockerfile' }, 4: { name: 'punctuation.definition.string.end.dockerfile' }, 5: { patterns: [{ include: '#heredoc-marker' }, { include: '#string' }, { include: '#variable' }] } },
    end: '^(\\t*)(\\3)(?=\\s*$)',
    endCaptures: { 2: { name: 'keyword.control.heredoc-token.dockerfile' } },
    patterns: bodies,
  };
}

// https://docs.docker.com/build/concepts/context/#dockerignore-files (Go filepath.Match + `**`, `!` exceptions)
const dockerignore = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Docker Ignore',
  scopeName: 'source.dockerignore',
  patterns: [
    { match: '^\\s*((#).*)$', captures: { 1: { name: 'comment.line.number-sign.dockerignore' }, 2: { name: 'punctuation.definition.comment.dockerignore' } } },
    { begin: '^\\s*(!)', beginCaptures: { 1: { name: 'keyword.operator.negation.dockerignore' } }, end: '$', name: 'meta.pattern.exception.dockerignore', patterns: [{ include: '#glob' }] },
    { begin: '^(?=\\s*\\S)', end: '$', name: 'meta.pattern.dockerignore', patterns: [{ include: '#glob' }] },
  ],
  repository: {
    glob: {
      patterns: [
        { match: '\\\\.', name: 'constant.character.escape.dockerignore' },
        { match: '\\*\\*', name: 'keyword.operator.glob.globstar.dockerignore' },
        { match: '[*?]', name: 'keyword.operator.glob.wildcard.dockerignore' },
        { match: '(\\[)(\\^|!)?((?:\\\\.|[^\\]\\\\])*)(\\])', name: 'constant.other.character-class.dockerignore', captures: { 1: { name: 'punctuation.definition.character-class.begin.dockerignore' }, 2: { name: 'keyword.operator.negation.dockerignore' }, 4: { name: 'punctuation.definition.character-class.end.dockerignore' } } },
        { match: '/', name: 'punctuation.separator.path.dockerignore' },
        { match: '[^*?\\[\\\\/]+', name: 'string.unquoted.path.dockerignore' },
      ],
    },
  },
};

export const grammars = { 'dockerfile.tmLanguage.json': dockerfile, 'dockerignore.tmLanguage.json': dockerignore };
export const serialize = g => JSON.stringify(g, null, 2) + '\n';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = join(dirname(fileURLToPath(import.meta.url)), '..');
  if (process.argv.includes('--check')) {
    const stale = Object.entries(grammars).filter(([file, g]) => readFileSync(join(out, file), 'utf8') !== serialize(g));
    if (stale.length) { console.error(`stale: ${stale.map(([f]) => f).join(', ')} (run node syntaxes/src/generate.mjs)`); process.exit(1); }
  } else {
    for (const [file, g] of Object.entries(grammars)) writeFileSync(join(out, file), serialize(g));
    console.log('wrote', Object.keys(grammars).join(', '));
  }
}
