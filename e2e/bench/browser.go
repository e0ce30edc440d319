//go:build !js

package main

// The browser side: one headless Chromium for the run (a fresh profile in a
// temporary directory), and a new browser context (an incognito-like
// profile: empty cache, storage and service workers) for every page load.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// chromiumPath finds the browser: the flag, /usr/bin/chromium, or chromium
// (then chromium-browser) from PATH.
func chromiumPath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if st, err := os.Stat("/usr/bin/chromium"); err == nil && !st.IsDir() {
		return "/usr/bin/chromium", nil
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no Chromium found: install it (`make chromium` as root) or pass -chromium PATH")
}

// startBrowser starts headless Chromium with a fresh profile, as the e2e
// harness does (e2e/main_test.go), and returns its context, its version and
// the func that stops it and removes the profile.
func startBrowser(exe string) (context.Context, string, func(), error) {
	root, err := os.MkdirTemp("", "raplanner-bench-")
	if err != nil {
		return nil, "", nil, err
	}
	logPath := filepath.Join(root, "chromium.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		os.RemoveAll(root)
		return nil, "", nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox, // runs as root in CI containers
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.UserDataDir(filepath.Join(root, "profile")),
		chromedp.WindowSize(1280, 800),
		chromedp.CombinedOutput(logFile),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	stop := func() {
		cancelBrowser()
		cancelAlloc()
		logFile.Close()
		os.RemoveAll(root)
	}
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(bctx) }() // no timeout: binds the browser's life to bctx
	select {
	case err = <-started:
	case <-time.After(90 * time.Second):
		err = errors.New("timed out after 90s")
	}
	if err != nil {
		b, _ := os.ReadFile(logPath)
		stop()
		return nil, "", nil, fmt.Errorf("starting %s: %v\n%s", exe, err, bytes.TrimSpace(tail(b, 4000)))
	}
	version := exe
	if v, err := chromedp.CallBrowser(bctx, browser.GetVersion, cdp.Empty{}); err == nil {
		version = v.Product
	}
	return bctx, version, stop, nil
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

// readyScript runs in every new document of a bench tab before the page's
// own scripts (Page.addScriptToEvaluateOnNewDocument). A MutationObserver
// records performance.now() — milliseconds since the navigation started —
// in the microtask after the first mutation that leaves an element
// [data-ready="true"] in the document, and resolves window.__benchReady.
const readyScript = `(() => {
	if (window !== window.top) return;
	let resolve;
	window.__benchReady = new Promise(r => { resolve = r; });
	const check = () => {
		if (!document.querySelector('[data-ready="true"]')) return false;
		resolve(performance.now());
		return true;
	};
	const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
	mo.observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ["data-ready"]});
})()`

// loadSample is what one cold load measured, in ms since navigation start.
type loadSample struct {
	Ready     float64 `json:"ready"`     // [data-ready="true"] appeared
	WasmStart float64 `json:"wasmStart"` // app.wasm requested (resource timing startTime), or -1
	WasmEnd   float64 `json:"wasmEnd"`   // app.wasm fully received (resource timing responseEnd), or -1
	GoMain    float64 `json:"goMain"`    // the Go program's main started (its performance mark "go:main"), or -1
}

// openFresh opens a tab in a new browser context, installs readyScript,
// navigates to url and waits until the page is ready or timeout passes. It
// returns the tab's context, the sample, and the func that closes the tab and
// disposes of its browser context.
func openFresh(bctx context.Context, url string, timeout time.Duration) (context.Context, loadSample, func(), error) {
	tctx, cancel := chromedp.NewContext(bctx, chromedp.WithNewBrowserContext())
	if err := chromedp.Do(tctx); err != nil { // opens the tab, no timeout
		cancel()
		return nil, loadSample{}, nil, fmt.Errorf("opening a tab: %w", err)
	}
	sctx, scancel := context.WithTimeout(tctx, timeout)
	defer scancel()
	var s loadSample
	err := chromedp.Do(sctx,
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument,
				page.AddScriptToEvaluateOnNewDocumentParams{Source: readyScript})
			return err
		}),
		chromedp.Navigate(url),
	)
	if err == nil {
		s, err = chromedp.Run(sctx, chromedp.Evaluate[loadSample](`window.__benchReady.then(ready => {
			const w = performance.getEntriesByType("resource").filter(e => e.name.includes("/app.wasm"));
			const m = performance.getEntriesByName("go:main", "mark");
			return {ready, wasmStart: w.length ? w[0].startTime : -1, wasmEnd: w.length ? w[0].responseEnd : -1, goMain: m.length ? m[0].startTime : -1};
		})`, chromedp.EvalAwaitPromise))
	}
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("%w: the page did not show [data-ready=\"true\"] within %s", err, timeout)
		}
		cancel()
		return nil, loadSample{}, nil, fmt.Errorf("loading %s: %w", abbreviate(url), err)
	}
	return tctx, s, cancel, nil
}

