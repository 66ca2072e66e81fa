# JupyterLab settings for the Personal Network Lab (read by `make lab` and
# `netkit start`, which put this folder on JUPYTER_CONFIG_PATH; an installed
# netkit carries a copy). The workshop room may have no internet, so nothing
# here may reach out to it.
import os

_repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# In a checkout (`make lab`) this folder sits in the project; installed, the
# folder `netkit start` made is served instead and the lines marked
# "checkout only" do not apply.
_checkout = os.path.isfile(os.path.join(_repo, "pyproject.toml"))

# Checkout only: serve the whole project (notebooks/, data/, workspace/). Without
# this, `jupyter lab notebooks/00-start-here.ipynb` would serve only notebooks/.
if _checkout:
    c.ServerApp.root_dir = _repo

# No "a newer JupyterLab is available" check against PyPI.
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
# No Jupyter news feed (None turns fetching off).
c.LabApp.news_url = None
# Extension manager lists what is installed; it never searches PyPI.
c.LabApp.extension_manager = "readonly"
# Checkout only: keep this lab's open tabs and layout with the project (under
# .venv, so `make clean` resets them) instead of mixing with other labs in ~/.jupyter.
if _checkout:
    c.LabApp.workspaces_dir = os.path.join(_repo, ".venv", "lab-workspaces")
