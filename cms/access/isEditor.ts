import type { Access } from 'payload'

/** Editors are the logged-in users of the admin; the public never writes through Payload's REST. */
export const isEditor: Access = ({ req }) => Boolean(req.user)
