//! Node/V8 flags the language server is launched with (the VS Code client's execArgv, the
//! benchmark, and the README's command for other editors). These flags must be given at
//! launch: V8 ignores them once the heap exists. Measured on the 20,000-line bench file
//! (`npm run bench`, LSP section), each at no measurable latency cost:
//! - `--max-semi-space-size=2`: a 2 MiB young generation instead of up to 16 MiB;
//! - `--v8-pool-size=1`: one V8 helper thread instead of one per core (the server's work is
//!   single-threaded anyway); each thread's malloc arena held 8–10 MiB of RSS.
export const SERVER_NODE_FLAGS: string[] = ['--max-semi-space-size=2', '--v8-pool-size=1'];
