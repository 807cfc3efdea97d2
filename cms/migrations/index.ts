import * as migration_20261127_195137_initial from './20261127_195137_initial';

export const migrations = [
  {
    up: migration_20261127_195137_initial.up,
    down: migration_20261127_195137_initial.down,
    name: '20261127_195137_initial'
  },
];
