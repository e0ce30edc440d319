//go:build e2e

package e2e

// The harness: one static server for dist/ (pages.Handler, as GitHub Pages
// serves it), one headless Chromium for the whole run, and a tab per test in
// a browser context of its own (no storage, cache or service worker shared
// between tests). Files:
//
//	main_test.go     flags, TestMain, the browser
//	tab_test.go      newTab, checkPage: the console and network watch
//	helpers_test.go  open, metric, metrics, evalJS, run, do, screenshot
//	harness_test.go  the harness's own tests
//
// To add a test, write a func TestX(t *testing.T) in a new file of this
// directory that starts with //go:build e2e (package e2e):
//
//	func TestSomething(t *testing.T) {
//		ctx := newTab(t)                        // a fresh tab, watched
//		open(t, ctx, "/#plan="+fragment)        // waits for data-ready="true"
//		if got := metric(t, ctx, "paid-needed"); got != want { ... }
//		do(t, ctx, chromedp.Click(chromedp.CSS(`[data-account="aa-1"]`)))
//		n := evalJS[int](t, ctx, `document.querySelectorAll("[data-plan=paid]").length`)
//		screenshot(t, ctx, "something", 1280, 800) // only with -shots DIR
//	}
//
// Compute expected values with the app's own packages (licensing, examples,
// scenario) rather than writing numbers down. The tab fails the test when
// the page logs a Go panic, throws, calls console.error or requests anything
// from another origin. Tests may call t.Parallel (a tab each).
//
// Run: make e2e, or after make dist:
//
//	go test -count=1 -tags e2e ./e2e/ -dist $PWD/dist [-v] [-run TestSmoke] [-shots /tmp/shots]

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/raplanner/raplanner/build/pages"
)

var (
	distFlag     = flag.String("dist", "../dist", "the built site to test (`make dist` builds it)")
	shotsFlag    = flag.String("shots", "", "directory to save screenshots into (`screenshot` does nothing when empty)")
	stepTimeout  = flag.Duration("step-timeout", 30*time.Second, "time limit of one browser step (a navigation, a wait, an evaluation)")
	chromiumFlag = flag.String("chromium", "", "the Chromium executable (default: /usr/bin/chromium, else chromium from PATH)")
)

// Set by TestMain for the whole run.
var (
	// distDir is the absolute path of the site under test.
	distDir string
	// serverURL is the origin the site is served at, "http://127.0.0.1:PORT"
	// (no trailing slash): pages.Handler(distDir, "", 0), like GitHub Pages.
	serverURL string
	// browserCtx is the chromedp context of the one browser of the run;
	// newTab derives a tab from it.
	browserCtx context.Context
)

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	flag.Parse()

	dir, err := filepath.Abs(*distFlag)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 2
	}
	for _, f := range []string{"index.html", "web/app.wasm"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			fmt.Fprintf(os.Stderr, "e2e: %s is missing: run make dist first (or pass -dist DIR): %v\n",
				filepath.Join(dir, f), err)
			return 2
		}
	}
	distDir = dir

	srv := httptest.NewServer(pages.Handler(distDir, "", 0)) // listens on 127.0.0.1:0
	defer srv.Close()
	serverURL = srv.URL

	ctx, stop, err := startBrowser()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 2
	}
	defer stop() // runs before srv.Close: the browser lets go of its connections first
	browserCtx = ctx

	return m.Run()
}

// chromiumPath finds the browser: -chromium, /usr/bin/chromium, or chromium
// (then chromium-browser) from PATH.
func chromiumPath() (string, error) {
	if *chromiumFlag != "" {
		return *chromiumFlag, nil
	}
	if st, err := os.Stat("/usr/bin/chromium"); err == nil && !st.IsDir() {
		return "/usr/bin/chromium", nil
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no Chromium found: install it (Debian: apt-get install chromium, or `make chromium` as root) or pass -chromium PATH")
}

// startBrowser starts one headless Chromium with a fresh profile and returns
// its context and the func that stops it and removes the profile.
func startBrowser() (context.Context, func(), error) {
	exe, err := chromiumPath()
	if err != nil {
		return nil, nil, err
	}
	root, err := os.MkdirTemp("", "raplanner-e2e-")
	if err != nil {
		return nil, nil, err
	}
	logPath := filepath.Join(root, "chromium.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		os.RemoveAll(root)
		return nil, nil, err
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox, // the tests run as root (CI container): Chromium refuses the sandbox then
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		// Keep the run hermetic: no host name resolves except the test
		// server's loopback address. A request elsewhere still shows in the
		// Network events, so the tab reports it as foreign.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.UserDataDir(filepath.Join(root, "profile")),
		chromedp.WindowSize(1280, 800),
		chromedp.CombinedOutput(logFile),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	stop := func() {
		cancelBrowser()
		cancelAlloc() // kills the process if it is still there, and waits for it
		logFile.Close()
		os.RemoveAll(root)
	}

	// Start the browser with no timeout on bctx: the first run binds the
	// browser's life to that context. A watchdog stops a start that hangs.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(bctx) }()
	select {
	case err = <-started:
	case <-time.After(90 * time.Second):
		err = errors.New("timed out after 90s")
	}
	if err != nil {
		out := readTail(logPath, 4000)
		stop()
		return nil, nil, fmt.Errorf("starting %s: %v\nchromium output:\n%s", exe, err, out)
	}
	return bctx, stop, nil
}

// readTail returns at most the last n bytes of a file.
func readTail(path string, n int) string {
	b, _ := os.ReadFile(path)
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return string(bytes.TrimSpace(b))
}
