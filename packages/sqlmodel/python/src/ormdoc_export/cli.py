"""Command line of the exporter: `python -m ormdoc_export <target> ...` (see the package docstring)."""
import gc
import json
import os
import sys

EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_DEPENDENCY = 3
EXIT_IMPORT = 4
EXIT_NOT_FOUND = 5


def fail(exit_code, code, message, hint=None, file=None, line=None, details=None):
    if details:
        sys.stderr.write(details.rstrip() + "\n")
    sys.stderr.write("ormdoc-export: error: %s\n" % message)
    if hint:
        sys.stderr.write("  hint: %s\n" % hint)
    payload = {"code": code, "message": message}
    for key, value in (("hint", hint), ("file", file), ("line", line)):
        if value is not None:
            payload[key] = value
    sys.stderr.write("ORMDOC_ERROR " + json.dumps(payload) + "\n")
    sys.exit(exit_code)


def main(argv):
    import argparse

    parser = argparse.ArgumentParser(
        prog="ormdoc_export",
        description="Export SQLAlchemy/SQLModel metadata as ormdoc JSON.",
    )
    parser.add_argument("target", help="package.module or path/to/file.py, optionally :attr")
    parser.add_argument("--dialect", default="postgresql", choices=["postgresql", "mysql", "sqlite"])
    parser.add_argument("--out", help="write the JSON to this file instead of stdout")
    parser.add_argument(
        "--compact",
        action="store_true",
        help="JSON on one line without spaces (what ormdoc reads; faster) instead of the formatter's layout",
    )
    parser.add_argument(
        "--ddl",
        action="store_true",
        help="print SQLAlchemy's own DDL (what metadata.create_all emits) instead of the JSON",
    )
    parser.add_argument(
        "--env-file",
        help="read settings the models need at import from this file (default: .env in the working "
        "directory when it exists; variables already set win)",
    )
    parser.add_argument("--no-env-file", action="store_true", help="do not read a .env file")
    parser.add_argument(
        "--inputs",
        help="also write, to this file, what the export depended on: the files of the modules it "
        "loaded outside the standard library and site-packages, those folders, the interpreter (JSON)",
    )
    args = parser.parse_args(argv)

    env_file = args.env_file or (".env" if os.path.isfile(".env") else None)
    if env_file and not args.no_env_file:
        from .dotenv import load_env_file

        try:
            count = load_env_file(env_file)
        except OSError as e:
            fail(EXIT_NOT_FOUND, "INPUT_NOT_FOUND", "Cannot read the env file %s: %s" % (env_file, e.strerror),
                 hint="Pass an existing file to --env-file, or --no-env-file.")
        sys.stderr.write("ormdoc-export: read %d variable(s) from %s\n" % (count, env_file))

    try:
        import sqlalchemy  # noqa: F401
    except ImportError:
        fail(
            EXIT_DEPENDENCY,
            "DEPENDENCY_MISSING",
            "SQLAlchemy is not installed for the Python interpreter %s (Python %s)."
            % (sys.executable, sys.version.split()[0]),
            hint="Install it in that environment (`%s -m pip install sqlalchemy`, plus sqlmodel if you use it), "
            "or point ormdoc at the interpreter of your project (--python path/to/venv/bin/python)."
            % sys.executable,
        )

    # Importing models builds ~1,000 long-lived objects per class; with the default thresholds the
    # collector rescans all of them many times (a quarter of the run at 1,000 classes). Young
    # garbage is still collected; full collections become rare.
    gc.set_threshold(10000, 10, 100)

    from .loader import LoadError, load_metadata

    try:
        loaded = load_metadata(args.target, os.getcwd())
    except LoadError as e:
        exit_code = {
            "DEPENDENCY_MISSING": EXIT_DEPENDENCY,
            "MODULE_LOAD_FAILED": EXIT_IMPORT,
        }.get(e.code, EXIT_NOT_FOUND)
        fail(exit_code, e.code, e.message, hint=e.hint, file=e.file, line=e.line, details=e.details)

    # Everything the import built lives until the process ends: move it out of the collector's
    # sight, so that the collections during configure_mappers() and the export do not rescan it
    # (a quarter of the run at 3,000 classes). Python 3.7+.
    if hasattr(gc, "freeze"):
        gc.freeze()

    if args.ddl:
        from .ddl import create_all_ddl

        text = create_all_ddl(loaded.metadata, args.dialect)
    else:
        from .export import export_metadata
        from .jsonfmt import compact_json, format_json

        document = export_metadata(loaded, args.dialect, os.getcwd())
        text = compact_json(document) if args.compact else format_json(document)

    if args.inputs:
        from .inputs import write_inputs

        write_inputs(args.inputs)

    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
    return 0




def run(argv: "list[str] | None" = None) -> int:
    """main() with the exit codes above; an unexpected exception is reported as a bug (exit 1)."""
    try:
        return main(sys.argv[1:] if argv is None else argv)
    except SystemExit:
        raise
    except BaseException as exc:  # pragma: no cover - reported as a bug
        import traceback

        fail(
            EXIT_INTERNAL,
            "INTERNAL",
            "The ormdoc exporter failed unexpectedly: %s: %s" % (type(exc).__name__, exc),
            hint="Please report this with the models that caused it.",
            details=traceback.format_exc(),
        )
        return EXIT_INTERNAL
