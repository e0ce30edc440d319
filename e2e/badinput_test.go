//go:build e2e

package e2e

// TestBadInput is the bad-input matrix: what an administrator can type,
// paste, import or open by link that the page must refuse or take in without
// losing anything. Each case expects
//
//   - a message where the user looks: the field's error next to the field
//     (#<field>-error) or the role="alert" region (#alert);
//   - no Go panic, no exception, no console.error (the tab fails the test);
//   - the previous scenario intact after a refusal: the page still shows the
//     engine's plan of it (waitMetrics) and the link still holds it
//     (planOnPage);
//   - a page that still answers afterwards: a valid edit updates the metrics.
//
// Expected figures and messages come from the app's own packages run
// natively on the same input (scenario.Decode, scenario.DecodeFragment,
// scenario.ParseUnits and the other field validators, licensing.Compute):
// the page shows the scenario package's messages as they are in English,
// the language of the test browser, and the checks use no words of the UI
// (paths such as accounts[1].id, the rejected text, hooks such as
// data-finding). The groups run side by side, a tab each.
//
// The 50,000-account case takes about half a minute (the page is busy for
// seconds with each load); -badinput-big=false leaves it out, and
// -badinput-big-accounts N tries another size:
//
//	go test -count=1 -tags e2e ./e2e/ -dist $PWD/dist -run BadInput -v [-badinput-big=false] [-badinput-big-accounts N]

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/raplanner/raplanner/app/examples"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/powershell"
	"github.com/raplanner/raplanner/app/scenario"
)

var (
	badInputTabs     = flag.Int("badinput-tabs", 4, "TestBadInput: groups of cases run at the same time (a tab each)")
	badInputBig      = flag.Bool("badinput-big", true, "TestBadInput: also load a big scenario (-badinput-big-accounts) from a file and from the paste box (half a minute)")
	badInputAccounts = flag.Int("badinput-big-accounts", 50_000, "TestBadInput: the accounts of the big scenario of -badinput-big")
)

// bigLoadLimit is the generous time a valid scenario of 50,000 accounts
// (-badinput-big) may take from the import to the page showing its plan
// and answering again.
const bigLoadLimit = 60 * time.Second

// chromeMaxURL is the longest URL Chromium opens (url::kMaxURLChars): a
// share link beyond it cannot be opened.
const chromeMaxURL = 2 << 20

func TestBadInput(t *testing.T) {
	start := time.Now()
	t.Cleanup(func() { t.Logf("TestBadInput took %v", time.Since(start).Round(100*time.Millisecond)) })
	groups := []struct {
		name string
		run  func(t *testing.T)
	}{
		// The longest first.
		{"links-fresh-load", func(t *testing.T) { badLinks(t, true) }},
		{"links-in-page", func(t *testing.T) { badLinks(t, false) }},
		{"markup", badMarkup},
		{"units", badUnits},
		{"many-accounts", badManyAccounts},
		{"import-file", func(t *testing.T) { badImports(t, false) }},
		{"paste-box", func(t *testing.T) { badImports(t, true) }},
		{"unicode", badUnicode},
		{"typed-id", badTypedID},
	}
	// The groups run side by side, a tab each, badInputTabs at a time: they
	// mostly wait for the page, and t.Parallel would hold them to -parallel
	// (GOMAXPROCS) at a time.
	slots := make(chan struct{}, *badInputTabs)
	var wg sync.WaitGroup
	for _, g := range groups {
		wg.Add(1)
		go func() {
			defer wg.Done()
			slots <- struct{}{}
			defer func() { <-slots }()
			t.Run(g.name, g.run)
		}()
	}
	wg.Wait()
}

// ---- units ----

func badUnits(t *testing.T) {
	ctx := newTab(t)
	cur := examples.DocDiagram() // MCOEV × 50 in row 0
	open(t, ctx, link(t, cur))
	waitMetrics(t, ctx, cur)

	// text is what replaces the field's text ("" clears it).
	cases := []struct {
		name, text string
		ok         bool  // the count is valid and applies
		units      int64 // the count, when ok
	}{
		{"negative", "-5", false, 0},
		{"zero", "0", true, 0},
		{"fractional", "2.5", false, 0},
		{"exponent", "1e3", true, 1000},
		{"huge exponent", "1e12", false, 0},
		{"empty", "", false, 0},
		{"spaces", "   ", false, 0},
		{"spaces around", " 42 ", true, 42},
		{"letters", "abc", false, 0},
		{"hexadecimal", "0x1F", false, 0},
		{"thousands separator", "1,000", false, 0},
		{"Arabic-Indic digits", "٦٠٠", false, 0},
		{"fraction times ten", "2.5e1", true, 25},
		{"the largest", "10000000", true, scenario.MaxUnits},
		{"one more than the largest", "10000001", false, 0},
		{"markup", `<img id=pwn src=x onerror=alert(1)>`, false, 0},
		{"back to a plain count", "600", true, 600},
	}
	for _, c := range cases {
		// The field validates with scenario.ParseUnits: it must agree with
		// the matrix, else the bug is in the scenario package.
		if n, err := scenario.ParseUnits(c.text); (err == nil) != c.ok || (c.ok && n != c.units) {
			t.Errorf("%s: scenario.ParseUnits(%q) = %d, %v; the matrix wants ok=%v units=%d", c.name, c.text, n, err, c.ok, c.units)
		}
	}
	// Pasted (one input event with the whole text, as an input method or a
	// paste gives it), then typed key by key.
	for _, typed := range []bool{false, true} {
		how := map[bool]string{false: "pasted", true: "typed"}[typed]
		for _, c := range cases {
			switch {
			case c.text == "":
				typeText(t, ctx, "#sub-units-0", "\b") // select all, Backspace
			case typed:
				typeText(t, ctx, "#sub-units-0", c.text)
			default:
				insertText(t, ctx, "#sub-units-0", c.text)
			}
			if c.ok {
				cur.Subscriptions[0].Units = c.units
				waitMetrics(t, ctx, cur)
				fieldOK(t, ctx, "sub-units-0", "#sub-units-0-error")
			} else {
				msg := fieldError(t, ctx, "sub-units-0", "#sub-units-0-error", validatorSays("sub-units-0", c.text))
				if !typed {
					t.Logf("%s %q: %s", c.name, c.text, msg)
				}
				if v := run(t, ctx, chromedp.Value(chromedp.ID("sub-units-0"))); v != c.text {
					t.Errorf("%s %s: the field lost what was entered: %q, want %q", how, c.name, v, c.text)
				}
				if !waitMetricsWithin(t, ctx, cur, 3*time.Second) {
					got := planOnPage(t, ctx)
					t.Errorf("%s %s %q: the field refuses the text, yet the plan changed: units %d → %d (a keystroke before the last one applied)",
						how, c.name, c.text, cur.Subscriptions[0].Units, got.Subscriptions[0].Units)
					cur = got // go on from what the page has
					waitMetrics(t, ctx, cur)
				}
			}
			planIs(t, ctx, cur, how+" "+c.name)
			noInjection(t, ctx, how+" "+c.name)
		}
	}
	stillResponds(t, ctx, cur)
}

