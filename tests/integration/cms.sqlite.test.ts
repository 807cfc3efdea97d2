import { describeCms } from './cmsSuite'

describeCms('CMS on embedded SQLite', undefined)
