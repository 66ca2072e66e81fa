// netkit's page script: reads the data block as JSON (never as markup), turns every tooltip
// into a text node, draws the network with positions computed in Python, and the ring and
// sector guides underneath. No network access, no eval, no markup built from data.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("nk-data").textContent);

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
  if (data.page && data.page.background) { container.style.backgroundColor = data.page.background; }
  var options = data.options || {};
  if (options.configure && options.configure.enabled) {
    options.configure.container = document.getElementById("nk-config");
  }
  var nodes = new vis.DataSet(withTextTitles(data.nodes));
  var edges = new vis.DataSet(withTextTitles(data.edges));
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);

  var guides = data.guides;
  if (guides && ((guides.circles && guides.circles.length) || (guides.sectors && guides.sectors.length))) {
    network.on("beforeDrawing", function (ctx) {
      var px = 1 / Math.max(network.getScale(), 0.05);  // guide text keeps its size on screen
      var face = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
      ctx.save();
      ctx.lineWidth = 1.5 * px;
      ctx.strokeStyle = "#e2e2e2";
      ctx.fillStyle = "#8a8a8a";
      ctx.font = (12 * px) + "px " + face;
      ctx.textAlign = "center";
      var circles = guides.circles || [];
      for (var i = 0; i < circles.length; i++) {
        ctx.beginPath();
        ctx.arc(0, 0, circles[i].r, 0, 2 * Math.PI);
        ctx.stroke();
        if (circles[i].label) { ctx.fillText(circles[i].label, 0, -circles[i].r - 4 * px); }
      }
      var sectors = guides.sectors || [];
      var outer = guides.outer || 0;
      if (sectors.length > 1) {
        ctx.setLineDash([4 * px, 6 * px]);
        for (var j = 0; j < sectors.length; j++) {
          var a = sectors[j].start;
          ctx.beginPath();
          ctx.moveTo(0, 0);
          ctx.lineTo((outer + 30) * Math.sin(a), -(outer + 30) * Math.cos(a));
          ctx.stroke();
        }
        ctx.setLineDash([]);
      }
      ctx.fillStyle = "#555555";
      ctx.font = "bold " + (14 * px) + "px " + face;
      for (var k = 0; k < sectors.length; k++) {
        var mid = (sectors[k].start + sectors[k].end) / 2;
        var r = outer + 30 + 16 * px;
        var label = String(sectors[k].label);
        if (label.length > 40) { label = label.slice(0, 39) + "\u2026"; }
        ctx.fillText(label, r * Math.sin(mid), -r * Math.cos(mid) + 5 * px);
      }
      ctx.restore();
    });
  }
  network.once("afterDrawing", function () { document.body.setAttribute("data-drawn", "true"); });

  // fit the nodes (and, for rings and hubs, the guides and their labels) into the part of the
  // frame the legend does not cover
  function fitAll() {
    var pos = network.getPositions();
    var reach = guides && guides.outer ? guides.outer + 90 : 0;
    var lo = { x: -reach, y: -reach }, hi = { x: reach, y: reach }, any = reach > 0;
    for (var id in pos) {
      if (!Object.prototype.hasOwnProperty.call(pos, id)) { continue; }
      if (!any) { lo = { x: pos[id].x, y: pos[id].y }; hi = { x: pos[id].x, y: pos[id].y }; any = true; }
      lo.x = Math.min(lo.x, pos[id].x - 60); lo.y = Math.min(lo.y, pos[id].y - 40);
      hi.x = Math.max(hi.x, pos[id].x + 60); hi.y = Math.max(hi.y, pos[id].y + 70);
    }
    if (!any) { return; }
    var w = container.clientWidth || 600, h = container.clientHeight || 400;
    var legend = document.getElementById("nk-legend");
    var aside = legend && legend.open ? legend.offsetWidth + 16 : 0;
    if (w - aside < 0.5 * w) { aside = 0; }
    var scale = Math.min((w - aside) / (hi.x - lo.x), h / (hi.y - lo.y));
    scale = Math.min(scale, 1.5);
    network.moveTo({
      position: { x: (lo.x + hi.x) / 2 + aside / 2 / scale, y: (lo.y + hi.y) / 2 },
      scale: scale,
      animation: false
    });
  }
  fitAll();
  window.netkit = { network: network, nodes: nodes, edges: edges };
})();
