// The rings board's front end (netkit.widgets.board.RingsBoard): vis-network, vendored by netkit
// and sent by Python (no CDN), draws you, the rings, the tray and the ties. Every drop, click on
// two people and key press is sent to Python as a message (its `action`); Python saves it and sends the
// people and ties back. Names are only ever set as text (vis-network labels, textContent).

const EGO = "__ego__";
const FILL = { 4: "#1f4e79", 3: "#2e75b6", 2: "#9dc3e6", 1: "#deebf7", 0: "#f2f2f2" };
const INK = { 4: "#ffffff", 3: "#ffffff", 2: "#111111", 1: "#111111", 0: "#111111" };

function loadVis(source) {
  // once per page; with RequireJS on the page (the classic notebook) the bundle would register
  // as an AMD module instead of window.vis, so `define` is hidden while it runs
  if (window.vis && window.vis.Network) { return window.vis; }
  const amd = window.define;
  try {
    window.define = undefined;
    const script = document.createElement("script");
    script.textContent = source;
    document.head.appendChild(script);
    script.remove();
  } finally {
    window.define = amd;
  }
  return window.vis;
}

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) { el.className = className; }
  if (text !== undefined) { el.textContent = text; }
  return el;
}

function ringOf(g, x, y) {
  if (x >= g.tray_x - g.column / 4) { return 0; }
  const band = Math.floor((Math.hypot(x, y) - g.inner) / g.band);
  return 4 - Math.min(Math.max(band, 0), 3);
}

function drawRings(ctx, g, words, trayRows) {
  const outer = g.inner + 4 * g.band;
  ctx.lineJoin = "round";
  for (let c = 1; c <= 4; c++) {
    const r = g.inner + (5 - c) * g.band;
    ctx.beginPath();
    ctx.arc(0, 0, r, 0, 2 * Math.PI);
    ctx.fillStyle = c % 2 ? "#f7fbff" : "#eef5fc";
    ctx.fill();
    ctx.strokeStyle = "#9fb7cc";
    ctx.lineWidth = 1.5;
    ctx.stroke();
  }
  ctx.beginPath();
  ctx.arc(0, 0, g.inner, 0, 2 * Math.PI);
  ctx.fillStyle = "#ffffff";
  ctx.fill();
  ctx.stroke();
  ctx.font = "600 17px system-ui, sans-serif";
  ctx.textAlign = "center";
  ctx.strokeStyle = "#ffffff";
  ctx.lineWidth = 4;
  ctx.fillStyle = "#35506b";
  for (let c = 1; c <= 4; c++) {
    const mid = g.inner + (4 - c + 0.5) * g.band;
    ctx.strokeText(`${c} · ${words[c]}`, 0, -mid + 6);
    ctx.fillText(`${c} · ${words[c]}`, 0, -mid + 6);
  }
  const height = Math.max(trayRows, 2) * g.row + 20;
  ctx.fillStyle = "#fafafa";
  ctx.strokeStyle = "#bbbbbb";
  ctx.setLineDash([6, 4]);
  ctx.fillRect(g.tray_x, g.tray_top - 30, g.width, height + 30);
  ctx.strokeRect(g.tray_x, g.tray_top - 30, g.width, height + 30);
  ctx.setLineDash([]);
  ctx.fillStyle = "#555555";
  ctx.textAlign = "left";
  ctx.fillText("Not placed yet", g.tray_x + 10, g.tray_top - 10);
  return outer;
}

