//go:build e2e

package e2e

// The harness's own tests: the pure verdicts, and a tab on tiny pages that
// misbehave on purpose, to prove the tab sees what must fail a test.

import (
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/raplanner/raplanner/build/pages"
)

func TestClassifyConsole(t *testing.T) {
	tests := []struct {
		typ  chromedp.ConsoleType
		text string
		fail bool
		why  string
	}{
		{chromedp.ConsoleLog, "panic: runtime error: index out of range [3] with length 3", true, "Go panic"},
		{chromedp.ConsoleLog, "goroutine 1 [running]:", false, ""},
		{chromedp.ConsoleError, "panic: boom", true, "Go panic"},
		{chromedp.ConsoleLog, "fatal error: all goroutines are asleep - deadlock!", true, "Go fatal error"},
		{chromedp.ConsoleException, "Uncaught Error: boom", true, "uncaught exception"},
		{chromedp.ConsoleException, "Uncaught (in promise) TypeError: x is undefined", true, "uncaught exception"},
		{chromedp.ConsoleError, "something broke", true, "console error"},
		{chromedp.ConsoleError, "Failed to load resource: the server responded with a status of 404 (Not Found)", true, "console error"},
		{"assert", "Assertion failed: x", true, "failed console.assert"},
		{chromedp.ConsoleWarning, "deprecated", false, ""},
		{chromedp.ConsoleLog, "hello", false, ""},
		{chromedp.ConsoleInfo, "app updated", false, ""},
		{chromedp.ConsoleDebug, "", false, ""},
	}
	for _, tt := range tests {
		fail, why := classifyConsole(tt.typ, tt.text)
		if fail != tt.fail || why != tt.why {
			t.Errorf("classifyConsole(%q, %q) = %v, %q; want %v, %q", tt.typ, tt.text, fail, why, tt.fail, tt.why)
		}
	}
}

func TestRequestForeign(t *testing.T) {
	const origin = "http://127.0.0.1:41234"
	tests := []struct {
		url     string
		foreign bool
	}{
		{"http://127.0.0.1:41234/", false},
		{"http://127.0.0.1:41234/web/app.wasm?v=1#x", false},
		{"ws://127.0.0.1:41234/socket", false},
		{"data:image/png;base64,AAAA", false},
		{"blob:http://127.0.0.1:41234/0b6b7b2e-0000", false},
		{"chrome://newtab/", false},
		{"devtools://devtools/bundled/inspector.html", false},
		{"about:blank", false},
		{"http://127.0.0.1:41235/", true},  // another port
		{"http://localhost:41234/", true},  // another host name, another origin
		{"https://127.0.0.1:41234/", true}, // another scheme
		{"https://fonts.googleapis.com/", true},
		{"https://raw.githubusercontent.com/maxence-charriere/go-app/master/docs/web/icon.png", true},
		{"//example.com/x", true},
		{"http://%zz/", true}, // unparsable
	}
	for _, tt := range tests {
		if got := requestForeign(origin, tt.url); got != tt.foreign {
			t.Errorf("requestForeign(%q, %q) = %v, want %v", origin, tt.url, got, tt.foreign)
		}
	}
}

