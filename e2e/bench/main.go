//go:build !js

// Command bench measures RA Planner against a minimal go-app page built the
// same way (build/baseline), on the same machine in the same run, writes a
// markdown report and prints it. `make bench` builds both sites, runs the
// engine's Go benchmarks into a file and then:
//
//	go run ./e2e/bench -dist dist -baseline bench/baseline-dist -engine bench/engine.txt -out bench/report.md
//
// Sections: wasm size (raw, gzip -9, brotli), cold load to ready in
// headless Chromium, edit-to-update time at 10, 300 and 3,000 accounts, and
// the engine benchmarks. Each budget is marked PASS or FAIL in the report;
// the command exits 1 after writing it when any budget fails or a
// measurement could not be made. The report's History table is carried over
// from the previous report, with a line for this run appended.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
	"github.com/raplanner/raplanner/build/pages"
)

// The budgets.
const (
	maxGzipRatio  = 1.25 // wasm gzip, ours / baseline
	maxColdRatio  = 1.5  // cold load median, ours / baseline
	maxEdit300    = 50.0 // ms, edit-to-update median at 300 accounts
	maxEdit3000   = 250.0
	maxLinearity  = 150.0 // BenchmarkCompute 100000 / 1000, time per op
	computeSmall  = "BenchmarkCompute/1000"
	computeLarge  = "BenchmarkCompute/100000"
	layeredPrefix = "BenchmarkLayered/"
)

