// RA Planner: keep the page's address readable by Go before the app starts.
// A share link can be damaged so that its #fragment holds a "%" that starts no
// valid escape ("#plan=%%%"). Go's url.Parse rejects such an address, and
// go-app v10 then dereferences the nil URL and the page dies. This script runs
// before the wasm starts and on every history change, and writes such a "%"
// as "%25"; the app then reports the damaged plan instead of crashing.
(function () {
  "use strict";
  var bad = /%(?![0-9A-Fa-f]{2})/g;
  function mend() {
    var h = location.hash;
    if (!bad.test(h)) return;
    bad.lastIndex = 0;
    try {
      history.replaceState(history.state, "", location.pathname + location.search + h.replace(bad, "%25"));
    } catch (e) {
      location.hash = h.replace(bad, "%25");
    }
  }
  mend();
  window.addEventListener("popstate", mend);
  window.addEventListener("hashchange", mend);
})();
