import json, shutil, uuid
import pytest
from helpers_lab import REPO
from test_board_in_lab import notebook_json, TIMEOUT_MS
from helpers_lab import run_all
pytestmark = [pytest.mark.browser]

def test_shot(lab_server, page, tmp_path):
    from netkit.store import Workspace
    import random
    ws = Workspace("my-network", root=tmp_path / "ws")
    first = ["Ana","Ben","Chloé","Dmitri","Eleanor","Farid","Grace","Hiroshi","Ines","Jamal","Kateřina","Liam","Maria","Nnamdi","Olga","Priya","Quentin","Rosa","Sven","Tomás"]
    SUR=['Okafor','Ito','Martin','Smith-Jones','ONeil <b>']
    ids=[]
    for i in range(40):
        ids.append(ws.add_person(f"{first[i%20]} {SUR[i%5]}"))
    rnd = random.Random(1)
    for aid in ids[:28]:
        ws.update_person(aid, closeness=rnd.randint(1,4))
    for _ in range(30):
        a,b = rnd.sample(ids[:28],2); ws.set_tie(a,b)
    folder = REPO / "build" / f"netkit-shot-{uuid.uuid4().hex[:8]}"
    folder.mkdir(parents=True)
    (folder / "b.ipynb").write_text(json.dumps(notebook_json(str(tmp_path / "ws"))))
    nb = (folder / "b.ipynb").relative_to(REPO).as_posix()
    page.set_viewport_size({"width": 1400, "height": 1100})
    page.goto(f"{lab_server.base_url}/lab/workspaces/shot/tree/{nb}?token={lab_server.token}")
    page.locator(".jp-StatusBar-Widget", has_text="Idle").first.wait_for(timeout=TIMEOUT_MS)
    run_all(page)
    page.locator(".nk-board-stage canvas").first.wait_for(timeout=TIMEOUT_MS)
    page.wait_for_timeout(1500)
    page.locator(".netkit-board").screenshot(path="/tmp/board40.png")
    shutil.rmtree(folder)
