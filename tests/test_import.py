"""`import netkit` stays quick and light: nothing heavy is imported until it is used."""
import subprocess
import sys


def test_import_is_light():
    """What makes an import slow is what it pulls in; that is checked here, not seconds (they flake)."""
    code = (
        "import sys; import netkit;"
        "print([m for m in ('pandas', 'networkx', 'pyvis', 'ipywidgets', 'matplotlib', 'seaborn', 'scipy')"
        " if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]", f"import netkit pulled in {out}"


def test_reading_does_not_import_drawing_or_widgets():
    code = (
        "import sys, netkit as nk; nk.summarize(nk.load_sample('personal'));"
        "print([m for m in ('pyvis', 'ipywidgets', 'matplotlib') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