func main() {
	dist := flag.String("dist", "dist", "RA Planner's built site (make dist)")
	base := flag.String("baseline", "bench/baseline-dist", "the baseline's built site (build/baseline)")
	engine := flag.String("engine", "bench/engine.txt", "output of the engine's `go test -bench` runs")
	out := flag.String("out", "bench/report.md", "the report to write (its History is kept)")
	runs := flag.Int("runs", 9, "cold loads of each site (after one discarded warm-up each)")
	nEdits := flag.Int("edits", 21, "measured edits per scenario (after -warmup-edits)")
	warmEdits := flag.Int("warmup-edits", 2, "edits per scenario run first and not counted")
	accounts := flag.String("accounts", "10,300,3000", "scenario sizes of the interaction bench")
	note := flag.String("note", "", "what changed since the previous run, for the History table (make bench BENCH_NOTE=...)")
	wasmFlags := flag.String("wasmflags", `-trimpath -ldflags="-s -w"`, "the go build flags both wasm files were built with (for the report)")
	chromium := flag.String("chromium", "", "the Chromium executable (default /usr/bin/chromium, else from PATH)")
	flag.Parse()

	r := &run{started: time.Now(), loadStart: loadAvg(), wasmFlags: *wasmFlags, note: strings.Join(strings.Fields(*note), " ")}
	r.sizes(*dist, *base)
	r.browser(*dist, *base, *chromium, *runs, *nEdits, *warmEdits, *accounts)
	r.engine(*engine)
	r.loadEnd = loadAvg()

	prev, _ := os.ReadFile(*out)
	report := r.report(historyRows(string(prev)))
	err := os.MkdirAll(filepath.Dir(*out), 0o755)
	if err == nil {
		err = os.WriteFile(*out, []byte(report), 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
	fmt.Print(report)
	if failed := r.failed(); len(failed) > 0 {
		fmt.Fprintf(os.Stderr, "bench: FAIL: %s (report: %s)\n", strings.Join(failed, "; "), *out)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "bench: every budget passed (report: %s)\n", *out)
}

// run holds everything measured.
type run struct {
	wasmFlags          string // how both wasm files were built
	note               string // what changed, for the History table
	started            time.Time
	loadStart, loadEnd float64  // 1-minute load average, -1 when unknown
	errs               []string // measurements that could not be made

	ours, baseline sizes
	sizeErr        error

	chromium             string
	loadOurs, loadBase   []loadSample
	loadErr              error
	edits                []scenarioEdits
	editsMeasured, warms int

	bench      []benchResult
	benchCPU   string
	benchFails []string
	benchErr   error

	budgets []budget
}

type scenarioEdits struct {
	Accounts int
	URLBytes int
	Samples  []editSample
	Err      error
}

func (r *run) fail(section string, err error) {
	r.errs = append(r.errs, section+": "+err.Error())
	fmt.Fprintf(os.Stderr, "bench: %s: %v\n", section, err)
}

func (r *run) sizes(dist, base string) {
	var err error
	if r.ours, err = measureSizes(filepath.Join(dist, "web", "app.wasm")); err != nil {
		r.sizeErr = err
	} else if r.baseline, err = measureSizes(filepath.Join(base, "web", "app.wasm")); err != nil {
		r.sizeErr = err
	}
	if r.sizeErr != nil {
		r.fail("wasm size", r.sizeErr)
	}
}

// serve serves dir like GitHub Pages on 127.0.0.1 at a free port.
func serve(dir string) (string, func(), error) {
	for _, f := range []string{"index.html", "web/app.wasm"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			return "", nil, fmt.Errorf("%s is not a built site: %w", dir, err)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: pages.Handler(dir, "", 0)}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}

func (r *run) browser(dist, base, chromium string, runs, nEdits, warm int, accounts string) {
	oursURL, stopOurs, err := serve(dist)
	if err != nil {
		r.loadErr = err
		r.fail("browser", err)
		return
	}
	defer stopOurs()
	baseURL, stopBase, err := serve(base)
	if err != nil {
		r.loadErr = err
		r.fail("browser", err)
		return
	}
	defer stopBase()
	exe, err := chromiumPath(chromium)
	if err != nil {
		r.loadErr = err
		r.fail("browser", err)
		return
	}
	bctx, version, stop, err := startBrowser(exe)
	if err != nil {
		r.loadErr = err
		r.fail("browser", err)
		return
	}
	defer stop()
	r.chromium = version

	// Cold loads, alternating which site goes first so that a drift of the
	// machine weighs on both; the first load of each is a warm-up.
	fmt.Fprintf(os.Stderr, "bench: %s cold loads (%d + 1 warm-up each)\n", since(r.started), runs)
loads:
	for i := range runs + 1 {
		order := []bool{true, false}
		if i%2 == 1 {
			order = []bool{false, true}
		}
		for _, isOurs := range order {
			url, into := baseURL+"/", &r.loadBase
			if isOurs {
				url, into = oursURL+"/", &r.loadOurs
			}
			s, err := coldLoad(bctx, url)
			if err != nil {
				r.loadErr = err
				r.fail("cold load", err)
				break loads // the edits may still work
			}
			if i > 0 {
				*into = append(*into, s)
			}
		}
	}

	// Edits.
	r.editsMeasured, r.warms = nEdits, warm
	for f := range strings.SplitSeq(accounts, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			r.fail("interaction", fmt.Errorf("bad -accounts entry %q", f))
			continue
		}
		fmt.Fprintf(os.Stderr, "bench: %s %d edits at %d accounts\n", since(r.started), warm+nEdits, n)
		se := scenarioEdits{Accounts: n}
		d := tenant(n)
		frag, err := scenario.EncodeFragment(d)
		if err == nil {
			se.URLBytes = len(oursURL) + len("/#") + len(frag)
			var samples []editSample
			samples, err = interact(bctx, oursURL+"/#"+frag, licensing.Compute(d).Qualifying, edits(d, warm+nEdits))
			if err == nil {
				se.Samples = samples[warm:]
			}
		}
		if err != nil {
			se.Err = err
			r.fail(fmt.Sprintf("interaction at %d accounts", n), err)
		}
		r.edits = append(r.edits, se)
	}
}

func (r *run) engine(path string) {
	f, err := os.Open(path)
	if err != nil {
		r.benchErr = err
		r.fail("engine", err)
		return
	}
	defer f.Close()
	var lines []benchResult
	lines, r.benchCPU, r.benchFails = parseBench(f)
	r.bench = bestRuns(lines)
	if len(r.benchFails) > 0 {
		r.benchErr = errors.New(strings.Join(r.benchFails, "; "))
		r.fail("engine", r.benchErr)
	}
}

// failed lists the failed budgets and the measurements that could not be made.
func (r *run) failed() []string {
	var out []string
	for _, b := range r.budgets {
		if !b.Pass {
			out = append(out, b.Name+" ("+b.Measured+", limit "+b.Limit+")")
		}
	}
	return append(out, r.errs...)
}

func (r *run) editSummary(n int) (summary, bool) {
	for _, se := range r.edits {
		if se.Accounts == n && se.Err == nil {
			xs := make([]float64, len(se.Samples))
			for i, s := range se.Samples {
				xs[i] = s.Frame
			}
			return summarize(xs), true
		}
	}
	return summarize(nil), false
}

// loads summarizes one figure of the cold loads: "ready", "wasm-start"
// (app.wasm requested), "wasm" (received), "after-wasm" (ready minus
// received, per load), "main" (Go's main started, minus received) or
// "after-main" (ready minus main started).
func loads(ss []loadSample, figure string) summary {
	xs := make([]float64, 0, len(ss))
	for _, s := range ss {
		switch {
		case figure == "ready":
			xs = append(xs, s.Ready)
		case s.WasmEnd < 0:
		case figure == "wasm-start":
			xs = append(xs, s.WasmStart)
		case figure == "wasm":
			xs = append(xs, s.WasmEnd)
		case figure == "after-wasm":
			xs = append(xs, s.Ready-s.WasmEnd)
		case s.GoMain < 0:
		case figure == "main":
			xs = append(xs, s.GoMain-s.WasmEnd)
		case figure == "after-main":
			xs = append(xs, s.Ready-s.GoMain)
		}
	}
	return summarize(xs)
}

// report writes the whole report and sets r.budgets.
func (r *run) report(history []string) string {
	var w strings.Builder
	host, _ := os.Hostname()
	fmt.Fprintf(&w, "# RA Planner bench\n\n")
	fmt.Fprintf(&w, "Run %s on %s: %s, %d CPUs (%s/%s), %s, %s. Every figure below comes from this one run, next to the baseline: a minimal go-app v10 page (`build/baseline`: one component rendering \"Hello\" that sets `data-ready=\"true\"` in OnMount) built with the same flags (`GOOS=js GOARCH=wasm go build %s`) and served the same way.\n\n",
		r.started.UTC().Format("2006-01-02 15:04 UTC"), host, cpuModel(r.benchCPU), runtime.NumCPU(), runtime.GOOS, runtime.GOARCH,
		runtime.Version(), orNA(r.chromium, "no browser"), r.wasmFlags)

	fmt.Fprintf(&w, "Load average (1 min) at the start %s, at the end %s.", loadText(r.loadStart), loadText(r.loadEnd))
	if max(r.loadStart, r.loadEnd) > float64(runtime.NumCPU()) {
		w.WriteString(" **The machine was busy with other work during this run: its timings are noisy. Rerun on a quiet machine before trusting a FAIL of a timing budget.**")
	}
	w.WriteString("\n\n")

	// Budgets are computed first and written first.
	r.budgets = nil
	gzipOK := r.sizeErr == nil && r.baseline.Gzip > 0
	gz := float64(r.ours.Gzip) / float64(max(r.baseline.Gzip, 1))
	r.budgets = append(r.budgets, budget{"wasm gzip vs baseline", fmt.Sprintf("≤ %.2f×", maxGzipRatio), measuredRatio(gzipOK, gz), gzipOK && gz <= maxGzipRatio})
	lo, lb := loads(r.loadOurs, "ready"), loads(r.loadBase, "ready")
	coldOK := r.loadErr == nil && lo.N > 0 && lb.N > 0
	cr := lo.Median / lb.Median
	r.budgets = append(r.budgets, budget{"cold load median vs baseline", fmt.Sprintf("≤ %.2f×", maxColdRatio), measuredRatio(coldOK, cr), coldOK && cr <= maxColdRatio})
	for _, e := range []struct {
		n     int
		limit float64
	}{{300, maxEdit300}, {3000, maxEdit3000}} {
		s, ok := r.editSummary(e.n)
		m := "not measured"
		if ok {
			m = ms(s.Median)
		}
		r.budgets = append(r.budgets, budget{fmt.Sprintf("edit-to-update median at %s accounts", commas(int64(e.n))), "≤ " + ms(e.limit), m, ok && s.Median <= e.limit})
	}
	small, okS := findBench(r.bench, computeSmall)
	large, okL := findBench(r.bench, computeLarge)
	linOK := okS && okL && small.Metrics["ns/op"] > 0
	lin := large.Metrics["ns/op"] / small.Metrics["ns/op"]
	r.budgets = append(r.budgets, budget{"engine linear: Compute 100k / 1k time", fmt.Sprintf("≤ %.0f×", maxLinearity), measuredRatio(linOK, lin), linOK && lin <= maxLinearity})

	w.WriteString("## Budgets\n\n")
	var rows [][]string
	allPass := true
	for _, b := range r.budgets {
		rows = append(rows, []string{b.Name, b.Limit, b.Measured, b.verdict()})
		allPass = allPass && b.Pass
	}
	table(&w, []string{"budget", "limit", "measured", "result"}, rows)
	if len(r.errs) > 0 {
		w.WriteString("Measurements that could not be made (the run fails):\n\n")
		for _, e := range r.errs {
			fmt.Fprintf(&w, "- %s\n", strings.ReplaceAll(e, "\n", " "))
		}
		w.WriteString("\n")
		allPass = false
	}

	// 1. Size.
	w.WriteString("## 1. Wasm size\n\n`web/app.wasm` as built; gzip is Go's compress/gzip at BestCompression (gzip -9), brotli is the `brotli` CLI at -q 11 (n/a when it is not installed).\n\n")
	if r.sizeErr != nil {
		fmt.Fprintf(&w, "Not measured: %v\n\n", r.sizeErr)
	} else {
		rows = [][]string{
			{"raw", mb(r.ours.Raw), mb(r.baseline.Raw), ratio(float64(r.ours.Raw), float64(r.baseline.Raw))},
			{"gzip -9", mb(r.ours.Gzip), mb(r.baseline.Gzip), ratio(float64(r.ours.Gzip), float64(r.baseline.Gzip))},
			{"brotli -q 11", mb(r.ours.Brotli), mb(r.baseline.Brotli), ratio(float64(r.ours.Brotli), float64(r.baseline.Brotli))},
		}
		table(&w, []string{"app.wasm", "RA Planner", "baseline", "ratio"}, rows)
	}

	// 2. Cold load.
	fmt.Fprintf(&w, "## 2. Cold load to ready\n\nHeadless Chromium on loopback, each site served by `build/pages` (as GitHub Pages serves it) on 127.0.0.1 at a free port. Every load runs in a new browser context (an incognito-like profile: empty HTTP cache, storage, service workers and compiled-wasm cache), in a browser started with a fresh user-data-dir. Before navigating, `Page.addScriptToEvaluateOnNewDocument` installs a MutationObserver that records `performance.now()` (ms since navigation start) in the microtask after the first DOM mutation that leaves a `[data-ready=\"true\"]` element in the page: RA Planner's `#ra-planner` (default scenario, no link, nothing stored) and the baseline's root. \"app.wasm requested\" and \"received\" are the wasm's `startTime` and `responseEnd` from Resource Timing (the page's own fetch, not the service worker's); \"Go's main starts\" is the `go:main` performance mark both programs set first thing in main. %d loads of each site, alternating which goes first, after one discarded warm-up load each.\n\n", len(r.loadOurs))
	if r.loadErr != nil {
		fmt.Fprintf(&w, "Not measured: %v\n\n", strings.ReplaceAll(r.loadErr.Error(), "\n", " "))
	} else {
		so, sb := loads(r.loadOurs, "wasm-start"), loads(r.loadBase, "wasm-start")
		wo, wb := loads(r.loadOurs, "wasm"), loads(r.loadBase, "wasm")
		ao, ab := loads(r.loadOurs, "after-wasm"), loads(r.loadBase, "after-wasm")
		mo, mb := loads(r.loadOurs, "main"), loads(r.loadBase, "main")
		ro, rb := loads(r.loadOurs, "after-main"), loads(r.loadBase, "after-main")
		rows = [][]string{
			{"ready, median", ms(lo.Median), ms(lb.Median), ratio(lo.Median, lb.Median)},
			{"ready, min", ms(lo.Min), ms(lb.Min), ratio(lo.Min, lb.Min)},
			{"ready, max", ms(lo.Max), ms(lb.Max), ratio(lo.Max, lb.Max)},
			{"app.wasm requested, median", ms(so.Median), ms(sb.Median), ratio(so.Median, sb.Median)},
			{"app.wasm received, median", ms(wo.Median), ms(wb.Median), ratio(wo.Median, wb.Median)},
			{"ready after app.wasm received, median", ms(ao.Median), ms(ab.Median), ratio(ao.Median, ab.Median)},
			{"- of which until Go's main starts (compile, instantiate, runtime and package init), median", ms(mo.Median), ms(mb.Median), ratio(mo.Median, mb.Median)},
			{"- of which from Go's main to ready (go-app start, first render), median", ms(ro.Median), ms(rb.Median), ratio(ro.Median, rb.Median)},
			{"ratio of each pair of loads, median", "", "", pairedRatio(r.loadOurs, r.loadBase)},
		}
		table(&w, []string{"cold load", "RA Planner", "baseline", "ratio"}, rows)
		fmt.Fprintf(&w, "Every load (ready, ms): RA Planner %s; baseline %s.\n\n", list(r.loadOurs), list(r.loadBase))
	}

	// 3. Interaction.
	fmt.Fprintf(&w, "## 3. Interaction: edit to update\n\nA generated tenant (`e2e/bench/scenarios.go`: groups of ten accounts, a numbered auto attendant routing to eight call queues and a nested after-hours menu that loops back; the free allotment covers about half of the accounts needing a license) is opened from a `/#plan=` link in a fresh browser context. One page-side async function then runs every edit, with no CDP round trip inside a measurement: set `#sub-units-0` (the first subscription's units, moved by multiples of ten so the allotment and the free/paid split move too), take `performance.now()`, dispatch `input`, and wait with a MutationObserver until `[data-metric=\"qualifying-licenses\"]` and `[data-metric=\"free-assigned\"]` show the values the engine computes for that edit (`licensing.Compute`) and the diagram holds that many `[data-plan=\"free\"]` nodes. **Next frame** is `performance.now()` in the first `requestAnimationFrame` callback after that (the budgeted figure); **after paint** is a message posted from that callback, so it includes the frame's style, layout and paint. Two frames pass between edits. go-app applies a component update on its next engine frame (a 120 Hz ticker), so every figure includes a floor of about 8 ms that the baseline framework would have too. %d edits per scenario after %d discarded warm-up edits.\n\n", r.editsMeasured, r.warms)
	rows = nil
	for _, se := range r.edits {
		if se.Err != nil {
			rows = append(rows, []string{commas(int64(se.Accounts)), "error: " + strings.ReplaceAll(se.Err.Error(), "|", "/"), "", "", "", "", ""})
			continue
		}
		var ch, fr, pa []float64
		for _, s := range se.Samples {
			ch, fr, pa = append(ch, s.Change), append(fr, s.Frame), append(pa, s.Paint)
		}
		c, f, p := summarize(ch), summarize(fr), summarize(pa)
		rows = append(rows, []string{commas(int64(se.Accounts)), ms(f.Median), ms(f.Min), ms(f.Max), ms(c.Median), ms(p.Median), fmt.Sprintf("%.0f kB", float64(se.URLBytes)/1e3)})
	}
	if len(rows) > 0 {
		table(&w, []string{"accounts", "next frame, median", "min", "max", "DOM updated, median", "after paint, median", "link length"}, rows)
	} else {
		w.WriteString("Not measured.\n\n")
	}

	// 4. Engine.
	w.WriteString("## 4. Engine\n\n`go test -run '^$' -bench 'BenchmarkCompute' -benchmem ./app/licensing/` (a chain of accounts) and `-bench 'BenchmarkLayered' ./app/diagram/` (a random graph), run by `make bench` with `-count` (runs): each row is the fastest run, since other work on the machine only ever adds time; per account/node is ns/op divided by the size.\n\n")
	if r.benchErr != nil {
		fmt.Fprintf(&w, "Problem: %v\n\n", r.benchErr)
	}
	rows = nil
	for _, b := range r.bench {
		perUnit, okU := 0.0, false
		if v, ok := b.Metrics["ns/account"]; ok {
			perUnit, okU = v, true
		} else if n := unitsOf(b.Name); n > 0 {
			perUnit, okU = b.Metrics["ns/op"]/float64(n), true
		}
		nsop, ok1 := b.Metrics["ns/op"]
		bop, ok2 := b.Metrics["B/op"]
		aop, ok3 := b.Metrics["allocs/op"]
		rows = append(rows, []string{"`" + b.Name + "`", strconv.Itoa(b.Runs), num(nsop, ok1), num(perUnit, okU), num(bop, ok2), num(aop, ok3)})
	}
	if len(rows) > 0 {
		table(&w, []string{"benchmark", "runs", "ns/op", "ns per account/node", "B/op", "allocs/op"}, rows)
	}
	if linOK {
		fmt.Fprintf(&w, "Linearity: Compute at 100,000 accounts takes %.1f× the time at 1,000 (100× is linear; budget ≤ %.0f×).", lin, maxLinearity)
		var lay []benchResult
		for _, b := range r.bench {
			if strings.HasPrefix(b.Name, layeredPrefix) {
				lay = append(lay, b)
			}
		}
		if len(lay) >= 2 {
			a, z := lay[0], lay[len(lay)-1]
			fmt.Fprintf(&w, " Layered at %s nodes takes %.1f× the time at %s (%.0f× is linear; no budget).",
				commas(unitsOf(z.Name)), z.Metrics["ns/op"]/a.Metrics["ns/op"], commas(unitsOf(a.Name)), float64(unitsOf(z.Name))/float64(max(unitsOf(a.Name), 1)))
		}
		w.WriteString("\n\n")
	}

	// History.
	e300, ok300 := r.editSummary(300)
	e3000, ok3000 := r.editSummary(3000)
	verdict := "PASS"
	if !allPass {
		verdict = "FAIL"
	}
	gzCell, coldCell := "n/a", "n/a"
	if r.sizeErr == nil {
		gzCell = fmt.Sprintf("%.2f MB", float64(r.ours.Gzip)/1e6)
	}
	if coldOK {
		coldCell = fmt.Sprintf("%s (%s)", ms(lo.Median), ms(lb.Median))
	}
	history = append(history, historyRow(r.started.UTC().Format("2006-01-02 15:04"), gitCommit(), gzCell, coldCell,
		msIf(e300.Median, ok300), msIf(e3000.Median, ok3000), verdict, r.note))
	if len(history) > 200 {
		history = history[len(history)-200:]
	}
	w.WriteString(historyHeading + "\n\nOne line per run of `make bench`, carried over from the previous `bench/report.md`; the note says what changed (`make bench BENCH_NOTE=...`).\n\n")
	table(&w, historyHeader, nil)
	s := strings.TrimSuffix(w.String(), "\n")
	return s + strings.Join(history, "\n") + "\n"
}

func since(t time.Time) string { return time.Since(t).Round(time.Second).String() }

// pairedRatio is the median of ours[i] / base[i].
func pairedRatio(ours, base []loadSample) string {
	var xs []float64
	for i := range min(len(ours), len(base)) {
		if base[i].Ready > 0 {
			xs = append(xs, ours[i].Ready/base[i].Ready)
		}
	}
	if len(xs) == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f×", summarize(xs).Median)
}

// loadAvg is the 1-minute load average, or -1.
func loadAvg() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return -1
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return -1
	}
	v, err := strconv.ParseFloat(f[0], 64)
	if err != nil {
		return -1
	}
	return v
}

