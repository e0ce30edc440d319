package powershell_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/raplanner/raplanner/app/examples"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/powershell"
	"github.com/raplanner/raplanner/app/scenario"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// phoneSystem2022 is a 2022 plan of a tenant with 26 free licenses whose
// main line, sales and support queues still hold Phone System: the 2022
// rule never puts Teams Phone Standard on a resource account, so all three
// move to Resource Account licenses, one of them paid.
func phoneSystem2022() *scenario.Document {
	d := &scenario.Document{
		Format:  scenario.Format,
		Edition: scenario.ResourceAccount2022,
		Subscriptions: []scenario.Subscription{
			{SKU: "MCOEV", Units: 10},
			{SKU: "PHONESYSTEM_VIRTUALUSER", Units: 26},
		},
	}
	for i := 1; i <= 22; i++ {
		d.Accounts = append(d.Accounts, scenario.Account{
			ID: fmt.Sprintf("cq-%02d", i), Name: fmt.Sprintf("Branch %02d", i), Type: scenario.CallQueue,
			UPN: fmt.Sprintf("cq-%02d@contoso.com", i), PhoneNumber: fmt.Sprintf("+1425555%04d", i), License: scenario.VirtualUser,
		})
	}
	d.Accounts = append(d.Accounts,
		scenario.Account{ID: "main", Name: "Main line", Type: scenario.AutoAttendant, UPN: "ra-main@contoso.com",
			PhoneNumber: "+14255550100", License: scenario.PhoneSystem, RoutesTo: []string{"sales", "support", "nested"}},
		scenario.Account{ID: "sales", Name: "Sales", Type: scenario.CallQueue, UPN: "ra-sales@contoso.com",
			PhoneNumber: "+14255550110", License: scenario.PhoneSystem},
		scenario.Account{ID: "support", Name: "Support", Type: scenario.CallQueue, UPN: "ra-support@contoso.com",
			License: scenario.PhoneSystem},
		scenario.Account{ID: "nested", Name: "Nested menu", Type: scenario.AutoAttendant, UPN: "ra-nested@contoso.com"},
		scenario.Account{ID: "new-queue", Name: "New queue", Type: scenario.CallQueue},
	)
	return d
}

// noAccount2024 is the documentation's diagram under the 2024 rule, with
// licenses held today: the nested auto attendants need no resource account.
func noAccount2024() *scenario.Document {
	d := examples.DocDiagram()
	d.Edition = scenario.ResourceAccount2024
	d.Accounts[0].License = scenario.VirtualUser
	d.Accounts[1].License = scenario.VirtualUser
	d.Accounts[2].License = scenario.PhoneSystem
	return d
}

// hostile is a plan whose names and UPNs try to break out of comments and
// string literals.
func hostile() *scenario.Document {
	return &scenario.Document{
		Format:        scenario.Format,
		Edition:       scenario.VirtualUser2020,
		Subscriptions: []scenario.Subscription{{SKU: "SPE_E5", Units: 10}},
		Accounts: []scenario.Account{
			{ID: "obrien", Name: "O'Brien's line", Type: scenario.AutoAttendant, UPN: "o'brien@contoso.com", PhoneNumber: "+14255550101"},
			{ID: "newline", Name: "Evil\r\n}\nStop-Computer -Force\n# ", Type: scenario.CallQueue,
				UPN: "x'+$(Stop-Computer)+'@contoso.com", PhoneNumber: "+14255550102"},
			{ID: "subexpr", Name: "$(Stop-Computer -Force)", Type: scenario.CallQueue,
				UPN: "ra-\u2018;Stop-Computer;\u2019@contoso.com", PhoneNumber: "+14255550103", License: scenario.PhoneSystem},
			{ID: "backtick", Name: "`$env:USERNAME` \"; Stop-Computer; \"", Type: scenario.CallQueue,
				UPN: "ra-`\"@contoso.com", PhoneNumber: "+14255550104"},
			{ID: "smart", Name: "Smart \u2018quote\u2019 ; Stop-Computer ; \u201Bx\u201A", Type: scenario.CallQueue,
				UPN: "z\u00fcrich-\u6771\u4eac-\U0001F600@contoso.com", PhoneNumber: "+14255550105"},
			{ID: "bidi", Name: "Invoice \u202Egnp.exe \u2028Stop-Computer\u0085x\u0000y", Type: scenario.AutoAttendant,
				UPN: "bidi@contoso.com", License: scenario.VirtualUser},
			{ID: "blockcomment", Name: "#> Stop-Computer <#", Type: scenario.CallQueue, PhoneNumber: "+14255550106"},
		},
	}
}

