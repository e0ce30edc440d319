//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/raplanner/raplanner/app/examples"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

// The planner page, tested as an administrator uses it. Expected figures
// always come from the engine run natively on the same scenario.

// engineMetrics returns the page's seven metrics as the engine computes them.
func engineMetrics(r *licensing.Result) map[string]int64 {
	return map[string]int64{
		"qualifying-licenses":      r.Qualifying,
		"free-allotment":           r.Allotment,
		"accounts":                 int64(r.Totals.Accounts),
		"accounts-needing-license": int64(r.Totals.NeedingLicense),
		"free-assigned":            r.Totals.FreeAssigned,
		"paid-needed":              r.Totals.PaidNeeded,
		"free-unused":              r.Totals.FreeUnused,
	}
}

// link returns the path that opens d: "/#plan=...".
func link(t testing.TB, d *scenario.Document) string {
	t.Helper()
	frag, err := scenario.EncodeFragment(d)
	if err != nil {
		t.Fatalf("EncodeFragment: %v", err)
	}
	return "/#" + frag
}

// waitMetrics waits until the page shows the engine's metrics for d and
// every diagram node carries the engine's plan (edits re-render
// asynchronously), and fails with the difference when it does not.
func waitMetrics(t testing.TB, ctx context.Context, d *scenario.Document) {
	t.Helper()
	r := licensing.Compute(d)
	want := engineMetrics(r)
	plans := map[string]string{}
	for i, a := range d.Accounts {
		plans[a.ID] = r.Accounts[i].Planned.String()
	}
	wantJSON, _ := json.Marshal(map[string]any{"metrics": want, "plans": plans})
	const read = `(() => ({
		metrics: Object.fromEntries([...document.querySelectorAll("[data-metric]")].map(e => [e.getAttribute("data-metric"), Number(e.getAttribute("data-value"))])),
		plans: Object.fromEntries([...document.querySelectorAll("[data-account]")].map(n => [n.getAttribute("data-account"), n.getAttribute("data-plan")])),
	}))()`
	sctx, cancel := step(ctx)
	defer cancel()
	_, err := chromedp.Run(sctx, chromedp.Poll[bool](`(() => {
		const want = `+string(wantJSON)+`;
		const got = `+read+`;
		for (const [k, v] of Object.entries(want.metrics)) if (got.metrics[k] !== v) return false;
		if (Object.keys(got.plans).length !== Object.keys(want.plans).length) return false;
		for (const [k, v] of Object.entries(want.plans)) if (got.plans[k] !== v) return false;
		return true;
	})()`))
	if err != nil {
		got := evalJS[map[string]any](t, ctx, read)
		t.Fatalf("the page did not come to show the engine's plan:\n got %v\nwant %s", got, wantJSON)
	}
}

// fire sets the value of a form field as a user would and fires its input
// and change events (select elements and fields committed on change).
func fire(t testing.TB, ctx context.Context, css, value string) {
	t.Helper()
	settle(t, ctx)
	q, _ := json.Marshal(css)
	v, _ := json.Marshal(value)
	ok := evalJS[bool](t, ctx, `(() => {
		const el = document.querySelector(`+string(q)+`);
		if (!el) return false;
		el.focus();
		el.value = `+string(v)+`;
		el.dispatchEvent(new Event("input", {bubbles: true}));
		el.dispatchEvent(new Event("change", {bubbles: true}));
		return true;
	})()`)
	if !ok {
		t.Fatalf("no element %s to fill", css)
	}
}