func loadText(v float64) string {
	if v < 0 {
		return "unknown"
	}
	return fmt.Sprintf("%.2f", v)
}

func measuredRatio(ok bool, v float64) string {
	if !ok || math.IsNaN(v) || math.IsInf(v, 0) {
		return "not measured"
	}
	return fmt.Sprintf("%.2f×", v)
}

func msIf(v float64, ok bool) string {
	if !ok {
		return "n/a"
	}
	return ms(v)
}

func orNA(s, na string) string {
	if s == "" {
		return na
	}
	return s
}

func list(ss []loadSample) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = strconv.FormatFloat(s.Ready, 'f', 0, 64)
	}
	return strings.Join(parts, ", ")
}

// cpuModel names the processor: from the benchmark output, else /proc/cpuinfo.
func cpuModel(fromBench string) string {
	if fromBench != "" {
		return fromBench
	}
	b, err := os.ReadFile("/proc/cpuinfo")
	if err == nil {
		for line := range strings.SplitSeq(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				return strings.TrimSpace(v)
			}
		}
	}
	return "unknown CPU"
}

// gitCommit is the short commit of the work tree, with "+" when it has
// uncommitted changes, or "?".
func gitCommit() string {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "git", "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "?"
	}
	c := strings.TrimSpace(string(out))
	if st, err := exec.CommandContext(ctx, "git", "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(strings.TrimSpace(string(st))) > 0 {
		c += "+"
	}
	return c
}
