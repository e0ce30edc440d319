//go:build e2e

package e2e

// A tab per test, and what it watches: every console message, uncaught
// exception and browser log entry (chromedp.Console), and every network
// request (the Network domain's events, through an ordered listener). A
// problem found there fails the test at cleanup, or at once in open.

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// newTab opens a new tab in the run's browser for the test t, in a fresh
// browser context (its own storage, cache and service worker), and returns
// its context; pass it to every helper. The tab watches the page from before the
// first navigation and, when the test ends, fails it on:
//
//   - a console message containing "panic:" or "fatal error:" (Go runtime),
//   - an uncaught exception or unhandled rejection, console.error, a failed
//     console.assert, or an error entry of the browser log (a failed load),
//     unless benignConsole lists it,
//   - a request to an origin other than the test server's (data: and blob:
//     URLs and the browser's own chrome:, devtools: URLs are fine).
//
// Call checkPage to check earlier. The tab closes at cleanup.
func newTab(t testing.TB) context.Context {
	t.Helper()
	return openTab(t, serverURL).ctx
}

// checkPage fails the test now on the problems the tab saw so far (see
// newTab). It waits until the console has delivered everything the page
// logged before the call.
func checkPage(t testing.TB, ctx context.Context) {
	t.Helper()
	tabOf(t, ctx).report(t)
}

// benignConsole lists the console messages that do not fail a test although
// their type would. Each entry says why it is harmless. A "panic:" is never
// allowed. The list is empty: add an entry only with a reason.
var benignConsole = []struct {
	Type   chromedp.ConsoleType
	Substr string // the message text contains it
	Reason string
}{}

// classifyConsole is the verdict on one console message of the page: fail
// tells whether it fails the test, and why names the failure ("Go panic",
// "uncaught exception", ...) or, for an allowed message, the reason it is
// allowed. why is "" for an ordinary message.
func classifyConsole(typ chromedp.ConsoleType, text string) (fail bool, why string) {
	switch {
	case strings.Contains(text, "panic:"):
		return true, "Go panic"
	case strings.Contains(text, "fatal error:"):
		return true, "Go fatal error"
	}
	var kind string
	switch typ {
	case chromedp.ConsoleException:
		kind = "uncaught exception"
	case chromedp.ConsoleError:
		kind = "console error"
	case "assert":
		kind = "failed console.assert"
	default:
		return false, ""
	}
	for _, b := range benignConsole {
		if b.Type == typ && strings.Contains(text, b.Substr) {
			return false, "allowed: " + b.Reason
		}
	}
	return true, kind
}

// requestForeign reports whether a request to rawURL goes somewhere other than
// origin ("http://127.0.0.1:PORT"). data: and blob: URLs stay in the page, and
// chrome:, chrome-extension:, chrome-untrusted:, devtools: and about: URLs are
// the browser's own: none of them is foreign. An unparsable URL is.
func requestForeign(origin, rawURL string) bool {
	u, err := url.Parse(rawURL)
	if err != nil {
		return true
	}
	switch strings.ToLower(u.Scheme) {
	case "data", "blob":
		return false
	case "chrome", "chrome-extension", "chrome-untrusted", "devtools", "about":
		return false
	}
	o, err := url.Parse(origin)
	if err != nil {
		return true
	}
	return originOf(u) != originOf(o)
}

// originOf is scheme://host:port with the default port filled in, and ws(s)
// counted as http(s).
func originOf(u *url.URL) string {
	scheme := strings.ToLower(u.Scheme)
	switch scheme {
	case "ws":
		scheme = "http"
	case "wss":
		scheme = "https"
	}
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[scheme]
	}
	return scheme + "://" + strings.ToLower(u.Hostname()) + ":" + port
}

// tabKey is the context key of a tab's *tab.
type tabKey struct{}

// barrierPrefix starts the console.debug markers of tab.sync.
const barrierPrefix = "e2e:barrier:"

// tab is what newTab keeps about a tab.
type tab struct {
	ctx    context.Context // the tab's chromedp context, carrying the *tab
	origin string          // the one origin the page may request
	done   chan struct{}   // closed when the console reader ends
	seq    atomic.Int64    // barrier numbers

	mu       sync.Mutex
	messages []chromedp.ConsoleMessage // every message but the barriers
	requests []string                  // every requested URL, in order
	problems []string                  // found and not yet reported
	barriers map[string]chan struct{}  // marker → closed when it arrives
	alarm    chan struct{}             // closed at the first unreported problem
}

