"""Build step that puts the kit into the wheel; everything else is in pyproject.toml.

The samples, templates, notebooks, docs, JupyterLab settings and the Voilà app live at the top of
the checkout, where people and ``make`` find them. A wheel has no checkout around it, so when a
wheel is built they are copied into ``netkit/kit/`` (the folders named by
``netkit.paths.KIT_FOLDERS``); an editable install (``pip install -e .``) reads them where they are.
"""
from __future__ import annotations

import ast
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints", ".*")


def kit_folders() -> dict[str, str]:
    """``KIT_FOLDERS`` read from netkit/paths.py without importing netkit (its dependencies may be absent)."""
    tree = ast.parse((HERE / "netkit" / "paths.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "KIT_FOLDERS" for t in node.targets):
            return ast.literal_eval(node.value)
    raise RuntimeError("netkit/paths.py has no KIT_FOLDERS")


class BuildWithKit(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # the checkout's own folders are read in place
        kit = Path(self.build_lib) / "netkit" / "kit"
        for part, folder in kit_folders().items():
            source = HERE / folder
            if not source.is_dir():
                raise RuntimeError(f"{folder}/ is missing: build the wheel from a full checkout or its sdist")
            shutil.rmtree(kit / part, ignore_errors=True)
            shutil.copytree(source, kit / part, ignore=SKIP)


setup(cmdclass={"build_py": BuildWithKit})
