//go:build e2e

package e2e

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/raplanner/raplanner/app/examples"
	"github.com/raplanner/raplanner/app/licensing"
)

// TestSmoke opens the site's root and checks that the browser app starts and
// shows the engine's totals for the default scenario.
func TestSmoke(t *testing.T) {
	ctx := newTab(t)
	open(t, ctx, "/")

	if title := run(t, ctx, chromedp.Title()); !strings.Contains(title, "RA Planner") {
		t.Errorf("title = %q, want it to contain %q", title, "RA Planner")
	}

	want := engineMetrics(licensing.Compute(examples.Default()))
	got := metrics(t, ctx)
	for _, name := range metricNames {
		if got[name] != want[name] {
			t.Errorf("metric %s = %d in the browser, the engine computes %d", name, got[name], want[name])
		}
	}

	// go-app's service worker fetches what it caches by itself, out of the
	// page's sight: check that it cached nothing from another origin. It
	// caches once the page says it is ready, after its first paint, and
	// goes active before it has cached: wait for the cached app first.
	waitControlled(t, ctx)
	cached := evalJS[[]string](t, ctx, `(async () => {
		const urls = [];
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const req of await cache.keys()) urls.push(req.url);
		}
		return urls;
	})()`, chromedp.EvalAwaitPromise)
	if len(cached) == 0 {
		t.Error("the service worker cached nothing")
	}
	for _, u := range cached {
		if requestForeign(serverURL, u) {
			t.Errorf("the service worker cached %s, from another origin", u)
		}
	}

	screenshot(t, ctx, "smoke-1280x800", 1280, 800)
	screenshot(t, ctx, "smoke-390x844", 390, 844)
}

// TestPrerenderedNotReady checks that the ready marker comes from the browser
// app only: the prerendered index.html must not carry it.
func TestPrerenderedNotReady(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(distDir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if loc := regexp.MustCompile(`data-ready\s*=\s*["']?true`).FindIndex(b); loc != nil {
		t.Errorf("the prerendered index.html carries the ready marker: ...%s...", b[max(0, loc[0]-60):loc[1]])
	}
	if !strings.Contains(string(b), `id="app-wasm-loader"`) {
		t.Error(`the prerendered index.html has no loader id="app-wasm-loader": open() relies on it`)
	}
}

// TestNotFound checks that the server answers an unknown page with 404, as
// GitHub Pages does.
func TestNotFound(t *testing.T) {
	resp, err := http.Get(serverURL + "/no-such-page")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET /no-such-page: status %d, want 404", resp.StatusCode)
	}
}
