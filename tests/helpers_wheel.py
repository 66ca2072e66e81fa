"""Build netkit's sdist and wheel from this checkout and install the wheel into a fresh virtual
environment outside it, for tests/test_wheel.py and tests/test_hub.py.

What the fresh environment proves, and what it does not: netkit comes from the wheel alone
(built from the sdist, so the sdist carries everything the wheel needs), installed with
``--no-deps --no-index``; its dependencies are not downloaded again (that would take minutes on
a slow link) but borrowed from the test environment through a ``.pth`` line, which adds that
site-packages folder as a plain path — its own ``.pth`` files, the editable install of this
checkout among them, are not run. So a missing data file, a path into the checkout or a wrong
entry point fails here; a dependency missing from pyproject.toml's list would not, except as
far as ``pip check`` sees it (every requirement the wheel declares is installed, in a version it
accepts). The borrowed packages' data files (``share/jupyter``: JupyterLab's and Voilà's templates)
and their server extensions' switches (``etc/jupyter``) are found through ``JUPYTER_PATH`` and
``JUPYTER_CONFIG_PATH``, as a real install would find them in its own prefix.
"""
from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import tarfile
import venv
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# what the copy of the checkout the sdist is built from leaves out: environments, caches, builds and
# people's own files (none of them goes into an sdist anyway)
LEFT_BEHIND = (".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis",
               "workspace", "results", "shared", "exports", ".ipynb_checkpoints")


@dataclass
class WheelEnv:
    root: Path
    sdist: Path
    wheel: Path
    python: Path
    bin: Path
    home: Path  # HOME and the XDG folders of whoever runs in it

    def env(self, **extra: str) -> dict[str, str]:
        """A clean environment: no PYTHONPATH or NETKIT_* variable, this venv first on PATH, its own HOME."""
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("NETKIT_", "PYTHON", "VIRTUAL_ENV", "XDG_")) and k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
        env.update(PATH=f"{self.bin}{os.pathsep}{env.get('PATH', '')}", HOME=str(self.home),
                   XDG_DATA_HOME=str(self.home / ".local" / "share"), VIRTUAL_ENV=str(self.root / "venv"),
                   # the borrowed packages' data files (JupyterLab's and Voilà's templates) and the files
                   # that enable their server extensions are in the test environment's share/jupyter and
                   # etc/jupyter, where a real install would have put them in this one's
                   JUPYTER_PATH=os.pathsep.join(filter(None, [os.environ.get("JUPYTER_PATH"),
                                                              str(Path(sys.prefix) / "share" / "jupyter")])),
                   JUPYTER_CONFIG_PATH=os.pathsep.join(filter(None, [os.environ.get("JUPYTER_CONFIG_PATH"),
                                                                     str(Path(sys.prefix) / "etc" / "jupyter")])))
        env.update(extra)
        return env

    def run(self, *args: str, cwd: Path, timeout: float = 300, **extra: str) -> subprocess.CompletedProcess:
        return subprocess.run(list(args), cwd=cwd, env=self.env(**extra), capture_output=True, text=True,
                              timeout=timeout, stdin=subprocess.DEVNULL)


def _build(hook: str, source: Path, out: Path) -> Path:
    """Run one PEP 517 hook of setuptools (what `python -m build --no-isolation` does) in `source`."""
    code = f"from setuptools import build_meta as b; print(b.{hook}({str(out)!r}))"
    done = subprocess.run([sys.executable, "-c", code], cwd=source, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{hook} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return out / done.stdout.strip().splitlines()[-1]


def _pip_version() -> tuple[int, ...]:
    import pip

    return tuple(int(part) for part in pip.__version__.split(".")[:2] if part.isdigit())


def build_and_install(root: Path) -> WheelEnv:
    """sdist from the checkout, the wheel from the unpacked sdist, the wheel into root/venv."""
    dist = root / "dist"
    dist.mkdir()
    # a copy of the checkout, so building leaves nothing behind in it (netkit.egg-info)
    shutil.copytree(REPO, root / "checkout", ignore=shutil.ignore_patterns(*LEFT_BEHIND))
    sdist = _build("build_sdist", root / "checkout", dist)
    with tarfile.open(sdist) as tar:
        # the "data" filter where this Python has it (3.10.12 and later): no links or paths out of the folder
        tar.extractall(root / "src", **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
    wheel = _build("build_wheel", root / "src" / sdist.name.removesuffix(".tar.gz"), dist)

    # this pip installs into the new environment with --python (pip 22.3 and later); an older one
    # gets the new environment its own pip (ensurepip, offline, a few seconds slower)
    own_pip = _pip_version() < (22, 3)
    venv.EnvBuilder(with_pip=own_pip, symlinks=os.name != "nt").create(root / "venv")
    bin_dir = root / "venv" / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    target = Path(subprocess.check_output([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                          text=True).strip())
    # the test environment's packages as plain paths (see the module docstring for what that proves)
    (target / "borrowed-test-packages.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    home = root / "home"
    home.mkdir()
    env = WheelEnv(root, sdist, wheel, python, bin_dir, home)
    pip = [str(python), "-m", "pip"] if own_pip else [sys.executable, "-m", "pip", "--python", str(python)]
    done = subprocess.run([*pip, "install", "--no-deps", "--no-index", "--disable-pip-version-check", str(wheel)],
                          capture_output=True, text=True, timeout=300, env=env.env())
    assert done.returncode == 0, f"pip install of the wheel failed:\n{done.stdout}\n{done.stderr}"
    return env