// settle waits until the page has handled what came before: two animation
// frames, in which go-app renders pending updates.
func settle(t testing.TB, ctx context.Context) {
	t.Helper()
	evalJS[chromedp.Void](t, ctx, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))))`, chromedp.EvalAwaitPromise)
}

// click clicks the element css once the page has settled, then lets the
// page handle the click.
func click(t testing.TB, ctx context.Context, css string) {
	t.Helper()
	settle(t, ctx)
	do(t, ctx, chromedp.Click(chromedp.CSS(css)))
	settle(t, ctx)
}

// waitText waits until the text of the element css contains want.
func waitText(t testing.TB, ctx context.Context, css, want string) {
	t.Helper()
	q, _ := json.Marshal(css)
	w, _ := json.Marshal(want)
	sctx, cancel := step(ctx)
	defer cancel()
	if _, err := chromedp.Run(sctx, chromedp.Poll[bool](`(() => { const el = document.querySelector(`+string(q)+`); return !!el && el.innerText.includes(`+string(w)+`); })()`)); err != nil {
		got := evalJS[string](t, ctx, `(document.querySelector(`+string(q)+`) || {innerText: "(no element)"}).innerText`)
		t.Fatalf("%s shows %q, want it to contain %q", css, got, want)
	}
}

// typeText replaces the text of a field by typing it with the keyboard.
func typeText(t testing.TB, ctx context.Context, css, text string) {
	t.Helper()
	settle(t, ctx)
	q, _ := json.Marshal(css)
	if !evalJS[bool](t, ctx, `(() => { const el = document.querySelector(`+string(q)+`); if (!el) return false; el.focus(); el.select(); return true; })()`) {
		t.Fatalf("no field %s", css)
	}
	settle(t, ctx) // the select event comes first, as when a person selects, then types
	do(t, ctx, chromedp.SendKeys(chromedp.CSS(css), text))
}

// planOnPage decodes the scenario the page keeps in its URL.
func planOnPage(t testing.TB, ctx context.Context) *scenario.Document {
	t.Helper()
	// The address bar follows the scenario once edits pause (ui.urlDelay).
	settle(t, ctx)
	do(t, ctx, chromedp.Sleep(400*time.Millisecond))
	loc := run(t, ctx, chromedp.Location())
	_, frag, _ := strings.Cut(loc, "#")
	d, err := scenario.DecodeFragment(frag)
	if err != nil {
		t.Fatalf("the page's URL %s does not hold a readable plan: %v", abbreviate(loc), err)
	}
	return d
}

func TestExamplesFromButtons(t *testing.T) {
	ctx := newTab(t)
	open(t, ctx, "/")
	for _, e := range examples.All {
		click(t, ctx, "#example-"+e.Name)
		waitMetrics(t, ctx, e.Build())
	}
	// The documentation's worked example comes out exactly.
	click(t, ctx, "#example-contoso")
	waitMetrics(t, ctx, examples.Contoso())
	if got := metrics(t, ctx); got["free-allotment"] != 85 || got["free-assigned"] != 85 || got["paid-needed"] != 5 {
		t.Errorf("Contoso: %v; the documentation says 85 free, 85 assigned, 5 to buy", got)
	}
	waitText(t, ctx, "#summary", "Buy 5 Phone System licenses")
}

func TestExamplesFromLinks(t *testing.T) {
	ctx := newTab(t)
	for _, e := range examples.All {
		d := e.Build()
		open(t, ctx, link(t, d))
		waitMetrics(t, ctx, d)
	}
	// The docs diagram needs three licenses under the 2020 rule.
	open(t, ctx, link(t, examples.DocDiagram()))
	if got := metric(t, ctx, "accounts-needing-license"); got != 3 {
		t.Errorf("docs diagram: %d accounts need a license, the documentation says 3", got)
	}
}

func TestEditionSwitch(t *testing.T) {
	ctx := newTab(t)
	d := examples.DocDiagram()
	open(t, ctx, link(t, d))
	for _, e := range []scenario.Edition{scenario.ResourceAccount2022, scenario.ResourceAccount2024, scenario.VirtualUser2020} {
		click(t, ctx, "#edition-"+string(e))
		d.Edition = e
		waitMetrics(t, ctx, d)
	}
}

func TestEditCountAndNumber(t *testing.T) {
	ctx := newTab(t)
	d := examples.DocDiagram()
	open(t, ctx, link(t, d))

	// Fewer Phone System licenses: the allotment follows as the user types.
	typeText(t, ctx, "#sub-units-0", "612")
	d.Subscriptions[0].Units = 612
	waitMetrics(t, ctx, d)
	if f := run(t, ctx, chromedp.Text(chromedp.CSS(".formula"))); !strings.Contains(f, "25 + floor(612/10) = 86") {
		t.Errorf("formula %q", f)
	}
	// A unit count that is not a number keeps the text, says what is wrong
	// next to the field, and leaves the plan alone.
	typeText(t, ctx, "#sub-units-0", "-5")
	waitText(t, ctx, "#sub-units-0-error", "negative")
	if v := run(t, ctx, chromedp.Value(chromedp.ID("sub-units-0"))); v != "-5" {
		t.Errorf("the field lost what was typed: %q", v)
	}
	waitMetrics(t, ctx, d)

	// Give the nested auto attendant ra2 a number: it now needs a license.
	click(t, ctx, `[data-account="ra2"]`)
	typeText(t, ctx, "#account-number", "+1 (425) 555-0102")
	d.Accounts[1].PhoneNumber = "+14255550102"
	waitMetrics(t, ctx, d)
	if got := planOnPage(t, ctx).Accounts[1].PhoneNumber; got != "+14255550102" {
		t.Errorf("the link keeps the number as %q, want E.164 +14255550102", got)
	}
	// A number that is not one: message next to the field, plan unchanged.
	typeText(t, ctx, "#account-number", "+1 (425) abc")
	waitText(t, ctx, "#account-number-error", "phone number")
	waitMetrics(t, ctx, d)
}

func TestNestingAndUnnesting(t *testing.T) {
	ctx := newTab(t)
	d := &scenario.Document{
		Edition:       scenario.ResourceAccount2024,
		Subscriptions: []scenario.Subscription{{SKU: "MCOEV", Units: 10}},
		Accounts: []scenario.Account{
			{ID: "main", Name: "Main", Type: scenario.AutoAttendant, PhoneNumber: "+14255550100"},
			{ID: "queue", Name: "Queue", Type: scenario.CallQueue},
		},
	}
	open(t, ctx, link(t, d))
	waitMetrics(t, ctx, d)

	// Nest the queue under the main auto attendant: under the 2024 rule it
	// no longer answers calls directly and needs no resource account.
	click(t, ctx, "#pick-main")
	fire(t, ctx, "#add-route", "queue")
	d.Accounts[0].RoutesTo = []string{"queue"}
	waitMetrics(t, ctx, d)
	if got := evalJS[string](t, ctx, `document.querySelector('[data-account="queue"]').getAttribute("data-plan")`); got != "no-account" {
		t.Errorf("nested queue: data-plan=%q, want no-account", got)
	}

	// And back.
	click(t, ctx, "#unroute-queue")
	d.Accounts[0].RoutesTo = nil
	waitMetrics(t, ctx, d)
}

func TestLoop(t *testing.T) {
	ctx := newTab(t)
	d := &scenario.Document{
		Subscriptions: []scenario.Subscription{{SKU: "MCOEV", Units: 10}},
		Accounts: []scenario.Account{
			{ID: "a", Name: "Main menu", Type: scenario.AutoAttendant, PhoneNumber: "+14255550100", RoutesTo: []string{"b"}},
			{ID: "b", Name: "Submenu", Type: scenario.AutoAttendant, RoutesTo: []string{"a", "b"}},
		},
	}
	open(t, ctx, link(t, d))
	waitMetrics(t, ctx, d)
	if n := evalJS[int](t, ctx, `document.querySelectorAll("path.edge-back, path.edge-self").length`); n != 2 {
		t.Errorf("the loop B→A and the self-loop B→B: %d looping arrows drawn, want 2", n)
	}
	// The page still answers after drawing the loop.
	click(t, ctx, "#edition-resource-account-2022")
	d.Edition = scenario.ResourceAccount2022
	waitMetrics(t, ctx, d)
}

// bigTenant builds n accounts: a main auto attendant, regional menus with a
// number, and queues nested under them, some with direct numbers.
func bigTenant(n int) *scenario.Document {
	d := &scenario.Document{Subscriptions: []scenario.Subscription{{SKU: "SPE_E5", Units: 1500}}}
	d.Accounts = append(d.Accounts, scenario.Account{ID: "main", Name: "Main line", Type: scenario.AutoAttendant, PhoneNumber: "+14255550000"})
	for i := 1; len(d.Accounts) < n; i++ {
		menu := fmt.Sprintf("menu-%d", i)
		d.Accounts[0].RoutesTo = append(d.Accounts[0].RoutesTo, menu)
		d.Accounts = append(d.Accounts, scenario.Account{ID: menu, Name: fmt.Sprintf("Region %d", i), Type: scenario.AutoAttendant,
			PhoneNumber: fmt.Sprintf("+1425556%04d", i)})
		m := &d.Accounts[len(d.Accounts)-1]
		for q := 1; q <= 9 && len(d.Accounts) < n; q++ {
			id := fmt.Sprintf("q-%d-%d", i, q)
			m = &d.Accounts[len(d.Accounts)-1-(q-1)]
			m.RoutesTo = append(m.RoutesTo, id)
			a := scenario.Account{ID: id, Name: fmt.Sprintf("Region %d queue %d", i, q), Type: scenario.CallQueue}
			if q%3 == 0 {
				a.PhoneNumber = fmt.Sprintf("+1425557%02d%02d", i, q)
			}
			d.Accounts = append(d.Accounts, a)
		}
	}
	return d
}

func Test300Accounts(t *testing.T) {
	d := bigTenant(300)
	if err := d.Validate(); err != nil {
		t.Fatalf("the test's scenario is invalid: %v", err)
	}
	ctx := newTab(t)
	open(t, ctx, link(t, d))
	waitMetrics(t, ctx, d)
	if rows := evalJS[int](t, ctx, `document.querySelectorAll("#plan-table tbody tr").length`); rows != 300 {
		t.Errorf("the per-account table has %d rows, want 300", rows)
	}
	// Readable: the diagram wraps wide layers instead of growing sideways
	// beyond a few screens, and the page itself does not scroll sideways.
	if w := evalJS[float64](t, ctx, `document.querySelector("svg.diagram").getBoundingClientRect().width`); w > 2400 {
		t.Errorf("the diagram is %.0f px wide at 300 accounts", w)
	}
	if over := evalJS[bool](t, ctx, `document.documentElement.scrollWidth > window.innerWidth + 1`); over {
		t.Error("the page scrolls sideways at 300 accounts")
	}
	screenshot(t, ctx, "accounts-300", 1280, 800)
}

func TestAutosaveAcrossReload(t *testing.T) {
	ctx := newTab(t)
	open(t, ctx, "/")
	click(t, ctx, "#example-contoso")
	d := examples.Contoso()
	waitMetrics(t, ctx, d)
	typeText(t, ctx, "#sub-units-0", "700")
	d.Subscriptions[0].Units = 700
	waitMetrics(t, ctx, d)

	// A visit without a plan in the link restores the autosaved scenario.
	open(t, ctx, "/")
	waitMetrics(t, ctx, d)
}

func TestBrokenLinkKeepsScenario(t *testing.T) {
	ctx := newTab(t)
	d := examples.Contoso()
	open(t, ctx, link(t, d))
	waitMetrics(t, ctx, d)

	for _, bad := range []string{
		"/#plan=%%%not-base64",
		"/#plan=" + strings.Repeat("A", 20), // base64 of bytes that are not JSON
		link(t, d)[:200],                    // cut off
	} {
		// In the same page (the user pastes another link) ...
		do(t, ctx, chromedp.Navigate(serverURL+bad))
		alertShows(t, ctx, bad)
		waitMetrics(t, ctx, d)
		// ... and on a fresh load, which falls back to the autosaved scenario.
		open(t, ctx, bad)
		alertShows(t, ctx, bad)
		waitMetrics(t, ctx, d)
		// The link is mended: it holds the scenario on screen again.
		if got := planOnPage(t, ctx); len(got.Accounts) != len(d.Accounts) {
			t.Errorf("after %s the URL holds %d accounts, want %d", bad, len(got.Accounts), len(d.Accounts))
		}
		open(t, ctx, link(t, d))
	}
}

// alertShows waits for the role="alert" region to say what is wrong.
func alertShows(t testing.TB, ctx context.Context, what string) {
	t.Helper()
	sctx, cancel := step(ctx)
	defer cancel()
	if _, err := chromedp.Run(sctx, chromedp.Poll[bool](`(() => { const a = document.querySelector('[role="alert"]'); return !!a && !a.hidden && a.innerText.includes("plan"); })()`)); err != nil {
		t.Fatalf("%s: no alert about the link's plan: %s", abbreviate(what), stepErr(err))
	}
}

func TestHostileNamesAreText(t *testing.T) {
	const hostile = `<img src=x onerror=alert(1)>`
	ctx := newTab(t)
	d := &scenario.Document{
		Subscriptions: []scenario.Subscription{{SKU: "MCOEV", Units: 10}},
		Accounts: []scenario.Account{
			{ID: "x", Name: hostile, Type: scenario.AutoAttendant, PhoneNumber: "+14255550100", RoutesTo: []string{"y"}},
			{ID: "y", Name: `"><script>alert(2)</script>`, Type: scenario.CallQueue},
		},
	}
	open(t, ctx, link(t, d))
	waitMetrics(t, ctx, d)
	if cell := run(t, ctx, chromedp.Text(chromedp.CSS(`[data-row="x"] th`))); cell != hostile {
		t.Errorf("the table shows %q, want the name as text %q", cell, hostile)
	}
	if n := evalJS[int](t, ctx, `document.querySelectorAll('img[src="x"], #ra-planner script').length`); n != 0 {
		t.Errorf("%d elements were made from names", n)
	}
	// Typed into the editor, the same text stays text.
	click(t, ctx, "#pick-y")
	typeText(t, ctx, "#account-name", hostile+"2")
	d.Accounts[1].Name = hostile + "2"
	waitMetrics(t, ctx, d)
	if got := planOnPage(t, ctx).Accounts[1].Name; got != hostile+"2" {
		t.Errorf("the link keeps the name as %q", got)
	}
	if n := evalJS[int](t, ctx, `document.querySelectorAll('img[src="x"]').length`); n != 0 {
		t.Errorf("%d img elements were made from a typed name", n)
	}
}

