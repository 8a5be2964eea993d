"""Where a class is defined: the line `inspect.getsourcelines(cls)[1]` gives, read once per file.

inspect reads the class's whole file again for every class (Python 3.9-3.12 parse it with `ast`,
older versions match a regular expression against every line), which is quadratic in the classes
per file: minutes for a package of a thousand models. `ClassLines` indexes each file once and
answers with the rules of the running Python's inspect, so the line is the one inspect reports:

- 3.13 and later: `__firstlineno__`, which the compiler records (inspect reads it too).
- 3.9 to 3.12: the first class of the file whose qualified name matches (`Outer.Inner`,
  `f.<locals>.C`), at its first decorator when it has decorators. A scan of the lines answers for a
  top-level class when exactly one line of the file starts with `class <Name>` and it is at column 0,
  in a file without decorators; anything else (nested, decorated, defined twice, a name the scan does
  not see) gets inspect's own walk over one `ast` parse of the file. (Only a class that no `class`
  statement of its file defines, while a string in that file has a line starting `class <Name>`, would
  get that line where inspect finds none.)
- up to 3.8: inspect's `^(\\s*)class\\s*<name>\\b` over the lines, the least indented match.

None where inspect raises (a class made with `type()`, a file that cannot be read or parsed).
"""

import inspect
import linecache
import re
import sys

_WORD = re.compile(r"\w+\Z")
# a line that starts a class statement; the name ends where a class statement's name can end
_CLASS = re.compile(r"([ \t\f]*)class[ \t\f]+(\w+)(?=[\s(:\[\\])")
# lines the scan cannot judge: a decorator, or `class \` continued on the next line
_ODD = re.compile(r"[ \t\f]*(?:@|class[ \t\f]*\\)")
# inspect before 3.9 (`pat = re.compile(r'^(\s*)class\s*' + name + r'\b')`), indexed by name
_CLASS_38 = re.compile(r"(\s*)class\s*(\w+)")


class _File(object):
    """The lines of one file (as inspect reads them) and what was indexed from them so far."""

    def __init__(self, lines):
        self.lines = lines
        self._scan = None
        self.odd = False  # a decorator or a `class \` line: the scan cannot judge this file
        self._tree = None

    def scan(self, pattern):
        """name -> [(indent, line number)] of the lines matching `pattern`, in file order."""
        if self._scan is None:
            out = {}
            for i, text in enumerate(self.lines):
                if "class" not in text and "@" not in text:
                    continue
                m = pattern.match(text)
                if m:
                    out.setdefault(m.group(2), []).append((m.group(1), i + 1))
                elif _ODD.match(text):
                    self.odd = True
            self._scan = out
        return self._scan

    def qualnames(self):
        """qualname -> line of the first class with that name, as inspect's `_ClassFinder` walks."""
        if self._tree is None:
            import ast

            out = {}
            try:
                tree = ast.parse("".join(self.lines))
            except (SyntaxError, ValueError):
                tree = None
            # depth first, children in field order, like ast.NodeVisitor; the first match wins
            todo = [(tree, "")] if tree is not None else []
            while todo:
                node, prefix = todo.pop()
                if isinstance(node, ast.ClassDef):
                    name = prefix + node.name
                    decorators = node.decorator_list
                    out.setdefault(name, decorators[0].lineno if decorators else node.lineno)
                    prefix = name + "."
                elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    prefix = prefix + node.name + ".<locals>."
                todo.extend((child, prefix) for child in reversed(list(ast.iter_child_nodes(node))))
            self._tree = out
        return self._tree


class ClassLines(object):
    """`line(cls, file)`: the line inspect gives for `cls` defined in `file`, each file read once."""

    def __init__(self, version=None):
        self.version = tuple(version or sys.version_info[:2])
        self._files = {}

    def _file(self, cls, file):
        entry = self._files.get(file)
        if entry is None:
            linecache.checkcache(file)
            module = sys.modules.get(getattr(cls, "__module__", None) or "")
            lines = linecache.getlines(file, module.__dict__) if module is not None else linecache.getlines(file)
            entry = self._files[file] = _File(lines)
        return entry

    def line(self, cls, file):
        if getattr(cls, "__wrapped__", None) is not None:
            return _inspect_line(cls)  # inspect follows __wrapped__ first: leave that to it
        source = self._file(cls, file)
        if not source.lines:
            return None
        if self.version >= (3, 13):
            first = vars(cls).get("__firstlineno__")
            return first if isinstance(first, int) and first - 1 < len(source.lines) else None
        if self.version >= (3, 9):
            qualname = cls.__qualname__
            if _WORD.match(qualname):
                found = source.scan(_CLASS).get(qualname)
                if not source.odd and found and len(found) == 1 and found[0][0] == "":
                    return found[0][1]
            return source.qualnames().get(qualname)
        name = cls.__name__
        if not _WORD.match(name):
            return _inspect_line(cls)
        found = source.scan(_CLASS_38).get(name)
        if not found:
            return None
        top = [n for indent, n in found if indent == ""]
        return top[0] if top else min(found)[1]


def _inspect_line(cls):
    try:
        return inspect.getsourcelines(cls)[1]
    except (OSError, TypeError, IndexError):
        return None
