import * as migration_20261128_101535_initial from './20261128_101535_initial';

export const migrations = [
  {
    up: migration_20261128_101535_initial.up,
    down: migration_20261128_101535_initial.down,
    name: '20261128_101535_initial'
  },
];
