//go:build e2e

package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raplanner/raplanner/app/examples"
	"github.com/raplanner/raplanner/app/ui"
	"github.com/raplanner/raplanner/build/pages"
)

var routesOnce sync.Once

// generate writes a copy of the site into a new directory, as `make dist`
// does, for a project prefix and with the given version; mark is appended
// to its app.css so that a test can tell the versions' files apart.
func generate(t testing.TB, prefix, version, mark string) string {
	t.Helper()
	routesOnce.Do(ui.Routes)
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "web"), os.DirFS(filepath.Join(*distFlag, "web"))); err != nil {
		t.Fatal(err)
	}
	css := filepath.Join(dir, "web", "app.css")
	b, _ := os.ReadFile(css)
	if err := os.WriteFile(css, append(b, []byte("\n/* "+mark+" */\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(filepath.Join(dir, "web", "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	h := ui.Handler(prefix, strconv.FormatInt(st.Size(), 10))
	h.Version = version
	if err := app.GenerateStaticWebsite(dir, h); err != nil {
		t.Fatal(err)
	}
	return dir
}

// site serves a directory like GitHub Pages, and can switch to another one
// (a new deployment) or go away (the network is gone).
type site struct {
	srv *httptest.Server
	dir atomic.Pointer[http.Handler]
}

func serveSite(t testing.TB, dir, prefix string, maxAge int) *site {
	s := &site{}
	s.publish(dir, prefix, maxAge)
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		(*s.dir.Load()).ServeHTTP(w, r)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *site) publish(dir, prefix string, maxAge int) {
	h := pages.Handler(dir, prefix, maxAge)
	s.dir.Store(&h)
}

// waitControlled waits until the service worker controls the page and has
// cached the app.
func waitControlled(t testing.TB, ctx context.Context) {
	t.Helper()
	deadline := time.Now().Add(*stepTimeout)
	for {
		ok := evalJS[bool](t, ctx, `(async () => {
			if (!navigator.serviceWorker.controller) return false;
			for (const name of await caches.keys()) {
				const c = await caches.open(name);
				for (const req of await c.keys()) if (req.url.endsWith("/web/app.wasm")) return true;
			}
			return false;
		})()`, chromedp.EvalAwaitPromise)
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the service worker did not take the page offline")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestOffline loads the planner once, stops the server, and reloads: the
// app still starts, from the /it page and with a ?lang= link too, and plans.
func TestOffline(t *testing.T) {
	s := serveSite(t, generate(t, "", "offline-v1", "v1"), "", 0)
	tb := openTab(t, s.srv.URL)
	ctx := tb.ctx
	open(t, ctx, "/")
	waitControlled(t, ctx)

	s.srv.Close() // the network is gone
	d := examples.DocDiagram()
	for _, path := range []string{"/", "/it", "/?lang=it" + link(t, d)[1:]} {
		open(t, ctx, path)
	}
	waitMetrics(t, ctx, d)
	typeText(t, ctx, "#sub-units-0", "700")
	d.Subscriptions[0].Units = 700
	waitMetrics(t, ctx, d)
}

// TestUpdateUnderPrefix deploys a version under a GitHub Pages project
// prefix with Cache-Control: max-age=600, loads it, deploys a new version,
// and checks that the page announces the update and the next reload runs
// the new version with none of the old version's files.
func TestUpdateUnderPrefix(t *testing.T) {
	const prefix = "ra-planner"
	s := serveSite(t, generate(t, prefix, "prefix-v1", "v1"), prefix, 600)
	tb := openTab(t, s.srv.URL)
	ctx := tb.ctx
	open(t, ctx, "/"+prefix+"/")
	waitControlled(t, ctx)
	if v := evalJS[string](t, ctx, `goappGetenv("GOAPP_VERSION")`); v != "prefix-v1" {
		t.Fatalf("version %q, want prefix-v1", v)
	}

	s.publish(generate(t, prefix, "prefix-v2", "v2"), prefix, 600)
	open(t, ctx, "/"+prefix+"/") // still v1, from the cache; the worker finds v2
	// The new worker downloads the whole new version (megabytes) first.
	uctx, cancel := context.WithTimeout(ctx, 3**stepTimeout)
	defer cancel()
	if _, err := chromedp.Run(uctx, chromedp.Poll[bool](`!!document.getElementById("update-ready")`, chromedp.WithPollingTimeout(0))); err != nil {
		t.Fatalf("the page did not announce the new version: %s", stepErr(err))
	}
	open(t, ctx, "/"+prefix+"/")
	if v := evalJS[string](t, ctx, `goappGetenv("GOAPP_VERSION")`); v != "prefix-v2" {
		t.Errorf("after the update and a reload the version is %q, want prefix-v2", v)
	}
	css := evalJS[string](t, ctx, `fetch("/`+prefix+`/web/app.css").then(r => r.text())`, chromedp.EvalAwaitPromise)
	if !strings.Contains(css, "/* v2 */") {
		t.Error("the new version serves the previous version's app.css (stale under max-age=600)")
	}
}

// TestPrefixInstalledStartOffline starts the installed app of a project site
// offline. An installed app opens the manifest's start_url; go-app writes
// "/ra-planner", outside the service worker's scope "/ra-planner/", which
// works offline only while the browser's HTTP cache still holds GitHub
// Pages' redirect to "/ra-planner/". The generator (./build, run here as
// `make dist` runs it) writes "/ra-planner/".
func TestPrefixInstalledStartOffline(t *testing.T) {
	const prefix = "ra-planner"
	s := serveSite(t, buildWithGenerator(t, prefix, "start-v1"), prefix, 600)
	ctx := openTab(t, s.srv.URL).ctx
	open(t, ctx, "/"+prefix+"/")
	waitControlled(t, ctx)
	start := evalJS[string](t, ctx, `fetch(document.querySelector('link[rel="manifest"]').href).then(r => r.json()).then(m => m.start_url)`, chromedp.EvalAwaitPromise)

	s.srv.Close() // the network is gone
	// and the browser's cached redirect to /ra-planner/ has expired.
	if _, err := chromedp.Call(ctx, network.ClearBrowserCache, cdp.Empty{}); err != nil {
		t.Fatalf("clearing the HTTP cache: %v", err)
	}
	if !strings.HasPrefix(start, "/") {
		t.Fatalf("the manifest's start_url is %q, want a path", start)
	}
	open(t, ctx, start)
}

// buildWithGenerator writes a copy of the site into a new directory the way
// `make dist` does: dist/'s wasm and web assets, then the generator.
func buildWithGenerator(t testing.TB, prefix, version string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "web"), os.DirFS(filepath.Join(*distFlag, "web"))); err != nil {
		t.Fatal(err)
	}
	gen := filepath.Join(t.TempDir(), "generator")
	for _, args := range [][]string{
		{"go", "build", "-o", gen, "github.com/raplanner/raplanner/build"},
		{gen, "-out", dir, "-prefix", prefix, "-version", version},
	} {
		if out, err := exec.Command(args[0], args[1:]...).CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	return dir
}