var golden = []struct {
	file string
	doc  func() *scenario.Document
	opt  powershell.ScriptOptions
}{
	{"default-2020.ps1", examples.Default, powershell.ScriptOptions{}},
	{"contoso-2020.ps1", examples.Contoso, powershell.ScriptOptions{}},
	{"phone-system-2022.ps1", phoneSystem2022, powershell.ScriptOptions{Date: "2025-06-01"}},
	{"no-account-2024.ps1", noAccount2024, powershell.ScriptOptions{UsageLocation: "it"}},
	{"hostile.ps1", hostile, powershell.ScriptOptions{Date: "2025-06-01\nStop-Computer", UsageLocation: "ch"}},
}

func TestScriptGolden(t *testing.T) {
	for _, g := range golden {
		t.Run(g.file, func(t *testing.T) {
			d := g.doc()
			if err := d.Validate(); err != nil {
				t.Fatalf("the test document is invalid: %v", err)
			}
			got := powershell.Script(d, licensing.Compute(d), g.opt)
			path := filepath.Join("testdata", g.file)
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("the script differs from %s (run go test -update to accept):\n%s", path, firstDiff(string(want), got))
			}
			checkScript(t, d, got)
		})
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, a, b)
		}
	}
	return "(same lines)"
}

var setLicense = regexp.MustCompile(`^\s*Set-MgUserLicense -UserId (.+) -AddLicenses (@\(.*\)) -RemoveLicenses (@\(.*\)) \| Out-Null$`)

// checkScript checks what every generated script must be: plain ASCII, the
// safety preamble, hostile text only in comments and single-quoted strings,
// and exactly one Set-MgUserLicense per changed account, adding and
// removing together.
func checkScript(t *testing.T, d *scenario.Document, script string) {
	t.Helper()
	for i, r := range script {
		if r >= utf8.RuneSelf || r < 0x20 && r != '\n' || r == 0x7F {
			t.Fatalf("byte %d: %U is not printable ASCII", i, r)
		}
	}
	for _, want := range []string{"param([switch]$Apply)\n", "$ErrorActionPreference = 'Stop'\n", "Set-StrictMode -Version Latest\n"} {
		if !strings.Contains(script, want) {
			t.Errorf("the script lacks %q", want)
		}
	}
	segs, err := psLex(script)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range segs {
		switch s.kind {
		case segCode, segDouble:
			for _, bad := range []string{"Stop-Computer", "USERNAME", "Remove-"} {
				if strings.Contains(s.text, bad) {
					t.Errorf("line %d: %q reaches code: %q", s.line, bad, s.text)
				}
			}
		}
	}
	// Every Set-MgUserLicense call: one per UPN, with a literal UPN that
	// evaluates to an account's UPN, adding and removing in the same call.
	r := licensing.Compute(d)
	upns := map[string]int{}
	calls := 0
	for _, line := range strings.Split(script, "\n") {
		if !strings.Contains(line, "Set-MgUserLicense") || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		m := setLicense.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("unexpected Set-MgUserLicense line %q", line)
			continue
		}
		calls++
		upn, err := psEval(m[1])
		if err != nil {
			t.Errorf("UPN of %q: %v", line, err)
			continue
		}
		upns[strings.ToLower(upn)]++
		if m[2] == "@()" && m[3] == "@()" {
			t.Errorf("%q changes nothing", line)
		}
	}
	want := 0
	seen := map[string]bool{}
	for i, a := range d.Accounts {
		p := r.Accounts[i]
		if a.UPN == "" || seen[strings.ToLower(a.UPN)] {
			continue
		}
		seen[strings.ToLower(a.UPN)] = true
		if p.Planned == licensing.PlanNoAccount {
			continue
		}
		if held, planned := heldPart(p.Holds()), plannedPart(d, r, p.Planned); held != planned {
			want++
			if upns[strings.ToLower(a.UPN)] != 1 {
				t.Errorf("account %s (%q): %d Set-MgUserLicense calls, want exactly 1", a.ID, a.UPN, upns[strings.ToLower(a.UPN)])
			}
		}
	}
	if calls != want {
		t.Errorf("%d Set-MgUserLicense calls, want %d", calls, want)
	}
	for upn, n := range upns {
		if n != 1 {
			t.Errorf("%q: %d Set-MgUserLicense calls", upn, n)
		}
	}
}

