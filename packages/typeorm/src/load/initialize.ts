import Module from 'node:module';
import path from 'node:path';
import { setImmediate as immediate, setTimeout as sleep } from 'node:timers/promises';
import type { DataSourceLike } from './dataSource.js';

type DriverFactoryModule = {
  DriverFactory?: {
    create?: (dataSource: unknown) => unknown;
    new (): { create(dataSource: unknown): unknown };
  };
};

/**
 * Give the driver to a DataSource whose TypeORM copy creates it only in `initialize()` (the
 * `@n8n/typeorm` fork: `this.driver = await DriverFactory.create(this)` before connecting), the
 * way `initialize()` does, without connecting. The factory is the one beside the DataSource
 * class's own file (`<package>/…/driver/DriverFactory.js`), static and async in forks, an instance
 * method in TypeORM itself.
 */
export async function ensureDriver(dataSource: DataSourceLike): Promise<void> {
  if (dataSource.driver) return;
  const file = moduleFileOf(dataSource.constructor);
  if (!file) return;
  const factoryFile = path.join(path.dirname(path.dirname(file)), 'driver', 'DriverFactory.js');
  const { DriverFactory } = Module.createRequire(file)(factoryFile) as DriverFactoryModule;
  if (!DriverFactory) return;
  const driver =
    typeof DriverFactory.create === 'function'
      ? await DriverFactory.create(dataSource)
      : await new DriverFactory().create(dataSource);
  (dataSource as { driver: unknown }).driver = driver;
}

/** The file of the loaded CommonJS module that exports `value` as `DataSource`. */
function moduleFileOf(value: unknown): string | undefined {
  const cache = (Module as unknown as { _cache: Record<string, { exports?: unknown; filename: string }> })
    ._cache;
  for (const mod of Object.values(cache)) {
    const exports = mod?.exports as { DataSource?: unknown } | undefined;
    if (
      exports &&
      typeof exports === 'object' &&
      exports.DataSource === value &&
      /DataSource\.[cm]?js$/.test(mod.filename)
    )
      return mod.filename;
  }
  return undefined;
}

/**
 * Let the application's start-up work run before the metadata is built, as it does before its own
 * `initialize()` (which awaits a driver and a connection): decorators applied after an `await`
 * or in a `setImmediate`/`setTimeout(0)` once the model files have loaded (feature-flag columns)
 * are then registered, as TypeORM itself sees them.
 */
export async function settle(): Promise<void> {
  await immediate();
  await sleep(0);
  await immediate();
}
