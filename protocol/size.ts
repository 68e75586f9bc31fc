//! Byte sizes for people, the same everywhere Dockwise shows one (build-context view, status
//! bar and report in the client; code lens, `.dockerignore` hovers and DF112 in the server).

/** Decimal units, like BuildKit's "transferring context: 2.1MB" progress line. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = -1;
  do { v /= 1000; i++; } while (v >= 1000 && i < units.length - 1);
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[i]}`;
}
