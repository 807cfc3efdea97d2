import * as migration_20261128_101535_initial from './20261128_101535_initial';
import * as migration_20261128_111318_comment_pages from './20261128_111318_comment_pages';
import * as migration_20261128_113602_subscription_targets from './20261128_113602_subscription_targets';

export const migrations = [
  {
    up: migration_20261128_101535_initial.up,
    down: migration_20261128_101535_initial.down,
    name: '20261128_101535_initial',
  },
  {
    up: migration_20261128_111318_comment_pages.up,
    down: migration_20261128_111318_comment_pages.down,
    name: '20261128_111318_comment_pages',
  },
  {
    up: migration_20261128_113602_subscription_targets.up,
    down: migration_20261128_113602_subscription_targets.down,
    name: '20261128_113602_subscription_targets'
  },
];