func heldPart(l scenario.License) string {
	switch l {
	case scenario.VirtualUser:
		return "vu"
	case scenario.PhoneSystem:
		return "ps"
	}
	return ""
}

func plannedPart(d *scenario.Document, r *licensing.Result, p licensing.Plan) string {
	switch {
	case p == licensing.PlanFree:
		return "vu"
	case p == licensing.PlanPaid && r.Edition == scenario.VirtualUser2020:
		return "ps"
	case p == licensing.PlanPaid:
		return "vu"
	}
	return ""
}

func TestScriptContents(t *testing.T) {
	cases := []struct {
		name    string
		doc     *scenario.Document
		opt     powershell.ScriptOptions
		want    []string
		notWant []string
	}{
		{
			name: "switch from Phone System in one call",
			doc:  examples.Default(),
			want: []string{
				"Connect-MgGraph -Scopes 'User.ReadWrite.All','Organization.Read.All' -NoWelcome\n",
				"$skus = Get-MgSubscribedSku -All\n",
				"$vu = $skus | Where-Object SkuPartNumber -eq 'PHONESYSTEM_VIRTUALUSER' | Select-Object -First 1\n",
				"$ps = $skus | Where-Object SkuPartNumber -eq 'MCOEV' | Select-Object -First 1\n",
				"Billing > Purchase services > Add-ons",
				"    Set-UsageLocationIfMissing 'ra-sales@fabrikam.com'\n",
				"Set-MgUserLicense -UserId 'ra-sales@fabrikam.com' -AddLicenses @(@{SkuId = $vu.SkuId}) -RemoveLicenses @($ps.SkuId) | Out-Null\n",
				"Set-MgUserLicense -UserId 'ra-afterhours@fabrikam.com' -AddLicenses @() -RemoveLicenses @($vu.SkuId) | Out-Null\n",
				"# Reception (ra-reception@fabrikam.com): keeps Virtual User (PHONESYSTEM_VIRTUALUSER), free; it has a phone number\n",
				"(Get-MgUser -UserId $upn -Property UsageLocation).UsageLocation",
				"Update-MgUser -UserId $upn -UsageLocation $usageLocation",
				"$usageLocation = 'US'\n",
				".\\ra-plan.ps1 -Apply",
				"Dry run: {0} changes planned",
			},
			notWant: []string{"Plan of:", "TODO"},
		},
		{
			name: "removals come before additions",
			doc:  examples.Default(),
			want: []string{"ra-afterhours@fabrikam.com' -AddLicenses @() -RemoveLicenses @($vu.SkuId) | Out-Null\n        Complete-Change\n    }\n\n    # Sales"},
		},
		{
			name: "date and usage location",
			doc:  examples.Default(),
			opt:  powershell.ScriptOptions{Date: "2025-06-01", UsageLocation: " gb "},
			want: []string{"# Plan of: 2025-06-01\n", "$usageLocation = 'GB'\n", "usage location (GB)"},
		},
		{
			name:    "bad usage location stops the script",
			doc:     examples.Default(),
			opt:     powershell.ScriptOptions{UsageLocation: "US'; Stop-Computer; '"},
			want:    []string{"throw 'RA Planner was given the usage location US''; Stop-Computer; '', which is not a two-letter country code"},
			notWant: []string{"$usageLocation = 'US''"},
		},
		{
			name: "nothing to change",
			doc: &scenario.Document{Subscriptions: []scenario.Subscription{{SKU: "MCOEV", Units: 5}}, Accounts: []scenario.Account{
				{ID: "a", Name: "A", Type: scenario.AutoAttendant, UPN: "a@contoso.com", PhoneNumber: "+14255550100", License: scenario.VirtualUser},
			}},
			want:    []string{"# A (a@contoso.com): keeps Virtual User", "Write-Host 'Nothing to change"},
			notWant: []string{"Connect-MgGraph", "Set-MgUserLicense -UserId"},
		},
		{
			name: "an empty scenario",
			doc:  &scenario.Document{},
			want: []string{"Nothing to change"},
		},
		{
			name:    "nil document",
			doc:     nil,
			want:    []string{"param([switch]$Apply)", "Nothing to change"},
			notWant: []string{"Connect-MgGraph"},
		},
		{
			name: "GCC tenant uses the GCC part number",
			doc: &scenario.Document{Subscriptions: []scenario.Subscription{{SKU: "MCOEV", Units: 5}, {SKU: "PHONESYSTEM_VIRTUALUSER_GOV", Units: 25}},
				Accounts: []scenario.Account{{ID: "a", Type: scenario.AutoAttendant, UPN: "a@contoso.us", PhoneNumber: "+14255550100"}}},
			want: []string{"Where-Object SkuPartNumber -eq 'PHONESYSTEM_VIRTUALUSER_GOV'", "Assert-FreeUnits $vu 1 0\n"},
		},
		{
			name: "same UPN twice is changed once",
			doc: &scenario.Document{Subscriptions: []scenario.Subscription{{SKU: "MCOEV", Units: 5}}, Accounts: []scenario.Account{
				{ID: "a", Type: scenario.AutoAttendant, UPN: "a@contoso.com", PhoneNumber: "+14255550100"},
				{ID: "b", Type: scenario.CallQueue, UPN: "A@contoso.com", PhoneNumber: "+14255550101"},
			}},
			want: []string{"# TODO (no name) (A@contoso.com): same UPN as account a; left alone"},
		},
		{
			name: "no UPN",
			doc: &scenario.Document{Subscriptions: []scenario.Subscription{{SKU: "MCOEV", Units: 5}}, Accounts: []scenario.Account{
				{ID: "main", Name: "Main", Type: scenario.AutoAttendant, PhoneNumber: "+14255550100"},
			}},
			want: []string{
				"# TODO Main (id main): no UPN in the scenario; planned: Virtual User (PHONESYSTEM_VIRTUALUSER), free; holds: no license; it has a phone number\n",
				"Left to do by hand: 1 account",
			},
			notWant: []string{"Connect-MgGraph"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var before []byte
			if c.doc != nil {
				before, _ = scenario.Encode(c.doc)
			}
			var r *licensing.Result
			if c.doc != nil {
				r = licensing.Compute(c.doc)
			}
			got := powershell.Script(c.doc, r, c.opt)
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("the script lacks %q", w)
				}
			}
			for _, w := range c.notWant {
				if strings.Contains(got, w) {
					t.Errorf("the script has %q", w)
				}
			}
			if c.doc != nil {
				after, _ := scenario.Encode(c.doc)
				if string(before) != string(after) {
					t.Error("Script modified the document")
				}
				checkScript(t, c.doc, got)
			}
		})
	}
}

