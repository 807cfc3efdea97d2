import * as migration_20261127_195943_initial from './20261127_195943_initial';

export const migrations = [
  {
    up: migration_20261127_195943_initial.up,
    down: migration_20261127_195943_initial.down,
    name: '20261127_195943_initial'
  },
];