func TestDeleteAndUndo(t *testing.T) {
	ctx := newTab(t)
	d := examples.DocDiagram()
	open(t, ctx, link(t, d))
	click(t, ctx, "#pick-ra3")
	click(t, ctx, "#delete-account")
	deleted := d.Clone()
	deleted.Accounts = append(deleted.Accounts[:2:2], deleted.Accounts[3:]...)
	deleted.Accounts[0].RoutesTo = []string{"ra2", "ra4", "ra5"}
	waitMetrics(t, ctx, deleted)
	// Undo brings the account back where it was, with the route to it.
	click(t, ctx, "#undo-delete")
	waitMetrics(t, ctx, d)
	if got := planOnPage(t, ctx); strings.Join(got.Accounts[0].RoutesTo, ",") != "ra2,ra3,ra4,ra5" || got.Accounts[2].ID != "ra3" {
		t.Errorf("after undo: routes %v, third account %s", got.Accounts[0].RoutesTo, got.Accounts[2].ID)
	}
}

func TestAddAccountsByKeyboard(t *testing.T) {
	ctx := newTab(t)
	d := examples.DocDiagram()
	open(t, ctx, link(t, d))
	// A diagram node opens in the editor with Enter.
	settle(t, ctx)
	do(t, ctx, chromedp.Focus(chromedp.CSS(`[data-account="ra5"]`)), chromedp.KeyEvent("\r"))
	sctx, cancel := step(ctx)
	defer cancel()
	if _, err := chromedp.Run(sctx, chromedp.Poll[bool](`document.getElementById("account-name") && document.getElementById("account-name").value === "Service"`)); err != nil {
		t.Fatalf("Enter on the Service node did not open it in the editor: %s", stepErr(err))
	}
	// "+ Call queue" adds a queue and moves the focus to its name.
	settle(t, ctx)
	do(t, ctx, chromedp.Focus(chromedp.ID("add-call-queue")), chromedp.KeyEvent("\r"))
	if _, err := chromedp.Run(sctx, chromedp.Poll[bool](`document.activeElement && document.activeElement.id === "account-name"`)); err != nil {
		t.Fatalf("the new queue's name field did not get the focus: %s", stepErr(err))
	}
	do(t, ctx, chromedp.KeyEvent("Overflow"))
	settle(t, ctx)
	got := planOnPage(t, ctx)
	if n := len(got.Accounts); n != 6 || got.Accounts[5].Type != scenario.CallQueue {
		t.Fatalf("after adding a queue: %d accounts", n)
	}
	if !strings.HasSuffix(got.Accounts[5].Name, "Overflow") {
		t.Errorf("typing into the focused name gave %q", got.Accounts[5].Name)
	}
	waitMetrics(t, ctx, got)
}

