"""Checks on the shape of the code itself (issue 19), read with `ast` from src/newsprism:

- a function over `MAX_FUNCTION_LINES` lines, or a module over `MAX_MODULE_LINES`, says why
  in its docstring ("Long because ...");
- no module imports another module's private (`_name`) names, nor a private module of
  another package;
- no import cycle among the modules, counting the imports that run when a module is loaded
  (not those under `if TYPE_CHECKING:`); an import inside a function that would close a cycle
  carries a comment on its line or the line above saying why it is there.

Each checker is also run on a small made-up source that breaks its rule, so a checker that
stops seeing anything fails here rather than passing silently. Complexity (ruff C901) and
types (mypy) are checked by `make lint`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "newsprism"
MAX_FUNCTION_LINES = 80  # issue 19's bar
MAX_MODULE_LINES = 500  # past this a module usually holds two subjects
REASON = "Long because"


def modules(root: Path = SRC) -> dict[str, tuple[Path, bool]]:
    """Dotted module name -> (file, is a package's __init__)."""
    out = {}
    for path in sorted((root / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        is_pkg = parts[-1] == "__init__"
        out[".".join(parts[:-1] if is_pkg else parts)] = (path, is_pkg)
    return out


def _span(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    return (node.end_lineno or node.lineno) - node.lineno + 1


def long_functions(source: str) -> list[tuple[str, int, int]]:
    """(name, line, length) of each function over the limit without a reason."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) \
                and _span(node) > MAX_FUNCTION_LINES \
                and REASON not in (ast.get_docstring(node) or ""):
            out.append((node.name, node.lineno, _span(node)))
    return out


def long_module(source: str) -> bool:
    """The module is over the limit and its docstring does not say why."""
    return len(source.splitlines()) > MAX_MODULE_LINES \
        and REASON not in (ast.get_docstring(ast.parse(source)) or "")


def _target(module: str, is_pkg: bool, node: ast.ImportFrom) -> str:
    """The absolute module a `from ... import` reads from."""
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_pkg else module.split(".")[:-1]
    base = base[:len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _package_of(module: str, known: dict[str, tuple[Path, bool]]) -> str:
    return module if known.get(module, (None, False))[1] else module.rpartition(".")[0]


def private_imports(module: str, is_pkg: bool, source: str,
                    known: dict[str, tuple[Path, bool]]) -> list[str]:
    """What `module` takes from another project module that the other keeps private: a
    `_name` it imports or reads as an attribute, or a `_module` outside its own package."""
    own_package = module if is_pkg else module.rpartition(".")[0]
    out = []
    bound: dict[str, str] = {}  # local name -> project module it stands for
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            target = _target(module, is_pkg, node)
            if not target.startswith(PACKAGE):
                continue
            for alias in node.names:
                full = f"{target}.{alias.name}"
                if full in known:
                    bound[alias.asname or alias.name] = full
                if _is_private(alias.name) and target != module:
                    out.append(f"line {node.lineno}: {alias.name} from {target}")
            hidden = [p for p in target.split(".") if _is_private(p)]
            if hidden and _package_of(target, known) != own_package:
                out.append(f"line {node.lineno}: private module {target}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(PACKAGE) and any(
                        _is_private(p) for p in alias.name.split(".")):
                    out.append(f"line {node.lineno}: private module {alias.name}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id in bound and _is_private(node.attr):
            out.append(f"line {node.lineno}: {node.value.id}.{node.attr}")
    return out


def _imports(module: str, is_pkg: bool, tree: ast.AST, known: dict[str, tuple[Path, bool]]
             ) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool, list[str]]]:
    """(import node, inside a function, project modules it loads) for every import that
    runs (those under `if TYPE_CHECKING:` do not)."""

    def walk(node: ast.AST, in_function: bool) -> Iterator[tuple[ast.Import | ast.ImportFrom,
                                                                 bool, list[str]]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                yield from walk(ast.Module(body=child.orelse, type_ignores=[]), in_function)
                continue
            if isinstance(child, ast.ImportFrom):
                target = _target(module, is_pkg, child)
                loads = [f"{target}.{a.name}" if f"{target}.{a.name}" in known else target
                         for a in child.names]
                yield child, in_function, sorted({m for m in loads if m in known})
            elif isinstance(child, ast.Import):
                yield child, in_function, sorted({a.name for a in child.names if a.name in known})
            yield from walk(child, in_function or isinstance(
                child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)))

    return walk(tree, False)


def import_graph(known: dict[str, tuple[Path, bool]]
                 ) -> tuple[dict[str, set[str]], list[tuple[str, str, Path, int, bool]]]:
    """(module -> modules it imports when loaded, the imports inside functions as (module,
    target, file, line, has a comment on its line or the line above))."""
    graph: dict[str, set[str]] = {}
    lazy = []
    for module, (path, is_pkg) in known.items():
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        graph[module] = set()
        for node, in_function, targets in _imports(module, is_pkg, ast.parse(source), known):
            if not in_function:
                graph[module].update(t for t in targets if t != module)
                continue
            commented = "#" in lines[node.lineno - 1] or (
                node.lineno >= 2 and lines[node.lineno - 2].strip().startswith("#"))
            lazy.extend((module, t, path, node.lineno, commented) for t in targets)
    return graph, lazy


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    out.append(sorted(component))
    return out


def _reaches(graph: dict[str, set[str]], start: str, goal: str) -> bool:
    seen, todo = {start}, [start]
    while todo:
        node = todo.pop()
        if node == goal:
            return True
        for nxt in graph.get(node, ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return False


def _report(problems: Iterable[str]) -> str:
    return "\n".join(problems)


# -- the checks on the project ---------------------------------------------------------------

def test_long_functions_say_why() -> None:
    problems = [f"{path.relative_to(SRC)}:{line} {name} ({n} lines)"
                for path, _ in modules().values()
                for name, line, n in long_functions(path.read_text(encoding="utf-8"))]
    assert not problems, (f"functions over {MAX_FUNCTION_LINES} lines: split them or say "
                          f"'{REASON} ...' in the docstring\n" + _report(problems))


def test_long_modules_say_why() -> None:
    problems = [str(path.relative_to(SRC)) for path, _ in modules().values()
                if long_module(path.read_text(encoding="utf-8"))]
    assert not problems, (f"modules over {MAX_MODULE_LINES} lines: split them or say "
                          f"'{REASON} ...' in the module docstring\n" + _report(problems))


def test_no_module_imports_a_private_name() -> None:
    known = modules()
    problems = [f"{module}: {p}" for module, (path, is_pkg) in known.items()
                for p in private_imports(module, is_pkg, path.read_text(encoding="utf-8"),
                                         known)]
    assert not problems, ("make the name public where it is defined (and rename its uses)\n"
                          + _report(problems))


def test_no_import_cycle() -> None:
    graph, _ = import_graph(modules())
    assert len(graph) > 50  # the whole package was read
    assert not cycles(graph), cycles(graph)


def test_lazy_imports_that_close_a_cycle_say_why() -> None:
    graph, lazy = import_graph(modules())
    problems = [f"{path.relative_to(SRC)}:{line} {module} -> {target}"
                for module, target, path, line, commented in lazy
                if not commented and target != module and _reaches(graph, target, module)]
    assert not problems, ("an import inside a function that would close an import cycle "
                          "needs a comment saying why\n" + _report(problems))


# -- the checkers see what they should (made-up sources) -------------------------------------

def _function(lines: int, doc: str) -> str:
    body = "".join(f"    x{i} = {i}\n" for i in range(lines - 2))
    return f'def f():\n    """{doc}"""\n{body}'


def test_long_function_checker() -> None:
    assert long_functions(_function(MAX_FUNCTION_LINES + 1, "Does things.")) \
        == [("f", 1, MAX_FUNCTION_LINES + 1)]
    assert long_functions(_function(MAX_FUNCTION_LINES + 1, f"{REASON} it must.")) == []
    assert long_functions(_function(MAX_FUNCTION_LINES, "Does things.")) == []
    assert long_module("x = 1\n" * (MAX_MODULE_LINES + 1))
    assert not long_module(f'"""{REASON} it is a table."""\n' + "x = 1\n" * MAX_MODULE_LINES)


def test_private_import_checker() -> None:
    known = {"newsprism.a": (Path("a.py"), False), "newsprism.b": (Path("b.py"), False),
             "newsprism.p": (Path("p/__init__.py"), True),
             "newsprism.p._common": (Path("p/_common.py"), False),
             "newsprism.p.c": (Path("p/c.py"), False)}
    assert private_imports("newsprism.a", False, "from .b import _hidden, shown\n", known) \
        == ["line 1: _hidden from newsprism.b"]
    assert private_imports("newsprism.a", False, "from . import b\nb._hidden()\n", known) \
        == ["line 2: b._hidden"]
    assert private_imports("newsprism.a", False, "from .p._common import x\n", known) \
        == ["line 1: private module newsprism.p._common"]
    assert private_imports("newsprism.p.c", False, "from ._common import x\n", known) == []
    assert private_imports("newsprism.a", False, "from . import __version__\n", known) == []
    assert private_imports("newsprism.a", False, "from os import _exit\n", known) == []


def test_cycle_checker() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set(), "c": {"a", "b"}}) == []
    tree = ast.parse("from typing import TYPE_CHECKING\nfrom . import b\n"
                     "if TYPE_CHECKING:\n    from .c import C\n"
                     "def f():\n    from .d import g\n")
    known = {m: (Path(), False) for m in ("newsprism.a", "newsprism.b", "newsprism.c",
                                          "newsprism.d")}
    found = [(in_function, targets) for _, in_function, targets
             in _imports("newsprism.a", False, tree, known) if targets]
    assert found == [(False, ["newsprism.b"]), (True, ["newsprism.d"])]
