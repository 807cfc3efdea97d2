let destination: 1 | 2 = 1

/** Where Payload's log lines go: stdout, or stderr for a script whose stdout is data. */
export const logDestination = (): 1 | 2 => destination

/** Call before the config loads (npm run privacy -- export writes its JSON to stdout). */
export function logToStderr(): void {
  destination = 2
}