func TestImportFile(t *testing.T) {
	ctx := newTab(t)
	open(t, ctx, "/")
	dir := t.TempDir()
	good := filepath.Join(dir, "contoso.json")
	data, _ := scenario.EncodeIndent(examples.Contoso())
	os.WriteFile(good, data, 0o644)
	do(t, ctx, chromedp.SetUploadFiles(chromedp.ID("import-file"), []string{good}))
	waitMetrics(t, ctx, examples.Contoso())

	// A broken file says what is wrong and changes nothing.
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"format":"ra-planner/v1","subscriptions":[{"sku":"MCOEV","units":-3}],}`), 0o644)
	do(t, ctx, chromedp.SetUploadFiles(chromedp.ID("import-file"), []string{bad}))
	sctx, cancel := step(ctx)
	defer cancel()
	if _, err := chromedp.Run(sctx, chromedp.Poll[bool](`document.querySelector('[role="alert"]').innerText.includes("Import failed")`)); err != nil {
		t.Fatalf("no alert for a broken file: %s", stepErr(err))
	}
	waitMetrics(t, ctx, examples.Contoso())
}

func TestScreenshots(t *testing.T) {
	ctx := newTab(t)
	open(t, ctx, "/")
	// Nothing sticks out sideways, on a laptop or a phone.
	for _, size := range [][2]int64{{1280, 800}, {390, 844}} {
		do(t, ctx, chromedp.EmulateViewport(size[0], size[1]))
		sctx, cancel := step(ctx)
		_, err := chromedp.Run(sctx, chromedp.Poll[bool](fmt.Sprintf(`window.innerWidth === %d`, size[0])))
		cancel()
		if err != nil {
			t.Fatalf("viewport %v: %s", size, stepErr(err))
		}
		if over := evalJS[[]string](t, ctx, `[...document.querySelectorAll("#ra-planner *")].filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > window.innerWidth + 1 && !e.closest(".diagram-scroll, .table-scroll, .account-list"); }).slice(0, 5).map(e => e.tagName + "#" + e.id + "." + e.className)`); len(over) > 0 {
			t.Errorf("at %d×%d these stick out of the page: %v", size[0], size[1], over)
		}
	}
	do(t, ctx, chromedp.ResetViewport())
	screenshot(t, ctx, "planner-1280x800", 1280, 800)
	screenshot(t, ctx, "planner-390x844", 390, 844)
}

// captureDownloads makes the page keep what it offers for download instead
// of saving it: each download's file name and text land in window.__downloads.
func captureDownloads(t testing.TB, ctx context.Context) {
	t.Helper()
	evalJS[chromedp.Void](t, ctx, `(() => {
		window.__downloads = [];
		HTMLAnchorElement.prototype.click = function () {
			if (!this.download) return;
			const name = this.download;
			const url = this.href;
			window.__downloads.push(fetch(url).then(r => r.text()).then(text => ({name, text})));
		};
	})()`)
}

// downloads returns what the page offered for download since captureDownloads.
func downloads(t testing.TB, ctx context.Context) []struct{ Name, Text string } {
	t.Helper()
	return evalJS[[]struct{ Name, Text string }](t, ctx, `Promise.all(window.__downloads)`, chromedp.EvalAwaitPromise)
}

func TestExportJSON(t *testing.T) {
	ctx := newTab(t)
	d := examples.DocDiagram()
	open(t, ctx, link(t, d))
	captureDownloads(t, ctx)
	click(t, ctx, "#export-json")
	settle(t, ctx)
	got := downloads(t, ctx)
	if len(got) != 1 || !strings.HasSuffix(got[0].Name, ".json") {
		t.Fatalf("downloads %+v, want one .json file", got)
	}
	back, err := scenario.Decode([]byte(got[0].Text))
	if err != nil {
		t.Fatalf("the exported file does not import: %v", err)
	}
	want, _ := scenario.Decode(mustEncode(t, d))
	if string(mustEncode(t, back)) != string(mustEncode(t, want)) {
		t.Errorf("the exported scenario differs from the one on screen:\n%s", got[0].Text)
	}
}

func mustEncode(t testing.TB, d *scenario.Document) []byte {
	t.Helper()
	b, err := scenario.Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestShowAllRows opens a tenant larger than a page of the table: the plan
// covers every account, the table shows the first ones until asked.
func TestShowAllRows(t *testing.T) {
	d := bigTenant(620)
	ctx := newTab(t)
	open(t, ctx, link(t, d))
	waitMetrics(t, ctx, d)
	if rows := evalJS[int](t, ctx, `document.querySelectorAll("#plan-table tbody tr").length`); rows != 500 {
		t.Errorf("the table shows %d rows before Show all, want 500", rows)
	}
	click(t, ctx, "#show-all-rows")
	if rows := evalJS[int](t, ctx, `document.querySelectorAll("#plan-table tbody tr").length`); rows != len(d.Accounts) {
		t.Errorf("after Show all the table has %d rows, want %d", rows, len(d.Accounts))
	}
	if items := evalJS[int](t, ctx, `document.querySelectorAll(".account-list li").length`); items != len(d.Accounts) {
		t.Errorf("after Show all the editor lists %d accounts, want %d", items, len(d.Accounts))
	}
}

// TestRouteByIDOnLargeTenant checks the route picker of a tenant with more
// accounts than a list can offer: the admin types the target's id, a wrong
// id is reported next to the field and changes nothing, a right one adds
// the route and empties the field.
func TestRouteByIDOnLargeTenant(t *testing.T) {
	d := bigTenant(1200)
	ctx := newTab(t)
	open(t, ctx, link(t, d))
	waitMetrics(t, ctx, d)
	if tag := evalJS[string](t, ctx, `document.getElementById("add-route").tagName`); tag != "INPUT" {
		t.Fatalf("#add-route is a %s, want a text field at 1,200 accounts", tag)
	}
	fire(t, ctx, "#add-route", "no-such-queue")
	waitJS(t, ctx, `(document.querySelector("#add-route-note .field-error") || {}).textContent === 'No account has the id "no-such-queue"' &&
		document.getElementById("add-route").getAttribute("aria-invalid") === "true"`, "the unknown id reported next to the field")
	if got := planOnPage(t, ctx); !slices.Equal(got.Accounts[0].RoutesTo, d.Accounts[0].RoutesTo) {
		t.Fatalf("an unknown id changed the routes of %s to %v", d.Accounts[0].ID, got.Accounts[0].RoutesTo)
	}

	fire(t, ctx, "#add-route", " q-1-1 ")
	d.Accounts[0].RoutesTo = append(d.Accounts[0].RoutesTo, "q-1-1")
	waitMetrics(t, ctx, d)
	waitJS(t, ctx, `document.getElementById("add-route").value === "" && !document.querySelector("#add-route-note .field-error")`,
		"the field emptied")
	// The account routes to more than a page of routes: the new one is last.
	click(t, ctx, "#show-all-routes")
	waitJS(t, ctx, `document.querySelectorAll("#editor [data-route]").length === `+fmt.Sprint(len(d.Accounts[0].RoutesTo))+` &&
		!!document.querySelector('#editor [data-route="q-1-1"]')`, "every route listed, the new one with them")
	if got := planOnPage(t, ctx); !slices.Equal(got.Accounts[0].RoutesTo, d.Accounts[0].RoutesTo) {
		t.Errorf("the routes of %s are %v, want %v", d.Accounts[0].ID, got.Accounts[0].RoutesTo, d.Accounts[0].RoutesTo)
	}
}
