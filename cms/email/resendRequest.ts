import { z } from 'zod'

/** The body: some failed emails by id, or all failed ones. */
export const resendRequest = z.union([
  z
    .object({
      ids: z
        .array(z.union([z.string().min(1), z.number()]))
        .min(1)
        .max(1000),
    })
    .strict(),
  z.object({ all: z.literal(true) }).strict(),
])
export type ResendRequest = z.infer<typeof resendRequest>
