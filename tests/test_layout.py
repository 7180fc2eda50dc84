"""The code layout's rules: stages import only model and errors, and never the edge."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "src" / "tolltrack"
STAGES = {"ingest", "extract", "resolve", "store", "reconcile"}
EDGE = {"cli", "export", "evaluate", "runner"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return {n.split(".")[1] for n in names if n.startswith("tolltrack.") and n.count(".") >= 1}


def test_stages_do_not_import_each_other_or_the_edge() -> None:
    for stage in STAGES:
        for path in (PKG / stage).rglob("*.py"):
            bad = _imports(path) - {stage, "model", "errors"}
            assert not bad, f"{path.relative_to(PKG)} imports {sorted(bad)}"


def test_import_tolltrack_stays_light() -> None:
    code = "import sys, tolltrack; print(sorted(m for m in sys.modules if m.split('.')[0] in "
    code += "{'typer','rich','rapidfuzz','text_to_num','tolltrack'}))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['tolltrack']"
