"""The own-data route never breaks: every notebook that can work on a participant's own network
(01–06) runs top to bottom, with no error and nothing on stderr, on a workspace in each state a
participant passes through during a workshop:

- ``not-created``: nothing saved yet;
- ``names-only``: people's names, nothing else known about them;
- ``partly-rated``: some contexts, closeness and frequency left blank, no "who knows whom";
- ``rated``: everything about each person and who knows whom, but no support answers and no favors;
- ``complete``: the support self-check answered and favors logged too.

Each state is built with the same ``netkit.store.Workspace`` methods the forms use, in a
temporary ``NETKIT_WORKSPACE``. The notebooks get the workspace the way a participant gives it:
01–04 through ``MY_NETWORK`` (the folder notebook 01 prints, or just the workspace's name), 05
and 06 through ``WORKSPACE``. One kernel per state runs all six notebooks, its variables cleared between them.
Run it alone with ``pytest tests/test_notebook_states.py`` (a few minutes on two cores).
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
OWN_DATA = {p.name[:2]: p for p in sorted(NOTEBOOKS.glob("0[1-6]-*.ipynb"))}
STATES = ["not-created", "names-only", "partly-rated", "rated", "complete"]
NAME = "my-network"
TODAY = "2026-11-15"
CELL_TIMEOUT = 120
ANSI = re.compile(r"\x1b\[[0-9;]*m")

# name, context, closeness (1–4), frequency (1–5), years known, confiding, helped them, helped me
PEOPLE = [
    ("Ana Costa", "family", 4, 5, 35, 1, 1, 1),
    ("Bruno Costa", "family", 4, 4, 30, 1, 1, 0),
    ("Carla Mendes", "family", 3, 3, 30, 0, 0, 1),
    ("Dev Patel", "work", 3, 5, 4, 1, 1, 1),
    ("Eli Okoye", "work", 2, 5, 2, 0, 1, 0),
    ("Fatima Zahra", "work", 2, 4, 3, 0, 0, 1),
    ("Gus Berg", "work", 1, 3, 1, 0, 0, 0),
    ("Hana Sato", "college", 3, 2, 16, 1, 0, 0),
    ("Ivo Petrov", "college", 2, 1, 18, 0, 0, 1),
    ("Jo Lindqvist", "climbing club", 2, 2, 6, 0, 1, 0),
]
# who knows whom, by position in PEOPLE: the family, the work team, the college friends; one
# bridge from work to college; the climbing partner knows nobody else
TIES = [(0, 1), (0, 2), (1, 2), (3, 4), (3, 5), (4, 5), (5, 6), (7, 8), (3, 7)]
BLANK = dict.fromkeys(["closeness", "frequency", "confiding", "support_given", "support_received"])


def build(state: str, root: Path) -> None:
    """Make the workspace ``my-network`` under ``root`` in ``state``, as the forms would."""
    if state == "not-created":
        return
    from netkit.store import Workspace

    ws = Workspace(NAME, root=root)
    ids = []
    for person in PEOPLE:
        pid = ws.add_person(person[0])
        ws.update_person(pid, **BLANK)              # nothing known yet: every answer blank
        ids.append(pid)
    if state == "names-only":
        return
    if state == "partly-rated":
        for i, (_, context, closeness, frequency, *_rest) in enumerate(PEOPLE[:6]):
            fields = {"context": context if i % 3 else None, "closeness": closeness if i % 2 else None,
                      "frequency": frequency if i != 4 else None}
            ws.update_person(ids[i], **fields)
        return
    for pid, (_, context, closeness, frequency, years, confiding, given, received) in zip(ids, PEOPLE):
        ws.update_person(pid, context=context, closeness=closeness, frequency=frequency, years_known=years,
                         confiding=bool(confiding), support_given=bool(given), support_received=bool(received))
    for i, pid in enumerate(ids):
        ws.census(pid, knows=[ids[b] for a, b in TIES if a == i] + [ids[a] for a, b in TIES if b == i],
                  knows_not=[])
    if state == "rated":
        return
    ws.set_supporter("career_sounding_board", ids[3])
    ws.set_supporter("industry_peers", ids[5])
    ws.set_supporter("industry_peers", ids[8])
    ws.set_supporter("outside_confidant", ids[0])
    ws.set_supporter("similar_family_situation", ids[0])
    ws.set_no_one("known_through_phases")
    ws.add_favor(ids[3], kind="instrumental", direction="received", status="done", date="2026-05-02",
                 note="introduced me to the data team")
    ws.add_favor(ids[3], kind="instrumental", direction="given", status="done", date="2026-06-10")
    ws.add_favor(ids[0], kind="psychosocial", direction="received", status="done", date="2026-09-01")
    ws.add_favor(ids[8], kind="instrumental", direction="given", status="offered", date="2026-10-01",
                 note="read his CV")


def parameters(number: str, root: Path) -> dict:
    """What a participant types into the parameters cell: the workspace's folder (01, 02) or just
    its name (03, 04) as ``MY_NETWORK``; its name as ``WORKSPACE`` (05, 06)."""
    folder = str(root / NAME)
    if number == "01":
        return {"MY_NETWORK": folder, "WORKSPACE": NAME}
    if number in ("05", "06"):
        return {"WORKSPACE": NAME, **({"TODAY": TODAY} if number == "06" else {})}
    return {"MY_NETWORK": folder if number == "02" else NAME}


def fingerprint(folder: Path) -> dict[str, str]:
    """Every table of a workspace and a hash of its content (the report 06 writes there is not an answer)."""
    if not folder.exists():
        return {}
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.csv"))}


@pytest.fixture(scope="module", params=STATES)
def state_kernel(request, tmp_path_factory, jupyter_env):
    """A workspace in one state and one kernel that sees it (NETKIT_WORKSPACE) and imports this
    checkout's netkit, shared by the six notebooks."""
    state = request.param
    root = tmp_path_factory.mktemp(f"workspace-{state}")
    build(state, root)
    env = {**os.environ, "NETKIT_WORKSPACE": str(root),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    driver = NotebookClient(nbformat.v4.new_notebook(), kernel_name="python3", timeout=CELL_TIMEOUT,
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    with driver.setup_kernel(env=env):
        yield state, root, driver


def run(nb, driver) -> tuple[tuple[int, str] | None, list[str]]:
    """Execute ``nb`` in the driver's kernel after clearing its variables; the first failing cell
    (index, error) and every piece of stderr output, by cell."""
    client = NotebookClient(nb, km=driver.km, timeout=CELL_TIMEOUT, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.kc = driver.kc
    reset = nbformat.v4.new_code_cell("get_ipython().run_line_magic('reset', '-f')\nimport matplotlib.pyplot as _plt\n"
                                      "_plt.close('all')\ndel _plt")
    client.execute_cell(reset, 0)
    failure = None
    for index, cell in enumerate(nb.cells):
        try:
            client.execute_cell(cell, index)
        except (CellExecutionError, CellTimeoutError, DeadKernelError) as err:
            failure = index, ANSI.sub("", str(err))
            break
    stderr = [f"cell {i}: {ANSI.sub('', out.get('text', '')).strip()}" for i, cell in enumerate(nb.cells)
              if cell.cell_type == "code" for out in cell.get("outputs", [])
              if out.get("output_type") == "stream" and out.get("name") == "stderr"]
    return failure, stderr


@pytest.mark.slow
@pytest.mark.parametrize("number", sorted(OWN_DATA))
def test_notebook_runs_on_own_data_in_every_state(state_kernel, number):
    import papermill as pm

    state, root, driver = state_kernel
    path = OWN_DATA[number]
    nb = pm.iorw.load_notebook_node(str(path))     # with the metadata papermill's parameters need
    nb = pm.parameterize.parameterize_notebook(nb, parameters(number, root))
    before = fingerprint(root / NAME)
    failure, stderr = run(nb, driver)
    problems = []
    if failure:
        index, error = failure
        source = nb.cells[index].source
        problems.append(f"cell {index} failed:\n{source if source not in error else ''}\n{error}")
    if stderr:
        problems.append("wrote to stderr:\n" + "\n".join(stderr))
    if fingerprint(root / NAME) != before:
        problems.append(f"changed the answers in the participant's own workspace {root / NAME} (only a click in a form may)")
    leftovers = sorted(p.name for p in root.iterdir() if p.name not in (NAME, "practice"))
    if leftovers:
        problems.append(f"left {leftovers} in the workspace folder; practice files go in practice/")
    if problems:
        pytest.fail(f"{path.name} on a workspace '{state}':\n" + "\n\n".join(problems), pytrace=False)


def test_every_state_is_what_it_says(tmp_path):
    """The builder makes the states the docstring describes (checked on the files, not the notebooks)."""
    from netkit.store import Workspace

    for state in STATES:
        build(state, tmp_path / state)
        ws = Workspace(NAME, root=tmp_path / state)
        if state == "not-created":
            assert not ws.path.exists()
            continue
        people, ties = ws.people(), ws.ties()
        assert len(people) == len(PEOPLE)
        filled = {c: int((people[c] != "").sum()) for c in ("context", "closeness", "frequency", "confiding")}
        expected = {"names-only": (0, 0, 0, 0), "partly-rated": (4, 3, 5, 0)}.get(state, (10, 10, 10, 10))
        assert tuple(filled.values()) == expected, (state, filled)
        assert len(ties) == (len(TIES) if state in ("rated", "complete") else 0)
        assert ws.network().size == len(PEOPLE)
        assert bool(len(ws.support())) == bool(len(ws.ledger())) == (state == "complete")
