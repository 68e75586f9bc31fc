//! Node/V8 flags the language server is launched with (the VS Code client's execArgv, the
//! benchmark, and the README's command for other editors). A 2 MiB young generation keeps
//! RSS near 80 MiB on 20,000-line files at no measurable latency cost (bench/run.ts);
//! these flags must be given at launch: V8 ignores them once the heap exists.
export const SERVER_NODE_FLAGS: string[] = ['--max-semi-space-size=2'];
