//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/raplanner/raplanner/app/examples"
	"github.com/raplanner/raplanner/app/scenario"
)

// bigNumbers is a scenario whose figures need thousands separators and
// whose plan costs money.
func bigNumbers() *scenario.Document {
	d := examples.Contoso()
	d.Subscriptions = []scenario.Subscription{{SKU: "SPE_E5", Units: 1500}}
	d.Accounts = append(d.Accounts, bigTenant(300).Accounts[1:]...)
	d.Price = &scenario.Price{Monthly: 8.5, Currency: "EUR"}
	return d
}

// TestItalian opens the Italian page and checks its words, numbers and
// money, while the page hooks keep their plain integers.
func TestItalian(t *testing.T) {
	ctx := newTab(t)
	d := bigNumbers()
	open(t, ctx, "/it"+link(t, d)[1:])
	waitMetrics(t, ctx, d)
	if lang := evalJS[string](t, ctx, `document.documentElement.lang`); lang != "it" {
		t.Errorf("html lang=%q, want it", lang)
	}
	if title := run(t, ctx, chromedp.Title()); !strings.Contains(title, "licenze") {
		t.Errorf("title %q is not Italian", title)
	}
	waitText(t, ctx, "#summary", "Acquista")
	if q := run(t, ctx, chromedp.Text(chromedp.CSS(`[data-metric="qualifying-licenses"]`))); q != "1.500" {
		t.Errorf("1500 shown as %q, want 1.500", q)
	}
	if v := metric(t, ctx, "qualifying-licenses"); v != 1500 {
		t.Errorf("data-value %d, want the plain 1500", v)
	}
	waitText(t, ctx, "#cost", "\u00a0€")
	cost := run(t, ctx, chromedp.Text(chromedp.ID("cost")))
	if !strings.Contains(cost, ",") || !strings.Contains(cost, "al mese") {
		t.Errorf("cost %q is not written the Italian way", cost)
	}
	// A field error in Italian, the typed text kept.
	typeText(t, ctx, "#sub-units-0", "-5")
	waitText(t, ctx, "#sub-units-0-error", "numero intero")
}

// TestLanguageSwitch switches to Italian with the visible switch, keeps the
// choice across a reload, and lets ?lang= force a language.
func TestLanguageSwitch(t *testing.T) {
	ctx := newTab(t)
	d := examples.DocDiagram()
	open(t, ctx, link(t, d))
	waitText(t, ctx, "#results-title", "Plan")
	fire(t, ctx, "#lang", "it")
	waitText(t, ctx, "#results-title", "Piano")
	if lang := evalJS[string](t, ctx, `document.documentElement.lang`); lang != "it" {
		t.Errorf("html lang=%q after switching, want it", lang)
	}
	waitMetrics(t, ctx, d)

	// Remembered: a later visit opens in Italian.
	open(t, ctx, "/")
	waitText(t, ctx, "#results-title", "Piano")
	waitMetrics(t, ctx, d)

	// Forced by the link.
	open(t, ctx, "/?lang=en"+link(t, d)[1:])
	waitText(t, ctx, "#results-title", "Plan")
	open(t, ctx, "/?lang=it")
	waitText(t, ctx, "#results-title", "Piano")
}
