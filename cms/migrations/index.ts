import * as migration_20261128_101535_initial from './20261128_101535_initial';
import * as migration_20261202_050750_public_surface from './20261202_050750_public_surface';

export const migrations = [
  {
    up: migration_20261128_101535_initial.up,
    down: migration_20261128_101535_initial.down,
    name: '20261128_101535_initial',
  },
  {
    up: migration_20261202_050750_public_surface.up,
    down: migration_20261202_050750_public_surface.down,
    name: '20261202_050750_public_surface'
  },
];
