//go:build e2e

package e2e

// Helpers for the tests. Each takes the test and a context from newTab, runs
// its browser steps under the -step-timeout, and fails the test with a clear
// message (t.Fatal: call them from the test's goroutine).

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// metricNames are the totals of the page's contract: each is an element with
// data-metric="<name>" and data-value="<integer>".
var metricNames = []string{
	"qualifying-licenses",
	"free-allotment",
	"accounts",
	"accounts-needing-license",
	"free-assigned",
	"paid-needed",
	"free-unused",
}

// step returns ctx limited to -step-timeout, for one browser step.
func step(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, *stepTimeout)
}

// stepErr words an error of a step, saying when the step timed out.
func stepErr(err error) string {
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Sprintf("%v (no result within -step-timeout=%s)", err, *stepTimeout)
	}
	return err.Error()
}

// do runs actions that return nothing, in order, as one step.
func do(t testing.TB, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := step(ctx)
	defer cancel()
	if err := chromedp.Do(sctx, actions...); err != nil {
		t.Fatalf("browser step: %s", stepErr(err))
	}
}

// run runs one action as one step and returns its value.
func run[T any](t testing.TB, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	sctx, cancel := step(ctx)
	defer cancel()
	v, err := chromedp.Run(sctx, a)
	if err != nil {
		t.Fatalf("browser step: %s", stepErr(err))
	}
	return v
}

// evalJS evaluates a JavaScript expression in the page and decodes its value
// into T (chromedp.Void ignores it). Pass chromedp.EvalAwaitPromise to wait
// for a promise.
func evalJS[T any](t testing.TB, ctx context.Context, expr string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	sctx, cancel := step(ctx)
	defer cancel()
	v, err := chromedp.Run(sctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		t.Fatalf("evaluating %s: %s", abbreviate(expr), stepErr(err))
	}
	return v
}

// errPageProblem stops open when the page reports a problem.
var errPageProblem = errors.New("the page reported a problem")

// open navigates the tab to the test server's pathAndFragment ("/",
// "/#plan=...") and waits until go-app's loader #app-wasm-loader is gone and
// the app root shows data-ready="true". It fails at once when the page logs
// a panic or an error, throws, or requests another origin.
func open(t testing.TB, ctx context.Context, pathAndFragment string) {
	t.Helper()
	if !strings.HasPrefix(pathAndFragment, "/") {
		t.Fatalf("open(%q): the path must start with /", pathAndFragment)
	}
	tb := tabOf(t, ctx)
	target := tb.origin + pathAndFragment

	sctx, cancel := step(ctx)
	defer cancel()
	wctx, abort := context.WithCancelCause(sctx)
	defer abort(nil)
	go func(alarm <-chan struct{}) {
		select {
		case <-alarm:
			abort(errPageProblem)
		case <-wctx.Done():
		}
	}(tb.alarmed())

	// A change of the fragment alone loads no document: leave the page first.
	if cur, err := chromedp.Run(wctx, chromedp.Location()); err == nil &&
		cur != "about:blank" && withoutFragment(cur) == withoutFragment(target) {
		if err := chromedp.Do(wctx, chromedp.Navigate("about:blank")); err != nil {
			t.Fatalf("open %s: leaving %s: %s", pathAndFragment, cur, stepErr(err))
		}
	}
	err := chromedp.Do(wctx,
		chromedp.Navigate(target),
		chromedp.WaitNotPresent(chromedp.ID("app-wasm-loader")),
		chromedp.WaitVisible(chromedp.CSS(`[data-ready="true"]`)),
	)
	if err == nil {
		return
	}
	if errors.Is(context.Cause(wctx), errPageProblem) {
		t.Fatalf("open %s: stopped: %v: %s (all of them are reported at cleanup)",
			pathAndFragment, errPageProblem, abbreviate(tb.firstProblem()))
	}
	// Say what the loader shows: go-app writes its load errors there.
	lctx, lcancel := context.WithTimeout(ctx, *stepTimeout)
	defer lcancel()
	loader, _ := chromedp.Run(lctx, chromedp.Evaluate[string](
		`(document.getElementById("app-wasm-loader") || {}).innerText || ""`))
	if loader = strings.Join(strings.Fields(loader), " "); loader != "" {
		loader = "; the loader shows: " + abbreviate(loader)
	}
	t.Fatalf("open %s: the app did not become ready (loader gone, [data-ready=\"true\"] visible): %s%s",
		pathAndFragment, stepErr(err), loader)
}

