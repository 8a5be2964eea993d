"""JSON laid out like the JavaScript formatters lay it out (Biome/Prettier, line width 110):
objects expanded, arrays without objects on one line when they fit. Committed exports then pass a
repository's formatter check unchanged."""

import json
from json.encoder import encode_basestring


def _flat(v):
    """One-line rendering when the formatter would allow it (no non-empty object inside), else None."""
    if isinstance(v, dict):
        return "{}" if not v else None
    if isinstance(v, list):
        parts = [_flat(x) for x in v]
        return None if any(p is None for p in parts) else "[" + ", ".join(parts) + "]"
    return _dump(v)


def _dump(v):
    """`json.dumps(v, ensure_ascii=False)`, without its per-call setup for the common scalars."""
    t = type(v)
    if t is str:
        return encode_basestring(v)  # what json.dumps(ensure_ascii=False) does for a str
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if t is int:
        return int.__repr__(v)
    return json.dumps(v, ensure_ascii=False)


def _render(value, indent, used, width, trailing=0):
    pad = " " * (indent + 2)
    if isinstance(value, list):
        if not value:
            return "[]"
        flat = _flat(value)
        if flat is not None and used + len(flat) + trailing <= width:
            return flat
        last = len(value) - 1
        items = [pad + _render(v, indent + 2, indent + 2, width, 1 if i < last else 0) for i, v in enumerate(value)]
        return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        last = len(value) - 1
        items = []
        for i, (k, v) in enumerate(value.items()):
            head = pad + _dump(k) + ": "
            items.append(head + _render(v, indent + 2, len(head), width, 1 if i < last else 0))
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    return _dump(value)


def format_json(value, width=110):
    return _render(value, 0, 0, width) + "\n"


def compact_json(value):
    """The same document on one line, no spaces: for a program to read (ormdoc reads stdout)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"
