import { BackupError } from './backupError'

/** Runs a backup command: a refusal is one line on stderr and exit 1, anything else its stack. */
export async function runCommand(command: () => Promise<string>): Promise<never> {
  try {
    console.log(await command())
    process.exit(0)
  } catch (error) {
    if (!(error instanceof BackupError)) throw error
    console.error(error.message)
    process.exit(1)
  }
}
