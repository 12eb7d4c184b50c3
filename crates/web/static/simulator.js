// Refreshes the simulator's answer while the user types. The page works without this: the form
// is a plain GET form whose "Calculate" button shows the same answer.
(function () {
  "use strict";
  var form = document.getElementById("simulator");
  var result = document.getElementById("sim-result");
  if (!form || !result || !window.fetch || !window.URLSearchParams) return;
  var timer = null;
  function refresh() {
    var url = form.action + "?" + new URLSearchParams(new FormData(form)).toString();
    fetch(url, { credentials: "same-origin" })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        // The answer and the changes the save form carries; the name typed there stays.
        ["sim-answer-box", "sim-hidden"].forEach(function (id) {
          var mine = document.getElementById(id), next = doc.getElementById(id);
          if (mine && next) mine.innerHTML = next.innerHTML;
        });
        var rows = doc.querySelector("#simulator tbody");
        var mine = form.querySelector("tbody");
        if (rows && mine) {
          // Only the scores: the inputs the user is typing in stay as they are.
          var fresh = rows.querySelectorAll("tr");
          mine.querySelectorAll("tr").forEach(function (tr, i) {
            var f = fresh[i];
            if (!f) return;
            var a = tr.querySelectorAll("td.num"), b = f.querySelectorAll("td.num");
            for (var k = 1; k < a.length && k < b.length; k++) a[k].textContent = b[k].textContent;
          });
        }
      })
      .catch(function () {});
  }
  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  });
  form.addEventListener("change", function (e) {
    clearTimeout(timer);
    if (e.target && e.target.name === "model") { form.submit(); return; }
    timer = setTimeout(refresh, 50);
  });
})();
