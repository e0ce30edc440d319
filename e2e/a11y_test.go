//go:build e2e

package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
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
