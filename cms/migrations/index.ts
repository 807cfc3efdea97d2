import * as migration_20261128_101535_initial from './20261128_101535_initial';
import * as migration_20261128_111318_comment_pages from './20261128_111318_comment_pages';
import * as migration_20261128_113631_rate_limits from './20261128_113631_rate_limits';

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
    up: migration_20261128_113631_rate_limits.up,
    down: migration_20261128_113631_rate_limits.down,
    name: '20261128_113631_rate_limits'
  },
];