func TestScriptComputesAMissingOrForeignPlan(t *testing.T) {
	d := examples.Default()
	want := powershell.Script(d, licensing.Compute(d), powershell.ScriptOptions{})
	if got := powershell.Script(d, nil, powershell.ScriptOptions{}); got != want {
		t.Error("a nil plan gives another script")
	}
	other := licensing.Compute(examples.DocDiagram())
	if got := powershell.Script(d, other, powershell.ScriptOptions{}); got != want {
		t.Error("another document's plan gives another script")
	}
}

func TestPSLiteral(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", "''"},
		{"ra@contoso.com", "'ra@contoso.com'"},
		{"o'brien@contoso.com", "'o''brien@contoso.com'"},
		{"''", "''''''"},
		{"$(Stop-Computer)", "'$(Stop-Computer)'"},
		{"`\"", "'`\"'"},
		{"caf\u00e9", "('caf' + [char]0x00E9)"},
		{"\u00e9t\u00e9", "('' + [char]0x00E9 + 't' + [char]0x00E9)"},
		{"a\u2019b", "('a' + [char]0x2019 + 'b')"},
		{"a\nb", "('a' + [char]0x000A + 'b')"},
		{"\U0001F600", "('' + [char]0xD83D + [char]0xDE00)"},
		{"\x7f", "('' + [char]0x007F)"},
	}
	for _, c := range cases {
		got := powershell.PSLiteral(c.in)
		if got != c.want {
			t.Errorf("PSLiteral(%q) = %s, want %s", c.in, got, c.want)
		}
		if v, err := psEval(got); err != nil || v != c.in {
			t.Errorf("PSLiteral(%q) = %s evaluates to %q, %v", c.in, got, v, err)
		}
	}
}

