/* kharita review page: reads the payload embedded by geo/review.py and lets an
 * analyst accept, reject, edit, move, re-place, merge and split events.
 *
 * Every string of the payload is raw data: it only ever reaches the page as a
 * text node or an attribute value set through the DOM (never innerHTML), so no
 * article text can become markup or script.  Decisions are an ordered log of
 * operations (the rules are those of geo/review.py, which replays an exported
 * log: keep the two in step).  Nothing here reads the network.
 */
(function () {
  "use strict";
  if (window.kharitaReview) { return; }
  var API = (window.kharitaReview = { ready: false, error: null });

  var D, TEXT = {}, E, byId, order, ops = [], filtered = [], cur = null, picks = [];
  var KEY, ROW = 54, STATUSES = ["pending", "accepted", "rejected"];
  var ui = {}, map, points, selMarker = null, selArea = null, actorsList = [];

  /* ------------------------------------------------------------------ DOM helpers */
  function h(tag, attrs, kids) {
    var el = document.createElement(tag), k;
    for (k in attrs || {}) {
      if (!Object.prototype.hasOwnProperty.call(attrs, k) || attrs[k] === null || attrs[k] === undefined) { continue; }
      if (k === "text") { el.textContent = attrs[k]; }
      else if (k === "cls") { el.className = attrs[k]; }
      else if (k.slice(0, 2) === "on") { el.addEventListener(k.slice(2), attrs[k]); }
      else if (k === "value") { el.value = attrs[k]; }
      else if (k === "checked" || k === "disabled" || k === "selected") { el[k] = !!attrs[k]; }
      else { el.setAttribute(k, attrs[k]); }
    }
    (kids || []).forEach(function (c) {
      if (c === null || c === undefined || c === false) { return; }
      el.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return el;
  }
  function clear(el) { while (el.firstChild) { el.removeChild(el.firstChild); } return el; }
  function safeUrl(u) { return typeof u === "string" && /^https?:\/\//i.test(u) ? u : null; }
  function toast(msg, bad) {
    ui.toast.textContent = msg;
    ui.toast.className = "kr-toast kr-show" + (bad ? " kr-bad" : "");
    clearTimeout(toast._t);
    toast._t = setTimeout(function () { ui.toast.className = "kr-toast"; }, bad ? 5000 : 2200);
  }

  /* ------------------------------------------------------------------ the model */
  function colVal(f, k) {
    var v = D.cols[f][k];
    if (TEXT[f]) { return v === null || v === undefined || v < 0 ? null : D.S[v]; }
    return v === undefined ? null : v;
  }
  function loadRec(k) {
    var rec = {}, f, i;
    for (i = 0; i < D.fields.length; i++) { f = D.fields[i]; rec[f] = colVal(f, k); }
    return rec;
  }
  function str(v) { return v === null || v === undefined ? "" : String(v); }
  function selfMember(rec) {
    return { id: rec.id, doc_id: str(rec.doc_id), source: str(rec.source), url: str(rec.url), evidence: str(rec.evidence) };
  }
  function build() {
    E = []; byId = Object.create(null); order = [];
    for (var k = 0; k < D.n; k++) {
      var rec = loadRec(k), ms = D.members[k] || [selfMember(rec)], st = D.status0[k] || "pending";
      var e = { k: k, rec: rec, base: null, status0: st, status: st, gone: null, members: ms.slice(),
                members0: ms.slice(), absorbed: [], origin: null, extra: D.extra[k] || {}, membersChanged: false,
                flags: D.flags[k], hl: D.hl[k], cand: D.cand[D.cand_of[k]] || [], moved: false, tolls: false };
      E.push(e); byId[rec.id] = e; order.push(e);
    }
  }
  function base(e) {
    if (!e.base) { e.base = loadRec(e.k); }
    return e.base;
  }
  function fail(k, msg) { throw new Error("decision " + k + ": " + msg); }
  function live(id, k) {
    var e = typeof id === "string" ? byId[id] : null;
    if (!e) { fail(k, "no event " + JSON.stringify(id) + " in these events"); }
    if (e.gone) { fail(k, "event " + JSON.stringify(id) + " is no longer in the review (" + e.gone + ")"); }
    return e;
  }
  function num(v, what, lo, hi, k) {
    if (typeof v !== "number" || !(v >= lo && v <= hi)) { fail(k, what + " must be a number in [" + lo + ", " + hi + "]"); }
    return v;
  }
  function cleanValue(field, v, k) {
    if (field === "event_date") {
      if (v === null || v === "" || v === undefined) { return null; }
      if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v)) { fail(k, "event_date must be YYYY-MM-DD or null"); }
      var d = new Date(v + "T00:00:00Z");
      if (isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) { fail(k, "no such date " + v); }
      return v;
    }
    if (field === "fatalities") {
      if (v === null || v === "" || v === undefined) { return null; }
      if (typeof v !== "number" || !Number.isInteger(v) || v < 0) { fail(k, "fatalities must be a whole number ≥ 0 or null"); }
      return v;
    }
    if (typeof v !== "string") { fail(k, field + " must be text"); }
    return v;
  }
  function applyOp(op, k) {
    var e, a, b, f, p;
    if (!op || typeof op !== "object") { fail(k, "not an object"); }
    switch (op.op) {
      case "status":
        e = live(op.id, k);
        if (STATUSES.indexOf(op.status) < 0) { fail(k, "status must be one of " + STATUSES.join(", ")); }
        e.status = op.status;
        break;
      case "edit":
        e = live(op.id, k);
        if (D.editable.indexOf(op.field) < 0) { fail(k, JSON.stringify(op.field) + " is not an editable field"); }
        base(e);
        e.rec[op.field] = cleanValue(op.field, op.value, k);
        break;
      case "move":
        e = live(op.id, k); base(e);
        e.rec.latitude = num(op.lat, "lat", -90, 90, k);
        e.rec.longitude = num(op.lon, "lon", -180, 180, k);
        e.rec.uncertainty_wkt = null;
        e.moved = true;
        break;
      case "place":
        e = live(op.id, k); base(e); p = op.place;
        if (!p || typeof p !== "object") { fail(k, "'place' must be an object"); }
        ["place_id", "place_name_en", "place_name_ar", "admin1", "country"].forEach(function (f2) {
          var v = p[f2] === undefined ? "" : p[f2];
          if (typeof v !== "string") { fail(k, "place " + f2 + " must be text"); }
          e.rec[f2] = v;
        });
        e.rec.latitude = num(p.lat, "place lat", -90, 90, k);
        e.rec.longitude = num(p.lon, "place lon", -180, 180, k);
        e.rec.uncertainty_m = p.precision_m === null || p.precision_m === undefined ? null : num(p.precision_m, "precision_m", 0, 1e8, k);
        e.rec.uncertainty_wkt = null;
        e.rec.relation = "";
        e.rec.geo_precision = 1;
        e.moved = true;
        break;
      case "merge":
        a = live(op.keep, k); b = live(op.drop, k);
        if (a === b) { fail(k, "cannot merge an event into itself"); }
        b.gone = "merged into " + a.rec.id;
        var have = Object.create(null);
        a.members.forEach(function (m) { have[m.id] = true; });
        b.members.forEach(function (m) { if (!have[m.id]) { a.members.push(m); } });
        a.absorbed.push(b.rec.id);
        a.membersChanged = true;
        if (a.rec.fatalities !== null && b.rec.fatalities !== null && a.rec.fatalities !== b.rec.fatalities) { a.tolls = true; }
        break;
      case "split":
        e = live(op.id, k);
        if (e.absorbed.length) {
          e.absorbed.forEach(function (bid) { byId[bid].gone = null; });
          e.absorbed = [];
          e.members = e.members0.slice();
          e.membersChanged = false;
          e.tolls = false;
        } else if (e.members.length > 1) {
          splitFused(e);
        } else {
          fail(k, "event " + JSON.stringify(e.rec.id) + " has a single source: nothing to split");
        }
        break;
      default:
        fail(k, "unknown op " + JSON.stringify(op.op));
    }
  }
  function splitFused(e) {
    e.gone = "split";
    var at = order.indexOf(e) + 1, made = [], eb = base(e);
    e.members.forEach(function (m, j0) {
      var j = j0 + 1, nid = m.id;
      while (byId[nid]) { nid = nid + "~" + j; }
      var sub = { id: nid, doc_id: m.doc_id, source: m.source, url: m.url, evidence: m.evidence };
      if (Object.prototype.hasOwnProperty.call(m, "fatalities")) { sub.fatalities = m.fatalities; }
      var rec = Object.assign({}, e.rec, sub), b = Object.assign({}, eb, sub);
      var part = { k: e.k, rec: rec, base: b, status0: e.status0, status: e.status0, gone: null, members: [m],
                   members0: [m], absorbed: [], origin: e.rec.id, extra: {}, membersChanged: false,
                   flags: e.flags, hl: m.hl || 0, cand: e.cand, moved: e.moved, tolls: false };
      byId[nid] = part; made.push(part);
    });
    Array.prototype.splice.apply(order, [at, 0].concat(made));
  }

  /* ------------------------------------------------------------------ output (as geo/review.py) */
  function show(v) { return v === null || v === undefined || v === "" ? "∅" : String(v); }
  function pyFloat(x) {
    if (x === 0) { return Object.is(x, -0) ? "-0.0" : "0.0"; }
    var ax = Math.abs(x), s;
    if (ax < 1e-4 || ax >= 1e16) {
      s = x.toExponential();
      return s.replace(/e([+-])(\d)$/, "e$10$2");
    }
    s = String(x);
    return /[.e]/.test(s) ? s : s + ".0";
  }
  function pt(lat, lon) { return lat === null || lon === null ? "∅" : pyFloat(lat) + "," + pyFloat(lon); }
  function audit(e) {
    var parts = [], b = base(e);
    if (e.origin) { parts.push("split from " + e.origin); }
    if (e.status !== e.status0) { parts.push("status: " + e.status0 + " → " + e.status); }
    D.audit_fields.forEach(function (f) {
      if (e.rec[f] !== b[f]) { parts.push(f + ": " + show(b[f]) + " → " + show(e.rec[f])); }
    });
    if (e.rec.latitude !== b.latitude || e.rec.longitude !== b.longitude) {
      parts.push("point: " + pt(b.latitude, b.longitude) + " → " + pt(e.rec.latitude, e.rec.longitude));
    }
    if (e.absorbed.length) { parts.push("merged: " + e.absorbed.join(", ")); }
    return parts.join("; ");
  }
  function uniq(vals) {
    var seen = {}, out = [];
    vals.forEach(function (v) { if (v && !seen["$" + v]) { seen["$" + v] = true; out.push(v); } });
    return out;
  }
  function fusedProps(ms) {
    return { merged_ids: ms.map(function (m) { return m.id; }), doc_ids: uniq(ms.map(function (m) { return m.doc_id; })),
             sources: uniq(ms.map(function (m) { return m.source; })), evidence_all: ms.map(function (m) { return m.evidence; }) };
  }
  function output(dropRejected) {
    var out = [];
    order.forEach(function (e) {
      if (e.gone || (dropRejected && e.status === "rejected")) { return; }
      var props = {}, x = e.extra, fp = e.membersChanged ? fusedProps(e.members) : null;
      D.schema.forEach(function (c) { props[c[0]] = e.rec[c[1]] === undefined ? null : e.rec[c[1]]; });
      Object.keys(x).forEach(function (k) {  // defineProperty: a key "__proto__" stays a plain key
        if (!fp || D.fused_keys.indexOf(k) < 0) { Object.defineProperty(props, k, { value: x[k], enumerable: true, writable: true, configurable: true }); }
      });
      if (fp) { Object.keys(fp).forEach(function (k) { props[k] = fp[k]; }); }
      props.review_status = e.status;
      props.review_audit = audit(e);
      out.push([e, props]);
    });
    return out;
  }
  function geojson(dropRejected) {
    var feats = output(dropRejected).map(function (ep) {
      var p = ep[1], g = p.latitude !== null && p.longitude !== null ? { type: "Point", coordinates: [p.longitude, p.latitude] } : null;
      return { type: "Feature", id: p.event_id_cnty, geometry: g, properties: p };
    });
    return JSON.stringify({ type: "FeatureCollection", kharita_schema: "events/1", features: feats }) + "\n";
  }
  var FORMULA = /^'*[=+\-@\t\r]/, NUMBER = /^[+-]?(?:\p{Nd}+(?:\.\p{Nd}*)?|\.\p{Nd}+)(?:[eE][+-]?\p{Nd}+)?$/u;
  function csvCell(t) { return t && FORMULA.test(t) && !NUMBER.test(t) ? "'" + t : t; }
  function csvText(v) { return csvCell(v === null || v === undefined ? "" : String(v)); }
  function csvQuote(s) { return /[",\r\n]/.test(s) ? "\"" + s.replace(/"/g, "\"\"") + "\"" : s; }
  function csv(dropRejected) {
    var lines = [D.schema.map(function (c) { return c[0]; }).concat(["geometry"], D.csv_extra).map(csvQuote).join(",")];
    output(dropRejected).forEach(function (ep) {
      var e = ep[0], p = ep[1], row = [], fused = e.members.length > 1;
      D.schema.forEach(function (c) {
        var v = p[c[0]];
        if (v === null || v === undefined) { row.push(""); }
        else if (c[2] === "float?") { row.push(pyFloat(v)); }
        else if (c[2] === "int" || c[2] === "int?") { row.push(String(v)); }
        else { row.push(csvText(v)); }
      });
      row.push(p.latitude === null || p.longitude === null ? "" : "POINT (" + pyFloat(p.longitude) + " " + pyFloat(p.latitude) + ")");
      row.push(csvText(p.review_status), csvText(p.review_audit),
               csvText(fused ? e.members.map(function (m) { return m.id; }).join(" | ") : ""),
               csvText(fused ? uniq(e.members.map(function (m) { return m.doc_id; })).join(" | ") : ""),
               csvText(fused ? uniq(e.members.map(function (m) { return m.source; })).join(" | ") : ""));
      lines.push(row.map(csvQuote).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }
  function decisions() {
    return JSON.stringify({ kharita_review: 1, dataset: D.dataset, title: D.title, ops: ops }, null, 1) + "\n";
  }

  /* ------------------------------------------------------------------ decisions log */
  function save() {
    try { localStorage.setItem(KEY, JSON.stringify({ v: 1, ops: ops })); } catch (err) { /* storage off: keep in memory */ }
  }
  function replay(list) {
    build();
    for (var i = 0; i < list.length; i++) { applyOp(list[i], i + 1); }
  }
  function doOp(op) {
    try {
      applyOp(op, ops.length + 1);
    } catch (err) {
      toast(err.message, true);
      return false;
    }
    ops.push(op);
    save();
    refresh();
    return true;
  }
  function undo() {
    if (!ops.length) { toast("nothing to undo"); return; }
    var last = ops.pop(), id = cur && cur.rec.id;
    replay(ops);
    save();
    cur = (id && byId[id] && !byId[id].gone) ? byId[id] : (byId[last.id || last.keep] || null);
    refresh();
    toast("undone: " + last.op);
  }

  /* ------------------------------------------------------------------ review flags and filters */
  function reasons(e) {
    var r = [];
    if (e.flags & 1) { r.push("fuzzy"); }
    if (e.rec.latitude === null || (e.rec.place_id === "" && !e.moved)) { r.push("unresolved"); }
    if ((e.flags & 4) || e.tolls) { r.push("tolls"); }
    return r;
  }
  function hay(e) {
    var r = e.rec;
    return [r.id, r.evidence, r.location, r.actor1, r.actor2, r.place_name_en, r.place_name_ar, r.notes, r.doc_id, r.source]
      .join("\u0001").toLowerCase();
  }
  function matches(e, F) {
    var r = e.rec;
    if (F.type && r.event_type !== F.type) { return false; }
    if (F.status && (F.status === "changed" ? !audit(e) : e.status !== F.status)) { return false; }
    if ((F.from || F.to) && (!r.event_date || (F.from && r.event_date < F.from) || (F.to && r.event_date > F.to))) { return false; }
    if (F.review) {
      var rs = reasons(e);
      if (F.review === "any" ? !rs.length : rs.indexOf(F.review) < 0) { return false; }
    }
    if (F.q && hay(e).indexOf(F.q) < 0) { return false; }
    return true;
  }
  function filters() {
    return { type: ui.fType.value, status: ui.fStatus.value, review: ui.fReview.value, from: ui.fFrom.value,
             to: ui.fTo.value, q: ui.fQ.value.trim().toLowerCase() };
  }
  function refilter() {
    var F = filters();
    filtered = order.filter(function (e) { return !e.gone && matches(e, F); });
    ui.spacer.style.height = filtered.length * ROW + "px";
    renderRows(true);
    points.redraw();
    counts();
  }
  function counts() {
    var c = { pending: 0, accepted: 0, rejected: 0 }, n = 0;
    order.forEach(function (e) { if (!e.gone) { c[e.status]++; n++; } });
    ui.count.textContent = "showing " + filtered.length + " of " + n + " · " + c.accepted + " accepted · " + c.rejected +
      " rejected · " + c.pending + " pending · " + ops.length + " decisions";
    ui.mergeBtn.disabled = picks.length !== 2;
  }

  /* ------------------------------------------------------------------ table */
  function colour(t) { return Object.prototype.hasOwnProperty.call(D.colours, t) ? D.colours[t] : "#7f7f7f"; }
  function evidenceNode(text, hl, cls) {
    var el = h("span", { cls: cls || "kr-ev", dir: "auto" }), pos = 0, i;
    text = text || "";
    if (hl) {
      for (i = 0; i + 2 < hl.length; i += 3) {
        if (hl[i] < pos || hl[i + 1] > text.length) { continue; }
        if (hl[i] > pos) { el.appendChild(document.createTextNode(text.slice(pos, hl[i]))); }
        el.appendChild(h("mark", { cls: "kr-h kr-h-" + D.hl_kinds[hl[i + 2]], title: D.hl_kinds[hl[i + 2]],
                                   text: text.slice(hl[i], hl[i + 1]) }));
        pos = hl[i + 1];
      }
    }
    if (pos < text.length) { el.appendChild(document.createTextNode(text.slice(pos))); }
    return el;
  }
  function evHl(e) {  // highlights hold for the evidence as embedded; after a split they are the member's
    return e.hl;
  }
  function swatch(t) { var el = h("i", { cls: "kr-sw" }); el.style.background = colour(t); return el; }
  function statusMark(s) { return { pending: "•", accepted: "✓", rejected: "✗" }[s]; }
  function row(e, pos) {
    var r = e.rec, rs = reasons(e);
    var pick = h("input", { type: "checkbox", cls: "kr-pick", title: "pick for merging (x)", checked: picks.indexOf(e) >= 0,
                            onclick: function (ev) { ev.stopPropagation(); togglePick(e); } });
    var actors = [r.actor1, r.actor2].filter(function (a) { return a; }).join(" — ");
    var el = h("div", { cls: "kr-row kr-" + e.status + (e === cur ? " kr-cur" : ""), "data-id": r.id, role: "row",
                        onclick: function () { select(e); } }, [
      h("div", { cls: "kr-l1" }, [
        pick,
        h("span", { cls: "kr-st kr-st-" + e.status, title: e.status, text: statusMark(e.status) }),
        h("span", { cls: "kr-date", text: r.event_date || "—" }),
        h("span", { cls: "kr-type" }, [swatch(r.event_type), r.event_type || "?"]),
        h("span", { cls: "kr-place", dir: "auto", text: r.location || r.place_name_en || "—" }),
        h("span", { cls: "kr-actors", text: actors }),
        h("span", { cls: "kr-toll", title: "fatalities", text: r.fatalities === null ? "" : "☠ " + r.fatalities }),
        h("span", { cls: "kr-flags" }, rs.map(function (x) { return h("b", { cls: "kr-flag kr-flag-" + x, text: x }); })
          .concat(e.members.length > 1 ? [h("b", { cls: "kr-flag kr-flag-src", text: e.members.length + " src" })] : []))
      ]),
      evidenceNode(r.evidence, evHl(e), "kr-ev kr-l2")
    ]);
    el.style.top = pos * ROW + "px";
    return el;
  }
  var rowsQueued = false;
  function renderRows(now) {
    if (!now) {
      if (!rowsQueued) { rowsQueued = true; requestAnimationFrame(function () { rowsQueued = false; renderRows(true); }); }
      return;
    }
    var top = ui.scroll.scrollTop, hgt = ui.scroll.clientHeight || 600;
    var a = Math.max(0, Math.floor(top / ROW) - 5), b = Math.min(filtered.length, Math.ceil((top + hgt) / ROW) + 5);
    clear(ui.spacer);
    for (var i = a; i < b; i++) { ui.spacer.appendChild(row(filtered[i], i)); }
  }
  function scrollTo(e) {
    var i = filtered.indexOf(e);
    if (i < 0) { return; }
    var top = i * ROW, st = ui.scroll.scrollTop, hgt = ui.scroll.clientHeight;
    if (top < st) { ui.scroll.scrollTop = top; }
    else if (top + ROW > st + hgt) { ui.scroll.scrollTop = top + ROW - hgt; }
  }

  /* ------------------------------------------------------------------ selection and detail */
  function select(e, noPan) {
    if (typeof e === "number") { e = filtered[e]; }
    else if (typeof e === "string") { e = byId[e]; }
    cur = e && !e.gone ? e : null;
    renderRows(true);
    if (cur) { scrollTo(cur); }
    renderDetail();
    showSelection(!noPan);
  }
  function step(d, needReview) {
    if (!filtered.length) { return; }
    var i = cur ? filtered.indexOf(cur) : -1, n = filtered.length, j = i;
    for (var t = 0; t < n; t++) {
      j = i < 0 && d < 0 ? n - 1 : Math.min(n - 1, Math.max(0, j + d));
      if (!needReview || reasons(filtered[j]).length) { break; }
      if ((d > 0 && j === n - 1) || (d < 0 && j === 0)) { break; }
    }
    select(filtered[Math.max(0, j)]);
  }
  function setStatus(s, advance) {
    if (!cur) { return; }
    var i = filtered.indexOf(cur), next = filtered[i + 1] || null, e = cur;
    if (e.status !== s && !doOp({ op: "status", id: e.rec.id, status: s })) { return; }
    if (advance) {
      var j = next ? filtered.indexOf(next) : -1;
      select(j >= 0 ? next : (filtered.indexOf(e) >= 0 ? e : filtered[Math.min(i, filtered.length - 1)] || null));
    } else { select(e, true); }
  }
  function togglePick(e) {
    var i = picks.indexOf(e);
    if (i >= 0) { picks.splice(i, 1); } else { picks.push(e); if (picks.length > 2) { picks.shift(); } }
    renderRows(true); counts();
  }
  function mergePicked() {
    if (picks.length !== 2) { toast("pick two events to merge (x, or the row's box)", true); return; }
    var keep = picks.indexOf(cur) >= 0 ? cur : picks[0], drop = picks[0] === keep ? picks[1] : picks[0];
    merge(keep, drop);
  }
  function merge(keep, drop) {
    if (doOp({ op: "merge", keep: keep.rec.id, drop: drop.rec.id })) {
      picks = [];
      select(keep, true);
      toast("merged " + drop.rec.id + " into " + keep.rec.id);
    }
  }
  function split() {
    if (!cur) { return; }
    var e = cur;
    if (doOp({ op: "split", id: e.rec.id })) {
      select(e.gone ? order[order.indexOf(e) + 1] : e, true);
      toast("split " + e.rec.id);
    }
  }
  function duplicates(e) {
    var r = e.rec, out = [];
    if (r.latitude === null) { return out; }
    var d0 = r.event_date ? Date.parse(r.event_date) : null, cos = Math.cos(r.latitude * Math.PI / 180);
    for (var i = 0; i < order.length && out.length < 5; i++) {
      var o = order[i], q = o.rec;
      if (o === e || o.gone || q.latitude === null || q.event_type !== r.event_type) { continue; }
      if (d0 !== null && q.event_date && Math.abs(Date.parse(q.event_date) - d0) > 864e5) { continue; }
      var dy = (q.latitude - r.latitude) * 111.2, dx = (q.longitude - r.longitude) * 111.2 * cos;
      if (dx * dx + dy * dy <= 625) { out.push(o); }
    }
    return out;
  }
  function field(label, input) { return h("label", { cls: "kr-field" }, [h("span", { text: label }), input]); }
  function editInput(e, f, kind) {
    var v = e.rec[f], el;
    var onchange = function () {
      var raw = el.value, val = raw.trim();
      if (f === "fatalities") {
        if (val === "") { val = null; }
        else if (/^\d+$/.test(val)) { val = parseInt(val, 10); }
        else { toast("fatalities: a whole number, or empty for not reported", true); el.value = str(e.rec[f]); return; }
      } else if (f === "event_date") {
        val = val === "" ? null : val;
      } else if (f === "notes") {
        val = raw;
      }
      if (val === e.rec[f]) { return; }
      if (!doOp({ op: "edit", id: e.rec.id, field: f, value: val })) { el.value = str(e.rec[f]); return; }
      select(e, true);
    };
    if (kind === "type") {
      el = h("select", { name: f, onchange: onchange }, (v ? [] : [""]).concat(Object.keys(D.taxonomy)).concat(
        Object.prototype.hasOwnProperty.call(D.taxonomy, v) || !v ? [] : [v]).map(function (t) {
        return h("option", { value: t, text: t || "—", selected: t === v });
      }));
    } else if (kind === "textarea") {
      el = h("textarea", { name: f, rows: 3, dir: "auto", onchange: onchange, value: str(v) });
    } else {
      el = h("input", { name: f, type: kind === "date" ? "date" : (kind === "number" ? "number" : "text"), min: kind === "number" ? "0" : null,
                        list: kind === "sub" ? "kr-subtypes" : (kind === "actor" ? "kr-actors" : null), dir: "auto",
                        value: str(v), onchange: onchange });
    }
    return el;
  }
  function renderDetail() {
    var box = clear(ui.detail);
    if (!cur) { box.appendChild(h("p", { cls: "kr-muted", text: "Select an event (click a row or a point; j/k to move)." })); return; }
    var e = cur, r = e.rec, rs = reasons(e), subs = Object.prototype.hasOwnProperty.call(D.taxonomy, r.event_type) ? D.taxonomy[r.event_type] : [];
    clear(ui.subtypes);
    subs.forEach(function (s) { ui.subtypes.appendChild(h("option", { value: s })); });
    box.appendChild(h("div", { cls: "kr-dhead" }, [
      h("span", { cls: "kr-st kr-st-" + e.status, text: statusMark(e.status) + " " + e.status }),
      h("b", { text: " " + (r.event_type || "?") + (r.sub_event_type ? " · " + r.sub_event_type : "") }),
      h("span", { cls: "kr-id", text: " " + r.id })
    ]));
    box.appendChild(h("div", { cls: "kr-actions" }, [
      h("button", { cls: "kr-accept", onclick: function () { setStatus("accepted", true); }, title: "a", text: "Accept (a)" }),
      h("button", { cls: "kr-reject", onclick: function () { setStatus("rejected", true); }, title: "r", text: "Reject (r)" }),
      h("button", { cls: "kr-pending", onclick: function () { setStatus("pending", false); }, title: "p", text: "Pending (p)" }),
      h("button", { cls: "kr-split", onclick: split, disabled: !(e.absorbed.length || e.members.length > 1),
                    title: "s: undo merges into this event, or one event per source of a fused event", text: "Split (s)" }),
      r.latitude === null ? h("button", { cls: "kr-setpoint", text: "Put point at map centre", onclick: function () {
        var c = map.getCenter();
        if (doOp({ op: "move", id: e.rec.id, lat: round6(c.lat), lon: round6(c.lng) })) { select(e); }
      } }) : null
    ]));
    if (rs.length) {
      box.appendChild(h("p", { cls: "kr-needs" }, ["Needs review: "].concat(rs.map(function (x) {
        return h("b", { cls: "kr-flag kr-flag-" + x, text: { fuzzy: "fuzzy place match", unresolved: "unresolved place", tolls: "tolls disagree" }[x] });
      }))));
    }
    box.appendChild(h("blockquote", { cls: "kr-quote", dir: "auto" }, [evidenceNode(r.evidence, evHl(e))]));
    box.appendChild(h("div", { cls: "kr-legend" }, D.hl_kinds.map(function (k) { return h("mark", { cls: "kr-h kr-h-" + k, text: k }); })));
    var srcs = h("ol", { cls: "kr-sources" }, e.members.map(function (m) {
      var u = safeUrl(m.url);
      return h("li", {}, [
        h("span", { cls: "kr-src", text: (m.source || "?") + " · " + (m.doc_id || "?") + (m.id !== r.id ? " · " + m.id : "") }),
        u ? h("a", { href: u, target: "_blank", rel: "noopener noreferrer", text: " link" }) : null,
        m.evidence && e.members.length > 1 ? h("div", { cls: "kr-src-ev" }, [evidenceNode(m.evidence, m.hl)]) : null
      ]);
    }));
    box.appendChild(h("details", { cls: "kr-sec", open: e.members.length > 1 ? "" : null }, [
      h("summary", { text: "Sources (" + e.members.length + ")" }), srcs]));
    box.appendChild(h("div", { cls: "kr-form" }, [
      field("type", editInput(e, "event_type", "type")),
      field("sub-type", editInput(e, "sub_event_type", "sub")),
      field("actor 1", editInput(e, "actor1", "actor")),
      field("actor 2", editInput(e, "actor2", "actor")),
      field("date", editInput(e, "event_date", "date")),
      field("fatalities", editInput(e, "fatalities", "number")),
      field("notes", editInput(e, "notes", "textarea"))
    ]));
    var place = h("div", { cls: "kr-sec" }, [h("div", { cls: "kr-sub" }, [
      "Place: ", h("b", { dir: "auto", text: r.location || "—" }), " → ",
      h("span", { text: r.place_id ? (r.place_name_en || "") + " (" + r.place_id + ")" : "unresolved" }),
      r.relation ? h("span", { text: " · " + r.relation }) : null,
      r.latitude !== null ? h("span", { cls: "kr-muted", text: " · " + r.latitude.toFixed(4) + ", " + r.longitude.toFixed(4) +
        (r.uncertainty_m ? " ± " + Math.round(r.uncertainty_m / 100) / 10 + " km" : "") }) : null
    ])]);
    if (e.cand.length) {
      place.appendChild(h("ul", { cls: "kr-cands" }, e.cand.map(function (c, i) {
        var isCur = c.place_id === r.place_id && c.lat === r.latitude && c.lon === r.longitude;
        return h("li", {}, [
          h("button", { cls: "kr-cand", "data-place": c.place_id, disabled: isCur, text: isCur ? "current" : "use",
                        onclick: function () {
                          var p = {};
                          ["place_id", "place_name_en", "place_name_ar", "admin1", "country", "lat", "lon", "precision_m"]
                            .forEach(function (k) { p[k] = c[k]; });
                          if (doOp({ op: "place", id: e.rec.id, place: p })) { select(e); }
                        } }),
          h("span", { text: " " + c.place_name_en + " · " }), h("span", { lang: "ar", dir: "rtl", text: c.place_name_ar }),
          h("span", { cls: "kr-muted", text: " · " + c.feature_type + (c.admin1 ? " · " + c.admin1 : "") + (c.country && c.country !== "LY" ? " · " + c.country : "") +
            (c.score !== null ? " · " + c.score : "") + " · " + c.place_id })
        ]);
      })));
    }
    place.appendChild(h("p", { cls: "kr-muted", text: "Drag the marker on the map to move the point." }));
    box.appendChild(place);
    var dups = duplicates(e);
    if (dups.length || e.absorbed.length) {
      box.appendChild(h("div", { cls: "kr-sec" }, [h("div", { cls: "kr-sub", text: "Possible duplicates (same type, ±1 day, ≤25 km)" }),
        h("ul", { cls: "kr-dups" }, dups.map(function (o) {
          return h("li", {}, [
            h("button", { cls: "kr-mergehere", "data-id": o.rec.id, text: "merge into this",
                          onclick: function () { merge(e, o); } }),
            h("span", { text: " " + (o.rec.event_date || "—") + " · " + (o.rec.location || "") + " · " + o.rec.id, dir: "auto" })
          ]);
        })),
        e.absorbed.length ? h("p", { cls: "kr-muted", text: "Merged here: " + e.absorbed.join(", ") }) : null]));
    }
    box.appendChild(h("dl", { cls: "kr-info" }, [
      ["document", r.doc_id], ["source", r.source], ["date note", r.date_note], ["update", r.update_time],
      ["language", r.language], ["injuries", r.injuries]
    ].filter(function (kv) { return kv[1] !== null && kv[1] !== ""; }).reduce(function (acc, kv) {
      return acc.concat([h("dt", { text: kv[0] }), h("dd", { dir: "auto", text: String(kv[1]) })]);
    }, [])));
    var a = audit(e);
    if (a) { box.appendChild(h("p", { cls: "kr-audit", dir: "auto", text: "Audit: " + a })); }
  }

  /* ------------------------------------------------------------------ map */
  function round6(x) { return Math.round(x * 1e6) / 1e6; }
  var Points = L.Layer.extend({
    onAdd: function (m) {
      this._c = L.DomUtil.create("canvas", "kr-points leaflet-zoom-hide");
      m.getPanes().overlayPane.appendChild(this._c);
      m.on("moveend zoomend resize viewreset", this.redraw, this);
      this.redraw();
    },
    onRemove: function (m) {
      L.DomUtil.remove(this._c);
      m.off("moveend zoomend resize viewreset", this.redraw, this);
    },
    redraw: function () {
      var m = this._map;
      if (!m) { return; }
      var size = m.getSize(), c = this._c, dpr = window.devicePixelRatio || 1;
      c.width = size.x * dpr; c.height = size.y * dpr;
      c.style.width = size.x + "px"; c.style.height = size.y + "px";
      L.DomUtil.setPosition(c, m.containerPointToLayerPoint([0, 0]));
      var ctx = c.getContext("2d"), hit = [], i, e, r, p;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, size.x, size.y);
      var rad = m.getZoom() >= 9 ? 6 : 4.5;
      for (i = 0; i < filtered.length; i++) {
        e = filtered[i]; r = e.rec;
        if (r.latitude === null || r.longitude === null) { continue; }
        p = m.latLngToContainerPoint([r.latitude, r.longitude]);
        if (p.x < -10 || p.y < -10 || p.x > size.x + 10 || p.y > size.y + 10) { continue; }
        hit.push(p.x, p.y, i);
        ctx.beginPath();
        ctx.arc(p.x, p.y, e.status === "rejected" ? rad - 1.5 : rad, 0, 6.2832);
        ctx.globalAlpha = e.status === "rejected" ? 0.35 : 0.9;
        ctx.fillStyle = colour(r.event_type);
        ctx.fill();
        ctx.lineWidth = e.status === "accepted" ? 2.5 : 1;
        ctx.strokeStyle = e.status === "accepted" ? "#0b6b2b" : (e.status === "rejected" ? "#555" : "#fff");
        ctx.stroke();
      }
      ctx.globalAlpha = 1;
      this._hit = hit;
    },
    at: function (cp) {
      var hit = this._hit || [], best = -1, bd = 100;
      for (var i = 0; i < hit.length; i += 3) {
        var dx = hit[i] - cp.x, dy = hit[i + 1] - cp.y, d = dx * dx + dy * dy;
        if (d < bd) { bd = d; best = hit[i + 2]; }
      }
      return best < 0 ? null : filtered[best];
    }
  });
  function wktRing(w) {
    var m = /^\s*POLYGON\s*\(\s*\(([^()]*)\)/i.exec(w || "");
    if (!m) { return null; }
    var out = [];
    m[1].split(",").forEach(function (pair) {
      var xy = pair.trim().split(/\s+/).map(Number);
      if (xy.length >= 2 && isFinite(xy[0]) && isFinite(xy[1])) { out.push([xy[1], xy[0]]); }
    });
    return out.length >= 3 ? out : null;
  }
  function showSelection(pan) {
    if (selArea) { map.removeLayer(selArea); selArea = null; }
    if (!cur || cur.rec.latitude === null) {
      if (selMarker) { map.removeLayer(selMarker); selMarker = null; }
      return;
    }
    var r = cur.rec, ll = L.latLng(r.latitude, r.longitude), e = cur;
    if (!selMarker) {
      selMarker = L.marker(ll, { draggable: true, autoPan: true, keyboard: false, title: "drag to move the event" }).addTo(map);
      selMarker.on("dragend", function () {
        var p = selMarker.getLatLng(), ev = selMarker._kr;
        if (ev && doOp({ op: "move", id: ev.rec.id, lat: round6(p.lat), lon: round6(p.lng) })) { select(ev, true); }
      });
    } else { selMarker.setLatLng(ll); }
    selMarker._kr = e;
    var ring = wktRing(r.uncertainty_wkt);
    if (ring) {
      selArea = L.polygon(ring, { color: colour(r.event_type), weight: 1.5, fillOpacity: 0.12, interactive: false }).addTo(map);
    } else if (r.uncertainty_m) {
      selArea = L.circle(ll, { radius: r.uncertainty_m, color: colour(r.event_type), weight: 1, fillOpacity: 0.08, interactive: false }).addTo(map);
    }
    if (pan && !map.getBounds().pad(-0.1).contains(ll)) { map.panTo(ll); }
  }
  function buildMap() {
    map = L.map(ui.map, { zoomControl: true, attributionControl: false, preferCanvas: true, minZoom: 3, maxZoom: 17 });
    var B = D.basemap;
    if (B && B.kind === "geojson") {
      L.geoJSON(B.geojson, {
        interactive: false,
        style: function (f) {
          var ly = f.properties && f.properties.libya;
          return { color: ly ? "#6b6257" : "#a8a49c", weight: ly ? 1.6 : 0.8, fillColor: ly ? "#fbf6e9" : "#ecebe6", fillOpacity: 1 };
        }
      }).addTo(map);
    } else if (B && B.kind === "delta") {
      var sc = B.scale, baseR = L.canvas({ padding: 0.5 });
      var line = function (r) {
        var out = [], x = 0, y = 0;
        for (var q = 0; q + 1 < r.length; q += 2) { x += r[q]; y += r[q + 1]; out.push([y / sc, x / sc]); }
        return out;
      };
      var rings = function (polys) { return polys.map(function (p) { return p.map(line); }); };
      L.polygon(rings(B.land), { renderer: baseR, stroke: false, fillColor: "#ecebe6", fillOpacity: 1, interactive: false }).addTo(map);
      B.districts.forEach(function (d) {
        L.polygon(rings(d.polys), { renderer: baseR, color: "#b3a58c", weight: 0.8, fillColor: "#fbf6e9", fillOpacity: 1,
                                    interactive: false }).addTo(map);
      });
      L.polyline(B.borders.map(line), { renderer: baseR, color: "#6b6257", weight: 1.5, interactive: false }).addTo(map);
    }
    if (D.towns && D.towns.length) {
      var towns = L.layerGroup().addTo(map), renderer = L.canvas({ padding: 0.3 });
      D.towns.forEach(function (t) {
        var mk = L.circleMarker([t[0], t[1]], { radius: 2.5, color: "#555", weight: 1, fillColor: "#fff", fillOpacity: 1,
                                               interactive: false, renderer: renderer });
        mk.bindTooltip(t[2] + (t[3] ? " · " + t[3] : ""), { permanent: true, direction: "right", offset: [3, 0], className: "kr-town" });
        mk._z = t[4];
        towns.addLayer(mk);
      });
      var declutter = function () {
        var z = map.getZoom();
        towns.eachLayer(function (mk) { if (mk._z <= z) { mk.openTooltip(); } else { mk.closeTooltip(); } });
      };
      map.on("zoomend", declutter);
      map.whenReady(declutter);
    }
    points = new Points();
    points.addTo(map);
    map.on("click", function (ev) {
      var e = points.at(ev.containerPoint);
      if (e) { select(e, true); }
    });
    var b = L.latLngBounds([]);
    order.forEach(function (e) { if (e.rec.latitude !== null) { b.extend([e.rec.latitude, e.rec.longitude]); } });
    if (b.isValid()) { map.fitBounds(b.pad(0.1), { maxZoom: 11 }); } else { map.fitBounds([[19.5, 9.3], [33.2, 25.2]]); }
  }

  /* ------------------------------------------------------------------ page */
  function download(name, text, mime) {
    var url = URL.createObjectURL(new Blob([text], { type: mime })), a = h("a", { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 2000);
  }
  function loadDecisionsFile(file) {
    var fr = new FileReader();
    fr.onload = function () {
      var doc, list;
      try {
        doc = JSON.parse(fr.result);
        list = Array.isArray(doc) ? doc : doc.ops;
        if (!Array.isArray(list)) { throw new Error("not a decisions file (no 'ops' list)"); }
        replay(list);
      } catch (err) {
        toast("cannot load decisions: " + err.message, true);
        replay(ops);
        return;
      }
      ops = list.slice();
      save();
      cur = null;
      refresh();
      toast("loaded " + ops.length + " decisions" + (doc.dataset && doc.dataset !== D.dataset ? " (from another file of events)" : ""));
    };
    fr.readAsText(file);
  }
  function refresh() {
    refilter();
    if (cur && cur.gone) { cur = null; }
    renderDetail();
    showSelection(false);
  }
  function opt(v, t, sel) { return h("option", { value: v, text: t, selected: sel }); }
  function buildUI() {
    var app = clear(document.getElementById("kr-app"));
    var types = Object.create(null);
    order.forEach(function (e) { if (e.rec.event_type) { types[e.rec.event_type] = true; } });
    Object.keys(D.taxonomy).forEach(function (t) { types[t] = true; });
    var onF = function () { refilter(); };
    ui.fType = h("select", { name: "f-type", title: "event type", onchange: onF }, [opt("", "all types")].concat(
      Object.keys(types).sort().map(function (t) { return opt(t, t); })));
    ui.fFrom = h("input", { name: "f-from", type: "date", title: "from date", onchange: onF });
    ui.fTo = h("input", { name: "f-to", type: "date", title: "to date", onchange: onF });
    ui.fStatus = h("select", { name: "f-status", title: "review status", onchange: onF }, [opt("", "any status"),
      opt("pending", "pending"), opt("accepted", "accepted"), opt("rejected", "rejected"), opt("changed", "changed")]);
    ui.fReview = h("select", { name: "f-review", title: "needs review", onchange: onF }, [opt("", "all events"),
      opt("any", "needs review"), opt("fuzzy", "fuzzy place match"), opt("unresolved", "unresolved place"),
      opt("tolls", "tolls disagree")]);
    var qt;
    ui.fQ = h("input", { name: "f-q", type: "search", placeholder: "search (/)", oninput: function () {
      clearTimeout(qt); qt = setTimeout(refilter, 120);
    } });
    ui.count = h("span", { cls: "kr-count" });
    ui.mergeBtn = h("button", { cls: "kr-merge", text: "Merge picked (m)", onclick: mergePicked, disabled: true });
    ui.dropRej = h("input", { type: "checkbox", name: "omit-rejected" });
    var file = h("input", { type: "file", accept: ".json,application/json", cls: "kr-file", onchange: function () {
      if (file.files && file.files[0]) { loadDecisionsFile(file.files[0]); } file.value = "";
    } });
    ui.help = h("div", { cls: "kr-help", hidden: "" }, [
      h("b", { text: "Keys" }),
      h("ul", {}, [["a", "accept, next"], ["r", "reject, next"], ["p", "back to pending"], ["j / ↓", "next"],
                   ["k / ↑", "previous"], ["n", "next that needs review"], ["x", "pick for merging"], ["m", "merge the two picked"],
                   ["s", "split"], ["u", "undo"], ["/", "search"], ["?", "this help"]].map(function (kv) {
        return h("li", {}, [h("kbd", { text: kv[0] }), " " + kv[1]]);
      }))
    ]);
    var title = h("span", { cls: "kr-title", dir: "auto", text: D.title });
    app.appendChild(h("header", { cls: "kr-bar" }, [
      title, ui.fType, ui.fFrom, ui.fTo, ui.fStatus, ui.fReview, ui.fQ, ui.count,
      h("span", { cls: "kr-tools" }, [
        ui.mergeBtn,
        h("button", { cls: "kr-undo", text: "Undo (u)", onclick: undo }),
        h("span", { cls: "kr-sep" }),
        h("span", { text: "Export: " }),
        h("button", { cls: "kr-exp-decisions", text: "decisions", onclick: function () { download("decisions.json", decisions(), "application/json"); } }),
        h("button", { cls: "kr-exp-geojson", text: "GeoJSON", onclick: function () { download("reviewed.geojson", geojson(ui.dropRej.checked), "application/geo+json"); } }),
        h("button", { cls: "kr-exp-csv", text: "CSV", onclick: function () { download("reviewed.csv", csv(ui.dropRej.checked), "text/csv"); } }),
        h("label", { cls: "kr-omit", title: "leave rejected events out of the GeoJSON and CSV" }, [ui.dropRej, " omit rejected"]),
        h("label", { cls: "kr-load", title: "replace the decisions with an exported decisions file" }, ["load decisions ", file]),
        h("button", { cls: "kr-helpbtn", text: "?", onclick: function () { ui.help.hidden = !ui.help.hidden; } })
      ])
    ]));
    ui.scroll = h("div", { cls: "kr-scroll", onscroll: function () { renderRows(false); } });
    ui.spacer = h("div", { cls: "kr-spacer" });
    ui.scroll.appendChild(ui.spacer);
    ui.map = h("div", { cls: "kr-map" });
    ui.detail = h("div", { cls: "kr-detail" });
    ui.subtypes = h("datalist", { id: "kr-subtypes" });
    var al = h("datalist", { id: "kr-actors" }, actorsList.map(function (a) { return h("option", { value: a }); }));
    app.appendChild(h("main", { cls: "kr-main" }, [
      h("section", { cls: "kr-table" }, [ui.scroll]),
      h("section", { cls: "kr-side" }, [ui.map, ui.detail])
    ]));
    ui.toast = h("div", { cls: "kr-toast", role: "status" });
    app.appendChild(ui.toast);
    app.appendChild(ui.help);
    app.appendChild(ui.subtypes);
    app.appendChild(al);
  }
  function onKey(ev) {
    var t = ev.target, tag = t && t.tagName;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") {
      if (ev.key === "Escape") { t.blur(); }
      return;
    }
    var k = ev.key, done = true;
    if (k === "a") { setStatus("accepted", true); }
    else if (k === "r") { setStatus("rejected", true); }
    else if (k === "p") { setStatus("pending", false); }
    else if (k === "j" || k === "ArrowDown") { step(1); }
    else if (k === "k" || k === "ArrowUp") { step(-1); }
    else if (k === "n") { step(1, true); }
    else if (k === "x") { if (cur) { togglePick(cur); } }
    else if (k === "m") { mergePicked(); }
    else if (k === "s") { split(); }
    else if (k === "u") { undo(); }
    else if (k === "/") { ui.fQ.focus(); }
    else if (k === "?") { ui.help.hidden = !ui.help.hidden; }
    else if (k === "Escape") { ui.help.hidden = true; }
    else { done = false; }
    if (done) { ev.preventDefault(); }
  }

  function boot() {
    var t0 = performance.now();
    D = JSON.parse(document.getElementById("kharita-review-data").textContent);
    D.text_fields.forEach(function (f) { TEXT[f] = true; });
    KEY = "kharita-review/" + D.dataset;
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(KEY) || "null"); } catch (err) { saved = null; }
    build();
    if (saved && Array.isArray(saved.ops)) {
      try { replay(saved.ops); ops = saved.ops; } catch (err) { replay([]); ops = []; API.restoreError = err.message; }
    }
    var seen = Object.create(null);
    order.forEach(function (e) {
      [e.rec.actor1, e.rec.actor2].forEach(function (a) { if (a && !seen[a] && actorsList.length < 2000) { seen[a] = true; actorsList.push(a); } });
    });
    actorsList.sort();
    buildUI();
    buildMap();
    refilter();
    renderDetail();
    document.addEventListener("keydown", onKey);
    API.loadMs = performance.now() - t0;
    if (API.restoreError) { toast("saved decisions could not be replayed: " + API.restoreError, true); }
  }

  /* ------------------------------------------------------------------ API (tests, benchmark) */
  API.select = function (x) { select(x); return cur ? cur.rec.id : null; };
  API.current = function () { return cur ? cur.rec.id : null; };
  API.apply = function (op) { return doOp(op); };
  API.ops = function () { return ops.slice(); };
  API.undo = undo;
  API.geojson = geojson;
  API.csv = csv;
  API.decisions = decisions;
  API.audit = function (id) { return byId[id] ? audit(byId[id]) : null; };
  API.event = function (id) { var e = byId[id]; return e ? { rec: Object.assign({}, e.rec), status: e.status, gone: e.gone,
    members: e.members.length, reasons: reasons(e) } : null; };
  API.shown = function () { return filtered.map(function (e) { return e.rec.id; }); };
  API.refilter = function () { var t = performance.now(); refilter(); return performance.now() - t; };
  API.live = function () { return order.filter(function (e) { return !e.gone; }).length; };

  function start() {
    try { boot(); API.ready = true; }
    catch (err) { API.error = String(err && err.stack || err); API.ready = true; throw err; }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
