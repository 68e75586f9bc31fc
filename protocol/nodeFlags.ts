//! Node/V8 flags the language server is launched with (the VS Code client's execArgv, the
//! benchmark, and the README's command for other editors). These flags must be given at
//! launch: V8 ignores them once the heap exists. Measured on the 20,000-line bench file
//! (`npm run bench`, LSP section), each at no measurable latency cost:
//! - `--max-semi-space-size=2`: a 2 MiB young generation instead of up to 16 MiB;
//! - `--v8-pool-size=1`: one V8 helper thread instead of one per core (the server's work is
//!   single-threaded anyway); each thread's malloc arena held 8–10 MiB of RSS.
export const SERVER_NODE_FLAGS: string[] = ['--max-semi-space-size=2', '--v8-pool-size=1'];

/**
 * The flags for a server started by `execPath` of this runtime. Electron (desktop VS Code's
 * extension host) runs the server as Node but sets up V8's thread pool itself; its handling of
 * Node's `--v8-pool-size` could not be checked here (no Electron on these machines), and a
 * rejected flag would keep the server from starting, so only the V8 flag is passed there.
 */
export function serverNodeFlags(versions: { readonly [k: string]: string | undefined } = process.versions): string[] {
  return versions.electron ? SERVER_NODE_FLAGS.filter((f) => !f.startsWith('--v8-pool-size')) : SERVER_NODE_FLAGS;
}
