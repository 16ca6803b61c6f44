"""Imports run one way: no module of the project imports, directly or through others, a module that imports it.

The layers themselves (edges > tasks > services > selectors > models) are import-linter contracts in
pyproject.toml, which bin/test runs; this test catches a circle anywhere, inside a layer too.
"""

from __future__ import annotations

import grimp
import networkx

PACKAGES = ("claims", "sources", "factcheck")


def test_no_module_of_the_project_is_part_of_an_import_circle():
    graph = grimp.build_graph(*PACKAGES)  # function-level imports included
    imports = networkx.DiGraph(
        (module, imported) for module in graph.modules for imported in graph.find_modules_directly_imported_by(module)
    )
    assert imports.number_of_nodes() > 100  # the whole project was read
    circles = [sorted(c) for c in networkx.strongly_connected_components(imports) if len(c) > 1]
    assert circles == []
