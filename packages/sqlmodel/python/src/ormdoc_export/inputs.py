"""What an export depended on, for ormdoc's unchanged run (`--inputs FILE`).

The models are code that may import anything, so the inputs are what the import actually loaded:
the file of every module in sys.modules (the exporter's own included), except those of the
standard library (the interpreter stands for them) and of installed distributions (each
site-packages folder's listing stands for them: a distribution's `name-version.dist-info` folder
is in it). The caller (ormdoc) digests the
files, the folders' listings and the interpreter; it runs no Python when none of them changed.
"""

import json
import os
import site
import sys
import sysconfig


def _real(path):
    return os.path.realpath(os.path.abspath(path))


def _under(path, folders):
    return any(path == f or path.startswith(f + os.sep) for f in folders)


def site_folders():
    """The site-packages folders of this interpreter (and the user's), as real paths, that exist."""
    folders = []
    try:
        folders.extend(site.getsitepackages())
    except AttributeError:  # pragma: no cover - old virtualenv's site.py
        pass
    user = getattr(site, "getusersitepackages", lambda: None)()
    if user:
        folders.append(user)
    folders.extend(p for p in sys.path if os.path.basename(p) in ("site-packages", "dist-packages"))
    out = []
    for folder in folders:
        real = _real(folder)
        if os.path.isdir(real) and real not in out:
            out.append(real)
    return out


def standard_library():
    """The standard library's folders, as real paths."""
    paths = sysconfig.get_paths()
    return sorted({_real(paths[k]) for k in ("stdlib", "platstdlib") if paths.get(k)})


def collect_inputs():
    """The inputs of the import that just ran, as the JSON `--inputs` writes."""
    sites = site_folders()
    stdlib = standard_library()
    files = set()
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if not isinstance(file, str) or not file:
            continue
        real = _real(file)
        if _under(real, sites) or _under(real, stdlib):
            continue
        if not os.path.isfile(real):
            # loaded from somewhere that is not a file (a zip archive): not nameable
            return {"complete": False, "reason": "%s was not loaded from a file" % file}
        files.add(real)
    # what the search for model modules in a package read (loader._model_module_names): a folder's
    # listing, a file's text
    from .loader import SCANNED

    scanned = sorted(_real(p) for p in SCANNED)
    return {
        "complete": True,
        "files": sorted(files.union(p for p in scanned if os.path.isfile(p))),
        "folders": [p for p in scanned if os.path.isdir(p)],
        "sitePackages": sites,
        "executable": _real(sys.executable),
        "prefix": _real(sys.prefix),
        "version": sys.version,
    }


def write_inputs(path):
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(collect_inputs(), fh)
