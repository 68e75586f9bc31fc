//! Synthetic build-context facts for tests of the context rules' plumbing (not of the context engine).
import type { ContextFacts } from '../../../server/src/context/facts';
import type { ExternalFacts } from '../../../server/src/rules/defineRule';
import type { DockerfileTree } from '../../../server/src/syntax/nodes';
import { buildModel } from '../../../server/src/semantics/model';
import { contextSources } from '../../../server/src/rules/util/contextSources';

/** Build-context facts that make every context rule report on every COPY source. */
export function everythingWrong(ignorePath: string | null) {
  return (tree: DockerfileTree): ExternalFacts => {
    const sources: ContextFacts['sources'] = {};
    const sensitive: ContextFacts['sensitive'] = {};
    for (const s of contextSources(tree, buildModel(tree))) {
      sources[s.source] = {
        source: s.source, normalized: s.source, outside: false, isGlob: false, isRoot: true, remote: false,
        status: ignorePath ? 'excluded' : 'not-found', files: 3, bytes: 300, matches: [], excludedFiles: 0,
        excludedBy: ignorePath ? { index: 0, line: 0, text: s.source } : undefined, suggestion: 'elsewhere',
      };
      sensitive[s.source] = ['id_rsa'];
    }
    const context: ContextFacts = {
      root: '/ctx', ignorePath, ignoreTarget: '/ctx/.dockerignore', appendAt: { line: 0, character: 0 }, appendPrefix: '',
      includedFiles: 10, includedBytes: 1000, sources, sensitive,
      heavy: [{ path: 'node_modules', name: 'node_modules', files: 5, bytes: 500, share: 0.5, suggestedPattern: 'node_modules' }],
    };
    return { context };
  };
}

