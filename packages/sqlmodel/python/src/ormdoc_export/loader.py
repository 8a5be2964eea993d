"""Import the user's module and find the MetaData to export."""

import contextlib
import importlib
import os
import re
import sys
import traceback

from .environment import installed_versions, pydantic_mismatch, python_requirement_unmet

DEPENDENCY_MODULES = ("sqlalchemy", "sqlmodel", "pydantic", "alembic", "geoalchemy2", "sqlalchemy_utils")


class LoadError(Exception):
    def __init__(self, code, message, hint=None, file=None, line=None, details=None):
        Exception.__init__(self, message)
        self.code = code
        self.message = message
        self.hint = hint
        self.file = file
        self.line = line
        self.details = details


class Loaded(object):
    def __init__(self, metadata, module, module_file, description, warnings=None):
        self.metadata = metadata
        self.module = module
        self.module_file = module_file
        self.description = description
        self.warnings = warnings or []


def split_target(target):
    """`pkg.mod:attr` / `path/to/file.py:attr` -> (module part, attr or None). Windows drives kept."""
    head, sep, attr = target.rpartition(":")
    if sep and head and not (len(head) == 1 and head.isalpha()) and "/" not in attr and "\\" not in attr:
        return head, attr or None
    return target, None


def module_name_for_file(path, cwd):
    """Dotted module name for a file under cwd when every folder on the way is a package, else None."""
    rel = os.path.relpath(path, cwd)
    if rel.startswith(".."):
        return None
    parts = rel[:-3].split(os.sep)
    folder = cwd
    for part in parts[:-1]:
        folder = os.path.join(folder, part)
        if not os.path.isfile(os.path.join(folder, "__init__.py")):
            return None
    return ".".join(parts)


def _user_frames(tb_exc, cwd):
    """The deepest traceback frame inside the user's project (not site-packages, not the exporter)."""
    here = os.path.dirname(os.path.abspath(__file__))
    best = None
    for frame in tb_exc.stack:
        if frame.filename.startswith("<"):  # <frozen os>, <string>: not a file of the project
            continue
        f = os.path.abspath(frame.filename)
        if f.startswith(here) or "site-packages" in f or "dist-packages" in f:
            continue
        if f.startswith(cwd) or best is None:
            best = frame
    return best


def _in_project(root, cwd):
    """Whether a top-level module name is the project's own (a folder or file in cwd)."""
    return os.path.isdir(os.path.join(cwd, root)) or os.path.isfile(os.path.join(cwd, root + ".py"))


def _import(module_name, cwd, display):
    try:
        # print() at import time must not corrupt the JSON on stdout
        with contextlib.redirect_stdout(sys.stderr):
            return importlib.import_module(module_name)
    except BaseException as exc:  # the user's code may raise anything, even SystemExit
        tb_exc = traceback.TracebackException.from_exception(exc)
        # the user's traceback: neither importlib's frames nor the exporter's own
        here = os.path.dirname(os.path.abspath(__file__))
        frames = [
            f
            for f in tb_exc.stack
            if "importlib" not in f.filename and not os.path.abspath(f.filename).startswith(here + os.sep)
        ]
        tb_exc.stack = traceback.StackSummary.from_list(frames[-8:])
        details = "".join(tb_exc.format()) + "Installed: %s\n" % installed_versions()
        missing = getattr(exc, "name", None) if isinstance(exc, ImportError) else None
        root = (missing or "").split(".")[0]
        if isinstance(exc, ModuleNotFoundError) and root in DEPENDENCY_MODULES:
            raise LoadError(
                "DEPENDENCY_MISSING",
                "%s imports %s, which is not installed for the Python interpreter %s."
                % (display, root, sys.executable),
                hint="Install it in that environment (`%s -m pip install %s`) or run ormdoc with your "
                "project's interpreter (--python path/to/venv/bin/python)." % (sys.executable, root),
                details=details,
            )
        frame = _user_frames(tb_exc, cwd)
        file = os.path.relpath(frame.filename, cwd).replace(os.sep, "/") if frame else None
        line = frame.lineno if frame else None
        where = " (%s:%s)" % (file, line) if file else ""
        mismatch = python_requirement_unmet(cwd) or pydantic_mismatch(exc, details)
        if not mismatch and isinstance(exc, ModuleNotFoundError) and root and not _in_project(root, cwd):
            mismatch = (
                "%s is not installed for %s: install the project's dependencies in that environment "
                "(uv sync, poetry install, pip install -r requirements.txt) or run ormdoc with the "
                "project's interpreter (--python)." % (root, sys.executable)
            )
        raise LoadError(
            "MODULE_LOAD_FAILED",
            "Importing %s failed%s: %s: %s [%s]" % (display, where, type(exc).__name__, exc, installed_versions()),
            hint=mismatch
            or "Fix the error in your module (the traceback above shows where), or check that the "
            "command runs from the project root so its imports resolve (and that settings it reads "
            "from the environment or a .env file are there).",
            file=file,
            line=line,
            details=details,
        )


def import_target(spec, cwd):
    """Import `pkg.mod` or `path/to/file.py`; returns (module, absolute file or None)."""
    if cwd not in sys.path:
        sys.path.insert(0, cwd)
    looks_like_file = spec.endswith(".py") or "/" in spec or os.sep in spec
    if looks_like_file:
        path = os.path.abspath(os.path.join(cwd, spec))
        if not os.path.isfile(path):
            raise LoadError(
                "INPUT_NOT_FOUND",
                "The models file %s does not exist (looked in %s)." % (spec, cwd),
                hint="Pass a path relative to the project root, or a dotted module name (app.models).",
            )
        folder = os.path.dirname(path)
        if folder not in sys.path:
            sys.path.insert(1, folder)
        name = module_name_for_file(path, cwd) or os.path.splitext(os.path.basename(path))[0]
        if name in sys.modules and getattr(sys.modules[name], "__file__", None) != path:
            del sys.modules[name]
        module = _import(name, cwd, spec)
        return module, path
    module = _import(spec, cwd, spec)
    file = getattr(module, "__file__", None)
    return module, os.path.abspath(file) if file else None


