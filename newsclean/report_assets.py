"""The stylesheet, script and colours inlined into the HTML audit report (no external assets).

>>> REASON_COLOURS["share"]
'#d62728'
>>> ".r-share" in reason_css()
True
"""

from __future__ import annotations

from newsclean.reasons import Reason

# One colour per reason, distinct enough to tell apart in the chart and in the lines.
_PALETTE = (
    "#8c564b", "#7f7f7f", "#bcbd22", "#c7c7c7",  # encoding, control chars, whitespace, blank
    "#9467bd", "#1f77b4", "#17becf", "#aec7e8",  # header, title, dateline, byline
    "#ff7f0e", "#e377c2", "#d62728", "#2ca02c",  # audio, inline teaser, share, subscribe
    "#98df8a", "#393b79", "#637939", "#8c6d31",  # cookie, navigation, footer, comments
    "#843c39", "#7b4173", "#3182bd", "#6baed6",  # advertisement, widget, caption, alt text
    "#e6550d", "#fd8d3c", "#31a354", "#ad494a",  # teaser heading, teaser list, repeat, outside
    "#9c9ede", "#b5cf6b",  # site boilerplate, hard wrap
)

REASON_COLOURS: dict[str, str] = {
    reason.value: _PALETTE[k % len(_PALETTE)] for k, reason in enumerate(Reason)
}
"""The colour (`#rrggbb`) of each reason, in the chart bars and on the removed lines."""