func TestCommentText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Sales", "Sales"},
		{"", "(no name)"},
		{"  \n\t ", "(no name)"},
		{"O'Brien", "O'Brien"},
		{"a\r\nb\u2028c\u2029d\u0085e\x00f", "a b c d e f"},
		{"Z\u00fcrich \u6771\u4eac", "Z?rich ??"},
		{"\u202Egnp.exe", "?gnp.exe"},
		{strings.Repeat("x", 100), strings.Repeat("x", 80) + "..."},
	}
	for _, c := range cases {
		if got := powershell.CommentText(c.in); got != c.want {
			t.Errorf("CommentText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzPSLiteral(f *testing.F) {
	for _, s := range []string{"", "a", "o'brien", "\u2018\u2019\u201A\u201B", "a\nb", "\U0001F600x", "$(x)`\""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		lit := powershell.PSLiteral(s)
		for _, r := range lit {
			if r < 0x20 || r >= 0x7F {
				t.Fatalf("PSLiteral(%q) = %q is not printable ASCII", s, lit)
			}
		}
		v, err := psEval(lit)
		if err != nil {
			t.Fatal(err)
		}
		if v != s {
			t.Fatalf("PSLiteral(%q) = %s evaluates to %q", s, lit, v)
		}
	})
}

// codeOf returns the code of a script, without strings and comments, with
// the joins psLiteral writes for characters outside printable ASCII
// ("[char]0x00E9", "+", brackets) and all spaces removed.
func codeOf(t *testing.T, script string) string {
	t.Helper()
	segs, err := psLex(script)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, s := range segs {
		if s.kind == segCode {
			b.WriteString(s.text)
		}
	}
	code := regexp.MustCompile(`\[char\]0x[0-9A-F]{4}`).ReplaceAllString(b.String(), "")
	return strings.NewReplacer("+", "", "(", "", ")", "", " ", "", "\n", "").Replace(code)
}

// FuzzScript checks that user text never changes a script's code: whatever
// the name, UPN and date, the code outside strings and comments is that of
// a script for plain ones.
func FuzzScript(f *testing.F) {
	f.Add("O'Brien", "o'brien@contoso.com", "2025-06-01")
	f.Add("Evil\n}\nStop-Computer\n#", "x'+$(Stop-Computer)+'@contoso.com", "\r\n$(x)")
	f.Add("\u2018 ; Stop-Computer ; \u2019", "ra-\u2018;x;\u2019@contoso.com", "#>")
	f.Add("`$x` \"$(y)\"", "z\u00fcrich-\U0001F600@contoso.com", "<#")
	doc := func(name, upn string) *scenario.Document {
		return &scenario.Document{
			Format:        scenario.Format,
			Subscriptions: []scenario.Subscription{{SKU: "MCOEV", Units: 1}},
			Accounts: []scenario.Account{
				{ID: "a", Name: name, Type: scenario.AutoAttendant, UPN: upn, PhoneNumber: "+14255550100", License: scenario.PhoneSystem},
				{ID: "b", Name: name, Type: scenario.CallQueue, UPN: "b" + upn, License: scenario.VirtualUser},
				{ID: "c", Name: name, Type: scenario.CallQueue, PhoneNumber: "+14255550101"},
			},
		}
	}
	ref := powershell.Script(doc("n", "a@contoso.com"), nil, powershell.ScriptOptions{Date: "d"})
	f.Fuzz(func(t *testing.T, name, upn, date string) {
		u, err := scenario.NormalizeUPN(upn)
		if err != nil || u == "" || len(u) >= scenario.MaxUPNLength {
			return
		}
		if scenario.ValidateName(name) != nil {
			return
		}
		d := doc(name, u)
		if strings.EqualFold(d.Accounts[0].UPN, d.Accounts[1].UPN) {
			return
		}
		got := powershell.Script(d, nil, powershell.ScriptOptions{Date: date})
		checkScript(t, d, got)
		if codeOf(t, got) != codeOf(t, ref) {
			t.Fatalf("user text changed the code:\n%s", got)
		}
	})
}
