"""The app ladder of DESIGN.md, checked on the source: imports only point down, and no cycles.

Why a test and not a convention: imports hidden in functions kept "working" for months while
they tied the apps into one knot (a 33-file cycle between agenda and participation). Reading
the AST catches every import, at module top or inside a function, relative ones resolved, and
the string-based ones we can see (``import_module("x")``, ``import_string("x.y")``,
``apps.get_model("app", "Model")``). It needs no database and runs in well under a second.

The ladder, bottom to top (an app may import its own modules and any app below it):

    website (foundation: BasePage, blocks, settings, template tags)
    accounts (beside website at the bottom; it may use website, website never uses it)
    projects
    agenda
    participation
    search, opendata (read everything below; nothing imports them, not even each other)

Above all of them sits the composition root (``COMPOSITION_ROOT``): modules that wire the
apps together and so may import every app, while no app module may import them.
"""

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent

#: App → rank. Equal ranks of different apps may not import each other.
RANKS = {
    "website": 0,
    "accounts": 1,
    "projects": 2,
    "agenda": 3,
    "participation": 4,
    "search": 5,
    "opendata": 5,
}
COMPOSITION_RANK = 9

#: Modules (dotted names, or packages ending in ".") that compose every app.
COMPOSITION_ROOT = (
    "website.urls",
    "website.api",  # the API router of all apps
    "website.api_schema",  # the OpenAPI document of that router; named only from settings
    "website.settings.",
)

#: Calls that import a module named by a constant string.
STRING_IMPORTS = {"import_module", "import_string", "__import__"}


@dataclass(frozen=True)
class Import:
    path: str  # relative to the scanned root
    line: int
    source: str  # importing module
    target: str  # imported module (or module.name)
    in_function: bool


def module_name(root, path):
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules(root=PROJECT_ROOT, apps=RANKS):
    """``{dotted name: path}`` of every app module outside migrations and tests."""
    modules = {}
    for app in apps:
        for path in sorted((root / app).rglob("*.py")):
            if {"migrations", "tests"} & set(path.relative_to(root).parts):
                continue
            modules[module_name(root, path)] = path
    return modules


def _app_of(target, apps):
    app = target.split(".")[0]
    return app if app in apps else None


def _resolve_from(node, source, is_package):
    if not node.level:
        return node.module
    base = source.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _string_import(call):
    """The module a call imports by constant string, if it is one of the recognised forms."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    args = [arg.value for arg in call.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
    if name in STRING_IMPORTS and args:
        return args[0]
    if name == "get_model" and args:
        return args[0].split(".")[0]  # get_model("agenda", "X") and get_model("agenda.X")
    return None


def imports_of(root, path, source, modules, apps=RANKS):
    """Every import of an own module in one file, top level and inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    rel = str(path.relative_to(root))
    found = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            targets = []
            if isinstance(child, ast.Import):
                targets = [alias.name for alias in child.names]
            elif isinstance(child, ast.ImportFrom):
                base = _resolve_from(child, source, is_package)
                for alias in child.names:
                    candidate = f"{base}.{alias.name}"
                    targets.append(candidate if candidate in modules else base)
            elif isinstance(child, ast.Call):
                target = _string_import(child)
                if target:
                    targets = [target]
            for target in targets:
                if target and _app_of(target, apps):
                    found.append(Import(rel, child.lineno, source, target, in_function))
            nested = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            visit(child, in_function or nested)

    visit(tree, False)
    return found


def all_imports(root=PROJECT_ROOT, apps=RANKS):
    modules = project_modules(root, apps)
    found = []
    for source, path in modules.items():
        found.extend(imports_of(root, path, source, modules, apps))
    return modules, found


def is_composition(module, composition=COMPOSITION_ROOT):
    return any(module == entry or (entry.endswith(".") and module.startswith(entry)) for entry in composition)


def rank_of(module, apps=RANKS, composition=COMPOSITION_ROOT):
    return COMPOSITION_RANK if is_composition(module, composition) else apps[module.split(".")[0]]


def upward_imports(imports, apps=RANKS, composition=COMPOSITION_ROOT):
    """Readable lines for every import that points up (or sideways between two apps)."""
    problems = []
    for item in imports:
        if is_composition(item.source, composition):
            continue
        source_app, target_app = item.source.split(".")[0], item.target.split(".")[0]
        source_rank = rank_of(item.source, apps, composition)
        target_rank = rank_of(item.target, apps, composition)
        if target_rank < source_rank or (source_app == target_app and target_rank == source_rank):
            continue
        where = " (inside a function)" if item.in_function else ""
        problem = (
            f"{item.path}:{item.line} imports {item.target}{where} "
            f"({source_app}, rank {source_rank} -> {target_app}, rank {target_rank})"
        )
        if problem not in problems:  # one line for ``from x import a, b``
            problems.append(problem)
    return problems


