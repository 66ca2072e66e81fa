"""pyproject.toml (pip route) and environment.yml (conda route) install the same packages."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from packaging.requirements import Requirement

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    from pip._vendor import tomli as tomllib

REPO = Path(__file__).resolve().parent.parent
IGNORED = {"python", "pip"}
# pip extras that conda-forge ships as separate packages
EXTRA_PACKAGES = {("dask", "distributed"): ["distributed"]}
# PyPI name -> conda-forge name, where they differ
CONDA_NAMES = {"igraph": "python-igraph"}


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def lower_bound(specifier) -> str | None:
    bounds = [s.version for s in specifier if s.operator in (">=", "==", "~=")]
    return bounds[0] if len(bounds) == 1 else None


def pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def environment() -> dict:
    return yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))


def pip_packages() -> dict[str, str | None]:
    project = pyproject()["project"]
    lines = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        lines += extra
    out = {}
    for line in lines:
        req = Requirement(line)
        bound = lower_bound(req.specifier)
        out[norm(CONDA_NAMES.get(norm(req.name), req.name))] = bound
        for extra in sorted(req.extras):
            mapped = EXTRA_PACKAGES.get((norm(req.name), norm(extra)))
            assert mapped, f"don't know which conda packages give {line!r}; add it to EXTRA_PACKAGES"
            out.update({norm(m): bound for m in mapped})
    return out


def conda_packages() -> dict[str, str | None]:
    out = {}
    for dep in environment()["dependencies"]:
        if isinstance(dep, dict):  # the `pip:` section
            continue
        m = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*(.*?)\s*", dep)
        assert m, f"can't read environment.yml entry {dep!r}"
        name, spec = norm(m.group(1)), m.group(2)
        if name in IGNORED:
            continue
        bounds = re.findall(r"(?:>=|==)\s*([0-9][^,|\s]*)", spec)
        out[name] = bounds[0] if len(bounds) == 1 else None
    return out


def test_same_packages_and_lower_bounds():
    pip, conda = pip_packages(), conda_packages()

    def bound(b):
        return f">={b}" if b else " (no lower bound)"

    def only_in(where, have, other):
        return [f"only in {where}: {n}{bound(have[n])}" for n in sorted(have.keys() - other.keys())]

    problems = only_in("pyproject.toml", pip, conda) + only_in("environment.yml", conda, pip)
    problems += [
        f"{n}: pyproject.toml{bound(pip[n])}, environment.yml{bound(conda[n])}"
        for n in sorted(pip.keys() & conda.keys())
        if pip[n] != conda[n]
    ]
    assert not problems, "pyproject.toml and environment.yml disagree:\n  " + "\n  ".join(problems)


def test_python_bound_matches_requires_python():
    requires = pyproject()["project"]["requires-python"]
    deps = environment()["dependencies"]
    conda_python = [d for d in deps if isinstance(d, str) and re.match(r"python\b", d)]
    assert conda_python, "environment.yml does not pin python"
    assert re.sub(r"\s", "", conda_python[0]) == "python" + re.sub(r"\s", "", requires)


def test_environment_uses_conda_forge_and_installs_netkit():
    env = environment()
    assert "conda-forge" in env.get("channels", []), "environment.yml must use conda-forge"
    assert "pip" in env["dependencies"], "environment.yml needs pip to install netkit itself"
    pip_sections = [d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d]
    assert pip_sections and "-e ." in pip_sections[0], "environment.yml must have `- pip: [-e .]`"


def test_binder_reads_the_root_configuration_and_gets_the_offline_settings(tmp_path):
    """repo2docker (Binder) builds from environment.yml at the root only when there is no binder/
    folder, and runs the root `start` script around the server: it must put jupyter/ first on
    JUPYTER_CONFIG_PATH and then run the command it is given."""
    import os
    import subprocess

    assert not (REPO / "binder").exists() and not (REPO / ".binder").exists(), \
        "a binder/ folder makes repo2docker ignore environment.yml and start at the root"
    start = REPO / "start"
    assert os.access(start, os.X_OK), "`start` must be executable for repo2docker"
    env = {"PATH": os.environ["PATH"], "JUPYTER_CONFIG_PATH": "/already/there"}
    done = subprocess.run([str(start), "sh", "-c", 'printf "%s" "$JUPYTER_CONFIG_PATH"'], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{REPO / 'jupyter'}:/already/there"
