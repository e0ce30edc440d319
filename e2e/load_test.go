//go:build e2e

package e2e

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/raplanner/raplanner/app/catalog"
	"github.com/raplanner/raplanner/build/pages"
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

// TestWorkerWaitsForPage checks that on a first visit the service worker
// starts caching app.wasm only after the page has received its own copy
// (it waits for the page to be ready), and still takes the page offline.
// The page's copy comes slowly, as over a real network, so that a worker
// that does not wait asks for it during the download.
func TestWorkerWaitsForPage(t *testing.T) {
	h := pages.Handler(distDir, "", 0)
	var mu sync.Mutex
	var pageDone, workerStart time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		if r.URL.Path == "/web/app.wasm" && !strings.HasSuffix(r.Referer(), "/app-worker.js") {
			w = slowWriter{w}
		}
		h.ServeHTTP(w, r)
		if r.URL.Path != "/web/app.wasm" {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		switch {
		case strings.HasSuffix(r.Referer(), "/app-worker.js"):
			if workerStart.IsZero() {
				workerStart = start
			}
		case pageDone.IsZero():
			pageDone = time.Now()
		}
	}))
	t.Cleanup(srv.Close)
	ctx := openTab(t, srv.URL).ctx
	open(t, ctx, "/")
	waitControlled(t, ctx)
	mu.Lock()
	defer mu.Unlock()
	switch {
	case pageDone.IsZero() || workerStart.IsZero():
		t.Fatalf("app.wasm served to the page at %v, first asked by the service worker at %v: want both", pageDone, workerStart)
	case workerStart.Before(pageDone):
		t.Errorf("the service worker asked for app.wasm %v before the page had received its own copy", pageDone.Sub(workerStart))
	}
}

// slowWriter writes at about 10 MB/s.
type slowWriter struct{ http.ResponseWriter }

func (s slowWriter) Write(b []byte) (int, error) {
	n, err := s.ResponseWriter.Write(b)
	time.Sleep(time.Duration(n) * 100 * time.Nanosecond)
	return n, err
}

// TestSKUSuggestions checks that each SKU field suggests the whole catalog,
// part number and name, from the datalist the page writes as static markup.
func TestSKUSuggestions(t *testing.T) {
	ctx := newTab(t)
	open(t, ctx, "/")
	got := evalJS[[][2]string](t, ctx, `(() => {
		const list = document.getElementById(document.getElementById("sub-sku-0").getAttribute("list"));
		return list ? [...list.options].map(o => [o.value, o.label]) : [];
	})()`)
	all := catalog.All()
	if len(got) != len(all) {
		t.Fatalf("the SKU field suggests %d SKUs, want the catalog's %d", len(got), len(all))
	}
	for i, s := range all {
		if got[i] != [2]string{s.PartNumber, s.Name} {
			t.Errorf("suggestion %d is %q, want %q (%s)", i, got[i], s.PartNumber, s.Name)
		}
	}
}