def _module_of(target, modules):
    while target and target not in modules:
        target = target.rpartition(".")[0]
    return target or None


def import_graph(modules, imports):
    """Module → modules it imports at module top level (import time: what can form a cycle)."""
    graph = {module: set() for module in modules}
    for item in imports:
        if item.in_function:
            continue
        target = _module_of(item.target, modules)
        if target and target != item.source:
            graph[item.source].add(target)
    return graph


def import_cycles(graph):
    """One concrete cycle (list of modules, first repeated last) per strongly connected component."""
    index, low, on_stack, stack, components = {}, {}, set(), [], []

    def connect(node):  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                connect(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(component)

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return [_cycle_in(graph, component) for component in components]


def _cycle_in(graph, component):
    start = min(component)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for other in sorted(graph[node] & component):
            if other == start:
                return [*paths[node], start]
            if other not in paths:
                paths[other] = [*paths[node], other]
                queue.append(other)
    return sorted(component)  # pragma: no cover - a component always closes a cycle


# --- The project ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def project():
    return all_imports()


def test_imports_only_point_down_the_app_ladder(project):
    _modules, imports = project
    problems = upward_imports(imports)
    assert not problems, "Imports against the app ladder (DESIGN.md):\n" + "\n".join(problems)


def test_no_import_cycle_between_own_modules_at_module_top(project):
    modules, imports = project
    cycles = import_cycles(import_graph(modules, imports))
    assert not cycles, "Import cycles at module top level:\n" + "\n".join(" -> ".join(cycle) for cycle in cycles)


def test_the_scan_sees_every_app(project):
    modules, imports = project
    assert {module.split(".")[0] for module in modules} == set(RANKS)
    assert len(imports) > 100


# --- The checker catches what it should -----------------------------------------------------


def _write(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_checker_reports_an_upward_import_even_inside_a_function(tmp_path):
    _write(
        tmp_path,
        {
            "website/__init__.py": "",
            "website/blocks.py": "def poll():\n    from participation.polls import Poll\n",
            "website/urls.py": "import participation.polls\n",
            "participation/__init__.py": "",
            "participation/polls.py": "from website import blocks\n",
            "participation/views.py": "from .polls import x\nimport importlib\nimportlib.import_module('search.x')\n",
            "search/__init__.py": "",
            "search/x.py": "",
        },
    )
    ranks = {"website": 0, "participation": 4, "search": 5}
    _modules, imports = all_imports(tmp_path, ranks)
    problems = upward_imports(imports, ranks, composition=("website.urls",))
    assert problems == [
        "website/blocks.py:2 imports participation.polls (inside a function) "
        "(website, rank 0 -> participation, rank 4)",
        "participation/views.py:3 imports search.x (participation, rank 4 -> search, rank 5)",
    ]


def test_checker_forbids_importing_the_composition_root_from_an_app(tmp_path):
    _write(tmp_path, {"website/urls.py": "", "website/views.py": "from . import urls\n"})
    _modules, imports = all_imports(tmp_path, {"website": 0})
    assert upward_imports(imports, {"website": 0}, composition=("website.urls",)) == [
        "website/views.py:1 imports website.urls (website, rank 0 -> website, rank 9)"
    ]


def test_checker_reports_a_cycle_at_module_top_but_not_through_functions(tmp_path):
    _write(
        tmp_path,
        {
            "agenda/__init__.py": "",
            "agenda/a.py": "from agenda import b\n",
            "agenda/b.py": "from .c import x\n",
            "agenda/c.py": "import agenda.a\n",
            "agenda/d.py": "from agenda import a\n",
            "agenda/e.py": "def later():\n    from agenda import d\n",
        },
    )
    modules, imports = all_imports(tmp_path, {"agenda": 0})
    graph = import_graph(modules, imports)
    assert import_cycles(graph) == [["agenda.a", "agenda.b", "agenda.c", "agenda.a"]]
    graph["agenda.a"].add("agenda.e")
    assert len(import_cycles(graph)) == 1  # e imports d only inside a function: no new cycle
