#!/usr/bin/env node
// The entry is loaded dynamically so that even a failure to load ormdoc itself (a broken install)
// ends as an internal error with exit code 2, like any other bug.
import('./run.js')
  .then(({ main }) => main(process.argv.slice(2)))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(
        `internal error: ormdoc could not start. This is a bug or a broken installation.\n${stack}\n\n` +
          'Please report this as an issue in the ormdoc repository, with the output above.\n',
      );
      process.exitCode = 2;
    },
  );
