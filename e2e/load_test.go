//go:build e2e

package e2e

import (
	"strings"
	"testing"
)

// TestWasmPreloaded checks that the page fetches app.wasm once, while it is
// parsed (the head's preload), and that go-app's loader takes that
// response instead of fetching it again: at the root and under a project
// prefix.
func TestWasmPreloaded(t *testing.T) {
	const prefix = "ra-planner"
	s := serveSite(t, generate(t, prefix, "preload-v1", ""), prefix, 600)
	for _, site := range []struct{ origin, path, wasm string }{
		{serverURL, "/", "/web/app.wasm"},
		{s.srv.URL, "/" + prefix + "/", "/" + prefix + "/web/app.wasm"},
	} {
		tb := openTab(t, site.origin)
		open(t, tb.ctx, site.path)
		reqs, err := tb.requested()
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, u := range reqs {
			if strings.HasSuffix(strings.SplitN(u, "?", 2)[0], "/app.wasm") {
				n++
				if !strings.HasSuffix(u, site.wasm) {
					t.Errorf("%s: requested %s, want %s", site.path, u, site.wasm)
				}
			}
		}
		if n != 1 {
			t.Errorf("%s: app.wasm requested %d times, want once (the preload, taken by the loader)", site.path, n)
		}
		if by := evalJS[string](t, tb.ctx, `(performance.getEntriesByType("resource").find(e => e.name.endsWith("/app.wasm")) || {}).initiatorType || "none"`); by != "link" {
			t.Errorf("%s: app.wasm was fetched by %q, want by the head's preload link", site.path, by)
		}
	}
}