def _metadata_of(obj):
    from sqlalchemy import MetaData

    if isinstance(obj, MetaData):
        return obj
    try:
        md = getattr(obj, "metadata", None)
    except Exception:  # a proxy that needs a context (Flask's current_app), a property that raises
        return None
    if isinstance(md, MetaData):
        return md
    return None


def _sqlmodel_metadata():
    mod = sys.modules.get("sqlmodel")
    if mod is None:
        return None
    cls = getattr(mod, "SQLModel", None)
    md = getattr(cls, "metadata", None)
    return md if md is not None and len(md.tables) > 0 else None


def find_metadata(module, attr, display):
    if attr:
        obj = module
        for part in attr.split("."):
            if not hasattr(obj, part):
                raise LoadError(
                    "ATTR_NOT_FOUND",
                    "%s has no attribute %s." % (display, attr),
                    hint="Name a MetaData, a declarative Base or a SQLModel class defined in that module.",
                )
            obj = getattr(obj, part)
        md = _metadata_of(obj)
        if md is None:
            raise LoadError(
                "ATTR_NOT_FOUND",
                "%s:%s is a %s, not a MetaData, declarative Base or SQLModel class."
                % (display, attr, type(obj).__name__),
                hint="Point at the MetaData (e.g. Base.metadata) or at the Base class itself.",
            )
        return md, attr
    md = _sqlmodel_metadata()
    if md is not None:
        return md, "SQLModel.metadata"
    return _one_metadata([module], display)


def _one_metadata(modules, display):
    """The one MetaData (with tables) that the modules' globals reach, named as `module.attr`."""
    found = []
    for module in modules:
        for name in sorted(vars(module)):
            md = _metadata_of(getattr(module, name))
            if md is not None and not any(md is m for m, _ in found):
                label = name if module is modules[0] else "%s.%s" % (module.__name__, name)
                found.append((md, label))
    with_tables = [(m, n) for m, n in found if len(m.tables) > 0] or found
    if len(with_tables) == 1:
        return with_tables[0]
    if not with_tables:
        raise LoadError(
            "METADATA_NOT_FOUND",
            "No SQLAlchemy MetaData, declarative Base or SQLModel table was found in %s." % display,
            hint="Name it explicitly: %s:Base (or :metadata), or import your models in that module." % display,
        )
    raise LoadError(
        "METADATA_NOT_FOUND",
        "%s holds several MetaData objects (%s); ormdoc cannot tell which one to document."
        % (display, ", ".join(n for _, n in with_tables)),
        hint="Name one explicitly, e.g. %s:%s." % (display, with_tables[0][1]),
    )


# What a module that declares models contains (the TypeScript side's detection uses the same signs).
_DECLARES_MODELS = re.compile(r"__tablename__|table\s*=\s*True|\bTable\(|mapped_column\(|\bColumn\(")
_SKIPPED_FOLDERS = ("migrations", "alembic", "node_modules", "site-packages")

# The folders and files _model_module_names read: inputs of the export too (see inputs.py).
SCANNED = set()


def _model_module_names(package):
    """Dotted names of the modules under a package (regular or namespace) that declare models."""
    for root in package.__path__:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(
                d for d in dirnames if d.isidentifier() and not d.startswith(("test", "_", ".")) and d not in _SKIPPED_FOLDERS
            )
            SCANNED.add(dirpath)
            rel = os.path.relpath(dirpath, root)
            prefix = package.__name__ if rel == "." else "%s.%s" % (package.__name__, rel.replace(os.sep, "."))
            for name in sorted(filenames):
                stem = name[:-3]
                if not name.endswith(".py") or not stem.isidentifier() or stem.startswith(("test", "_")):
                    continue
                SCANNED.add(os.path.join(dirpath, name))
                try:
                    with open(os.path.join(dirpath, name), encoding="utf-8", errors="replace") as fh:
                        if not _DECLARES_MODELS.search(fh.read()):
                            continue
                except OSError:
                    continue
                yield "%s.%s" % (prefix, stem)


def _import_submodules(package, cwd, display):
    """Import the modules of a models package whose __init__ imports none of them (lazy imports):
    the classes register their tables on import. Returns the modules, package first."""
    modules = [package]
    for name in _model_module_names(package):
        modules.append(_import(name, cwd, "%s (imported as part of %s)" % (name, display)))
    return modules


def _tables_in(found):
    metadata = found[0] if found else None
    return len(metadata.tables) if metadata is not None else 0


def load_metadata(target, cwd):
    spec, attr = split_target(target)
    module, path = import_target(spec, cwd)
    warnings = []
    try:
        found = find_metadata(module, attr, spec)
    except LoadError as e:
        if e.code != "METADATA_NOT_FOUND" or not hasattr(module, "__path__"):
            raise
        found = None
    if not _tables_in(found) and hasattr(module, "__path__"):
        submodules = _import_submodules(module, cwd, spec)
        found = find_metadata(module, attr, spec) if attr or _sqlmodel_metadata() is not None else None
        if not _tables_in(found) and not attr:
            found = _one_metadata(submodules, spec)
    metadata, description = found
    if not metadata.tables:
        warnings.append(
            "%s has no tables: the modules that define the models were not imported by %s. Name the module "
            "(or package) that imports them, e.g. app.models, or import them where %s is defined."
            % (description, spec, description.split(".")[0])
        )
    return Loaded(metadata, module, path, description, warnings)
