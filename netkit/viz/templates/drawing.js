// netkit's page script: reads the data block as JSON (never as markup), turns every tooltip
// into a text node, draws the network with positions computed in Python, the ring and sector
// guides underneath and the names on top, placed so that no two overlap. No network access,
// no eval, no markup built from data.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("nk-data").textContent);
  var page = data.page || {};
  var FACE = page.font || "system-ui, sans-serif";
  var LABEL_PX = page.labelSize || 13;  // names on screen at the fitted view, in CSS pixels

  function textTip(value) {
    var el = document.createElement("div");
    el.className = "nk-tip";
    el.textContent = String(value);
    return el;
  }
  function withTextTitles(items) {
    for (var i = 0; i < items.length; i++) {
      var t = items[i].title;
      if (t !== undefined && t !== null && t !== "") { items[i].title = textTip(t); }
      else { delete items[i].title; }
    }
    return items;
  }

  var container = document.getElementById("nk-graph");
  if (page.background) { container.style.backgroundColor = page.background; }
  var options = data.options || {};
  if (options.configure && options.configure.enabled) {
    options.configure.container = document.getElementById("nk-config");
  }
  // the names are drawn by this script (placed apart, at a size readable on screen), not by vis-network
  options.nodes = options.nodes || {};
  options.nodes.scaling = options.nodes.scaling || {};
  options.nodes.scaling.label = { enabled: false, drawThreshold: 1e9 };
  var nodes = new vis.DataSet(withTextTitles(data.nodes));
  var edges = new vis.DataSet(withTextTitles(data.edges));
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  var guides = data.guides;
  var hasGuides = !!(guides && ((guides.circles && guides.circles.length) || (guides.sectors && guides.sectors.length)));
  var measurer = document.createElement("canvas").getContext("2d");

  var widths = {};  // measured once per text and font: the fit and each placement ask again
  function textWidth(text, font) {
    var key = font + "\u0000" + text;
    if (!(key in widths)) { measurer.font = font; widths[key] = measurer.measureText(text).width; }
    return widths[key];
  }
  function view() {  // canvas → CSS pixels of the drawing: dom = canvas * s + t
    var o = network.canvasToDOM({ x: 0, y: 0 }), s = network.getScale();
    return { s: s, tx: o.x, ty: o.y };
  }

  // ---------------------------------------------------------------- guide labels (screen boxes)

  function sectorLabel(sector) {
    var label = String(sector.label);
    return label.length > 40 ? label.slice(0, 39) + "\u2026" : label;
  }
  var SECTOR_FONT = "bold 14px " + FACE, CIRCLE_FONT = "12px " + FACE;
  // a sector label sits just outside the outer ring, pushed outwards by its own half size
  function sectorPlace(sector, w, h) {
    var mid = (sector.start + sector.end) / 2, dx = Math.sin(mid), dy = -Math.cos(mid);
    var push = 10 + Math.abs(dx) * w / 2 + Math.abs(dy) * h / 2;
    return { r: (guides.outer || 0) + 30, dx: dx, dy: dy, ox: dx * push - w / 2, oy: dy * push - h / 2 };
  }
  function guideBoxes(v) {
    var out = [];
    if (!hasGuides) { return out; }
    var circles = guides.circles || [], sectors = guides.sectors || [];
    for (var i = 0; i < circles.length; i++) {
      if (!circles[i].label) { continue; }
      var cw = textWidth(circles[i].label, CIRCLE_FONT);
      out.push({ x: v.tx - cw / 2 - 2, y: v.ty - circles[i].r * v.s - 18, w: cw + 4, h: 16, text: circles[i].label,
                 font: CIRCLE_FONT, kind: "ring" });
    }
    for (var k = 0; k < sectors.length; k++) {
      var text = sectorLabel(sectors[k]), w = textWidth(text, SECTOR_FONT) + 4, p = sectorPlace(sectors[k], w, 18);
      out.push({ x: v.tx + p.dx * p.r * v.s + p.ox, y: v.ty + p.dy * p.r * v.s + p.oy, w: w, h: 18, text: text,
                 font: SECTOR_FONT, kind: "sector" });
    }
    return out;
  }

  // ---------------------------------------------------------------- names, placed apart

  function shortName(text) {
    var words = text.split(" ").filter(function (w) { return w; });
    if (words.length > 1) {
      var last = Array.from(words[words.length - 1]);
      return words[0] + " " + last[0] + ".";
    }
    var chars = Array.from(text);
    return chars.length > 12 ? chars.slice(0, 11).join("") + "\u2026" : text;
  }
  function Grid(cell) { this.cell = cell; this.cells = {}; }
  Grid.prototype.keys = function (b, fn) {
    var c = this.cell;
    for (var i = Math.floor(b.x / c); i <= Math.floor((b.x + b.w) / c); i++) {
      for (var j = Math.floor(b.y / c); j <= Math.floor((b.y + b.h) / c); j++) { if (fn(i + ":" + j)) { return true; } }
    }
    return false;
  };
  Grid.prototype.add = function (b) {
    var cells = this.cells;
    this.keys(b, function (k) { (cells[k] = cells[k] || []).push(b); return false; });
  };
  Grid.prototype.hits = function (b) {
    var cells = this.cells;
    return this.keys(b, function (k) {
      var list = cells[k] || [];
      for (var i = 0; i < list.length; i++) {
        var o = list[i];
        if (o.owner !== b.owner && b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h) { return true; }
      }
      return false;
    });
  };
  function candidates(r, w, h) {  // top-left corners around a dot of radius r: below, above, sides, corners, further
    var d = 0.72 * r, gap = 2;
    return [[-w / 2, r + gap], [-w / 2, -r - gap - h], [r + 4, -h / 2], [-r - 4 - w, -h / 2],
            [d, d + gap], [-d - w, d + gap], [d, -d - gap - h], [-d - w, -d - gap - h],
            [-w / 2, r + gap + h], [-w / 2, -r - gap - 2 * h], [r + 4, -h / 2 + h], [-r - 4 - w, -h / 2 - h]];
  }
  // a name reads best on the side away from its crowd (the nearby dots and, around a ring or a
  // hub, the centre): try the spots on that side first
  function outwardFirst(spots, who, w, h) {
    var dx = who.ax, dy = who.ay, d = Math.sqrt(dx * dx + dy * dy);
    if (d < 1e-6) { return spots; }
    var score = spots.map(function (s, i) {
      var ox = s[0] + w / 2, oy = s[1] + h / 2, len = Math.sqrt(ox * ox + oy * oy) || 1;
      return { s: s, k: Math.round(4 * (ox * dx + oy * dy) / len / d) - 0.01 * i };
    });
    score.sort(function (a, b) { return b.k - a.k; });
    return score.map(function (x) { return x.s; });
  }
  function awayFromCrowds(people, v) {
    var reach = 90, cells = {};
    if (people.length > 2000) {  // thousands of dots: most names have no room at this zoom anyway
      for (var z = 0; z < people.length; z++) { people[z].ax = 0; people[z].ay = 0; }
      return;
    }
    for (var i = 0; i < people.length; i++) {
      var key = Math.floor(people[i].x / reach) + ":" + Math.floor(people[i].y / reach);
      (cells[key] = cells[key] || []).push(people[i]);
    }
    for (var k = 0; k < people.length; k++) {
      var a = people[k], cx = Math.floor(a.x / reach), cy = Math.floor(a.y / reach), ax = 0, ay = 0;
      for (var i2 = cx - 1; i2 <= cx + 1; i2++) {
        for (var j2 = cy - 1; j2 <= cy + 1; j2++) {
          var list = cells[i2 + ":" + j2] || [];
          for (var m = 0; m < list.length; m++) {
            var dx = a.x - list[m].x, dy = a.y - list[m].y, d2 = dx * dx + dy * dy;
            if (list[m] !== a && d2 < reach * reach && d2 > 0) { ax += dx / d2; ay += dy / d2; }
          }
        }
      }
      if (hasGuides) {
        var ox = a.x - v.tx, oy = a.y - v.ty, o = Math.sqrt(ox * ox + oy * oy);
        if (o > a.r) { ax += 0.5 * ox / o / reach; ay += 0.5 * oy / o / reach; }
      }
      a.ax = ax; a.ay = ay;
    }
  }
  function placeLabels(v) {
    var items = nodes.get(), pos = network.getPositions(), boxes = [];
    var W = container.clientWidth, H = container.clientHeight, grid = new Grid(48);
    var zoom = fitted ? Math.max(1, Math.min(2, v.s / fitted.s)) : 1, size = LABEL_PX * zoom;
    var guideList = guideBoxes(v);
    for (var g = 0; g < guideList.length; g++) { guideList[g].owner = "guide"; grid.add(guideList[g]); }
    var legend = document.getElementById("nk-legend");
    if (legend) {  // names never hide under the legend
      var lb = legend.getBoundingClientRect(), cb = container.getBoundingClientRect();
      grid.add({ x: lb.left - cb.left - 4, y: lb.top - cb.top - 4, w: lb.width + 8, h: lb.height + 8, owner: "legend" });
    }
    var people = [];
    for (var i = 0; i < items.length; i++) {
      var p = pos[items[i].id];
      if (!p) { continue; }
      var r = (items[i].size || 10) * v.s + 1.5, x = p.x * v.s + v.tx, y = p.y * v.s + v.ty;
      var dot = { x: x - r, y: y - r, w: 2 * r, h: 2 * r, owner: items[i].id };
      grid.add(dot);
      var label = items[i].label === undefined || items[i].label === null ? "" : String(items[i].label);
      if (label && x > -50 && x < W + 50 && y > -50 && y < H + 50) {
        people.push({ item: items[i], x: x, y: y, r: r, label: label, rank: items[i].font && items[i].font.bold ? 1e9 : r });
      }
    }
    people.sort(function (a, b) { return b.rank - a.rank; });  // the ego, then the larger dots, first
    awayFromCrowds(people, v);
    for (var k = 0; k < people.length; k++) {
      var box = placeOne(people[k], size, grid, W, H);
      if (box) { grid.add(box); boxes.push(box); }
    }
    return { labels: boxes, guides: guideList };
  }
  function placeOne(who, size, grid, W, H) {
    var bold = !!(who.item.font && who.item.font.bold);
    var font = (bold ? "bold " : "") + Math.round((bold ? size + 1 : size) * 10) / 10 + "px " + FACE;
    var texts = [who.label], short = shortName(who.label);
    if (short !== who.label) { texts.push(short); }
    var h = Math.ceil((bold ? size + 1 : size) * 1.25);
    // the whole name beside the dot, else the short name there, else either a row further out
    for (var tier = 0; tier < 2; tier++) {
      for (var t = 0; t < texts.length; t++) {
        var w = Math.ceil(textWidth(texts[t], font)) + 2, spots = candidates(who.r, w, h);
        spots = outwardFirst(tier ? spots.slice(8) : spots.slice(0, 8), who, w, h);
        for (var c = 0; c < spots.length; c++) {
          var b = { x: who.x + spots[c][0], y: who.y + spots[c][1], w: w, h: h, owner: who.item.id };
          if (b.x < 1 || b.y < 1 || b.x + b.w > W - 1 || b.y + b.h > H - 1 || grid.hits(b)) { continue; }
          b.text = texts[t]; b.full = who.label; b.font = font; b.size = bold ? size + 1 : size; b.id = who.item.id;
          return b;
        }
      }
    }
    return null;  // no room: the name stays in the tooltip
  }

  // ---------------------------------------------------------------- drawing

  // placed again when the view changes; while the view is panned the names move with it, and
  // while nodes move (dragged, or physics) they are placed again on every frame
  var placed = null, placedKey = "", panning = false, moving = false;
  function currentPlacement() {
    var v = view(), key = [v.s, v.tx, v.ty, container.clientWidth, container.clientHeight].join(",");
    if (!placed || moving || (key !== placedKey && !panning)) { placed = placeLabels(v); placedKey = key; placed.view = v; }
    return placed;
  }
  if (hasGuides) {
    network.on("beforeDrawing", function (ctx) {
      var px = 1 / Math.max(network.getScale(), 0.05);
      ctx.save();
      ctx.lineWidth = 1.5 * px;
      ctx.strokeStyle = "#e2e2e2";
      var circles = guides.circles || [];
      for (var i = 0; i < circles.length; i++) {
        ctx.beginPath();
        ctx.arc(0, 0, circles[i].r, 0, 2 * Math.PI);
        ctx.stroke();
      }
      var sectors = guides.sectors || [], outer = guides.outer || 0;
      if (sectors.length > 1) {
        ctx.setLineDash([4 * px, 6 * px]);
        for (var j = 0; j < sectors.length; j++) {
          var a = sectors[j].start;
          ctx.beginPath();
          ctx.moveTo(0, 0);
          ctx.lineTo((outer + 30) * Math.sin(a), -(outer + 30) * Math.cos(a));
          ctx.stroke();
        }
      }
      ctx.restore();
    });
  }
  function drawText(ctx, b, colour, halo) {
    ctx.font = b.font;
    ctx.fillStyle = colour;
    ctx.strokeStyle = halo;
    ctx.lineWidth = 3;
    ctx.lineJoin = "round";
    ctx.strokeText(b.text, b.x + b.w / 2, b.y + b.h / 2);
    ctx.fillText(b.text, b.x + b.w / 2, b.y + b.h / 2);
  }
  network.on("afterDrawing", function (ctx) {
    var now = currentPlacement(), v = view(), shift = { x: v.tx - now.view.tx, y: v.ty - now.view.ty };
    var ratio = ctx.canvas.width / Math.max(ctx.canvas.clientWidth, 1);
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, shift.x * ratio, shift.y * ratio);  // CSS pixels of the drawing
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    for (var g = 0; g < now.guides.length; g++) {
      var gb = now.guides[g];
      drawText(ctx, gb, gb.kind === "sector" ? "#555555" : "#8a8a8a", "rgba(255,255,255,0.9)");
    }
    for (var i = 0; i < now.labels.length; i++) { drawText(ctx, now.labels[i], "#333333", "#ffffff"); }
    ctx.restore();
  });
  network.once("afterDrawing", function () { document.body.setAttribute("data-drawn", "true"); });

  // ---------------------------------------------------------------- fitting the view

  // Every item is a canvas box plus a margin in CSS pixels (names and guide labels keep their
  // size on screen); the fit is the largest zoom at which all of them fit beside the legend.
  function fitItems() {
    var items = [], pos = network.getPositions(), all = nodes.get();
    for (var i = 0; i < all.length; i++) {
      var p = pos[all[i].id];
      if (!p) { continue; }
      var r = all[i].size || 10, half = 0;
      if (all[i].label) { half = Math.min(textWidth(shortName(String(all[i].label)), LABEL_PX + "px " + FACE) / 2 + 2, 70); }
      items.push({ x0: p.x - r, x1: p.x + r, y0: p.y - r, y1: p.y + r, l: half, r: half, t: half ? 18 : 2, b: half ? 19 : 2 });
    }
    if (hasGuides) {
      var outer = (guides.outer || 0) + 30, circles = guides.circles || [], sectors = guides.sectors || [];
      items.push({ x0: -outer, x1: outer, y0: -outer, y1: outer, l: 0, r: 0, t: 0, b: 0 });
      for (var c = 0; c < circles.length; c++) {
        items.push({ x0: 0, x1: 0, y0: -circles[c].r, y1: -circles[c].r, l: 40, r: 40, t: 20, b: 0 });
      }
      for (var k = 0; k < sectors.length; k++) {
        var w = textWidth(sectorLabel(sectors[k]), SECTOR_FONT) + 4, sp = sectorPlace(sectors[k], w, 18);
        var ax = sp.dx * sp.r, ay = sp.dy * sp.r;
        items.push({ x0: ax, x1: ax, y0: ay, y1: ay, l: -sp.ox + 4, r: sp.ox + w + 4, t: -sp.oy + 4, b: sp.oy + 22 });
      }
    }
    return items;
  }
  function extent(items, s) {
    var e = { x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity };
    for (var i = 0; i < items.length; i++) {
      var it = items[i];
      e.x0 = Math.min(e.x0, it.x0 * s - it.l); e.x1 = Math.max(e.x1, it.x1 * s + it.r);
      e.y0 = Math.min(e.y0, it.y0 * s - it.t); e.y1 = Math.max(e.y1, it.y1 * s + it.b);
    }
    return e;
  }
  var fitted = null, userMoved = false;
  function fitAll() {
    var W = container.clientWidth, H = container.clientHeight;
    if (!W || !H) { return false; }
    var items = fitItems();
    if (!items.length) { return false; }
    var legend = document.getElementById("nk-legend");
    var aside = legend && legend.open ? legend.offsetWidth + 16 : 0;
    if (W - aside < 0.5 * W) { aside = 0; }
    var room = { w: W - aside - 8, h: H - 8 }, lo = 1e-4, hi = 1.5;
    for (var step = 0; step < 40; step++) {
      var mid = (lo + hi) / 2, e = extent(items, mid);
      if (e.x1 - e.x0 <= room.w && e.y1 - e.y0 <= room.h) { lo = mid; } else { hi = mid; }
    }
    var s = lo, box = extent(items, s);
    var centre = { x: ((box.x0 + box.x1) / 2 + aside / 2) / s, y: (box.y0 + box.y1) / 2 / s };
    network.moveTo({ position: centre, scale: s, animation: false });
    fitted = { s: s, w: W, h: H };
    placed = null;  // moveTo has asked vis-network to draw again
    return true;
  }

  // Fit again whenever the frame gets a size or shows: a drawing made while its frame was off
  // screen, hidden or 0 pixels tall would otherwise keep the view it had then, far off the
  // nodes. Once the user zooms or pans, the view is theirs, unless the frame had no size.
  var lastSize = { w: container.clientWidth, h: container.clientHeight };
  function refit() {
    var w = container.clientWidth, h = container.clientHeight, wasEmpty = !lastSize.w || !lastSize.h;
    lastSize = { w: w, h: h };
    if (!w || !h) { return; }
    network.setSize();  // vis-network takes the new size (and rescales its view) before the fit below
    var differs = !fitted || w !== fitted.w || h !== fitted.h;
    if (wasEmpty || !fitted || (!userMoved && differs)) { fitAll(); }
    else if (differs) { placed = null; network.redraw(); }  // the user's view is kept; names are placed again
  }
  network.on("zoom", function () { userMoved = true; });
  network.on("dragStart", function (params) {
    userMoved = true;  // panned, or moved a person: either way the view is now theirs
    if (params.nodes && params.nodes.length) { moving = true; } else { panning = true; }
  });
  network.on("dragEnd", function () { panning = false; moving = false; placed = null; network.redraw(); });
  network.on("startStabilizing", function () { moving = true; });
  network.on("stabilized", function () { moving = false; placed = null; if (userMoved || !fitAll()) { network.redraw(); } });
  // vis-network rescales the view right after its "resize" event: fit once it has done so
  network.on("resize", function () { setTimeout(refit, 0); });
  if (window.ResizeObserver) {
    new ResizeObserver(refit).observe(container);
  }
  if (window.IntersectionObserver) {
    new IntersectionObserver(function (entries) {
      for (var i = 0; i < entries.length; i++) { if (entries[i].isIntersecting) { refit(); } }
    }).observe(container);
  }
  document.addEventListener("visibilitychange", function () { if (!document.hidden) { refit(); } });
  // printing lays the page out again at the paper's width: fit and draw at once, before the page is printed
  function forPrint() { refit(); network.redraw(); }
  window.addEventListener("beforeprint", forPrint);
  if (window.matchMedia) {
    var print = window.matchMedia("print");
    if (print.addEventListener) { print.addEventListener("change", function (e) { if (e.matches) { forPrint(); } }); }
  }
  var legendBox = document.getElementById("nk-legend");
  if (legendBox) { legendBox.addEventListener("toggle", function () { if (!userMoved) { fitAll(); } }); }
  fitAll();

  window.netkit = {
    network: network, nodes: nodes, edges: edges, fit: fitAll,
    // where the names and guide labels are drawn, in CSS pixels of the drawing (for tests and tools)
    labels: function () { return currentPlacement().labels.slice(); },
    guideLabels: function () { return currentPlacement().guides.slice(); }
  };
})();
