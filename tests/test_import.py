"""`import netkit` stays quick and light: nothing heavy is imported until it is used."""
import subprocess
import sys


def test_import_is_light():
    code = (
        "import sys, time; t = time.perf_counter(); import netkit; dt = time.perf_counter() - t;"
        "heavy = [m for m in ('pandas', 'networkx', 'pyvis', 'ipywidgets', 'matplotlib', 'seaborn') if m in sys.modules];"
        "print(dt, heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split(maxsplit=1)
    assert out[1].strip() == "[]", f"import netkit pulled in {out[1]}"
    assert float(out[0]) < 0.5, f"import netkit took {float(out[0]):.2f} s"


def test_reading_does_not_import_drawing_or_widgets():
    code = (
        "import sys, netkit as nk; nk.summarize(nk.load_sample('personal'));"
        "print([m for m in ('pyvis', 'ipywidgets', 'matplotlib') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
