"""The pure core never imports discord (directly or through bot.exts / bot.cli)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[1] / "bot" / "core"
FORBIDDEN = ("discord", "aiohttp", "bot.exts", "bot.cli", "bot.client")


def _imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


CORE_FILES = sorted(CORE.rglob("*.py"))


def test_core_has_modules() -> None:
    """The walk below actually sees the core's files."""
    assert len(CORE_FILES) >= 5


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(CORE)))
def test_core_module_does_not_import_discord(path: Path) -> None:
    """No module under bot/core imports discord or the Discord glue."""
    bad = [
        name
        for name in _imported_modules(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
    ]
    assert bad == [], f"{path.name} imports {bad}"