// TestHarnessFailsOnException serves tiny pages from a temporary directory
// and checks that the tab reports a Go-style panic line, an uncaught
// exception, console.error and a request to another origin, and nothing on a
// quiet page.
func TestHarnessFailsOnException(t *testing.T) {
	dir := t.TempDir()
	// Each page names a data: icon, or Chromium would fetch /favicon.ico
	// (a 404) at some point after the load.
	const head = `<!doctype html><link rel="icon" href="data:,">`
	files := map[string]string{
		"index.html": head + `<title>quiet</title>
<script>console.log("hello"); console.info("info"); console.warn("a warning is no failure");</script>`,
		"boom.html": head + `<title>boom</title>
<script>console.log("panic: x")</script>
<script>throw new Error("boom")</script>
<script>console.error("an error")</script>`,
		"foreign.html": head + `<title>foreign</title>
<img src="http://e2e-foreign.invalid/pixel.png" alt="">`,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(pages.Handler(dir, "", 0))
	t.Cleanup(srv.Close)

	tb := openTab(t, srv.URL)
	visit := func(path string) []string {
		t.Helper()
		do(t, tb.ctx, chromedp.Navigate(srv.URL+path))
		problems, err := tb.take()
		if err != nil {
			t.Fatal(err)
		}
		return problems
	}
	// contains reports whether some problem contains every part.
	contains := func(problems []string, parts ...string) bool {
		return slices.ContainsFunc(problems, func(p string) bool {
			for _, part := range parts {
				if !strings.Contains(p, part) {
					return false
				}
			}
			return true
		})
	}

	if p := visit("/"); len(p) != 0 {
		t.Errorf("a quiet page reported problems: %q", p)
	}

	p := visit("/boom")
	for _, want := range [][]string{
		{"Go panic", "panic: x"},
		{"uncaught exception", "boom"},
		{"console error", "an error"},
	} {
		if !contains(p, want...) {
			t.Errorf("no problem with %q among %q", want, p)
		}
	}
	if len(p) != 3 {
		t.Errorf("got %d problems, want 3: %q", len(p), p)
	}

	p = visit("/foreign")
	if !contains(p, "request to another origin", "http://e2e-foreign.invalid/pixel.png") {
		t.Errorf("the request to another origin went unseen: %q", p)
	}
	// The failed load is logged too (the name does not resolve in the test browser).
	if !contains(p, "console error", "Failed to load resource") {
		t.Errorf("the failed load went unseen: %q", p)
	}
	reqs, err := tb.requested()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(reqs, "http://e2e-foreign.invalid/pixel.png") {
		t.Errorf("requests seen: %q, want the foreign one among them", reqs)
	}

	// What was taken does not fail the test at cleanup; a new problem would.
	if p := visit("/"); len(p) != 0 {
		t.Errorf("a quiet page reported problems: %q", p)
	}
}

// TestHarnessCleanupAndOpenFailFast checks the paths that fail a real test,
// with a recording testing.TB: a problem nobody took fails the test at the
// tab's cleanup, and open gives up at once, not after -step-timeout, when a
// page that never gets ready panics.
func TestHarnessCleanupAndOpenFailFast(t *testing.T) {
	dir := t.TempDir()
	// A page that looks like the prerendered app (its loader stays) and
	// panics shortly after it loads.
	page := `<!doctype html><link rel="icon" href="data:,"><title>stuck</title>
<div id="app-wasm-loader">Loading</div><main id="ra-planner"></main>
<script>setTimeout(() => console.log("panic: never ready"), 200)</script>`
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(pages.Handler(dir, "", 0))
	t.Cleanup(srv.Close)

	rec := &recordingTB{TB: t}
	tb := openTab(rec, srv.URL)
	start := time.Now()
	done := make(chan struct{})
	go func() { // open ends with Fatalf, which ends this goroutine
		defer close(done)
		open(rec, tb.ctx, "/")
	}()
	<-done
	if d := time.Since(start); d > *stepTimeout/2 {
		t.Errorf("open took %s to give up, want well under -step-timeout=%s", d, *stepTimeout)
	}
	if !rec.has("stopped: the page reported a problem") {
		t.Errorf("open did not stop on the problem; recorded: %q", rec.failures())
	}
	rec.runCleanups() // closes the tab, as at the end of a test
	if !rec.has("page: Go panic: panic: never ready") {
		t.Errorf("the cleanup did not fail the test on the panic; recorded: %q", rec.failures())
	}
}

// recordingTB is a testing.TB that records failures and cleanups instead of
// acting on them. Its Fatal ends the calling goroutine, so call helpers that
// can fail fatally from a goroutine of your own.
type recordingTB struct {
	testing.TB // for the rest: Name, TempDir, ...

	mu       sync.Mutex
	failed   []string
	cleanups []func()
}

func (r *recordingTB) Helper()             {}
func (r *recordingTB) Log(args ...any)     {}
func (r *recordingTB) Logf(string, ...any) {}
func (r *recordingTB) Cleanup(f func()) {
	r.mu.Lock()
	r.cleanups = append(r.cleanups, f)
	r.mu.Unlock()
}
func (r *recordingTB) Error(args ...any)         { r.fail(fmt.Sprint(args...)) }
func (r *recordingTB) Errorf(f string, a ...any) { r.fail(fmt.Sprintf(f, a...)) }
func (r *recordingTB) Fatal(args ...any)         { r.fail(fmt.Sprint(args...)); runtime.Goexit() }
func (r *recordingTB) Fatalf(f string, a ...any) { r.fail(fmt.Sprintf(f, a...)); runtime.Goexit() }
func (r *recordingTB) FailNow()                  { r.fail("FailNow"); runtime.Goexit() }
func (r *recordingTB) Fail()                     { r.fail("Fail") }
func (r *recordingTB) Failed() bool              { return len(r.failures()) > 0 }

func (r *recordingTB) fail(msg string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failed = append(r.failed, msg)
}

func (r *recordingTB) failures() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.failed...)
}

// has reports whether a recorded failure contains s.
func (r *recordingTB) has(s string) bool {
	return slices.ContainsFunc(r.failures(), func(f string) bool { return strings.Contains(f, s) })
}

// runCleanups runs the cleanups, the last registered first, as testing does.
func (r *recordingTB) runCleanups() {
	r.mu.Lock()
	cs := r.cleanups
	r.cleanups = nil
	r.mu.Unlock()
	for _, f := range slices.Backward(cs) {
		f()
	}
}
