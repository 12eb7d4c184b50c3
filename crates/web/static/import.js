// Keeps an import's progress current without reloading by hand. The page works without this:
// its "refresh" link shows the same. Fetches the page itself, so the text stays in its language.
(function () {
  "use strict";
  var box = document.getElementById("import-progress");
  if (!box) return;
  function tick() {
    fetch(window.location.href, { credentials: "same-origin" })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var next = doc.getElementById("import-progress");
        if (!next) { window.location.reload(); return; }
        box.innerHTML = next.innerHTML;
        setTimeout(tick, 1000);
      })
      .catch(function () { setTimeout(tick, 5000); });
  }
  setTimeout(tick, 1000);
})();
