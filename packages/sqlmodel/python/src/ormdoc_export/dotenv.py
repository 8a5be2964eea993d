"""Read a project's `.env` the way python-dotenv and pydantic-settings do, for settings the models
read at import time. Variables already set in the environment win."""

import os
import re
from typing import Dict

_LINE = re.compile(r"^\s*(?:export\s+)?(?P<key>[A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(?P<value>.*?)\s*$")


def parse_env_file(text: str) -> Dict[str, str]:
    values: Dict[str, str] = {}
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        m = _LINE.match(raw)
        if not m:
            continue
        value = m.group("value")
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            quote, value = value[0], value[1:-1]
            if quote == '"':
                value = value.replace("\\n", "\n").replace('\\"', '"')
        elif value[:1] and value[0] in "'\"" and value[0] in value[1:]:
            # a quoted value followed by a comment: KEY="a b" # note
            value = value[1 : value.index(value[0], 1)]
        else:
            value = re.split(r"\s+#", value, maxsplit=1)[0].strip()
        values[m.group("key")] = value
    return values


def load_env_file(path: str) -> int:
    """Set the file's variables that are not set yet; returns how many were set."""
    with open(path, encoding="utf-8") as fh:
        values = parse_env_file(fh.read())
    count = 0
    for key, value in values.items():
        if key not in os.environ:
            os.environ[key] = value
            count += 1
    return count
