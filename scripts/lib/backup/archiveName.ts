/** Names of backup archives (and of one being written), so a backup never packs an older one. */
export const ARCHIVE_NAME = /^leuchtturm-[0-9TZ-]+\.tar\.gz(\.partial)?$/

/** `leuchtturm-2026-12-02T041233Z.tar.gz`: sorts by time, safe in every file system. */
export function archiveName(date: Date): string {
  const iso = date.toISOString()
  return `leuchtturm-${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z.tar.gz`
}
