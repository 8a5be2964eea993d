/**
 * Database driver packages TypeORM loads when a DataSource is constructed. ormdoc never connects,
 * so when one is not installed (the usual case for docs in CI) an inert stub stands in for it.
 */
const DRIVER_PACKAGES = new Set([
  'pg',
  'pg-native',
  'pg-query-stream',
  'mysql',
  'mysql2',
  'sqlite3',
  'better-sqlite3',
  'sql.js',
  'mssql',
  'oracledb',
  'mongodb',
  '@sap/hana-client',
  '@google-cloud/spanner',
]);

export function isDriverPackage(request: string): boolean {
  return DRIVER_PACKAGES.has(request);
}

/** A driver module that can be constructed against but refuses to connect. */
export function driverStubFor(request: string): Record<string, unknown> {
  const refuse = () => {
    throw new Error(`ormdoc reads entity metadata only: the ${request} driver is a stub and cannot connect.`);
  };
  return {
    __ormdocStub: true,
    Pool: refuse,
    Client: refuse,
    createPool: refuse,
    createConnection: refuse,
    Database: refuse,
    defaults: {},
  };
}
