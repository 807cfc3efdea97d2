import * as migration_20261128_101535_initial from './20261128_101535_initial';
import * as migration_20261128_114835_comment_pages_digests from './20261128_114835_comment_pages_digests';

export const migrations = [
  {
    up: migration_20261128_101535_initial.up,
    down: migration_20261128_101535_initial.down,
    name: '20261128_101535_initial',
  },
  {
    up: migration_20261128_114835_comment_pages_digests.up,
    down: migration_20261128_114835_comment_pages_digests.down,
    name: '20261128_114835_comment_pages_digests'
  },
];
