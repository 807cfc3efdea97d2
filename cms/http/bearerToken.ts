/** The token of an `Authorization: Bearer <token>` header. */
export const bearerToken = (headers: Headers): string | undefined =>
  /^Bearer\s+(\S+)$/i.exec(headers.get('authorization') ?? '')?.[1]
