/* kharita event maps: draws the columnar event data embedded by geo/maps.py.
 *
 * Every string in the data table D.S was HTML-escaped in Python
 * (geo.html.escape), so it is inserted as an HTML fragment as is; numbers are
 * numbers.  Nothing here reads the network.
 */
(function () {
  "use strict";
  if (window.kharitaDraw) { return; }

  var state = (window.kharitaMaps = window.kharitaMaps || []);

  /* ---- shapes (unit outlines, radius 1) shared by canvas, SVG and legend ---- */
  function star(n, outer, inner) {
    var pts = [], i, a;
    for (i = 0; i < 2 * n; i++) {
      a = -Math.PI / 2 + i * Math.PI / n;
      pts.push([Math.cos(a) * (i % 2 ? inner : outer), Math.sin(a) * (i % 2 ? inner : outer)]);
    }
    return pts;
  }
  function poly(n, r, rot) {
    var pts = [], i, a;
    for (i = 0; i < n; i++) {
      a = rot + i * 2 * Math.PI / n;
      pts.push([Math.cos(a) * r, Math.sin(a) * r]);
    }
    return pts;
  }
  var SHAPES = {
    square: [[-0.9, -0.9], [0.9, -0.9], [0.9, 0.9], [-0.9, 0.9]],
    triangle: poly(3, 1.25, -Math.PI / 2),
    diamond: [[0, -1.3], [1.05, 0], [0, 1.3], [-1.05, 0]],
    star: star(5, 1.4, 0.6),
    plus: [[-0.35, -1.1], [0.35, -1.1], [0.35, -0.35], [1.1, -0.35], [1.1, 0.35], [0.35, 0.35],
           [0.35, 1.1], [-0.35, 1.1], [-0.35, 0.35], [-1.1, 0.35], [-1.1, -0.35], [-0.35, -0.35]],
    hexagon: poly(6, 1.1, 0)
  };
  function svgPath(shape, x, y, r) {
    var pts = SHAPES[shape];
    if (!pts) {
      return "M" + (x - r) + "," + y + "a" + r + "," + r + " 0 1,0 " + 2 * r + ",0 a" + r + "," + r + " 0 1,0 " + -2 * r + ",0";
    }
    return pts.map(function (p, i) { return (i ? "L" : "M") + (x + p[0] * r).toFixed(1) + "," + (y + p[1] * r).toFixed(1); }).join("") + "Z";
  }

  L.Canvas.include({
    _kharitaShape: function (layer) {
      if (!this._drawing || layer._empty()) { return; }
      var p = layer._point, ctx = this._ctx, r = Math.max(Math.round(layer._radius), 1);
      var pts = SHAPES[layer.options.shape];
      ctx.beginPath();
      for (var i = 0; i < pts.length; i++) {
        ctx[i ? "lineTo" : "moveTo"](p.x + pts[i][0] * r, p.y + pts[i][1] * r);
      }
      ctx.closePath();
      this._fillStroke(ctx, layer);
    }
  });
  L.SVG.include({
    _kharitaShape: function (layer) {
      var p = layer._point.round(), r = Math.round(layer._radius);
      this._setPath(layer, layer._empty() ? "M0 0" : svgPath(layer.options.shape, p.x, p.y, r));
    }
  });
  var ShapeMarker = L.CircleMarker.extend({
    options: { shape: "circle" },
    _updatePath: function () {
      if (SHAPES[this.options.shape] && this._renderer._kharitaShape) {
        this._renderer._kharitaShape(this);
      } else {
        L.CircleMarker.prototype._updatePath.call(this);
      }
    }
  });

  /* ---- data ---- */
  function inflate(b64) {
    if (typeof DecompressionStream === "undefined") {
      return Promise.reject(new Error("this browser cannot decompress the map data (no DecompressionStream)"));
    }
    var bin = atob(b64), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Response(stream).text().then(JSON.parse);
  }
  function ring(enc) {  // delta-coded integer lon/lat (1e-5 deg) -> [[lat, lon]...]
    var out = [], x = 0, y = 0;
    for (var i = 0; i < enc.length; i += 2) {
      x += enc[i]; y += enc[i + 1];
      out.push([y / 1e5, x / 1e5]);
    }
    return out;
  }

  function control(pos, cls, html) {
    var C = L.Control.extend({
      onAdd: function () {
        var div = L.DomUtil.create("div", "kharita-box " + cls);
        div.innerHTML = html;
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        return div;
      }
    });
    return new C({ position: pos });
  }

  function hex(c) { return [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)]; }
  function ramp(cols, t) {  // colour at t in [0, 1] along a list of #rrggbb stops
    var x = Math.max(0, Math.min(1, t)) * (cols.length - 1), k = Math.min(cols.length - 2, Math.floor(x)), f = x - k;
    var a = hex(cols[k]), b = hex(cols[k + 1]);
    return "#" + a.map(function (v, q) { return ("0" + Math.round(v + (b[q] - v) * f).toString(16)).slice(-2); }).join("");
  }

  function build(map, D, opts, st, B) {
    var S = D.S, C = D.cols, n = D.n, T = D.T;
    function s(i) { return i < 0 || i === undefined || i === null ? "" : S[i]; }
    function row(label_en, label_ar, value) {
      return value === "" || value === null || value === undefined ? "" :
        "<tr><th>" + label_en + " <span lang=\"ar\" dir=\"rtl\">" + label_ar + "</span></th><td>" + value + "</td></tr>";
    }
    var renderer = L.canvas({ padding: 0.5 });
    if (!map.getPane("kharitaBase")) {
      map.createPane("kharitaBase").style.zIndex = 150;
      map.createPane("kharitaChoro").style.zIndex = 380;
      map.createPane("kharitaAreas").style.zIndex = 390;
      map.createPane("kharitaLabels").style.zIndex = 395;
      map.getPane("kharitaLabels").style.pointerEvents = "none";
    }
    var overlays = {}, bounds = L.latLngBounds([]);

    /* offline basemap: land, districts, borders (Natural Earth 1:10m), district labels */
    if (B) {
      var sc = B.scale;
      var line = function (r) {
        var out = [], x = 0, y = 0;
        for (var q = 0; q < r.length; q += 2) { x += r[q]; y += r[q + 1]; out.push([y / sc, x / sc]); }
        return out;
      };
      var rings = function (polys) { return polys.map(function (p) { return p.map(line); }); };
      st.districts = B.districts.length;
      if (opts.offline) {
        var baseR = L.canvas({ pane: "kharitaBase", padding: 0.5 });
        st.baseRenderer = baseR;
        L.polygon(rings(B.land), { renderer: baseR, stroke: false, fillColor: "#ecebe6", fillOpacity: 1,
                                   interactive: false }).addTo(map);
        B.districts.forEach(function (d) {
          L.polygon(rings(d.polys), { renderer: baseR, color: "#b3a58c", weight: 0.8, fillColor: "#fbf6e9",
                                      fillOpacity: 1, interactive: false }).addTo(map);
        });
        L.polyline(B.borders.map(line), { renderer: baseR, color: "#6b6257", weight: 1.5,
                                          interactive: false }).addTo(map);
        var labels = L.layerGroup();
        B.districts.forEach(function (d) {
          var mk = L.marker(d.label, { pane: "kharitaLabels", interactive: false, keyboard: false,
            icon: L.divIcon({ className: "kharita-district", iconSize: [0, 0],
              html: "<div class=\"kd-label\"><span class=\"kd-ar\" lang=\"ar\" dir=\"rtl\">" + d.name_ar +
                    "</span><br><span class=\"kd-en\" lang=\"en\">" + d.name_en + "</span></div>" }) });
          mk._labelZoom = d.label_zoom;
          mk._district = d.id;
          labels.addLayer(mk);
        });
        labels.addTo(map);
        var showLabels = function () {
          var z = map.getZoom();
          labels.eachLayer(function (mk) {
            var el = mk.getElement();
            if (el) { el.style.display = mk._labelZoom <= z + 1 ? "" : "none"; }
          });
        };
        map.on("zoomend", showLabels);
        labels.on("add", showLabels);
        map.whenReady(showLabels);
        st.districtLabels = labels;
        overlays["Districts · الشعبيات (" + B.districts.length + ")"] = labels;
      }
    }

    /* district choropleth */
    if (B && opts.choropleth && D.districts) {
      var choroR = L.canvas({ pane: "kharitaChoro", padding: 0.5 });
      var RAMP = ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"];
      var metric = opts.choropleth === "fatalities" ? 1 : 0;
      var choro = L.featureGroup(), polys = [];
      var breaksOf = function (m) {
        var vals = D.districts.map(function (v) { return v[m]; }).filter(function (v) { return v > 0; }).sort(function (a, b) { return a - b; });
        var br = [];
        [0.2, 0.4, 0.6, 0.8].forEach(function (q) {
          var v = vals.length ? vals[Math.min(vals.length - 1, Math.floor(q * vals.length))] : 0;
          if (v > 0 && br.indexOf(v) < 0) { br.push(v); }
        });
        return br;
      };
      var classOf = function (v, br) { var k = 0; while (k < br.length && v > br[k]) { k++; } return k; };
      var restyle = function () {
        var br = breaksOf(metric);
        polys.forEach(function (pl, k) {
          var v = D.districts[k][metric];
          pl.setStyle({ fillColor: v > 0 ? RAMP[Math.min(RAMP.length - 1, classOf(v, br) + RAMP.length - br.length - 1)] : "#f4f4f4",
                        fillOpacity: v > 0 ? 0.75 : 0.35 });
        });
        var lo = 1, rows = "";
        br.concat([Infinity]).forEach(function (b, k) {
          var col = RAMP[Math.min(RAMP.length - 1, k + RAMP.length - br.length - 1)];
          var max = D.districts.reduce(function (a, v) { return Math.max(a, v[metric]); }, 0);
          if (lo > max) { return; }
          rows += "<div class=\"kl-row\"><span class=\"kp-swatch\" style=\"background:" + col + "\"></span> " +
                  (b === Infinity ? (lo === max ? lo : lo + "–" + max) : (lo === b ? lo : lo + "–" + b)) + "</div>";
          lo = b + 1;
        });
        var box = document.getElementById(opts.uid + "-choro");
        if (box) { box.innerHTML = rows + "<div class=\"kl-row\"><span class=\"kp-swatch\" style=\"background:#f4f4f4\"></span> 0</div>"; }
        st.choropleth.metric = metric ? "fatalities" : "events";
        st.choropleth.breaks = br;
      };
      B.districts.forEach(function (d, k) {
        var pl = L.polygon(rings(d.polys), { renderer: choroR, pane: "kharitaChoro", color: "#5b4a3a", weight: 1,
                                             fillOpacity: 0.75 });
        pl.bindTooltip("<div lang=\"ar\" dir=\"rtl\">" + d.name_ar + "</div><div>" + d.name_en + "</div><div>" +
                       D.districts[k][0] + " events · أحداث · " + D.districts[k][1] + " killed · قتلى</div>",
                       { sticky: true, className: "kharita-tip" });
        pl._district = d.id;
        polys.push(pl);
        choro.addLayer(pl);
      });
      st.choropleth = { layers: polys, values: D.districts, outside: D.districts_outside };
      choro.addTo(map);
      overlays["District choropleth · خريطة الشعبيات"] = choro;
      var cc = control("bottomleft", "kharita-choro",
        "<div class=\"kl-title\">Districts · الشعبيات</div>" +
        "<label><input type=\"radio\" name=\"" + opts.uid + "-m\" value=\"0\"" + (metric ? "" : " checked") + "> events · أحداث</label>" +
        "<label><input type=\"radio\" name=\"" + opts.uid + "-m\" value=\"1\"" + (metric ? " checked" : "") + "> fatalities · قتلى</label>" +
        "<div id=\"" + opts.uid + "-choro\"></div>" +
        (D.districts_outside ? "<div class=\"kl-note\">" + D.districts_outside + " events outside the districts</div>" : ""));
      cc.addTo(map);
      Array.prototype.forEach.call(cc.getContainer().querySelectorAll("input[type=radio]"), function (el) {
        el.addEventListener("change", function () { metric = +el.value; restyle(); });
      });
      restyle();
    }
    if (D.towns && D.towns.length) {
      var towns = L.layerGroup();
      D.towns.forEach(function (t) {
        var mk = L.circleMarker([t[0] / 1e5, t[1] / 1e5], {
          radius: t[4] ? 2 : 3.5, color: "#555", weight: 1, fillColor: "#fff", fillOpacity: 1,
          pane: "kharitaBase", interactive: true, renderer: renderer
        });
        var label = s(t[2]) + (t[3] >= 0 ? " · <span lang=\"ar\" dir=\"rtl\">" + s(t[3]) + "</span>" : "");
        mk.bindTooltip(label, { permanent: true, direction: "right", offset: [4, 0], className: "kharita-town" });
        mk._labelZoom = t[4];
        towns.addLayer(mk);
      });
      towns.addTo(map);
      var declutter = function () {
        var z = map.getZoom();
        towns.eachLayer(function (mk) {
          if (mk._labelZoom <= z) { mk.openTooltip(); } else { mk.closeTooltip(); }
        });
      };
      map.on("zoomend", declutter);
      map.whenReady(declutter);
      overlays["Towns · مدن"] = towns;
    }

    /* uncertainty areas */
    var areas = L.layerGroup(), nAreas = 0;
    (D.U || []).forEach(function (enc) {
      areas.addLayer(L.polygon(ring(enc), { color: "#444", weight: 1, dashArray: "4 3", fillColor: "#888",
                                             fillOpacity: 0.10, interactive: false, pane: "kharitaAreas", renderer: renderer }));
      nAreas++;
    });
    if (nAreas) {
      if (nAreas <= opts.max_areas_shown) { areas.addTo(map); }
      overlays["Uncertainty areas · مناطق الشك (" + nAreas + ")"] = areas;
    }

    /* events */
    var by = D.by || { kind: "type" }, nd = (D.dates || []).length, actorColour = {};
    if (by.kind === "actor") { by.keys.forEach(function (a, k) { actorColour[a] = by.colours[k]; }); }
    function colourOf(i) {
      if (by.kind === "actor") { return actorColour[C.a[i]] || by.other_colour; }
      if (by.kind === "date") {
        var wd = D.W[C.w[i]][4];
        return wd < 0 ? by.undated_colour : ramp(by.ramp, nd > 1 ? wd / (nd - 1) : 0);
      }
      return T[C.t[i]].colour;
    }
    var group = L.featureGroup(), markers = new Array(n), visible = new Uint8Array(n);
    var heat = opts.heat && L.heatLayer ? L.heatLayer([], { radius: opts.heat.radius, blur: opts.heat.blur, maxZoom: 11 }) : null;
    if (!heat || n <= opts.heat.markers_above) { group.addTo(map); }
    var typeOn = T.map(function () { return true; }), docOn = D.D.map(function () { return true; });
    for (var i = 0; i < n; i++) {
      var ty = T[C.t[i]];
      var mk = new ShapeMarker([C.y[i] / 1e5, C.x[i] / 1e5], {
        radius: opts.radius, shape: ty.shape, color: "#222", weight: 1, fillColor: colourOf(i), fillOpacity: 0.9,
        renderer: renderer
      });
      mk._k = i;
      markers[i] = mk;
      visible[i] = 1;
      group.addLayer(mk);
      bounds.extend(mk.getLatLng());
    }

    function place(i) {
      var P = D.P[C.p[i]], ar = s(P[1]), en = s(P[0]);
      return (ar ? "<span class=\"kp-ar\" lang=\"ar\" dir=\"rtl\">" + ar + "</span>" : "") +
             (ar && en ? " · " : "") + (en ? "<span lang=\"en\">" + en + "</span>" : "");
    }
    function popupHtml(i) {
      var ty = T[C.t[i]], P = D.P[C.p[i]], W = D.W[C.w[i]], G = D.G[C.g[i]], Dd = D.D[C.d[i]];
      var lang = s(Dd[3]) || "ar", rtl = lang === "ar";
      var when = s(W[0]) + (s(W[3]) ? " · " + s(W[3]) + " GMT" : "") + (W[1] > 1 ? " (±" + (W[1] === 2 ? "week" : "month") + ")" : "");
      var actors = s(C.a[i]) + (s(C.b[i]) ? " ↔ " + s(C.b[i]) : "");
      var cas = [];
      if (C.f[i] !== null) { cas.push(C.f[i] + " killed · قتلى"); }
      if (C.j[i] !== null) { cas.push(C.j[i] + " injured · جرحى"); }
      var prec = ["", "1 · the place itself", "2 · near / part of", "3 · region"][G[0]] || String(G[0]);
      var geo = prec + (s(G[1]) ? " · " + s(G[1]) : "") + (G[2] ? " · ±" + (G[2] >= 1000 ? (G[2] / 1000).toFixed(1) + " km" : Math.round(G[2]) + " m") : "");
      var src = s(Dd[2]) ? "<a href=\"" + s(Dd[2]) + "\" target=\"_blank\" rel=\"noopener noreferrer\">" + (s(Dd[1]) || s(Dd[2])) + "</a>" : s(Dd[1]);
      return "<div class=\"kharita-popup\">" +
        "<div class=\"kp-type\"><span class=\"kp-swatch\" style=\"background:" + ty.colour + "\"></span>" + ty.name +
        (s(C.k[i]) ? " — " + s(C.k[i]) : "") + "</div>" +
        "<div class=\"kp-place\">" + place(i) + "</div>" +
        "<table>" +
        row("District", "الشعبية", s(P[2])) +
        row("As written", "كما ورد", s(C.l[i]) ? "<span dir=\"auto\">" + s(C.l[i]) + "</span>" : "") +
        row("Date", "التاريخ", when) +
        row("Date note", "ملاحظة", s(W[2])) +
        row("Actors", "الأطراف", actors) +
        row("Casualties", "الضحايا", cas.join(" · ")) +
        row("Geo precision", "دقة الموقع", geo) +
        row("Source", "المصدر", src + (s(Dd[0]) ? " <span class=\"kp-id\">[" + s(Dd[0]) + "]</span>" : "")) +
        row("Event id", "المعرف", "<span class=\"kp-id\">" + (C.i[i] || "") + "</span>") +
        "</table>" +
        (s(C.e[i]) ? "<blockquote class=\"kp-evidence\" lang=\"" + lang + "\" dir=\"" + (rtl ? "rtl" : "ltr") + "\">" + s(C.e[i]) + "</blockquote>" : "") +
        "</div>";
    }
    var popup = L.popup({ maxWidth: 420, className: "kharita-popup-wrap" });
    var tooltip = L.tooltip({ direction: "top", offset: [0, -6], className: "kharita-tip" });
    group.on("click", function (e) {
      var i = e.layer._k;
      popup.setLatLng(e.layer.getLatLng()).setContent(popupHtml(i)).openOn(map);
    });
    group.on("mouseover", function (e) {
      var i = e.layer._k, ty = T[C.t[i]];
      tooltip.setLatLng(e.layer.getLatLng()).setContent("<div>" + place(i) + "</div><div>" + ty.name + (s(D.W[C.w[i]][0]) ? " · " + s(D.W[C.w[i]][0]) : "") + "</div>");
      map.openTooltip(tooltip);
    });
    group.on("mouseout", function () { map.closeTooltip(tooltip); });

    /* claims */
    if (D.C && D.C.length) {
      var claims = L.featureGroup();
      D.C.forEach(function (c) {
        var line = L.polyline(c.path.map(function (p) { return [p[0] / 1e5, p[1] / 1e5]; }),
                              { color: c.colour, weight: 3, opacity: 0.9, dashArray: c.dash ? "8 6" : null, renderer: renderer });
        line.bindTooltip(c.label, { permanent: c.perm && D.C.length <= opts.max_claim_labels, direction: "center", className: "kharita-claim" });
        line.bindPopup("<div class=\"kharita-popup\">" + c.popup + "</div>", { maxWidth: 420 });
        claims.addLayer(line);
        [c.a, c.s].forEach(function (p, k) {
          if (!p) { return; }
          claims.addLayer(L.circleMarker([p[0] / 1e5, p[1] / 1e5], { radius: k ? 5 : 4, color: c.colour, weight: 2,
                                                                    fillColor: k ? c.colour : "#fff", fillOpacity: 1, renderer: renderer }));
          bounds.extend([p[0] / 1e5, p[1] / 1e5]);
        });
      });
      claims.addTo(map);
      overlays["Claims · الادعاءات (" + D.C.length + ")"] = claims;
    }

    /* filters: type, document, date */
    var dates = D.dates || [], lo = 0, hi = dates.length - 1, undated = true;
    function apply() {
      var shown = 0;
      for (var i = 0; i < n; i++) {
        var wd = D.W[C.w[i]][4];
        var ok = typeOn[C.t[i]] && docOn[C.d[i]] && (wd < 0 ? undated : (wd >= lo && wd <= hi));
        if (ok && !visible[i]) { group.addLayer(markers[i]); }
        if (!ok && visible[i]) { group.removeLayer(markers[i]); }
        visible[i] = ok ? 1 : 0;
        shown += visible[i];
      }
      st.shown = shown;
      if (heat) {
        var pts = [];
        for (var q = 0; q < n; q++) { if (visible[q]) { pts.push([C.y[q] / 1e5, C.x[q] / 1e5]); } }
        heat.setLatLngs(pts);
      }
      var cnt = document.getElementById(opts.uid + "-shown");
      if (cnt) { cnt.textContent = String(shown); }
    }
    if (heat) {
      overlays["Events · الأحداث (" + n + ")"] = group;
      overlays["Density · الكثافة"] = heat;
      var all = [];
      for (var h = 0; h < n; h++) { all.push([C.y[h] / 1e5, C.x[h] / 1e5]); }
      heat.setLatLngs(all);
      heat.addTo(map);
      st.heat = heat;
    }
    var filterLayers = [];
    T.forEach(function (ty, k) {
      if (!ty.count) { return; }
      var dummy = L.layerGroup().addTo(map);
      dummy._kharitaFilter = function (on) { typeOn[k] = on; };
      filterLayers.push(dummy);
      overlays["<span class=\"kp-swatch\" style=\"background:" + ty.colour + "\"></span>" + ty.name + " (" + ty.count + ")"] = dummy;
    });
    if (D.D.length > 1 && D.D.length <= opts.max_doc_layers) {
      D.D.forEach(function (d, k) {
        var dummy = L.layerGroup().addTo(map);
        dummy._kharitaFilter = function (on) { docOn[k] = on; };
        filterLayers.push(dummy);
        overlays["Source · مصدر: " + (s(d[0]) || s(d[1]) || "document " + (k + 1)) + " (" + d[4] + ")"] = dummy;
      });
    }
    function onOverlay(on) {
      return function (e) { if (e.layer._kharitaFilter) { e.layer._kharitaFilter(on); apply(); } };
    }
    map.on("overlayadd", onOverlay(true));
    map.on("overlayremove", onOverlay(false));
    L.control.layers(null, overlays, { collapsed: Object.keys(overlays).length > opts.max_expanded_overlays }).addTo(map);

    /* legend and note */
    var leg = "<div class=\"kl-title\">" + (opts.title || "Events · أحداث") + "</div>";
    T.forEach(function (ty) {
      if (!ty.count) { return; }
      leg += "<div class=\"kl-row\"><svg width=\"18\" height=\"18\" viewBox=\"0 0 18 18\"><path d=\"" + svgPath(ty.shape, 9, 9, 6) +
             "\" fill=\"" + (by.kind === "type" ? ty.colour : "#fff") + "\" stroke=\"#222\" stroke-width=\"1\"/></svg> " + ty.name +
             (ty.name_ar ? " · <span lang=\"ar\" dir=\"rtl\">" + ty.name_ar + "</span>" : "") + " <b>" + ty.count + "</b></div>";
    });
    if (by.kind === "actor") {
      leg += "<div class=\"kl-title kl-by\">Colour: first actor · الطرف الأول</div>";
      by.keys.forEach(function (a, k) {
        leg += "<div class=\"kl-row\"><span class=\"kp-swatch\" style=\"background:" + by.colours[k] + "\"></span>" + s(a) + " <b>" + by.counts[k] + "</b></div>";
      });
      if (by.other) { leg += "<div class=\"kl-row\"><span class=\"kp-swatch\" style=\"background:" + by.other_colour + "\"></span>other · أخرى <b>" + by.other + "</b></div>"; }
    } else if (by.kind === "date") {
      leg += "<div class=\"kl-title kl-by\">Colour: date · التاريخ</div><div class=\"kl-ramp\" style=\"background:linear-gradient(to right," +
             by.ramp.join(",") + ")\"></div><div class=\"kl-row\">" + (D.dates[0] || "") + " → " + (D.dates[nd - 1] || "") + "</div>";
    }
    leg += "<div class=\"kl-note\"><span id=\"" + opts.uid + "-shown\">" + n + "</span> of " + n + " located events shown";
    if (D.skipped_total) {
      leg += "<br>" + D.skipped_total + " not drawn: " + D.skipped.map(function (x) { return x[1] + " " + x[0]; }).join(", ");
    }
    if (B && opts.offline) { leg += "<br><span class=\"kl-attr\">Basemap: Natural Earth 1:10m (public domain); districts and towns: kharita gazetteer</span>"; }
    leg += "</div>";
    control("bottomright", "kharita-legend", leg).addTo(map);

    if (dates.length > 1 && opts.time_slider !== false) {
      var tc = control("bottomleft", "kharita-time",
        "<div class=\"kl-title\">Dates · التواريخ</div>" +
        "<label>from <input type=\"range\" class=\"kt-lo\" min=\"0\" max=\"" + (dates.length - 1) + "\" value=\"0\"></label>" +
        "<label>to <input type=\"range\" class=\"kt-hi\" min=\"0\" max=\"" + (dates.length - 1) + "\" value=\"" + (dates.length - 1) + "\"></label>" +
        "<div class=\"kt-label\"></div><label><input type=\"checkbox\" class=\"kt-undated\" checked> undated events</label>");
      tc.addTo(map);
      var box = tc.getContainer(), inLo = box.querySelector(".kt-lo"), inHi = box.querySelector(".kt-hi");
      var lab = box.querySelector(".kt-label"), chk = box.querySelector(".kt-undated");
      var upd = function () {
        lo = Math.min(+inLo.value, +inHi.value); hi = Math.max(+inLo.value, +inHi.value);
        lab.textContent = dates[lo] + " → " + dates[hi];
        undated = chk.checked;
        apply();
      };
      inLo.addEventListener("input", upd); inHi.addEventListener("input", upd); chk.addEventListener("change", upd);
      lab.textContent = dates[0] + " → " + dates[dates.length - 1];
      st.timeControl = true;
    }

    if (bounds.isValid()) {
      map.fitBounds(bounds.pad(0.08), { maxZoom: opts.max_fit_zoom });
    } else {
      map.fitBounds(opts.default_bounds);
    }
    st.group = group;
    st.markers = markers;
    st.located = n;
    st.shown = n;
    st.apply = apply;
  }

  window.kharitaDraw = function (map, dataId, opts) {
    var st = { id: dataId, ready: false, error: null };
    state.push(st);
    var raw;
    try {
      raw = JSON.parse(document.getElementById(dataId).textContent);
    } catch (err) {
      st.error = String(err);
      st.ready = true;
      return;
    }
    var basemap = null;
    if (opts.basemap_id) {
      try {
        basemap = JSON.parse(document.getElementById(opts.basemap_id).textContent);
      } catch (err) {
        st.error = "basemap: " + String(err);
      }
    }
    var p = raw.z ? inflate(raw.z) : Promise.resolve(raw);
    p.then(function (D) {
      build(map, D, opts, st, basemap);
      st.ready = true;
    }).catch(function (err) {
      st.error = String(err && err.message || err);
      st.ready = true;
      control("topright", "kharita-error", "").addTo(map).getContainer().textContent = "kharita: " + st.error;
      if (window.console) { console.error(err); }
    });
  };
})();
