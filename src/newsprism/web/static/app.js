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

  // Show the evidence for `keys`; false when none of it is on this page.
  function show(keys, srcId, scope) {
    var found = marksFor(keys, scope || document);
    if (!found.length) { return false; }
    clear();
    found.forEach(function (m) { m.classList.add("active"); });
    var col = srcId ? document.getElementById(srcId) : found[0].closest(".source");
    if (col) { col.classList.add("active"); }
    // Instant: Chromium drops one of two nested smooth scrolls (page and column strip).
    found[0].scrollIntoView({ block: "center", inline: "center" });
    return true;
  }

  document.addEventListener("click", function (ev) {
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
    if (/^[A-Za-z0-9-]+$/.test(key)) { show([key], null, document); }
  }
  window.addEventListener("hashchange", fromHash);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fromHash);
  } else {
    fromHash();
  }
})();
