import { describeCms } from './cmsSuite'

const uri = process.env.TEST_MONGODB_URI
describeCms(
  'CMS on MongoDB',
  uri,
  uri ? undefined : 'TEST_MONGODB_URI is not set, so the MongoDB run of the CMS suite did not run',
)
