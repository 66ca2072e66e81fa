"""The one line every benchmark prints about the machine it ran on (shared by the bench_*.py scripts)."""
from __future__ import annotations

import os
import platform


def describe(**versions: str) -> str:
    """CPU cores and model, system, Python and netkit, then the ``versions`` given (name → version)."""
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            model = next((line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")), model)
    except OSError:
        pass
    import netkit as nk

    extra = "".join(f", {name} {version}" for name, version in versions.items())
    return (f"{os.cpu_count()} CPU cores ({model}), {platform.system()} {platform.release()}, Python "
            f"{platform.python_version()}, netkit {nk.__version__}{extra}")
