import { OrmdocError } from '@ormdoc/core';
import { redact } from '../connection/redact.js';
import type { DatabaseTarget } from '../connection/url.js';

interface DriverError {
  code?: string;
  message?: string;
}

/**
 * A driver or server error as an OrmdocError (exit 1) that says what failed and how to fix it.
 * Every text is redacted: pg's own messages can echo the user or the connection string. The
 * driver's error is not kept as `cause`, so `--verbose` prints no unredacted stack either.
 */
export function databaseError(error: unknown, target: DatabaseTarget): OrmdocError {
  const e = (error ?? {}) as DriverError;
  const said = redact(String(e.message ?? error), target.secrets);
  const where = target.label;
  const fail = (message: string, hint: string) =>
    new OrmdocError('DATABASE_ERROR', redact(message, target.secrets), {
      hint: redact(hint, target.secrets),
      details: [said],
    });
  switch (e.code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
    case 'ECONNRESET':
    case 'ENOENT':
      return fail(
        `Cannot reach the database server of ${where} (${e.code}).`,
        'Check the host, port and that the server is running and accepts connections from here.',
      );
    case '28P01':
    case '28000':
      return fail(
        `Authentication failed for ${where}: wrong user or password, or pg_hba.conf refuses this client.`,
        'Check the user and password (percent-encode special characters in the URL).',
      );
    case '3D000':
      return fail(
        `The database of ${where} does not exist.`,
        'Check the database name at the end of the URL.',
      );
    case '42501':
      return fail(
        `No permission to read the catalog of ${where}: ${said}`,
        'Connect as a role that can read pg_catalog (any role can by default); ask the owner to GRANT it.',
      );
    case '57014':
      return fail(
        `A catalog query on ${where} hit the statement timeout.`,
        'Raise it with --database-timeout <ms>, or read fewer schemas.',
      );
    case '25006':
      return fail(
        `The database refused a write in ormdoc's read-only transaction on ${where}.`,
        'ormdoc never writes to a database; report this if you see it.',
      );
  }
  if (/timeout/i.test(said))
    return fail(
      `Connecting to ${where} timed out.`,
      'Check the host and port, and that a firewall lets this machine in.',
    );
  if (/ssl|tls|certificate/i.test(said))
    return fail(
      `The TLS connection to ${where} failed: ${said}`,
      'Set sslmode in the URL (disable, no-verify, require, verify-full) and sslrootcert for a private CA.',
    );
  return fail(`The database ${where} returned an error: ${said}`, 'Check the URL and the server log.');
}
