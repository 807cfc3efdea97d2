import { redact } from './maskEmail'

/** An error as the log shows it: message and stack redacted, the rest of it left out. */
function redactError(error: Error): Error {
  const copy = new Error(redact(error.message))
  copy.name = error.name
  copy.stack = error.stack && redact(error.stack)
  return copy
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redact(value)
  if (value instanceof Error) return redactError(value)
  if (value && typeof value === 'object' && !Array.isArray(value))
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        typeof inner === 'string' || inner instanceof Error ? redactValue(inner) : inner,
      ]),
    )
  return value
}

/**
 * Pino's `hooks.logMethod` for Payload's logger: every line, ours and Payload's own (a failed
 * query's message lists its parameters, addresses included), goes out without a full address or
 * a link's token (cms/utilities/maskEmail.ts).
 */
export function redactLogArguments<Args extends unknown[]>(
  this: unknown,
  args: Args,
  method: (...args: Args) => void,
): void {
  method.apply(this, args.map(redactValue) as Args)
}
