//go:build e2e

package e2e

import (
	"maps"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
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

// TestStaticPageUnderLoader checks the prerendered page: a browser that
// does not run the wasm (?wasm=false, as for a crawler) shows it, with the
// default scenario's choices; while go-app's loader covers the window it is
// not laid out at all.
func TestStaticPageUnderLoader(t *testing.T) {
	tb := openTab(t, serverURL)
	do(t, tb.ctx, chromedp.Navigate(serverURL+"/?wasm=false"), chromedp.WaitNotPresent(chromedp.ID("app-wasm-loader")))
	type state struct {
		Display string  `json:"display"`
		Height  float64 `json:"height"`
		Title   string  `json:"title"`
		Ready   bool    `json:"ready"`
	}
	const read = `(() => {
		const p = document.getElementById("ra-planner");
		return {display: getComputedStyle(p).display, height: p.getBoundingClientRect().height,
			title: (p.querySelector("h1") || {}).textContent || "", ready: !!document.querySelector('[data-ready="true"]')};
	})()`
	got := evalJS[state](t, tb.ctx, read)
	if got.Display == "none" || got.Height < 100 || got.Title != "RA Planner" {
		t.Errorf("without the wasm the static page shows: display %q, height %.0f px, title %q; want it drawn, titled RA Planner", got.Display, got.Height, got.Title)
	}
	if got.Ready {
		t.Error("with ?wasm=false the page says it is ready: the app ran")
	}
	// Each choice shows the default scenario's (a false checked or selected
	// written as an attribute reads as true).
	choices := evalJS[map[string]string](t, tb.ctx, `({
		edition: (document.querySelector('input[name="edition"]:checked') || {}).value || "none",
		language: document.getElementById("lang").value,
		currency: document.getElementById("currency").value,
	})`)
	want := map[string]string{"edition": "virtual-user-2020", "language": "en", "currency": "USD"}
	if !maps.Equal(choices, want) {
		t.Errorf("the static page's choices: %v, want %v", choices, want)
	}
	// Put a loader back, as the page has it while the wasm downloads.
	got = evalJS[state](t, tb.ctx, `(() => {
		const l = document.createElement("aside");
		l.id = "app-wasm-loader";
		document.body.appendChild(l);
		return `+read+`;
	})()`)
	if got.Display != "none" || got.Height != 0 {
		t.Errorf("under the loader the static page is laid out: display %q, height %.0f px; want display none", got.Display, got.Height)
	}
}
