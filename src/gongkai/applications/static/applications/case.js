/* The case page's action menu, progressively enhanced (no inline script: the
   Content-Security-Policy forbids it). Without this file each menu entry is a link to
   ?action=<event>, which opens that form alone; with it the forms switch at once. */
(function () {
  "use strict";

  var menu = document.querySelector("[data-action-menu]");
  if (menu) {
    var links = Array.prototype.slice.call(menu.querySelectorAll("a[data-action]"));
    var open = function (action) {
      links.forEach(function (link) {
        var name = link.getAttribute("data-action");
        var form = document.getElementById("act-" + name);
        var chosen = name === action;
        if (form) { form.hidden = !chosen; }
        link.classList.toggle("secondary", !chosen);
        if (chosen) { link.setAttribute("aria-current", "true"); } else { link.removeAttribute("aria-current"); }
      });
    };
    links.forEach(function (link) {
      link.addEventListener("click", function (event) {
        var action = link.getAttribute("data-action");
        var form = document.getElementById("act-" + action);
        if (!form) { return; }
        event.preventDefault();
        open(action);
        if (window.history && window.history.replaceState) {
          window.history.replaceState(null, "", "?action=" + encodeURIComponent(action) + "#act-" + action);
        }
        var first = form.querySelector("input:not([type=hidden]), select, textarea");
        if (first) { first.focus(); }
      });
    });
  }

  // 送达答复: the tracking number for post, the recipient for collection (or other).
  var method = document.getElementById("id_deliver_method");
  if (method) {
    var needs = { id_deliver_tracking: ["post"], id_deliver_recipient: ["collect", "other"] };
    var show = function () {
      Object.keys(needs).forEach(function (id) {
        var input = document.getElementById(id);
        var row = input && input.closest("p");
        if (row) { row.hidden = needs[id].indexOf(method.value) < 0 && input.value === ""; }
      });
    };
    method.addEventListener("change", show);
    show();
  }
})();
