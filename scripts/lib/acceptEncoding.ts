/** The precompressed variants the static server has, best first. */
export type Encoding = 'br' | 'gzip' | 'identity'

/**
 * The best encoding a request accepts (RFC 9110 §12.5.3): `q=0` refuses one, `*` stands for those
 * not named, identity is acceptable unless refused. sirv's own check would send brotli for `br;q=0`.
 */
export function negotiateEncoding(header: string | undefined): Encoding {
  const weights = new Map<string, number>()
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean)
    weights.set(name.trim(), q === undefined ? 1 : Number(q))
  }
  const weight = (name: string) => weights.get(name) ?? weights.get('*') ?? 0
  const ranked = (['br', 'gzip'] as const)
    .filter((name) => weight(name) > 0)
    .sort((a, b) => weight(b) - weight(a))
  return ranked[0] ?? 'identity'
}
