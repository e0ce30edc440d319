package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// TestServiceWorkerFixes fails when go-app's service worker no longer has
// the code ServiceWorker replaces, so that the fixes never silently vanish.
func TestServiceWorkerFixes(t *testing.T) {
	for _, part := range []string{workerAddAll, workerMatch} {
		if !strings.Contains(app.DefaultAppWorkerJS, part) {
			t.Errorf("go-app's service worker template no longer contains %q: update ServiceWorker", part)
		}
	}
	w := ServiceWorker()
	for _, want := range []string{`fetch(url, { cache: "no-cache" })`, "await pageReady", PageReadyMessage, "ignoreSearch: page", "{{.ResourcesToCache}}", "{{.Version}}"} {
		if !strings.Contains(w, want) {
			t.Errorf("the service worker lacks %q", want)
		}
	}
	if strings.Contains(w, "cache.addAll(") {
		t.Error("the service worker still fills its cache with cache.addAll")
	}
}
