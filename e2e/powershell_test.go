//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/powershell"
	"github.com/raplanner/raplanner/app/scenario"
)

// fixture reads a PowerShell output the decoders are tested with.
func fixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "app", "powershell", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestPowerShellImport pastes the four commands' outputs one after the other,
// checks the preview, applies it and undoes it.
func TestPowerShellImport(t *testing.T) {
	ctx := newTab(t)
	start := &scenario.Document{Format: scenario.Format, Subscriptions: []scenario.Subscription{}, Accounts: []scenario.Account{}}
	open(t, ctx, link(t, start))

	pastes := []string{"skus/pascal-array.json", "instances/array.json", "autoattendants/array.json", "callqueues/enums-as-strings.json"}
	var in powershell.Import
	for _, name := range pastes {
		text := fixture(t, name)
		fire(t, ctx, "#ps-input", text)
		click(t, ctx, "#ps-read")
		waitText(t, ctx, "#ps-preview", "Read ")
		// Build the same import natively.
		data := []byte(text)
		switch powershell.Detect(data) {
		case powershell.SourceSubscribedSkus:
			subs, _, _ := powershell.ParseSubscribedSkus(data)
			in.Subscriptions = append(in.Subscriptions, subs...)
		case powershell.SourceApplicationInstances:
			accts, ids, _, _ := powershell.ParseApplicationInstances(data)
			in.Accounts = append(in.Accounts, accts...)
			in.ObjectIDs = ids
		case powershell.SourceAutoAttendants:
			f, _, _ := powershell.ParseAutoAttendants(data)
			in.Flows = powershell.JoinFlows(in.Flows, f)
		case powershell.SourceCallQueues:
			f, _, _ := powershell.ParseCallQueues(data)
			in.Flows = powershell.JoinFlows(in.Flows, f)
		default:
			t.Fatalf("%s is not recognised", name)
		}
	}
	want, preview := powershell.Merge(start, in)
	if n := evalJS[int](t, ctx, `document.querySelectorAll("#ps-added li").length`); n != min(len(preview.Added), 41) {
		t.Errorf("the preview lists %d added items, Merge adds %d", n, len(preview.Added))
	}
	// Nothing changes before the user applies.
	waitMetrics(t, ctx, start)
	click(t, ctx, "#ps-apply")
	waitMetrics(t, ctx, want)
	routed := 0
	for _, a := range want.Accounts {
		routed += len(a.RoutesTo)
	}
	if routed == 0 {
		t.Error("the imported flows gave no routes: the fixtures should nest accounts")
	}
	click(t, ctx, "#ps-undo")
	waitMetrics(t, ctx, start)

	// Something that is none of the commands: an alert, and the text stays.
	fire(t, ctx, "#ps-input", `{"hello": "world"}`)
	click(t, ctx, "#ps-read")
	waitText(t, ctx, "#alert", "nothing was read")
	if v := run(t, ctx, chromedp.Value(chromedp.ID("ps-input"))); v != `{"hello": "world"}` {
		t.Errorf("the box lost what was pasted: %q", v)
	}
}

// TestPowerShellScript shows and downloads the script of a plan.
func TestPowerShellScript(t *testing.T) {
	ctx := newTab(t)
	d := &scenario.Document{
		Subscriptions: []scenario.Subscription{{SKU: "MCOEV", Units: 10}},
		Accounts: []scenario.Account{
			{ID: "main", Name: "O'Brien's line", Type: scenario.AutoAttendant, UPN: "main@contoso.com", PhoneNumber: "+14255550100", License: scenario.PhoneSystem},
			{ID: "q", Name: "Queue", Type: scenario.CallQueue, UPN: "q@contoso.com", PhoneNumber: "+14255550101"},
			{ID: "nested", Name: "Nested", Type: scenario.CallQueue},
		},
	}
	open(t, ctx, link(t, d))
	click(t, ctx, "#show-script")
	want := powershell.Script(d, licensing.Compute(d), powershell.ScriptOptions{})
	got := run(t, ctx, chromedp.Text(chromedp.ID("ps-script")))
	if strings.TrimSpace(got) != strings.TrimSpace(want) {
		t.Errorf("the page shows another script than powershell.Script:\n%s", abbreviate(got))
	}
	if n := strings.Count(got, "Set-MgUserLicense -UserId"); n != 2 {
		t.Errorf("%d Set-MgUserLicense calls, want one per account whose license changes (2)", n)
	}
	typeText(t, ctx, "#usage-location", "IT")
	waitText(t, ctx, "#ps-script", "'IT'")
	captureDownloads(t, ctx)
	click(t, ctx, "#download-script")
	files := downloads(t, ctx)
	if len(files) != 1 || files[0].Name != powershell.ScriptFileName || !strings.Contains(files[0].Text, "'IT'") {
		t.Errorf("download: %+v", files)
	}
}

// TestDeclareUnknownSKU declares that an unknown SKU includes Phone System:
// its units then count toward the free licenses.
func TestDeclareUnknownSKU(t *testing.T) {
	ctx := newTab(t)
	d := &scenario.Document{
		Subscriptions: []scenario.Subscription{{SKU: "MCOEV", Units: 10}, {SKU: "CONTOSO_VOICE", Units: 300}},
		Accounts:      []scenario.Account{{ID: "main", Type: scenario.AutoAttendant, PhoneNumber: "+14255550100"}},
	}
	open(t, ctx, link(t, d))
	waitMetrics(t, ctx, d)
	waitText(t, ctx, `[data-subscription="1"]`, "Unknown")
	fire(t, ctx, "#sub-includes-1", string(scenario.IncludesPhoneSystem))
	d.Subscriptions[1].Includes = scenario.IncludesPhoneSystem
	waitMetrics(t, ctx, d)
	if got := metric(t, ctx, "qualifying-licenses"); got != 310 {
		t.Errorf("qualifying %d, want 310 once CONTOSO_VOICE is declared to include Phone System", got)
	}
}
