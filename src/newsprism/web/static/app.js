// newsprism pages: citations light up their evidence; legend boxes hide kinds of marks.
// No library, no network: this file is served by the app or inlined in the saved report.
(function () {
  "use strict";

  function marksFor(keys, scope) {
    var found = [];
    keys.forEach(function (k) {
      if (!k) { return; }
      scope.querySelectorAll("mark[data-ev]").forEach(function (m) {
        if (m.getAttribute("data-ev").split(" ").indexOf(k) >= 0 && found.indexOf(m) < 0) {
          found.push(m);
        }
      });
    });
    return found;
  }

  function clear() {
    document.querySelectorAll(".active").forEach(function (e) { e.classList.remove("active"); });
  }

  // Narrow screens show one source card at a time (CSS hides the others): pick `card`.
  function pick(card) {
    var strip = card && card.parentElement;
    if (!strip || !strip.classList.contains("columns")) { return; }
    strip.querySelectorAll(".source.shown").forEach(function (s) { s.classList.remove("shown"); });
    card.classList.add("shown");
    var picker = strip.previousElementSibling;
    if (picker && picker.classList.contains("picker")) {
      picker.querySelectorAll(".pick").forEach(function (b) {
        var on = b.getAttribute("data-show") === card.id;
        b.classList.toggle("on", on);
        b.setAttribute("aria-pressed", on ? "true" : "false");
      });
    }
  }

  function initPickers() {
    document.querySelectorAll(".columns").forEach(function (strip) {
      var first = strip.querySelector(".source");
      if (!first) { return; }
      strip.classList.add("one");
      pick(first);
    });
  }

  // Show the evidence for `keys`; false when none of it is on this page.
  function show(keys, srcId, scope) {
    var found = marksFor(keys, scope || document);
    if (!found.length) { return false; }
    clear();
    pick(found[0].closest(".source"));
    found.forEach(function (m) { m.classList.add("active"); });
    var col = srcId ? document.getElementById(srcId) : found[0].closest(".source");
    if (col) { col.classList.add("active"); }
    // Instant: Chromium drops one of two nested smooth scrolls (page and column strip).
    found[0].scrollIntoView({ block: "center", inline: "center" });
    return true;
  }

  document.addEventListener("click", function (ev) {
    var button = ev.target.closest ? ev.target.closest(".pick[data-show]") : null;
    if (button) { pick(document.getElementById(button.getAttribute("data-show"))); return; }
    var link = ev.target.closest ? ev.target.closest("a.cite") : null;
    if (!link) { return; }
    var keys = (link.getAttribute("data-ev") || "").split(" ");
    var scope = link.closest(".story") || document;
    if (show(keys, link.getAttribute("data-src"), scope)) {
      ev.preventDefault();
      document.querySelectorAll("a.cite.current").forEach(function (a) { a.classList.remove("current"); });
      link.classList.add("current");
      if (history.replaceState) { history.replaceState(null, "", "#" + keys[0]); }
    }
  });

  document.addEventListener("change", function (ev) {
    var box = ev.target;
    if (!box.matches || !box.matches(".legend input[data-kind]")) { return; }
    var scope = box.closest(".story, .article-page") || document.body;
    scope.classList.toggle("hide-" + box.getAttribute("data-kind"), !box.checked);
  });

  function fromHash() {
    var key = decodeURIComponent((location.hash || "").slice(1));
    if (!/^[A-Za-z0-9-]+$/.test(key)) { return; }
    if (!show([key], null, document)) {
      var el = document.getElementById(key);  // a source card or a section
      if (el) { pick(el.closest(".source")); }
    }
  }
  window.addEventListener("hashchange", fromHash);

  // The story list of a store that `newsprism watch` keeps current: ask now and then whether
  // articles arrived, and say so (the page is not reloaded under the reader's eyes).
  function initLive() {
    var el = document.getElementById("live");
    if (!el || !window.fetch) { return; }
    var every = Math.max(1, parseFloat(el.getAttribute("data-every")) || 30) * 1000;
    var seen = parseInt(el.getAttribute("data-articles"), 10) || 0;
    function poll() {
      fetch(el.getAttribute("data-url"), {headers: {"Accept": "application/json"}, cache: "no-store"})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (d) {
          if (!d || !(d.articles > seen)) { return; }
          var n = d.articles - seen;
          el.textContent = n + " new article" + (n === 1 ? "" : "s") + " since you opened this page (" +
            d.stories + " stories now). ";
          var again = document.createElement("a");
          again.href = window.location.href;
          again.textContent = "Show them";
          el.appendChild(again);
          el.hidden = false;
        })
        .catch(function () { return null; })
        .then(function () { window.setTimeout(poll, every); });
    }
    window.setTimeout(poll, every);
  }
  function start() { initPickers(); fromHash(); initLive(); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