// coldLoad loads url once in a fresh browser context.
func coldLoad(bctx context.Context, url string) (loadSample, error) {
	_, s, closeTab, err := openFresh(bctx, url, 60*time.Second)
	if err != nil {
		return s, err
	}
	closeTab()
	return s, nil
}

// editSample is one edit's timing, in ms after the input event was dispatched.
type editSample struct {
	Change float64 `json:"change"` // the metrics and the diagram show the expected values
	Frame  float64 `json:"frame"`  // the next animation frame after that
	Paint  float64 `json:"paint"`  // a task posted from that frame: after its style, layout and paint
}

// editScript is the page-side async function of the interaction bench. For
// each edit it sets #sub-units-0, takes performance.now(), dispatches an
// input event, and waits with a MutationObserver until
// [data-metric=qualifying-licenses] and [data-metric=free-assigned] show the
// engine's expected values and the diagram holds as many free nodes; then a
// requestAnimationFrame callback marks the next frame, and a message posted
// from it marks the end of that frame's rendering. It waits two frames
// between edits. No CDP round trip happens inside a measurement.
const editScript = `async (edits, initialQualifying, timeoutMs) => {
	const metric = name => {
		const el = document.querySelector('[data-metric="' + name + '"]');
		return el ? Number(el.getAttribute("data-value")) : NaN;
	};
	const freeNodes = () => document.querySelectorAll('#diagram [data-plan="free"]').length;
	const frames = n => new Promise(r => { const f = () => (--n > 0 ? requestAnimationFrame(f) : r()); requestAnimationFrame(f); });
	if (metric("qualifying-licenses") !== initialQualifying) {
		throw new Error("the page shows " + metric("qualifying-licenses") + " qualifying licenses, not the scenario's " + initialQualifying + ": the #plan= link was not loaded");
	}
	const out = [];
	for (const e of edits) {
		await frames(2);
		const input = document.getElementById("sub-units-0");
		if (!input) throw new Error("no #sub-units-0 on the page");
		const done = () => metric("qualifying-licenses") === e.qualifying && metric("free-assigned") === e.free && freeNodes() === e.free;
		out.push(await new Promise((resolve, reject) => {
			let t0, settled = false;
			const timer = setTimeout(() => {
				mo.disconnect();
				reject(new Error("units " + e.units + ": no update within " + timeoutMs + " ms (qualifying " + metric("qualifying-licenses") + ", want " + e.qualifying +
					"; free-assigned " + metric("free-assigned") + ", diagram free nodes " + freeNodes() + ", want " + e.free + ")"));
			}, timeoutMs);
			const mo = new MutationObserver(() => {
				if (settled || !done()) return;
				settled = true;
				const change = performance.now() - t0;
				mo.disconnect();
				clearTimeout(timer);
				requestAnimationFrame(() => {
					const frame = performance.now() - t0;
					const ch = new MessageChannel();
					ch.port1.onmessage = () => resolve({change, frame, paint: performance.now() - t0});
					ch.port2.postMessage(0);
				});
			});
			mo.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
			input.value = String(e.units);
			t0 = performance.now();
			input.dispatchEvent(new Event("input", {bubbles: true}));
		}));
	}
	return out;
}`

// interact opens url (a #plan= link) in a fresh browser context and runs
// the edits, returning one sample per edit.
func interact(bctx context.Context, url string, initialQualifying int64, es []edit) ([]editSample, error) {
	tctx, _, closeTab, err := openFresh(bctx, url, 180*time.Second)
	if err != nil {
		return nil, err
	}
	defer closeTab()
	args, err := json.Marshal(es)
	if err != nil {
		return nil, err
	}
	const perEdit = 30 * time.Second
	expr := fmt.Sprintf("(%s)(%s, %d, %d)", editScript, args, initialQualifying, perEdit.Milliseconds())
	ctx, cancel := context.WithTimeout(tctx, time.Duration(len(es)+1)*perEdit)
	defer cancel()
	out, err := chromedp.Run(ctx, chromedp.Evaluate[[]editSample](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("editing: %w", err)
	}
	if len(out) != len(es) {
		return nil, fmt.Errorf("editing: %d samples for %d edits", len(out), len(es))
	}
	return out, nil
}

// abbreviate shortens a URL (a #plan= link is long) for a message.
func abbreviate(s string) string {
	if len(s) > 100 {
		return s[:97] + "..."
	}
	return s
}
