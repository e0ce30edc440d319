//go:build e2e

package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/raplanner/raplanner/app/examples"
)

// axeSource is axe-core, installed from e2e/package-lock.json by make e2e.
func axeSource(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core is not installed (make e2e-deps installs it): %v", err)
	}
	return string(b)
}

// axeViolation is one rule axe-core found broken.
type axeViolation struct {
	ID, Impact, Help string
	Nodes            []struct{ Target []string }
}

// runAxe runs axe-core on the page and returns the serious and critical violations.
func runAxe(t testing.TB, ctx context.Context, src string) []axeViolation {
	t.Helper()
	evalJS[chromedp.Void](t, ctx, src+"\n;void 0")
	all := evalJS[[]axeViolation](t, ctx, `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
		id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => ({target: n.target.map(String)})),
	})))`, chromedp.EvalAwaitPromise)
	var bad []axeViolation
	for _, v := range all {
		if v.Impact == "serious" || v.Impact == "critical" {
			bad = append(bad, v)
		}
	}
	return bad
}

// TestAccessibility runs axe-core on the main page in both languages, with
// the examples loaded, the editor open on an account and the PowerShell
// script shown: no violation of impact serious or critical.
func TestAccessibility(t *testing.T) {
	src := axeSource(t)
	for _, lang := range []string{"en", "it"} {
		for _, e := range examples.All {
			t.Run(lang+"/"+e.Name, func(t *testing.T) {
				ctx := newTab(t)
				open(t, ctx, "/?lang="+lang+link(t, e.Build())[1:])
				click(t, ctx, "#pick-"+e.Build().Accounts[1].ID)
				click(t, ctx, "#show-script")
				for _, v := range runAxe(t, ctx, src) {
					var where []string
					for _, n := range v.Nodes {
						where = append(where, strings.Join(n.Target, " "))
					}
					t.Errorf("%s (%s): %s at %s", v.ID, v.Impact, v.Help, strings.Join(where, "; "))
				}
			})
		}
	}
}

// TestAccessibilityDarkAndZoom runs axe-core in dark mode and checks that the
// page still fits a 640 px wide window at 200% zoom (a 1280 px laptop).
func TestAccessibilityDarkAndZoom(t *testing.T) {
	src := axeSource(t)
	ctx := newTab(t)
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
	}); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, link(t, examples.DocDiagram()))
	if bg := evalJS[string](t, ctx, `getComputedStyle(document.body).backgroundColor`); bg == "rgb(245, 246, 250)" {
		t.Fatalf("dark mode not applied: background %s", bg)
	}
	for _, v := range runAxe(t, ctx, src) {
		t.Errorf("dark mode: %s (%s): %s", v.ID, v.Impact, v.Help)
	}
	// 200% zoom of a 1280 px window is a 640 px wide layout.
	do(t, ctx, chromedp.EmulateViewport(640, 400))
	settle(t, ctx)
	if over := evalJS[bool](t, ctx, `document.documentElement.scrollWidth > window.innerWidth + 1`); over {
		t.Error("at 200% zoom the page scrolls sideways")
	}
}

// TestDiagramKeyboard moves between diagram nodes with the arrow keys and
// opens one in the editor with Enter.
func TestDiagramKeyboard(t *testing.T) {
	ctx := newTab(t)
	open(t, ctx, link(t, examples.DocDiagram()))
	settle(t, ctx)
	// press sends a key to the focused node and waits until the focus
	// moves away from it (the page moves it after the next render), or
	// returns where it stays.
	focused := `document.activeElement.getAttribute("data-account") || ""`
	press := func(key string) string {
		t.Helper()
		from := evalJS[string](t, ctx, focused)
		do(t, ctx, chromedp.KeyEvent(key))
		sctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		chromedp.Run(sctx, chromedp.Poll[bool](`(`+focused+`) !== `+strconv.Quote(from)))
		return evalJS[string](t, ctx, focused)
	}
	do(t, ctx, chromedp.Focus(chromedp.CSS(`[data-account="ra1"]`)))
	first := press(kb.ArrowDown)
	if first == "" || first == "ra1" {
		t.Fatalf("ArrowDown from the main auto attendant focused %q, want a nested account", first)
	}
	if got := press(kb.ArrowUp); got != "ra1" {
		t.Errorf("ArrowUp went to %q, want ra1", got)
	}
	if got := press(kb.ArrowDown); got != first {
		t.Fatalf("ArrowDown again went to %q, want %q", got, first)
	}
	second := press(kb.ArrowRight)
	if second == first || second == "ra1" || second == "" {
		t.Errorf("ArrowRight from %s focused %q, want its neighbour", first, second)
	}
	do(t, ctx, chromedp.KeyEvent(kb.Enter))
	sctx, cancel := step(ctx)
	defer cancel()
	if _, err := chromedp.Run(sctx, chromedp.Poll[bool](`(document.querySelector('[aria-current="true"]') || {}).id === `+strconv.Quote("pick-"+second))); err != nil {
		got := evalJS[string](t, ctx, `(document.querySelector('[aria-current="true"]') || {id: ""}).id`)
		t.Errorf("Enter on %s opened %q in the editor", second, got)
	}
}