// withoutFragment cuts the #fragment off a URL.
func withoutFragment(u string) string {
	u, _, _ = strings.Cut(u, "#")
	return u
}

// readMetrics returns data-value of every [data-metric] element by name (null
// for a missing attribute).
func readMetrics(t testing.TB, ctx context.Context) map[string][]*string {
	t.Helper()
	return evalJS[map[string][]*string](t, ctx, `(() => {
		const out = {};
		for (const el of document.querySelectorAll("[data-metric]")) {
			(out[el.getAttribute("data-metric")] ??= []).push(el.getAttribute("data-value"));
		}
		return out;
	})()`)
}

// metricValue parses the values of one metric: all elements must agree.
func metricValue(name string, vals []*string) (int64, error) {
	if len(vals) == 0 {
		return 0, fmt.Errorf("no element [data-metric=%q] on the page", name)
	}
	var v int64
	for i, s := range vals {
		if s == nil {
			return 0, fmt.Errorf("[data-metric=%q] has no data-value", name)
		}
		n, err := strconv.ParseInt(strings.TrimSpace(*s), 10, 64)
		if err != nil {
			return 0, fmt.Errorf("[data-metric=%q] has data-value=%q, not an integer", name, *s)
		}
		if i > 0 && n != v {
			return 0, fmt.Errorf("the %d elements [data-metric=%q] disagree: %d and %d", len(vals), name, v, n)
		}
		v = n
	}
	return v, nil
}

// metric returns the integer data-value of the element [data-metric=name].
func metric(t testing.TB, ctx context.Context, name string) int64 {
	t.Helper()
	all := readMetrics(t, ctx)
	v, err := metricValue(name, all[name])
	if err != nil {
		t.Fatalf("metric %s: %v (metrics on the page: %s)", name, err, strings.Join(slices.Sorted(maps.Keys(all)), ", "))
	}
	return v
}

// metrics returns the seven metrics of metricNames by name; it fails the
// test, naming every one, when any is missing or broken.
func metrics(t testing.TB, ctx context.Context) map[string]int64 {
	t.Helper()
	all := readMetrics(t, ctx)
	out := make(map[string]int64, len(metricNames))
	var errs []string
	for _, name := range metricNames {
		v, err := metricValue(name, all[name])
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		out[name] = v
	}
	if len(errs) > 0 {
		t.Fatalf("metrics:\n  %s", strings.Join(errs, "\n  "))
	}
	return out
}

// screenshot saves a full-page PNG of the tab as DIR/<name>.png with a
// viewport of w×h CSS pixels, when the test runs with -shots DIR; it does
// nothing otherwise. The viewport goes back to the window's afterwards.
func screenshot(t testing.TB, ctx context.Context, name string, w, h int) {
	t.Helper()
	if *shotsFlag == "" {
		return
	}
	if name == "" || strings.ContainsAny(name, `/\`) || strings.Contains(name, "..") {
		t.Fatalf("screenshot: bad name %q", name)
	}
	if err := os.MkdirAll(*shotsFlag, 0o755); err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	do(t, ctx, chromedp.EmulateViewport(int64(w), int64(h)))
	defer do(t, ctx, chromedp.ResetViewport())
	// Let the page lay out (and go-app handle the resize) for two frames.
	evalJS[chromedp.Void](t, ctx, `new Promise(r => {
		let done = false;
		const f = () => { if (!done) { done = true; r(); } };
		requestAnimationFrame(() => requestAnimationFrame(f));
		setTimeout(f, 500);
	})`, chromedp.EvalAwaitPromise)
	png := run(t, ctx, chromedp.FullScreenshot(100)) // quality 100: PNG
	path := filepath.Join(*shotsFlag, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	t.Logf("screenshot %s (%d×%d)", path, w, h)
}

// abbreviate shortens a text for a message.
func abbreviate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 160 {
		return s[:157] + "..."
	}
	return s
}