function render({ model, el }) {
  const vis = loadVis(model.get("vis_source"));
  if (!vis || !vis.Network) {
    el.appendChild(element("p", "nk-board-missing", "The rings board cannot be drawn in this window (its drawing "
      + "library did not load). Use the forms instead: closeness in “About each”, ties in “Who knows whom”."));
    return () => {};
  }
  const g = Object.assign({}, model.get("geometry"));
  const words = model.get("words");
  const root = element("div", "nk-board");
  root.setAttribute("data-lm-suppress-shortcuts", "true");  // JupyterLab: keys 1–4, T, U are the board's here
  const main = element("div", "nk-board-main");
  const stage = element("div", "nk-board-stage");
  stage.tabIndex = 0;
  stage.setAttribute("role", "application");
  stage.setAttribute("aria-label",
    "Rings board. Click a person to select them; keys 1 to 4 place them on a ring, 0 takes them back to the "
    + "tray, T draws or removes the line to the person picked before, U undoes the last change.");
  const side = element("div", "nk-board-side");
  side.appendChild(element("div", "nk-board-side-title", "Everyone (use the keyboard here)"));
  const list = element("ul", "nk-board-people");
  list.setAttribute("aria-label", "People on the board");
  side.appendChild(list);
  const status = element("div", "nk-board-status");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  const keys = element("div", "nk-board-keys",
    "Keyboard: select a person in the list, then 1–4 puts them on that ring (4 = very close), 0 takes them "
    + "back to the tray; Enter picks a person, then T on another draws or removes the line between them; U undoes "
    + "the last change.");
  main.append(stage, side);
  root.append(main, status, keys);
  el.appendChild(root);

  const nodes = new vis.DataSet();
  const edges = new vis.DataSet();
  const network = new vis.Network(stage, { nodes, edges }, {
    autoResize: true,
    physics: false,
    layout: { improvedLayout: false, randomSeed: 1 },
    interaction: { dragNodes: true, dragView: false, zoomView: false, selectConnectedEdges: false, hover: true,
      keyboard: false, multiselect: false, selectable: true },
    nodes: { shape: "box", margin: { top: 3, bottom: 3, left: 6, right: 6 }, borderWidth: 1,
      font: { size: 18, face: "system-ui, sans-serif" }, widthConstraint: { maximum: 230 } },
    edges: { color: { color: "#555555", highlight: "#c45100" }, width: 2, smooth: false, selectionWidth: 0 },
  });

  stage.__nkNetwork = network;  // for the browser tests
  stage.__nkEdges = edges;
  let people = [];
  let byId = new Map();
  let current = null;   // the selected person
  let anchor = null;    // the person picked last (Enter, a click or a placement): T ties them with the selected
  let pending = null;   // first of two clicks
  let seq = 0;
  let trayRows = 0;

  function send(action) {
    seq += 1;
    model.send(Object.assign({ seq: `${Date.now()}-${seq}` }, action));
  }

  function describe(p) {
    return p.closeness ? `ring ${p.closeness} (${words[p.closeness]})` : "not placed yet";
  }

  function say(text) { status.textContent = text; }

  function select(id, how) {
    if (id === current) { return; }
    current = id;
    network.selectNodes(id ? [id] : []);
    for (const item of list.querySelectorAll("button")) {
      item.setAttribute("aria-current", item.dataset.id === id ? "true" : "false");
    }
    const p = byId.get(id);
    if (p && how !== "quiet") {
      const other = anchor && anchor !== id && byId.get(anchor) ? ` T: line to ${byId.get(anchor).name}.` : "";
      say(`Selected: ${p.name}, ${describe(p)}. Keys 1–4 or 0 place them.${other}`);
    }
  }

  function fit() {
    const outer = g.inner + 4 * g.band;
    const right = g.tray_x + g.width + 10;
    const bottom = Math.max(outer + 30, g.tray_top + trayRows * g.row + 30);
    const left = -outer - 70;  // room for a name on the outer ring
    const top = Math.min(-outer - 30, g.tray_top - 40);
    const w = stage.clientWidth || 800;
    const h = stage.clientHeight || 600;
    const scale = Math.min(w / (right - left), h / (bottom - top));
    network.moveTo({ position: { x: (left + right) / 2, y: (top + bottom) / 2 }, scale, animation: false });
  }

  function nodeFor(p) {
    return { id: p.id, label: p.label, x: p.x, y: p.y,
      color: { background: FILL[p.closeness], border: "#35506b",
        highlight: { background: "#ffd27f", border: "#c45100" }, hover: { background: "#ffe7b8", border: "#c45100" } },
      font: { color: INK[p.closeness] } };
  }

  function syncPeople() {
    people = model.get("people") || [];
    byId = new Map(people.map((p) => [p.id, p]));
    const inTray = people.filter((p) => !p.closeness).length;
    const columns = Math.max(1, Math.ceil(inTray / g.rows));
    trayRows = Math.min(inTray, g.rows);
    g.width = columns * g.column;
    // update only what changed: a drop moves one node, nothing is laid out again
    const seen = new Set([EGO]);
    const changed = [];
    for (const p of people) {
      seen.add(p.id);
      const old = nodes.get(p.id);
      const next = nodeFor(p);
      if (!old || old.x !== next.x || old.y !== next.y || old.label !== next.label
          || old.color.background !== next.color.background) { changed.push(next); }
    }
    if (!nodes.get(EGO)) {
      changed.push({ id: EGO, x: 0, y: 0, fixed: { x: true, y: true }, shape: "circle", label: "",
        color: { background: "#333333", border: "#333333", highlight: { background: "#333333", border: "#333333" } },
        font: { color: "#ffffff" } });
    }
    changed.push({ id: EGO, label: model.get("ego") });
    nodes.update(changed);
    nodes.remove(nodes.getIds().filter((id) => !seen.has(id)));
    buildList();
    fit();
  }

  function syncTies() {
    const want = new Map((model.get("ties") || []).map(([a, b]) => [`${a}|${b}`, { id: `${a}|${b}`, from: a, to: b }]));
    edges.remove(edges.getIds().filter((id) => !want.has(id)));
    edges.update([...want.values()].filter((e) => !edges.get(e.id)));
  }

  function buildList() {
    const focused = document.activeElement && list.contains(document.activeElement)
      ? document.activeElement.dataset.id : null;
    list.replaceChildren();
    for (const p of people) {
      const li = element("li");
      const button = element("button", "nk-board-person", `${p.name} — ${describe(p)}`);
      button.type = "button";
      button.dataset.id = p.id;
      button.setAttribute("aria-current", p.id === current ? "true" : "false");
      li.appendChild(button);
      list.appendChild(li);
      if (p.id === focused) { button.focus({ preventScroll: true }); }
    }
  }

  function act(key) {
    if (key === "u" || key === "U") { send({ kind: "undo" }); return true; }
    if (current === null || !byId.has(current)) {
      if (/^[0-4tT]$/.test(key)) { say("Select a person first: click them, or move to them in the list."); return true; }
      return false;
    }
    if (/^[0-4]$/.test(key)) {
      const c = Number(key);
      send({ kind: "place", alter_id: current, closeness: c || null, x: null, y: null });
      anchor = current;
      return true;
    }
    if (key === "t" || key === "T") {
      if (anchor === null || !byId.has(anchor) || anchor === current) {
        say("Pick one person (Enter), move to another, then press T to draw or remove the line between them.");
      } else {
        send({ kind: "tie", a: anchor, b: current });
      }
      return true;
    }
    if (key === "Enter" || key === " ") {
      anchor = current;
      say(`Picked ${byId.get(current).name}: move to another person and press T to draw or remove the line `
        + "between them (keys 1–4 or 0 place the selected person).");
      return true;
    }
    return false;
  }

  list.addEventListener("focusin", (e) => { if (e.target.dataset.id) { select(e.target.dataset.id); } });
  list.addEventListener("click", (e) => { if (e.target.dataset && e.target.dataset.id) { e.target.focus(); } });
  list.addEventListener("keydown", (e) => {
    const buttons = [...list.querySelectorAll("button")];
    const i = buttons.indexOf(document.activeElement);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      const next = buttons[Math.min(Math.max(i + (e.key === "ArrowDown" ? 1 : -1), 0), buttons.length - 1)];
      if (next) { next.focus(); }
      e.preventDefault();
      return;
    }
    if ((e.ctrlKey || e.metaKey) && (e.key === "z" || e.key === "Z")) { send({ kind: "undo" }); e.preventDefault(); return; }
    if (!e.ctrlKey && !e.metaKey && !e.altKey && act(e.key)) { e.preventDefault(); e.stopPropagation(); }
  });
  stage.addEventListener("keydown", (e) => {
    if (!e.ctrlKey && !e.metaKey && !e.altKey && act(e.key)) { e.preventDefault(); e.stopPropagation(); }
  });

  network.on("beforeDrawing", (ctx) => drawRings(ctx, g, words, trayRows));
  network.on("dragStart", (params) => {
    if (params.nodes.length && params.nodes[0] !== EGO) { pending = null; select(params.nodes[0], "quiet"); }
  });
  network.on("dragEnd", (params) => {
    const id = params.nodes.length ? params.nodes[0] : null;
    if (id === null || id === EGO || !byId.has(id)) { return; }
    const pos = network.getPositions([id])[id];
    const c = ringOf(g, pos.x, pos.y);
    send({ kind: "place", alter_id: id, closeness: c || null, x: pos.x, y: pos.y });
  });
  network.on("click", (params) => {
    const id = params.nodes.length === 1 ? params.nodes[0] : null;
    if (id === null || id === EGO) { pending = null; return; }
    stage.focus({ preventScroll: true });
    if (pending !== null && pending !== id && byId.has(pending)) {
      const first = pending;
      pending = null;
      select(id, "quiet");
      send({ kind: "tie", a: first, b: id });
      return;
    }
    pending = id;
    anchor = id;
    select(id);
  });

  model.on("change:people", syncPeople);
  model.on("change:ties", syncTies);
  model.on("change:ego", syncPeople);
  model.on("change:status", () => say(model.get("status")));
  const resize = new ResizeObserver(() => fit());
  resize.observe(stage);
  syncPeople();
  syncTies();
  say(model.get("status") || "Drag a person onto a ring, or select them and press 1–4.");
  return () => {
    resize.disconnect();
    network.destroy();
  };
}

export default { render };
