"""A workshop server: a real JupyterHub on this machine (docs/jupyterhub.md's recipe, scaled down)
with two participants. The kit is installed once, from the wheel, for both; each one's first
login copies the notebooks into their own home (`netkit start --hub`); both answer the support
self-check in a kernel of their own server, driven through the hub's REST API and the Jupyter
server's kernel websocket; each one's answers land in their own workspace and nowhere else.

Marked `hub` (about a minute). With CI=true it must run: a missing JupyterHub fails the run.
"""
from __future__ import annotations

import asyncio
import json
import threading
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from helpers_lab import free_port
from test_make import ANNOUNCEMENTS, page_config

REPO = Path(__file__).resolve().parent.parent

PEOPLE = ("ana", "ben")

# what each participant does in the self-check: name someone, then pick them for one question
# (the same steps as clicking in the form; widgets are set by .value and .click(), as in tests/test_widgets_*.py)
ANSWER = """
from netkit.widgets import SelfAssessment
app = SelfAssessment()
app.names.name_input.value = {name!r}
app.names.add_button.click()
app.support.pickers["career_sounding_board"].value = ("p001",)
print("saved in", app.workspace.path)
"""


def _need_jupyterhub() -> None:
    import importlib.util

    missing = [m for m in ("jupyterhub", "configurable_http_proxy") if importlib.util.find_spec(m) is None]
    if missing:
        reason = f"{', '.join(missing)} not installed (make test installs them: pip install -e '.[test]')"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"the JupyterHub test cannot run in CI: {reason}", pytrace=False)
        pytest.skip(reason)


def hub_config(root: Path, *, netkit: str, spawner_env: dict[str, str], port: int, token: str) -> str:
    """docs/jupyterhub.md's settings for a local test: dummy logins, one process per person, homes under root."""
    proxy = shutil.which("configurable-http-proxy", path=str(Path(sys.executable).parent)) or "configurable-http-proxy"
    return f"""
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {free_port()}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{free_port()}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.pid_file = {str(root / "proxy.pid")!r}
c.JupyterHub.db_url = "sqlite:///{root / 'hub.sqlite'}"
c.JupyterHub.cookie_secret_file = {str(root / "cookie_secret")!r}
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allowed_users = {set(PEOPLE)!r}
c.JupyterHub.spawner_class = "simple"            # a process per person, each with its own HOME
c.SimpleLocalProcessSpawner.home_dir_template = {str(root / "homes" / "{username}")!r}
# the recipe's one netkit line: copy the notebooks on first login, then serve them
c.Spawner.cmd = [{netkit!r}, "start", "--hub"]
c.Spawner.default_url = "/lab/tree/notebooks/00-start-here.ipynb"
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
c.Spawner.environment = {spawner_env!r}
c.JupyterHub.services = [{{"name": "workshop-test", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{"name": "admin", "services": ["workshop-test"]}}]
"""


class Hub:
    def __init__(self, root: Path, wheel_env):
        self.root, self.port, self.token = root, free_port(), secrets.token_hex(16)
        (root / "homes").mkdir(parents=True)
        # the wheel's environment borrows the test environment's packages, whose data files are there
        borrowed = {k: wheel_env.env()[k] for k in ("JUPYTER_PATH", "JUPYTER_CONFIG_PATH")}
        config = hub_config(root, netkit=str(wheel_env.bin / "netkit"), spawner_env=borrowed, port=self.port,
                            token=self.token)
        (root / "jupyterhub_config.py").write_text(config, encoding="utf-8")
        self.log_path = root / "hub.log"
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(root / "jupyterhub_config.py")],
                                         cwd=root, env=wheel_env.env(), stdin=subprocess.DEVNULL, stdout=log,
                                         stderr=subprocess.STDOUT, start_new_session=True)
        self.url = f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def call(self, method: str, path: str, token: str | None = None, body: dict | None = None, timeout: float = 30):
        data = json.dumps(body).encode() if body is not None else (b"" if method == "POST" else None)
        req = urllib.request.Request(self.url + path, data=data, method=method)
        req.add_header("Authorization", f"token {token or self.token}")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                text = resp.read()
                return resp.status, (json.loads(text) if text else None)
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode(errors="replace")

    def wait(self, ready, what: str, timeout: float = 180) -> None:
        t0 = time.monotonic()
        while time.monotonic() - t0 < timeout:
            if self.proc.poll() is not None:
                raise AssertionError(f"JupyterHub exited with {self.proc.returncode}:\n{self.log()[-6000:]}")
            try:
                if ready():
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise AssertionError(f"{what} not within {timeout:.0f} s:\n{self.log()[-6000:]}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            for user in PEOPLE:  # stop the single-user servers through the hub, as an admin would
                try:
                    self.call("DELETE", f"/hub/api/users/{user}/server", timeout=30)
                except OSError:
                    pass
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)