// ---- scenario files, by #import-file and by the PowerShell paste box ----

// importCase is one scenario file. valid says whether it is an acceptable
// scenario (checked against scenario.Decode); check, when set, runs after a
// valid file has loaded.
type importCase struct {
	name  string
	data  []byte
	valid bool
	// fileOnly: bytes a text box cannot hold, or too big to paste: the
	// paste box is not for 10 MB (Chromium alone takes some 14 s to lay out
	// a textarea holding 10 MB, whatever the page does).
	fileOnly bool
	check    func(t *testing.T, ctx context.Context, d *scenario.Document)
}

func importCases(t *testing.T) []importCase {
	t.Helper()
	mustJSON := func(d *scenario.Document) []byte {
		b, err := scenario.EncodeIndent(d)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	small := func(id string) *scenario.Document {
		return &scenario.Document{
			Format:        scenario.Format,
			Subscriptions: []scenario.Subscription{{SKU: "MCOEV", Units: 30}},
			Accounts: []scenario.Account{
				{ID: id, Name: "Main line", Type: scenario.AutoAttendant, PhoneNumber: "+14255550100", RoutesTo: []string{id + "-q"}},
				{ID: id + "-q", Name: "Queue", Type: scenario.CallQueue},
			},
		}
	}

	nowhere := small("nowhere")
	nowhere.Accounts[0].RoutesTo = append(nowhere.Accounts[0].RoutesTo, "ghost-queue")
	self := small("self")
	self.Accounts[1].RoutesTo = []string{"self-q"}
	bom := small("bom")

	// Names of 2.5 MiB each: 10 MiB of valid JSON whose names are far too long.
	var hugeNames bytes.Buffer
	hugeNames.WriteString(`{"format":"ra-planner/v1","subscriptions":[],"accounts":[`)
	for i := range 4 {
		if i > 0 {
			hugeNames.WriteByte(',')
		}
		fmt.Fprintf(&hugeNames, `{"id":"a%d","type":"call-queue","name":"%s"}`, i, strings.Repeat("Ab", 5<<18))
	}
	hugeNames.WriteString("]}")

	// 10 MiB of text that is not JSON (valid UTF-8, so that it can be pasted).
	junk := bytes.Repeat([]byte("junk <b>&amp; ünïcödé 📞 {\"accounts\" \"subscriptions\"\n"), 10<<20/56)

	// 10 MiB that is a valid scenario: a small document with a huge field
	// this version does not know (ignored).
	padded := fmt.Appendf(nil, `{"format":"ra-planner/v1","notes":"%s","subscriptions":[{"sku":"SPE_E5","units":100}],"accounts":[{"id":"padded","type":"call-queue","phoneNumber":"+14255550199"}]}`,
		strings.Repeat("x", 10<<20))

	// More than MaxAccounts accounts.
	var many bytes.Buffer
	many.WriteString(`{"format":"ra-planner/v1","subscriptions":[],"accounts":[`)
	for i := range scenario.MaxAccounts + 50_000 {
		if i > 0 {
			many.WriteByte(',')
		}
		fmt.Fprintf(&many, `{"id":"a%d","type":"call-queue"}`, i)
	}
	many.WriteString("]}")

	// Windows "Unicode" (UTF-16LE with a byte order mark).
	u := utf16.Encode([]rune(string(mustJSON(small("utf16")))))
	utf16le := []byte{0xFF, 0xFE}
	for _, c := range u {
		utf16le = append(utf16le, byte(c), byte(c>>8))
	}

	return []importCase{
		{name: "ids colliding", data: []byte(`{"format":"ra-planner/v1","subscriptions":[{"sku":"MCOEV","units":10}],"accounts":[
  {"id":"main","type":"auto-attendant","phoneNumber":"+14255550100"},
  {"id":"main","type":"call-queue"}]}`)},
		{name: "routesTo pointing nowhere", data: mustJSON(nowhere), valid: true,
			check: func(t *testing.T, ctx context.Context, d *scenario.Document) {
				// A warning names the unknown id, the advice lists it, and the
				// editor marks the route.
				waitJS(t, ctx, `[...document.querySelectorAll("ul.warnings li")].some(li => li.textContent.includes("ghost-queue"))`, "a warning naming ghost-queue")
				waitJS(t, ctx, `!!document.querySelector('[data-finding="health-unknown-route"]')`, "the unknown-route finding")
				waitJS(t, ctx, `!!document.querySelector('[data-route="ghost-queue"]')`, "the route to ghost-queue in the editor")
			}},
		{name: "self-loop", data: mustJSON(self), valid: true,
			check: func(t *testing.T, ctx context.Context, d *scenario.Document) {
				waitJS(t, ctx, `document.querySelectorAll("path.edge-self").length === 1`, "one self-loop arrow")
			}},
		{name: "UTF-8 byte order mark", data: append([]byte("\xEF\xBB\xBF"), mustJSON(bom)...), valid: true},
		{name: "trailing comma", data: []byte("{\n  \"format\": \"ra-planner/v1\",\n  \"subscriptions\": [\n    {\"sku\": \"MCOEV\", \"units\": 10},\n  ],\n  \"accounts\": []\n}\n")},
		{name: "units as text", data: []byte(`{"format":"ra-planner/v1","subscriptions":[{"sku":"MCOEV","units":"600"}],"accounts":[]}`)},
		{name: "wrong types", data: []byte(`{"format":"ra-planner/v1","edition":2024,"subscriptions":{"sku":"MCOEV"},"accounts":[42,{"id":7,"type":"call-queue","phoneNumber":14255550100,"routesTo":"b"}]}`)},
		{name: "JSON null", data: []byte("null")},
		{name: "JSON array", data: []byte(`[{"format":"ra-planner/v1","subscriptions":[],"accounts":[]}]`)},
		{name: "empty file", data: []byte{}},
		{name: "10 MiB of names", data: hugeNames.Bytes(), fileOnly: true},
		{name: "10 MiB of junk", data: junk, fileOnly: true},
		{name: "10 MiB valid (an unknown field)", data: padded, valid: true, fileOnly: true},
		{name: "150,000 accounts", data: many.Bytes()},
		{name: "UTF-16 with a byte order mark (Notepad's Unicode)", data: utf16le, valid: true, fileOnly: true},
		{name: "binary", data: []byte("\x00\x01\x02\xff\xfe{\"accounts\":[],\"subscriptions\":[]}"), fileOnly: true},
		{name: "33 MiB", data: bytes.Repeat([]byte(" "), scenario.MaxDocumentBytes+1<<20), fileOnly: true},
	}
}

func badImports(t *testing.T, paste bool) {
	ctx := newTab(t)
	cur := examples.DocDiagram()
	open(t, ctx, link(t, cur))
	waitMetrics(t, ctx, cur)
	dir := t.TempDir()

	for i, c := range importCases(t) {
		if paste && c.fileOnly {
			continue
		}
		d, err := scenario.Decode(c.data)
		if (err == nil) != c.valid {
			t.Errorf("%s: scenario.Decode says %v; the matrix wants valid=%v", c.name, err, c.valid)
			continue
		}
		if c.name == "trailing comma" && !strings.Contains(fmt.Sprint(err), "line 5, column 3") {
			t.Errorf("the trailing comma is reported as %v, want its line and column (line 5, column 3)", err)
		}
		dismissAlert(t, ctx)
		began := time.Now()
		if paste {
			fire(t, ctx, "#ps-input", string(c.data))
			click(t, ctx, "#ps-read")
		} else {
			path := filepath.Join(dir, fmt.Sprintf("case-%02d.json", i))
			if err := os.WriteFile(path, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			do(t, ctx, chromedp.SetUploadFiles(chromedp.ID("import-file"), []string{path}))
		}
		switch {
		case c.valid && (!paste || powershell.Detect(c.data) == powershell.SourceScenario):
			waitMetrics(t, ctx, d)
			noAlert(t, ctx, c.name)
			cur = d
			if c.check != nil {
				c.check(t, ctx, d)
			}
			t.Logf("%s: loaded in %v", c.name, time.Since(began).Round(10*time.Millisecond))
		case len(c.data) > scenario.MaxDocumentBytes:
			// Refused by size before it is read; the message gives the limit.
			msg := alertSays(t, ctx, fmt.Sprint(scenario.MaxDocumentBytes>>20))
			t.Logf("%s: %s", c.name, abbreviate(msg))
		case paste && powershell.Detect(c.data) != powershell.SourceScenario:
			// Not recognised as a scenario: the box says it read nothing.
			msg := alertSays(t, ctx)
			t.Logf("%s: %s", c.name, abbreviate(msg))
		default:
			// The page shows the scenario package's own explanation.
			msg := alertSays(t, ctx, problems(err)...)
			t.Logf("%s: %s (%v)", c.name, abbreviate(msg), time.Since(began).Round(10*time.Millisecond))
		}
		waitMetrics(t, ctx, cur)
		planIs(t, ctx, cur, c.name)
		noInjection(t, ctx, c.name)
	}
	stillResponds(t, ctx, cur)
}

// ---- #plan= links ----

// badLinks opens each link in the page (the user pastes it into the
// address bar of the open planner) or, when fresh, as a new page load,
// which falls back to the autosaved scenario.
func badLinks(t *testing.T, fresh bool) {
	ctx := newTab(t)
	cur := examples.DocDiagram()
	open(t, ctx, link(t, cur))
	waitMetrics(t, ctx, cur)

	b64 := func(s string) string { return "plan=" + base64.RawURLEncoding.EncodeToString([]byte(s)) }
	valid := func(d *scenario.Document) string { return link(t, d)[len("/#"):] }

	other := examples.Default()
	padded := fmt.Sprintf(`{"format":"ra-planner/v1","pad":"%s","subscriptions":[{"sku":"SPE_E5","units":200}],"accounts":[{"id":"big-link","type":"call-queue","phoneNumber":"+14255550123"}]}`,
		strings.Repeat("x", 1<<20))
	paddedDoc, err := scenario.Decode([]byte(padded))
	if err != nil {
		t.Fatal(err)
	}
	stdDoc := examples.Contoso()
	stdJSON, _ := scenario.Encode(stdDoc)

	cases := []struct {
		name, frag string // frag is the fragment, without "#"
		want       *scenario.Document
		noPlan     bool // nothing to load: no message, the scenario stays
		inPageOnly bool // the same code path as another case on a fresh load (each costs a second)
	}{
		{name: "base64 of cut-off JSON", frag: b64(`{"format":"ra-planner/v1","accounts":[`)},
		{name: "base64 of JSON with a trailing comma", frag: b64(`{"format":"ra-planner/v1","subscriptions":[],}`)},
		{name: "base64 of a JSON array", frag: b64(`[{"id":"a","type":"call-queue"}]`)},
		{name: "base64 of a JSON string", frag: b64(`"ra-planner/v1"`), inPageOnly: true},
		{name: "base64 of ids colliding", frag: b64(`{"format":"ra-planner/v1","subscriptions":[],"accounts":[{"id":"x","type":"call-queue"},{"id":"x","type":"call-queue"}]}`)},
		{name: "base64 of units as text", frag: b64(`{"format":"ra-planner/v1","subscriptions":[{"sku":"MCOEV","units":"600"}],"accounts":[]}`), inPageOnly: true},
		{name: "impossible length", frag: "plan=e30AB"},
		{name: "too much padding", frag: "plan=e30===", inPageOnly: true},
		{name: "text after the padding", frag: "plan=e30=x", inPageOnly: true},
		{name: "huge fragment of junk (1.5 MB)", frag: "plan=" + strings.Repeat("A", 3<<19)},
		{name: "empty plan", frag: "plan=", noPlan: true},
		{name: "plan among other parts", frag: "x=1&" + valid(other) + "&y", want: other},
		{name: "standard base64 with padding", frag: "plan=" + base64.StdEncoding.EncodeToString(stdJSON), want: stdDoc, inPageOnly: true},
		{name: "huge valid fragment (1.4 MB)", frag: b64(padded), want: paddedDoc},
	}
	for _, c := range cases {
		if fresh && c.inPageOnly {
			continue
		}
		d, err := scenario.DecodeFragment(c.frag)
		switch {
		case c.want != nil && err != nil, c.noPlan && !errors.Is(err, scenario.ErrNoPlan), c.want == nil && !c.noPlan && err == nil:
			t.Errorf("%s: scenario.DecodeFragment says %v; the matrix expects otherwise", c.name, err)
			continue
		case c.want != nil:
			c.want = d
		}
		began := time.Now()
		if fresh {
			open(t, ctx, "/#"+c.frag)
		} else {
			dismissAlert(t, ctx)
			do(t, ctx, chromedp.Navigate(serverURL+"/#"+c.frag))
		}
		switch {
		case c.want != nil:
			waitMetrics(t, ctx, c.want)
			noAlert(t, ctx, c.name)
			cur = c.want
			planIs(t, ctx, cur, c.name)
		case c.noPlan:
			waitMetrics(t, ctx, cur)
			noAlert(t, ctx, c.name)
		default:
			msg := alertSays(t, ctx, problems(err)...)
			waitMetrics(t, ctx, cur)
			if fresh {
				// The page mends the link: it holds the scenario on screen.
				planIs(t, ctx, cur, c.name)
			} else {
				t.Logf("%s: %s", c.name, abbreviate(msg))
			}
		}
		if took := time.Since(began); took > 5*time.Second {
			t.Logf("%s: took %v", c.name, took.Round(10*time.Millisecond))
		}
		// The huge valid link is mended into the short canonical one.
		if strings.HasPrefix(c.name, "huge valid") {
			if loc := run(t, ctx, chromedp.Location()); len(loc) > 1000 {
				t.Errorf("after the padded link the URL is still %d bytes long", len(loc))
			}
		}
	}
	stillResponds(t, ctx, cur)
}

// ---- Unicode and right-to-left names ----

func badUnicode(t *testing.T) {
	ctx := newTab(t)
	names := []string{
		"مركز الاتصال الرئيسي",                                                 // Arabic
		"מוקד שירות לקוחות",                                                    // Hebrew
		"Support תמיכה 24/7 دعم فني",                                           // both directions
		"📞 Help desk 👩‍💻 👨‍👩‍👧 🏳️‍🌈 👋🏽",                                        // emoji, zero-width joiner sequences, modifiers
		"Zoe\u0308 Cafe\u0301 Z\u0334\u0321\u031Ba\u0337l\u0338g\u0336o\u0335", // combining marks
		"Sales\u200Bline\u200C\u200D\u2060 \uFEFFend",                          // zero-width characters
		"\u202Eenil niaM\u202C \u2067isolated\u2069",                           // bidi override and isolate
		"東京 サポート 서울 客服",                                                        // CJK
		strings.Repeat("ش", scenario.MaxNameLength),                            // the longest name
	}
	d := &scenario.Document{
		Format:        scenario.Format,
		Subscriptions: []scenario.Subscription{{SKU: "MCOEV", Units: 20}},
	}
	for i, n := range names {
		a := scenario.Account{ID: fmt.Sprintf("u%d", i), Name: n, Type: scenario.CallQueue}
		if i == 0 {
			a.Type, a.PhoneNumber = scenario.AutoAttendant, "+14255550100"
		} else {
			d.Accounts[0].RoutesTo = append(d.Accounts[0].RoutesTo, a.ID)
		}
		d.Accounts = append(d.Accounts, a)
	}
	if err := d.Validate(); err != nil {
		t.Fatalf("the test's scenario is invalid: %v", err)
	}

	// By link: shown as text, exactly, in the table, the editor's list and
	// the diagram; and the page's own link holds the same names.
	open(t, ctx, link(t, d))
	waitMetrics(t, ctx, d)
	namesShown(t, ctx, d)
	planIs(t, ctx, d, "Unicode names by link")
	noInjection(t, ctx, "Unicode names")

	// Typed (as an input method inserts text) into the name field.
	click(t, ctx, "#pick-u1")
	typed := "ترحيب 👋🏽 שלום e\u0301"
	insertText(t, ctx, "#account-name", typed)
	d.Accounts[1].Name = typed
	waitJS(t, ctx, `document.querySelector('[data-row="u1"] th').textContent === `+jsString(typed), "the typed name in the table")
	planIs(t, ctx, d, "typed Unicode name")

	// Through the page's own link, on a fresh load.
	open(t, ctx, link(t, planOnPage(t, ctx)))
	waitMetrics(t, ctx, d)
	namesShown(t, ctx, d)

	// Invalid ones get a field error and change nothing.
	click(t, ctx, "#pick-u1")
	for _, c := range []struct{ field, text string }{
		{"account-name", strings.Repeat("ش", scenario.MaxNameLength+1)},
		{"account-id", "مركز"},
		{"account-number", "+١٤٢٥٥٥٥٠١٠٠"},
		{"account-upn", "مستخدم @مثال.com"},
	} {
		insertText(t, ctx, "#"+c.field, c.text)
		msg := fieldError(t, ctx, c.field, "#"+c.field+"-error", validatorSays(c.field, c.text))
		t.Logf("%s %q: %s", c.field, abbreviate(c.text), msg)
		waitMetrics(t, ctx, d)
		planIs(t, ctx, d, c.field)
	}
	// A UPN in another script is a UPN.
	upn := "مستخدم@مثال.com"
	insertText(t, ctx, "#account-upn", upn)
	d.Accounts[1].UPN = upn
	fieldOK(t, ctx, "account-upn", "#account-upn-error")
	planIs(t, ctx, d, "Unicode UPN")
	stillResponds(t, ctx, d)
}

// namesShown checks that every account's name is shown exactly, as text, in
// the table, the editor's list and the diagram node.
func namesShown(t *testing.T, ctx context.Context, d *scenario.Document) {
	t.Helper()
	got := evalJS[map[string][]string](t, ctx, `(() => {
		const out = {};
		for (const row of document.querySelectorAll("#plan-table tr[data-row]")) {
			const id = row.getAttribute("data-row");
			const pick = document.getElementById("pick-" + id);
			const node = document.querySelector('[data-account="' + CSS.escape(id) + '"] .node-name');
			out[id] = [row.querySelector("th").textContent,
				pick ? pick.querySelector(".account-item-name").textContent : "(no list item)",
				node ? node.textContent : "(no node)"];
		}
		return out;
	})()`)
	for _, a := range d.Accounts {
		g, ok := got[a.ID]
		switch {
		case !ok:
			t.Errorf("%s: no table row", a.ID)
		case g[0] != a.Name:
			t.Errorf("%s: the table shows %q, want %q", a.ID, g[0], a.Name)
		case g[1] != a.Name:
			t.Errorf("%s: the editor's list shows %q, want %q", a.ID, g[1], a.Name)
		case g[2] != a.Name:
			t.Errorf("%s: the diagram node shows %q, want %q", a.ID, g[2], a.Name)
		}
	}
}

// ---- HTML and JavaScript in every text field, typed with the keyboard ----

const (
	imgPayload    = `<img id=pwn src=x onerror=alert(1)>`
	svgPayload    = `"><svg id=pwn onload=alert(2)>`
	scriptPayload = `</script><script id=pwn>alert(3)</script>`
	entityPayload = `&lt;b&gt; &amp; &#60;i&#62;`
	tmplPayload   = `{{7*7}} ${alert(4)} javascript:alert(5)`
)

func badMarkup(t *testing.T) {
	ctx := newTab(t)
	want := examples.DocDiagram()
	open(t, ctx, link(t, want))
	waitMetrics(t, ctx, want)
	click(t, ctx, "#pick-ra2")

	// name: any text is a name; it must show as that text. Each field gets
	// one payload typed key by key, the others in one go (as pasted).
	for i, p := range []string{imgPayload, svgPayload, scriptPayload, entityPayload, tmplPayload} {
		if i == 0 {
			typeText(t, ctx, "#account-name", p)
		} else {
			insertText(t, ctx, "#account-name", p)
		}
		want.Accounts[1].Name = p
		waitJS(t, ctx, `document.querySelector('[data-row="ra2"] th').textContent === `+jsString(p), "the name "+p+" in the table")
		fieldOK(t, ctx, "account-name", "#account-name-error")
		planIs(t, ctx, want, "name "+p)
		noInjection(t, ctx, "name "+p)
	}

	type step struct {
		field, text string
		errCSS      string // the field's error, for a refused text
		contains    string // what the error must repeat
		apply       func() // the change of a valid text
		paste       bool   // entered in one go (insertText), not key by key
	}
	steps := []step{
		{field: "account-upn", text: imgPayload, errCSS: "#account-upn-error"},
		{field: "account-upn", text: `<svg/id=pwn/onload=alert(6)>@contoso.com`, paste: true, apply: func() { want.Accounts[1].UPN = `<svg/id=pwn/onload=alert(6)>@contoso.com` }},
		{field: "account-number", text: imgPayload, errCSS: "#account-number-error"},
		{field: "account-number", text: tmplPayload, errCSS: "#account-number-error", paste: true},
		{field: "account-number", text: "+1 425 555 0102", paste: true, apply: func() { want.Accounts[1].PhoneNumber = "+14255550102" }},
		{field: "account-id", text: scriptPayload, errCSS: "#account-id-error"},
		{field: "account-id", text: imgPayload, errCSS: "#account-id-error", paste: true},
		{field: "account-id", text: "ra3", errCSS: "#account-id-error", contains: `"ra3"`, paste: true}, // ids colliding in the editor
		{field: "sub-units-0", text: svgPayload, errCSS: "#sub-units-0-error"},
		{field: "price", text: imgPayload, errCSS: "#price-error"},
		{field: "price", text: "1e400", errCSS: "#price-error", paste: true},
		{field: "price", text: "7.5", paste: true, apply: func() { want.Price = &scenario.Price{Monthly: 7.5, Currency: "USD"} }},
		// The SKU applies when the field is left (Tab): any text is a SKU,
		// unknown ones are kept and not counted.
		{field: "sub-sku-0", text: imgPayload, apply: func() { want.Subscriptions[0].SKU = imgPayload }},
		{field: "sub-sku-0", text: strings.Repeat("<i>", 43), errCSS: "#sub-sku-0-note .field-error", paste: true},
		{field: "sub-sku-0", text: "   ", errCSS: "#sub-sku-0-note .field-error", paste: true},
		{field: "sub-sku-0", text: "MCOEV", paste: true, apply: func() { want.Subscriptions[0].SKU = "MCOEV" }},
	}
	for _, s := range steps {
		name := s.field + " " + s.text
		if s.paste {
			insertText(t, ctx, "#"+s.field, s.text)
		} else {
			typeText(t, ctx, "#"+s.field, s.text)
		}
		if strings.HasPrefix(s.field, "sub-sku-") {
			do(t, ctx, chromedp.KeyEvent("\t"))
		}
		if s.apply != nil {
			s.apply()
			waitMetrics(t, ctx, want)
			if s.errCSS == "" && !strings.HasPrefix(s.field, "sub-sku-") {
				fieldOK(t, ctx, s.field, "#"+s.field+"-error")
			}
		} else {
			says := s.contains
			if says == "" {
				says = validatorSays(s.field, s.text)
			}
			msg := fieldError(t, ctx, s.field, s.errCSS, says)
			t.Logf("%s: %s", abbreviate(name), abbreviate(msg))
			waitMetrics(t, ctx, want)
		}
		planIs(t, ctx, want, name)
		noInjection(t, ctx, name)
		if s.field == "sub-sku-0" && s.text == imgPayload {
			// The unknown SKU is named, as text, in the engine's warning.
			waitJS(t, ctx, `[...document.querySelectorAll("ul.warnings li")].some(li => li.textContent.includes(`+jsString(imgPayload)+`))`, "a warning naming the SKU as text")
		}
	}

	// The paste box: markup is not a command's output; the text stays.
	fire(t, ctx, "#ps-input", imgPayload)
	click(t, ctx, "#ps-read")
	alertSays(t, ctx)
	if v := run(t, ctx, chromedp.Value(chromedp.ID("ps-input"))); v != imgPayload {
		t.Errorf("the paste box lost what was pasted: %q", v)
	}
	noInjection(t, ctx, "paste box")
	waitMetrics(t, ctx, want)
	stillResponds(t, ctx, want)
}

// badTypedID types a new, valid id over an account's id key by key and
// presses Enter: the account is renamed once (not to each prefix typed), the
// routes to it follow, and the focus stays in the field.
func badTypedID(t *testing.T) {
	ctx := newTab(t)
	want := examples.DocDiagram()
	open(t, ctx, link(t, want))
	waitMetrics(t, ctx, want)
	click(t, ctx, "#pick-ra2")
	const id = "main-menu"
	typeText(t, ctx, "#account-id", id+"\r")
	want.Accounts[1].ID = id
	want.Accounts[0].RoutesTo = []string{id, "ra3", "ra4", "ra5"}
	settle(t, ctx)
	got := evalJS[struct {
		Field, Focus, Selected string
		Nodes                  []string
	}](t, ctx, `(() => ({
		field: (document.getElementById("account-id") || {value: "(no field)"}).value,
		focus: document.activeElement ? document.activeElement.id : "",
		selected: [...document.querySelectorAll('.account-item[aria-current="true"]')].map(e => e.id).join(","),
		nodes: [...document.querySelectorAll("[data-account]")].map(e => e.getAttribute("data-account")),
	}))()`)
	if got.Field != id || got.Focus != "account-id" || got.Selected != "pick-"+id {
		t.Errorf("typing %q over the id ra2: the id field holds %q, the focus is on #%s, the list selects %q, the diagram shows %v; "+
			"want the field to hold %[1]q, keep the focus and select the renamed account", id, got.Field, got.Focus, got.Selected, got.Nodes)
	}
	if !waitMetricsWithin(t, ctx, want, 3*time.Second) {
		t.Errorf("typing %q over the id ra2: the page does not show the plan with the account renamed", id)
	}
	planIs(t, ctx, want, "typed id")
}

// ---- many accounts ----

func badManyAccounts(t *testing.T) {
	// A scenario of a size the page renders in seconds, through both ways in.
	t.Run("600", func(t *testing.T) { loadMany(t, 600, 30*time.Second) })
	t.Run("big", func(t *testing.T) {
		if !*badInputBig {
			t.Skip("-badinput-big=false")
		}
		loadMany(t, *badInputAccounts, bigLoadLimit)
	})
}

// loadMany imports a valid scenario of n accounts from a file, then pastes it
// into the PowerShell box, and fails when the page takes longer than limit
// to show its plan and answer again.
func loadMany(t *testing.T, n int, limit time.Duration) {
	d := bigTenant(n)
	data, err := scenario.EncodeIndent(d)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "many.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d accounts: %.1f MB of JSON", n, float64(len(data))/1e6)
	ctx := newTab(t)
	prev := examples.DocDiagram()
	open(t, ctx, link(t, prev))
	waitMetrics(t, ctx, prev)

	for _, how := range []string{"file", "paste"} {
		began := time.Now()
		if how == "file" {
			do(t, ctx, chromedp.SetUploadFiles(chromedp.ID("import-file"), []string{path}))
		} else {
			// Paste and click Read at once: the page is busy for long after
			// the paste (Chromium alone lays out a textarea of megabytes).
			sctx, cancel := context.WithTimeout(ctx, limit)
			err := chromedp.Do(sctx, chromedp.Evaluate[chromedp.Void](`(() => {
				const box = document.getElementById("ps-input");
				box.value = `+jsString(string(data))+`;
				box.dispatchEvent(new Event("input", {bubbles: true}));
				setTimeout(() => document.getElementById("ps-read").click(), 0);
			})()`))
			cancel()
			if err != nil {
				t.Fatalf("pasting %d accounts: %v", n, err)
			}
		}
		if !waitMetricsWithin(t, ctx, d, limit) {
			t.Errorf("%d accounts by %s: the page did not show the plan within %v", n, how, limit)
			waitMetricsWithin(t, ctx, d, 5*time.Minute) // let it finish, to measure
		}
		took := time.Since(began)
		evalJS[int](t, ctx, `1`) // it answers
		t.Logf("%d accounts by %s: shown and answering after %v", n, how, took.Round(10*time.Millisecond))
		if took > limit {
			t.Errorf("%d accounts by %s took %v, more than %v", n, how, took.Round(time.Second), limit)
		}
		noAlertWithin(t, ctx, how, time.Minute)
		if loc := run(t, ctx, chromedp.Location()); len(loc) > chromeMaxURL {
			t.Errorf("%d accounts: the address bar holds a link of %.1f MB, longer than Chromium opens (%d bytes)", n, float64(len(loc))/1e6, chromeMaxURL)
		}
		if frag, _ := scenario.EncodeFragment(d); len(frag) > chromeMaxURL {
			waitJS(t, ctx, `!!document.getElementById("link-note")`, "the note that the scenario is too large for a link")
		}
		if how == "file" {
			// Back to a small scenario for the paste.
			open(t, ctx, link(t, prev))
			waitMetrics(t, ctx, prev)
		}
	}
	// A valid edit still updates the metrics (under the same generous limit).
	sctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	if err := chromedp.Do(sctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("edition-resource-account-2024").click()`)); err != nil {
		t.Fatalf("clicking an edition: %v", err)
	}
	d.Edition = scenario.ResourceAccount2024
	began := time.Now()
	if !waitMetricsWithin(t, ctx, d, limit) {
		t.Errorf("%d accounts: an edition switch did not show within %v", n, limit)
	}
	t.Logf("%d accounts: an edition switch took %v", n, time.Since(began).Round(10*time.Millisecond))
}

// ---- helpers ----

// jsString writes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// normalize collapses runs of white space, as the checks compare texts.
func normalize(s string) string { return strings.Join(strings.Fields(s), " ") }

// problems returns the first few problems of an error of the scenario
// package, each as the page should show it (white space collapsed).
func problems(err error) []string {
	var errs scenario.Errors
	if !errors.As(err, &errs) {
		return []string{normalize(err.Error())}
	}
	var out []string
	for i, fe := range errs {
		if i == 3 {
			break
		}
		msg := fe.Error()
		if i == 0 {
			// DecodeFragment puts "the link's plan is damaged: " before the first.
			if prefix, _, ok := strings.Cut(err.Error(), msg); ok && prefix != "" {
				msg = prefix + msg
			}
		}
		out = append(out, normalize(msg))
	}
	return out
}

// validatorSays returns the message of the scenario package's validator of
// a field for text, which the page shows next to the field, or "" when the
// text is valid. The validators say why in the very words of Decode.
func validatorSays(field, text string) string {
	var err error
	switch {
	case field == "account-name":
		err = scenario.ValidateName(text)
	case field == "account-id":
		err = scenario.ValidateID(text)
	case field == "account-upn":
		_, err = scenario.NormalizeUPN(text)
	case field == "account-number":
		_, err = scenario.NormalizePhoneNumber(text)
	case field == "price":
		_, err = scenario.ParseMonthlyPrice(text)
	case strings.HasPrefix(field, "sub-units-"):
		_, err = scenario.ParseUnits(text)
	case strings.HasPrefix(field, "sub-sku-"):
		_, err = scenario.NormalizeSKU(text)
	default:
		panic("no validator for " + field)
	}
	if err == nil {
		return ""
	}
	return err.Error()
}

// waitJS waits until the JavaScript expression cond is true.
func waitJS(t testing.TB, ctx context.Context, cond, what string) {
	t.Helper()
	sctx, cancel := step(ctx)
	defer cancel()
	if _, err := chromedp.Run(sctx, chromedp.Poll[bool](cond)); err != nil {
		t.Fatalf("waiting for %s: %s", what, stepErr(err))
	}
}

// alertSays waits until the #alert region is shown and says every part,
// and returns its text.
func alertSays(t testing.TB, ctx context.Context, parts ...string) string {
	t.Helper()
	if parts == nil {
		parts = []string{}
	}
	const text = `(() => { const a = document.getElementById("alert"); return a && !a.hidden ? a.textContent.replace(/\s+/g, " ").trim() : ""; })()`
	sctx, cancel := step(ctx)
	defer cancel()
	if _, err := chromedp.Run(sctx, chromedp.Poll[bool](`(() => { const s = `+text+`; const parts = `+mustJSONString(parts)+`; return s !== "" && parts.every(p => s.includes(p)); })()`)); err != nil {
		t.Fatalf("the alert shows %q; want it shown, saying %q: %s", evalJS[string](t, ctx, text), parts, stepErr(err))
	}
	return evalJS[string](t, ctx, text)
}

func mustJSONString(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// dismissAlert closes the alert if it is shown, so that the next one is new.
func dismissAlert(t testing.TB, ctx context.Context) {
	t.Helper()
	settle(t, ctx)
	if evalJS[bool](t, ctx, `(() => { const b = document.querySelector("#alert button"); if (!b || document.getElementById("alert").hidden) return false; b.click(); return true; })()`) {
		waitJS(t, ctx, `document.getElementById("alert").hidden`, "the alert to close")
	}
}

// noAlert fails when the alert region shows something once the page settled.
func noAlert(t testing.TB, ctx context.Context, what string) {
	t.Helper()
	settle(t, ctx)
	if s := evalJS[string](t, ctx, `(() => { const a = document.getElementById("alert"); return a && !a.hidden ? a.textContent : ""; })()`); s != "" {
		t.Errorf("%s: the alert shows %q, want none", what, abbreviate(s))
	}
}

// noAlertWithin is noAlert with a longer time limit, for a busy page.
func noAlertWithin(t testing.TB, ctx context.Context, what string, limit time.Duration) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	s, err := chromedp.Run(sctx, chromedp.Evaluate[string](`(() => { const a = document.getElementById("alert"); return a && !a.hidden ? a.textContent : ""; })()`))
	if err != nil {
		t.Fatalf("%s: reading the alert: %v", what, err)
	}
	if s != "" {
		t.Errorf("%s: the alert shows %q, want none", what, abbreviate(s))
	}
}

// fieldError waits until the error of field id (at errCSS) says something
// that contains want, as text (no elements), with the field marked invalid,
// and returns the message.
func fieldError(t testing.TB, ctx context.Context, id, errCSS, want string) string {
	t.Helper()
	if want == "" {
		t.Fatalf("#%s: the test expects an error, but the scenario package accepts the text", id)
	}
	read := `(() => { const e = document.querySelector(` + jsString(errCSS) + `); const f = document.getElementById(` + jsString(id) + `);
		return {text: e ? e.textContent : "(no element)", children: e ? e.children.length : 0, invalid: f ? f.getAttribute("aria-invalid") : "(no field)"}; })()`
	sctx, cancel := step(ctx)
	defer cancel()
	_, err := chromedp.Run(sctx, chromedp.Poll[bool](`(() => { const r = `+read+`; return r.text.trim() !== "" && r.text !== "(no element)" && r.text.includes(`+jsString(want)+`) && r.invalid === "true"; })()`))
	got := evalJS[struct {
		Text     string
		Children int
		Invalid  string
	}](t, ctx, read)
	if err != nil {
		t.Fatalf("#%s: error %q, aria-invalid=%q; want an error containing %q, aria-invalid=true: %s", id, got.Text, got.Invalid, want, stepErr(err))
	}
	if got.Children != 0 {
		t.Errorf("#%s: the error holds %d elements, want text only", id, got.Children)
	}
	return got.Text
}

// fieldOK checks, once the page settled, that field id shows no error.
func fieldOK(t testing.TB, ctx context.Context, id, errCSS string) {
	t.Helper()
	settle(t, ctx)
	got := evalJS[[]string](t, ctx, `(() => { const e = document.querySelector(`+jsString(errCSS)+`); const f = document.getElementById(`+jsString(id)+`);
		return [e ? e.textContent : "", f ? String(f.getAttribute("aria-invalid")) : "(no field)"]; })()`)
	if strings.TrimSpace(got[0]) != "" || got[1] == "true" {
		t.Errorf("#%s: error %q, aria-invalid=%s; want no error", id, got[0], got[1])
	}
}

// planIs checks that the page's link holds want.
func planIs(t testing.TB, ctx context.Context, want *scenario.Document, what string) {
	t.Helper()
	sctx, cancel := step(ctx)
	defer cancel()
	frag, err := scenario.EncodeFragment(want)
	if err != nil {
		t.Fatal(err)
	}
	// The link is written with the edit: wait for it briefly, then compare.
	_, _ = chromedp.Run(sctx, chromedp.Poll[bool](`document.location.hash === "#" + `+jsString(frag), chromedp.WithPollingTimeout(3*time.Second)))
	got, err := scenario.Encode(planOnPage(t, ctx))
	if err != nil {
		t.Fatal(err)
	}
	w, _ := scenario.Encode(want)
	if !bytes.Equal(got, w) {
		t.Errorf("%s: the link holds\n%s\nwant\n%s", what, abbreviateJSON(got), abbreviateJSON(w))
	}
}

func abbreviateJSON(b []byte) string {
	if len(b) > 600 {
		return string(b[:600]) + "…"
	}
	return string(b)
}

// trapDialogs replaces alert, confirm and prompt with functions that record
// their calls, so that injected script that runs shows in noInjection.
const trapDialogs = `(() => { if (window.__e2eDialogs) return; window.__e2eDialogs = [];
	for (const f of ["alert", "confirm", "prompt"]) window[f] = (...a) => { window.__e2eDialogs.push(f + "(" + a.join(",") + ")"); }; })()`

// noInjection fails when the page made elements out of typed markup (the
// payloads carry id=pwn or an event attribute) or ran any of it.
func noInjection(t testing.TB, ctx context.Context, what string) {
	t.Helper()
	evalJS[chromedp.Void](t, ctx, trapDialogs)
	got := evalJS[struct {
		Elements []string
		Dialogs  []string
	}](t, ctx, `(() => ({
		elements: [...document.querySelectorAll("#pwn, [onerror], [onload], [onclick], [onmouseover], [onfocus], #ra-planner script, #ra-planner iframe, #ra-planner object, #ra-planner embed")]
			.slice(0, 5).map(e => e.outerHTML.slice(0, 160)),
		dialogs: window.__e2eDialogs || [],
	}))()`)
	if len(got.Elements) > 0 {
		t.Errorf("%s: the page made elements from text: %q", what, got.Elements)
	}
	if len(got.Dialogs) > 0 {
		t.Errorf("%s: injected script ran: %q", what, got.Dialogs)
	}
}

// insertText replaces the text of a field as an input method does
// (Input.insertText): one input event with the whole text, any script.
func insertText(t testing.TB, ctx context.Context, css, text string) {
	t.Helper()
	settle(t, ctx)
	if !evalJS[bool](t, ctx, `(() => { const el = document.querySelector(`+jsString(css)+`); if (!el) return false; el.focus(); el.select(); return true; })()`) {
		t.Fatalf("no field %s", css)
	}
	settle(t, ctx) // the select event comes first, as when a person selects, then types
	sctx, cancel := step(ctx)
	defer cancel()
	if _, err := chromedp.Call(sctx, input.InsertText, input.InsertTextParams{Text: text}); err != nil {
		t.Fatalf("inserting text into %s: %s", css, stepErr(err))
	}
}

// stillResponds makes a valid edit (another edition of the rule) and waits
// for the page to show its plan.
func stillResponds(t testing.TB, ctx context.Context, d *scenario.Document) {
	t.Helper()
	d = d.Clone()
	next := scenario.ResourceAccount2024
	if d.EditionOrDefault() == next {
		next = scenario.ResourceAccount2022
	}
	dismissAlert(t, ctx)
	click(t, ctx, "#edition-"+string(next))
	d.Edition = next
	waitMetrics(t, ctx, d)
	planIs(t, ctx, d, "an edit after the bad input")
}

// diagramLimit is the most accounts the page draws a diagram of (ui's
// maxDiagram).
const diagramLimit = 5000

// waitMetricsWithin is waitMetrics with its own time limit, for a page that
// is busy for long: it reports whether the page showed d's plan in time.
func waitMetricsWithin(t testing.TB, ctx context.Context, d *scenario.Document, limit time.Duration) bool {
	t.Helper()
	r := licensing.Compute(d)
	want, _ := json.Marshal(engineMetrics(r))
	sctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	// The metrics, and as many diagram nodes as accounts, with the first
	// and the last account's plan. Past the diagram's limit (diagramLimit)
	// the page says it draws none, and the table's first row shows the first
	// account's plan.
	first, last := d.Accounts[0].ID, d.Accounts[len(d.Accounts)-1].ID
	shown := `document.querySelectorAll("[data-account]").length === ` + fmt.Sprint(len(d.Accounts)) + ` &&
			plan(` + jsString(first) + `) === ` + jsString(r.Accounts[0].Planned.String()) + ` &&
			plan(` + jsString(last) + `) === ` + jsString(r.Accounts[len(r.Accounts)-1].Planned.String())
	if len(d.Accounts) > diagramLimit {
		shown = `!!document.getElementById("diagram-too-large") && !document.querySelector("[data-account]") &&
			!!document.querySelector('[data-row="' + CSS.escape(` + jsString(first) + `) + '"] .plan-` + r.Accounts[0].Planned.String() + `')`
	}
	_, err := chromedp.Run(sctx, chromedp.Poll[bool](`(() => {
		const want = `+string(want)+`;
		for (const [k, v] of Object.entries(want)) {
			const e = document.querySelector('[data-metric="' + k + '"]');
			if (!e || Number(e.getAttribute("data-value")) !== v) return false;
		}
		const plan = id => (document.querySelector('[data-account="' + CSS.escape(id) + '"]') || {getAttribute: () => null}).getAttribute("data-plan");
		return `+shown+`;
	})()`, chromedp.WithPollingInterval(250*time.Millisecond), chromedp.WithPollingTimeout(0)))
	return err == nil
}
