// RA Planner in an iframe (?embed=1): tell the page around it how tall the
// planner is, so that documentation can size the frame to its content.
// Message: {type: "ra-planner:height", height: <CSS pixels>}. A height says
// nothing about the tenant, so any parent may receive it.
(function () {
  "use strict";
  if (window.parent === window) return;
  if (new URLSearchParams(location.search).get("embed") !== "1") return;
  var last = 0;
  function post() {
    var root = document.getElementById("ra-planner") || document.body;
    if (!root) return;
    var h = Math.ceil(root.getBoundingClientRect().height + 16);
    if (h === last) return;
    last = h;
    window.parent.postMessage({ type: "ra-planner:height", height: h }, "*");
  }
  function watch() {
    post();
    if (typeof ResizeObserver === "function") {
      new ResizeObserver(post).observe(document.documentElement);
      new MutationObserver(function () {
        var root = document.getElementById("ra-planner");
        if (root) { post(); }
      }).observe(document.body, { childList: true, subtree: true });
    } else {
      setInterval(post, 500);
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
})();
