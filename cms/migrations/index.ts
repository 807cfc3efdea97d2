import * as migration_20261127_195943_initial from './20261127_195943_initial';
import * as migration_20261127_202030_comments from './20261127_202030_comments';
import * as migration_20261127_202555_subscriptions from './20261127_202555_subscriptions';
import * as migration_20261127_213716_site_build from './20261127_213716_site_build';
import * as migration_20261127_213858_shares from './20261127_213858_shares';
import * as migration_20261127_214047_redirects from './20261127_214047_redirects';

export const migrations = [
  {
    up: migration_20261127_195943_initial.up,
    down: migration_20261127_195943_initial.down,
    name: '20261127_195943_initial',
  },
  {
    up: migration_20261127_202030_comments.up,
    down: migration_20261127_202030_comments.down,
    name: '20261127_202030_comments',
  },
  {
    up: migration_20261127_202555_subscriptions.up,
    down: migration_20261127_202555_subscriptions.down,
    name: '20261127_202555_subscriptions',
  },
  {
    up: migration_20261127_213716_site_build.up,
    down: migration_20261127_213716_site_build.down,
    name: '20261127_213716_site_build',
  },
  {
    up: migration_20261127_213858_shares.up,
    down: migration_20261127_213858_shares.down,
    name: '20261127_213858_shares',
  },
  {
    up: migration_20261127_214047_redirects.up,
    down: migration_20261127_214047_redirects.down,
    name: '20261127_214047_redirects'
  },
];