def _rgba(colour: str, alpha: float) -> str:
    red, green, blue = (int(colour[k:k + 2], 16) for k in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def reason_css() -> str:
    """One CSS rule per reason, setting its colour (`--c`) and a light tint (`--bg`).

    >>> reason_css().splitlines()[0]
    '.r-encoding{--c:#8c564b;--bg:rgba(140,86,75,0.14)}'
    """
    return "\n".join(
        f".r-{name}{{--c:{colour};--bg:{_rgba(colour, 0.14)}}}"
        for name, colour in REASON_COLOURS.items()
    )


STYLE = """
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d1d1f;
  background:#f6f6f4}
header.top,main{max-width:1100px;margin:0 auto;padding:0 16px}
header.top h1{font-size:1.5em;margin:18px 0 2px}
.sub{color:#666;margin:0 0 12px;font-size:.9em}
section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px 16px;margin:12px 0}
h2{font-size:1.15em;margin:0 0 8px}
dl.totals{display:flex;flex-wrap:wrap;gap:8px 28px;margin:0}
dl.totals div{min-width:120px}
dl.totals dt{color:#666;font-size:.85em}
dl.totals dd{margin:0;font-size:1.5em;font-weight:600}
.note{color:#555;font-size:.9em;margin:8px 0 0}
svg.chart text{font:12px system-ui,sans-serif;fill:#222}
svg.chart a{cursor:pointer}
svg.chart a:hover rect{opacity:.75}
ul.flags{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:8px}
button,select,input{font:inherit}
button.pick{border:1px solid #bbb;background:#fafafa;border-radius:4px;padding:2px 8px;
  cursor:pointer}
.controls{display:flex;flex-wrap:wrap;gap:10px;align-items:center;position:sticky;top:0;
  background:#fff;padding:8px 0;z-index:2;border-bottom:1px solid #eee}
.controls input{width:6em}
#status{color:#555}
article.doc{border:1px solid #ddd;border-radius:6px;margin:14px 0;background:#fff}
article.doc>header{display:flex;justify-content:space-between;gap:8px;align-items:baseline;
  padding:8px 12px;background:#f0f0ee;border-bottom:1px solid #ddd;border-radius:6px 6px 0 0}
article.doc h3{margin:0;font-size:1em}
article.doc nav button{margin-left:4px}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;padding:8px 12px;
  border-bottom:1px dashed #ddd;font-size:.9em;margin:0}
.meta dt{color:#666}
.meta dd{margin:0;overflow-wrap:anywhere}
.badge{display:inline-block;border-radius:10px;padding:0 8px;margin-right:4px;font-size:.85em;
  background:#ffe7a8;border:1px solid #e0b84a}
ol.lines{margin:0;padding:6px 12px 10px 52px;font-size:.92em}
ol.lines li{padding:1px 6px;border-left:4px solid transparent;overflow-wrap:anywhere}
ol.lines li.removed{border-left-color:var(--c);background:var(--bg);color:#555}
ol.lines li.removed del{text-decoration:line-through;text-decoration-color:var(--c);
  text-decoration-thickness:2px}
ol.lines li.changed{border-left-color:#bbb;border-left-style:dotted}
.why{float:right;font-size:.78em;color:var(--c,#777);margin-left:8px;font-weight:600}
.empty{color:#777;font-style:italic;padding:8px 12px}
"""

SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var docs = data.docs, R = data.reasons, F = data.filters, PAGE = data.page_size;
  var box = document.getElementById("docs"), select = document.getElementById("filter");
  var status = document.getElementById("status"), goto = document.getElementById("goto");
  var shown = [], page = 0;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  function matches(d, key) {
    if (key === "all") { return true; }
    if (key === "flagged") { return d.flags.length > 0; }
    var cut = key.indexOf(":"), kind = key.slice(0, cut), name = key.slice(cut + 1);
    if (kind === "flag") { return d.flags.indexOf(name) >= 0; }
    if (kind === "reason") { return (d.reasons[name] || 0) > 0; }
    return true;
  }
  function metaRow(dl, label, value) {
    if (value === null || value === undefined || value === "") { return; }
    dl.appendChild(el("dt", null, label));
    var dd = el("dd");
    if (typeof value === "string") { dd.textContent = value; } else { dd.appendChild(value); }
    dl.appendChild(dd);
  }
  function render(pos) {
    var d = docs[shown[pos]];
    var art = el("article", "doc");
    art.id = "doc-" + d.n;
    var head = el("header");
    head.appendChild(el("h3", null, "#" + d.n + (d.id ? " \u00b7 " + d.id : "") +
      (d.title ? " \u00b7 " + d.title : "")));
    var nav = el("nav");
    var prev = el("button", "pick", "\u25c0 previous"), next = el("button", "pick", "next \u25b6");
    prev.setAttribute("data-jump", String(pos - 1));
    next.setAttribute("data-jump", String(pos + 1));
    prev.disabled = pos === 0;
    next.disabled = pos === shown.length - 1;
    nav.appendChild(prev); nav.appendChild(next);
    head.appendChild(nav);
    art.appendChild(head);

    var meta = el("dl", "meta");
    metaRow(meta, "title", d.title);
    metaRow(meta, "published", d.published);
    metaRow(meta, "byline", d.byline);
    metaRow(meta, "language", d.lang);
    metaRow(meta, "url", d.url);
    metaRow(meta, "site", d.site);
    if (d.captions.length) {
      var caps = el("ul");
      d.captions.forEach(function (c) {
        caps.appendChild(el("li", null, c[0] + (c[1] ? " (" + c[1] + ")" : "")));
      });
      metaRow(meta, "captions", caps);
    }
    if (d.flags.length) {
      var flags = el("span");
      d.flags.forEach(function (f) { flags.appendChild(el("span", "badge", f)); });
      metaRow(meta, "flags", flags);
    }
    var share = d.words_in ? Math.round(100 * (1 - d.words_out / d.words_in)) : 0;
    metaRow(meta, "words", d.words_in + " in, " + d.words_out + " out (" + share + "% removed)");
    art.appendChild(meta);

    var ol = el("ol", "lines");
    d.lines.forEach(function (row) {
      var li = el("li");
      li.value = row[0];
      if (row.length === 2) {
        li.textContent = row[1];
      } else {
        var why = F[row[2]] + ": " + R[row[3]];
        li.title = why;
        if (row[4] === 1) {
          li.className = "removed r-" + R[row[3]];
          li.appendChild(el("span", "why", R[row[3]]));
          li.appendChild(el("del", null, row[1]));
        } else {
          li.className = "changed";
          li.textContent = row[1];
        }
      }
      ol.appendChild(li);
    });
    if (!d.lines.length) { art.appendChild(el("p", "empty", "(empty page)")); }
    art.appendChild(ol);
    return art;
  }
  function show(p) {
    var pages = Math.max(1, Math.ceil(shown.length / PAGE));
    page = Math.min(Math.max(p, 0), pages - 1);
    var start = page * PAGE, end = Math.min(shown.length, start + PAGE);
    var frag = document.createDocumentFragment();
    for (var pos = start; pos < end; pos++) { frag.appendChild(render(pos)); }
    box.textContent = "";
    box.appendChild(frag);
    if (!shown.length) { box.appendChild(el("p", "empty", "No document matches this filter.")); }
    status.textContent = shown.length ? ("documents " + (start + 1) + "\u2013" + end + " of " +
      shown.length + " shown \u00b7 page " + (page + 1) + " of " + pages) : "0 documents";
    document.getElementById("prev-page").disabled = page === 0;
    document.getElementById("next-page").disabled = page >= pages - 1;
  }
  function jump(pos) {
    if (pos < 0 || pos >= shown.length) { return; }
    var want = Math.floor(pos / PAGE);
    if (want !== page || !box.firstChild) { show(want); }
    var target = document.getElementById("doc-" + docs[shown[pos]].n);
    if (target && target.scrollIntoView) { target.scrollIntoView(); }
  }
  function applyFilter(key) {
    shown = [];
    for (var k = 0; k < docs.length; k++) { if (matches(docs[k], key)) { shown.push(k); } }
    select.value = key;
    show(0);
  }
  select.addEventListener("change", function () { applyFilter(select.value); });
  document.getElementById("prev-page").addEventListener("click", function () { show(page - 1); });
  document.getElementById("next-page").addEventListener("click", function () { show(page + 1); });
  document.getElementById("goto-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var n = parseInt(goto.value, 10);
    for (var pos = 0; pos < shown.length; pos++) {
      if (docs[shown[pos]].n === n) { jump(pos); return; }
    }
    status.textContent = "document #" + goto.value + " is not in this view";
  });
  box.addEventListener("click", function (ev) {
    var t = ev.target;
    if (t && t.getAttribute && t.getAttribute("data-jump") !== null) {
      jump(parseInt(t.getAttribute("data-jump"), 10));
    }
  });
  document.addEventListener("click", function (ev) {
    var t = ev.target;
    while (t && t.getAttribute && t.getAttribute("data-filter") === null) { t = t.parentNode; }
    if (t && t.getAttribute && t.getAttribute("data-filter") !== null) {
      ev.preventDefault();
      applyFilter(t.getAttribute("data-filter"));
      document.getElementById("browse").scrollIntoView();
    }
  });
  applyFilter("all");
  var hash = /^#doc-(\d+)$/.exec(window.location.hash);
  if (hash) {
    for (var pos = 0; pos < shown.length; pos++) {
      if (docs[shown[pos]].n === parseInt(hash[1], 10)) { jump(pos); break; }
    }
  }
}());
"""
