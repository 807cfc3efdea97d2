/**
 * A numeric setting from the environment. A value that is not a number stops the start with a
 * clear message, instead of silently turning a limit off (NaN) or to zero ("").
 */
export function numberSetting(
  name: string,
  fallback: number,
  { min = 0 }: { min?: number } = {},
): number {
  const raw = process.env[name]?.trim()
  if (!raw) return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < min)
    throw new Error(`${name}: "${raw}" is not a number of at least ${min}`)
  return value
}