// openTab opens a tab whose page may request origin only. Most tests want
// newTab; the harness's own tests serve other pages.
func openTab(t testing.TB, origin string) *tab {
	t.Helper()
	if browserCtx == nil {
		t.Fatal("no browser: TestMain did not start one")
	}
	tb := &tab{
		origin:   origin,
		done:     make(chan struct{}),
		barriers: map[string]chan struct{}{},
		alarm:    make(chan struct{}),
	}
	// A browser context per tab: each test starts with empty storage, cache
	// and service worker, whatever ran before (about 0.4 s more per tab).
	// The listener sees the events in order, before the reply to any later
	// command, so a command round trip is enough to see every request.
	cctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext(), chromedp.WithListener(tb.onEvent))
	// Open the tab with no timeout on cctx: the first run binds the tab's
	// life to the context it gets. The browser runs already, so it is quick.
	if err := chromedp.Do(cctx); err != nil {
		cancel()
		t.Fatalf("opening a tab: %v", err)
	}
	tb.ctx = context.WithValue(cctx, tabKey{}, tb)
	messages := chromedp.Console(cctx) // subscribed now, before any navigation
	go func() {
		defer close(tb.done)
		for m, err := range messages {
			if err != nil {
				return // the tab's context ended
			}
			tb.onConsole(m)
		}
	}()
	t.Cleanup(func() {
		tb.report(t)
		cancel() // closes the tab
		select {
		case <-tb.done:
		case <-time.After(5 * time.Second):
		}
	})
	return tb
}

// tabOf returns the tab of a context that newTab made.
func tabOf(t testing.TB, ctx context.Context) *tab {
	t.Helper()
	tb, ok := ctx.Value(tabKey{}).(*tab)
	if !ok {
		t.Fatal("the context does not come from newTab")
	}
	return tb
}

// onEvent runs in the tab's event loop: it must return fast and send nothing.
func (tb *tab) onEvent(ev any) {
	var u string
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		u = ev.Request.URL
	case *network.EventWebSocketCreated:
		u = ev.URL
	default:
		return
	}
	tb.mu.Lock()
	defer tb.mu.Unlock()
	tb.requests = append(tb.requests, u)
	if requestForeign(tb.origin, u) {
		tb.addProblem("request to another origin: " + u)
	}
}

func (tb *tab) onConsole(m chromedp.ConsoleMessage) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	if m.Type == chromedp.ConsoleDebug && strings.HasPrefix(m.Text, barrierPrefix) {
		if ch, ok := tb.barriers[m.Text]; ok {
			close(ch)
			delete(tb.barriers, m.Text)
		}
		return
	}
	tb.messages = append(tb.messages, m)
	if fail, why := classifyConsole(m.Type, m.Text); fail {
		tb.addProblem(why + ": " + m.Text + where(m))
	}
}

// where tells where a message comes from, when the browser says.
func where(m chromedp.ConsoleMessage) string {
	if m.URL == "" {
		return ""
	}
	return fmt.Sprintf(" (%s:%d)", m.URL, m.Line+1)
}

// addProblem records a problem; tb.mu is held.
func (tb *tab) addProblem(p string) {
	if len(tb.problems) == 0 {
		close(tb.alarm)
	}
	tb.problems = append(tb.problems, p)
}

// alarmed returns a channel that closes at the first problem not reported yet.
func (tb *tab) alarmed() <-chan struct{} {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return tb.alarm
}

// firstProblem returns the first problem not reported yet, or "".
func (tb *tab) firstProblem() string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	if len(tb.problems) == 0 {
		return ""
	}
	return tb.problems[0]
}

// sync waits until the tab has seen every console message and request of
// the page up to now: it logs a marker with console.debug and waits for it.
func (tb *tab) sync() error {
	marker := barrierPrefix + strconv.FormatInt(tb.seq.Add(1), 10)
	ch := make(chan struct{})
	tb.mu.Lock()
	tb.barriers[marker] = ch
	tb.mu.Unlock()
	defer func() {
		tb.mu.Lock()
		delete(tb.barriers, marker)
		tb.mu.Unlock()
	}()
	ctx, cancel := context.WithTimeout(tb.ctx, 10*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`console.debug(`+strconv.Quote(marker)+`)`)); err != nil {
		return fmt.Errorf("the page does not answer (a busy loop?): %w", err)
	}
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("the console did not deliver a marker: %w", ctx.Err())
	}
}

// take syncs and returns the problems not reported yet, which are then
// considered handled: a test that expects problems uses it.
func (tb *tab) take() ([]string, error) {
	err := tb.sync()
	tb.mu.Lock()
	defer tb.mu.Unlock()
	p := tb.problems
	tb.problems = nil
	if len(p) > 0 {
		tb.alarm = make(chan struct{})
	}
	return p, err
}

// report syncs and fails t on each problem not reported yet. When t has
// failed, it logs the console for context.
func (tb *tab) report(t testing.TB) {
	t.Helper()
	problems, err := tb.take()
	if err != nil {
		t.Errorf("page: %v (later console messages and requests are unknown)", err)
	}
	for _, p := range problems {
		t.Errorf("page: %s", p)
	}
	tb.mu.Lock()
	msgs := append([]chromedp.ConsoleMessage(nil), tb.messages...)
	tb.mu.Unlock()
	if t.Failed() {
		const keep = 60
		start := max(0, len(msgs)-keep)
		t.Logf("the page's console (%d messages, the last %d):", len(msgs), len(msgs)-start)
		for _, m := range msgs[start:] {
			t.Logf("  %s", m)
		}
		return
	}
	for _, m := range msgs {
		if m.Type == chromedp.ConsoleWarning {
			t.Logf("page warning: %s%s", m.Text, where(m))
		}
	}
}

// requested returns every URL the page requested so far.
func (tb *tab) requested() ([]string, error) {
	err := tb.sync()
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]string(nil), tb.requests...), err
}
