import { z } from 'zod'
import { emailField } from '../http/schemas'

/** What export and erase take, from the admin's endpoints and the CLI alike. */
export const privacyInput = z.object({ email: emailField })