async def _execute(url: str, token: str, code: str, timeout: float = 120) -> tuple[str, list[dict]]:
    """Run `code` in a kernel over the Jupyter server's websocket; the stdout text and any errors."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    ws = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {token}"}, connect_timeout=30))
    msg_id, session = uuid.uuid4().hex, uuid.uuid4().hex
    ws.write_message(json.dumps({
        "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "test", "session": session,
                   "date": "", "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True},
    }))
    out, errors, replied, idle = [], [], False, False
    deadline = time.monotonic() + timeout
    while not (replied and idle):
        raw = await asyncio.wait_for(ws.read_message(), max(1.0, deadline - time.monotonic()))
        assert raw is not None, "the kernel's websocket closed"
        msg = json.loads(raw)
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "stream":
            out.append(msg["content"]["text"])
        elif kind == "error":
            errors.append(msg["content"])
        elif kind == "execute_reply":
            replied = True
        elif kind == "status" and msg["content"]["execution_state"] == "idle":
            idle = True
    ws.close()
    return "".join(out), errors


def _in_own_loop(make):
    """Run a coroutine on a thread of its own: an earlier test (a browser, a kernel client) may have left an
    event loop running on this one, where asyncio.run refuses to start."""
    result = {}

    def run() -> None:
        try:
            result["value"] = asyncio.run(make())
        except BaseException as exc:  # handed back to the test's thread
            result["error"] = exc

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    if "error" in result:
        raise result["error"]
    return result["value"]


def answer_the_self_check(hub: Hub, user: str, name: str) -> str:
    status, token = hub.call("POST", f"/hub/api/users/{user}/tokens", body={"note": "workshop test"})
    assert status in (200, 201), token
    token = token["token"]
    base = f"/user/{user}/api"
    status, kernel = hub.call("POST", f"{base}/kernels", token=token, body={"name": "python3"})
    assert status in (200, 201), kernel
    ws_url = f"ws://127.0.0.1:{hub.port}{base}/kernels/{kernel['id']}/channels"
    out, errors = _in_own_loop(lambda: _execute(ws_url, token, ANSWER.format(name=name)))
    assert not errors, errors
    hub.call("DELETE", f"{base}/kernels/{kernel['id']}", token=token)
    return out


def test_the_recipe_in_the_docs_is_the_one_tested():
    """docs/jupyterhub.md's TLJH lines and Zero to JupyterHub values start what this test starts."""
    import ast
    import re

    import yaml

    doc = (REPO / "docs" / "jupyterhub.md").read_text(encoding="utf-8")
    config = hub_config(Path("/x"), netkit="/x/bin/netkit", spawner_env={}, port=1, token="t")
    for setting in ("c.Spawner.cmd", "c.Spawner.default_url"):
        tested = ast.literal_eval(re.search(rf"^{re.escape(setting)} = (.*)$", config, re.M).group(1))
        documented = ast.literal_eval(re.search(rf"^\s*{re.escape(setting)} = (.*)$", doc, re.M).group(1))
        if setting == "c.Spawner.cmd":  # the same netkit command, where TLJH installs it
            tested = ["/opt/tljh/user/bin/netkit" if part == "/x/bin/netkit" else part for part in tested]
        assert documented == tested, f"{setting}: docs say {documented}, the test runs {tested}"
    values = yaml.safe_load(re.search(r"```yaml\n(.*?)```", doc, re.S).group(1))
    assert values["singleuser"]["cmd"] == ["netkit", "start", "--hub"]
    assert values["singleuser"]["defaultUrl"] == re.search(r'default_url = "(.*)"', config).group(1)


@pytest.mark.hub
@pytest.mark.slow
def test_two_participants_on_a_jupyterhub_keep_their_answers_apart(wheel_env, tmp_path):
    _need_jupyterhub()
    hub = Hub(tmp_path / "hub", wheel_env)
    try:
        hub.wait(lambda: hub.call("GET", "/hub/api/")[0] == 200, "JupyterHub answering")
        for user in PEOPLE:
            assert hub.call("POST", f"/hub/api/users/{user}")[0] in (201, 409)
            status, body = hub.call("POST", f"/hub/api/users/{user}/server")
            assert status in (201, 202), body

        def ready(user):
            return lambda: (hub.call("GET", f"/hub/api/users/{user}")[1].get("servers", {}).get("", {}) or {}).get("ready")

        for user in PEOPLE:
            hub.wait(ready(user), f"{user}'s server ready")

        homes = tmp_path / "hub" / "homes"
        for user in PEOPLE:
            # first login copied the notebooks into the person's own home, and the server serves them
            assert (homes / user / "netkit-lab" / "notebooks" / "00-start-here.ipynb").is_file()
            status, token = hub.call("POST", f"/hub/api/users/{user}/tokens", body={"note": "listing"})
            status, listing = hub.call("GET", f"/user/{user}/api/contents/notebooks", token=token["token"])
            assert status == 200, listing
            assert "00-start-here.ipynb" in {f["name"] for f in listing["content"]}
            # and runs with the kit's offline settings, as on a laptop
            page = urllib.request.Request(f"{hub.url}/user/{user}/lab/tree/notebooks/00-start-here.ipynb",
                                          headers={"Authorization": f"token {token['token']}"})
            with urllib.request.urlopen(page, timeout=30) as resp:
                cfg = page_config(resp.read())
            assert cfg["news"] == {"disabled": True} and ANNOUNCEMENTS in cfg["disabledExtensions"]
            assert cfg["extensionManager"]["can_install"] is False

        said = {user: answer_the_self_check(hub, user, f"Mentor of {user}") for user in PEOPLE}
    finally:
        hub.stop()

    for user in PEOPLE:
        workspace = homes / user / ".local" / "share" / "netkit" / "workspace" / "my-network"
        assert said[user].strip() == f"saved in {workspace}", said[user]
        alters = (workspace / "alters.csv").read_text(encoding="utf-8")
        support = (workspace / "support.csv").read_text(encoding="utf-8")
        assert f"Mentor of {user}" in alters and "career_sounding_board" in support and "p001" in support
        other = next(u for u in PEOPLE if u != user)
        assert f"Mentor of {other}" not in alters  # nobody's answers in anybody else's workspace
    # and nothing written anywhere else: not into the shared install, not beside the hub
    everywhere = [p for p in (tmp_path / "hub").rglob("alters.csv")]
    assert sorted(everywhere) == sorted(homes / u / ".local/share/netkit/workspace/my-network/alters.csv"
                                        for u in PEOPLE)
    assert not list((wheel_env.root / "venv").rglob("my-network"))
