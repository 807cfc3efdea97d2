/** A refusal the backup and restore commands print as one line (exit 1), without a stack trace. */
export class BackupError extends Error {
  override name = 'BackupError'
}
