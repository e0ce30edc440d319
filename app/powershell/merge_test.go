package powershell_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/powershell"
	"github.com/raplanner/raplanner/app/scenario"
)

// contosoImport reads every fixture of the Contoso tenant.
func contosoImport(t testing.TB) powershell.Import {
	t.Helper()
	subs, _, err := powershell.ParseSubscribedSkus(readFixture(t, "skus/pascal-array.json"))
	if err != nil {
		t.Fatal(err)
	}
	accts, objectIDs, _, err := powershell.ParseApplicationInstances(readFixture(t, "instances/array.json"))
	if err != nil {
		t.Fatal(err)
	}
	return powershell.Import{Subscriptions: subs, Accounts: accts, ObjectIDs: objectIDs, Flows: contosoFlows(t)}
}

func TestMerge(t *testing.T) {
	cases := []struct {
		name    string
		current func() *scenario.Document
		in      func(t *testing.T) powershell.Import
		want    *scenario.Document
		preview string
	}{
		{
			name:    "everything into an empty plan",
			current: func() *scenario.Document { return nil },
			in:      func(t *testing.T) powershell.Import { return contosoImport(t) },
			want: &scenario.Document{
				Format: scenario.Format,
				Subscriptions: []scenario.Subscription{
					{SKU: "PHONESYSTEM_VIRTUALUSER", Units: 25}, {SKU: "MCOEV", Units: 500}, {SKU: "SPE_E5", Units: 100},
					{SKU: "Microsoft_365_E5_(no_Teams)", Units: 40}, {SKU: "PHONESYSTEM_VIRTUALUSER_USGOV_GCCHIGH", Units: 5},
				},
				Accounts: []scenario.Account{
					{ID: "ra-mainaa", Name: "Main AA", Type: aa, UPN: "ra-mainaa@contoso.com", PhoneNumber: "+14255550100",
						RoutesTo: []string{"ra-salescq", "ra-supportcq", "ra-afterhours"}},
					{ID: "ra-salescq", Name: "Sales CQ", Type: cq, UPN: "ra-salescq@contoso.com", RoutesTo: []string{"ra-mainaa"}},
					{ID: "ra-supportcq", Name: "Support CQ", Type: cq, UPN: "RA-SupportCQ@contoso.com", PhoneNumber: "+14255550102",
						RoutesTo: []string{"it-help-desk-internal"}},
					{ID: "ra-afterhours", Name: "After hours AA", Type: aa, UPN: "ra-afterhours@contoso.com"},
					{ID: "it-help-desk-internal", Name: "IT help desk (internal)", Type: cq},
				},
			},
			preview: `+ subscription PHONESYSTEM_VIRTUALUSER: 25 units
+ subscription MCOEV: 500 units
+ subscription SPE_E5: 100 units
+ subscription Microsoft_365_E5_(no_Teams): 40 units
+ subscription PHONESYSTEM_VIRTUALUSER_USGOV_GCCHIGH: 5 units
+ account ra-mainaa ("Main AA"): auto attendant, ra-mainaa@contoso.com, +14255550100
+ account ra-salescq ("Sales CQ"): call queue, ra-salescq@contoso.com
+ account ra-supportcq ("Support CQ"): call queue, RA-SupportCQ@contoso.com, +14255550102
+ account ra-afterhours ("After hours AA"): auto attendant, ra-afterhours@contoso.com
+ account it-help-desk-internal ("IT help desk (internal)"): call queue: it has no resource account: it is reached only directly
~ account ra-mainaa ("Main AA"): routesTo (none) → ra-salescq, ra-supportcq, ra-afterhours
~ account ra-salescq ("Sales CQ"): routesTo (none) → ra-mainaa
~ account ra-supportcq ("Support CQ"): routesTo (none) → it-help-desk-internal
`,
		},
		{
			name: "into an existing plan: match by UPN, then by id",
			current: func() *scenario.Document {
				return &scenario.Document{
					Format:        scenario.Format,
					Edition:       scenario.ResourceAccount2024,
					Subscriptions: []scenario.Subscription{{SKU: "spe_e5", Units: 80}, {SKU: "MCOEV", Units: 500}},
					Accounts: []scenario.Account{
						{ID: "main", Name: "Main", Type: aa, UPN: "RA-MAINAA@contoso.com", PhoneNumber: "+14255550199",
							License: scenario.VirtualUser, RoutesTo: []string{"old"}},
						{ID: "ra-salescq", Name: "Sales", Type: aa},
						{ID: "old", Name: "Old queue", Type: cq, UPN: "old@contoso.com", RoutesTo: []string{"main"}},
						{ID: "ra-afterhours", Name: "Not the same", Type: aa, UPN: "someone@contoso.com"},
					},
					Price: &scenario.Price{Monthly: 8, Currency: "USD"},
				}
			},
			in: func(t *testing.T) powershell.Import {
				in := contosoImport(t)
				in.Subscriptions = in.Subscriptions[:3]
				return in
			},
			want: &scenario.Document{
				Format:        scenario.Format,
				Edition:       scenario.ResourceAccount2024,
				Subscriptions: []scenario.Subscription{{SKU: "spe_e5", Units: 100}, {SKU: "MCOEV", Units: 500}, {SKU: "PHONESYSTEM_VIRTUALUSER", Units: 25}},
				Accounts: []scenario.Account{
					{ID: "main", Name: "Main AA", Type: aa, UPN: "RA-MAINAA@contoso.com", PhoneNumber: "+14255550100",
						License: scenario.VirtualUser, RoutesTo: []string{"ra-salescq", "ra-supportcq", "ra-afterhours-2"}},
					{ID: "ra-salescq", Name: "Sales CQ", Type: cq, UPN: "ra-salescq@contoso.com", RoutesTo: []string{"main"}},
					{ID: "old", Name: "Old queue", Type: cq, UPN: "old@contoso.com", RoutesTo: []string{"main"}},
					{ID: "ra-afterhours", Name: "Not the same", Type: aa, UPN: "someone@contoso.com"},
					{ID: "ra-supportcq", Name: "Support CQ", Type: cq, UPN: "RA-SupportCQ@contoso.com", PhoneNumber: "+14255550102",
						RoutesTo: []string{"it-help-desk-internal"}},
					{ID: "ra-afterhours-2", Name: "After hours AA", Type: aa, UPN: "ra-afterhours@contoso.com"},
					{ID: "it-help-desk-internal", Name: "IT help desk (internal)", Type: cq},
				},
				Price: &scenario.Price{Monthly: 8, Currency: "USD"},
			},
			preview: `+ subscription PHONESYSTEM_VIRTUALUSER: 25 units
+ account ra-supportcq ("Support CQ"): call queue, RA-SupportCQ@contoso.com, +14255550102
+ account ra-afterhours-2 ("After hours AA"): auto attendant, ra-afterhours@contoso.com
+ account it-help-desk-internal ("IT help desk (internal)"): call queue: it has no resource account: it is reached only directly
~ subscription spe_e5: units 80 → 100
~ account main ("Main"): name Main → Main AA
~ account main ("Main AA"): phoneNumber +14255550199 → +14255550100
~ account ra-salescq ("Sales"): name Sales → Sales CQ
~ account ra-salescq ("Sales CQ"): type auto-attendant → call-queue
~ account ra-salescq ("Sales CQ"): upn (none) → ra-salescq@contoso.com
~ account main ("Main AA"): routesTo old → ra-salescq, ra-supportcq, ra-afterhours-2
~ account ra-salescq ("Sales CQ"): routesTo (none) → main
~ account ra-supportcq ("Support CQ"): routesTo (none) → it-help-desk-internal
`,
		},
		{
			name: "what is not valid is ignored, with the reason",
			current: func() *scenario.Document {
				return &scenario.Document{Accounts: []scenario.Account{{ID: "taken", Type: cq, UPN: "taken@contoso.com"}}}
			},
			in: func(t *testing.T) powershell.Import {
				return powershell.Import{
					Subscriptions: []scenario.Subscription{{SKU: " ", Units: 1}, {SKU: "MCOEV", Units: -1}, {SKU: "MCOEV", Units: 2}, {SKU: "mcoev", Units: 3}},
					Accounts: []scenario.Account{
						{ID: "a", Type: "ivr"},
						{ID: "b", Type: cq, UPN: "not a upn"},
						{ID: "c", Type: cq, PhoneNumber: "555-0100"},
						{ID: "d", Type: cq, UPN: "d@contoso.com"},
						{ID: "d", Type: cq, UPN: "d2@contoso.com"},
						{ID: "taken", Type: aa, UPN: "other@contoso.com", License: "gold"},
						{ID: "bad id!", Name: "Bad id", Type: aa, UPN: "bad@contoso.com", License: scenario.PhoneSystem, RoutesTo: []string{"x"}},
						{ID: "e", Type: cq, UPN: "D@CONTOSO.COM"},
					},
				}
			},
			want: &scenario.Document{
				Format:        scenario.Format,
				Subscriptions: []scenario.Subscription{{SKU: "MCOEV", Units: 2}},
				Accounts: []scenario.Account{
					{ID: "taken", Type: cq, UPN: "taken@contoso.com"},
					{ID: "d", Type: cq, UPN: "d@contoso.com"},
					{ID: "taken-2", Type: aa, UPN: "other@contoso.com"},
					{ID: "bad", Name: "Bad id", Type: aa, UPN: "bad@contoso.com", License: scenario.PhoneSystem},
				},
			},
			preview: `+ subscription MCOEV: 2 units
+ account d: call queue, d@contoso.com
+ account taken-2: auto attendant, other@contoso.com
+ account bad ("Bad id"): auto attendant, bad@contoso.com
- subscription  : SKU is empty; give the SKU's part number, such as "SPE_E5"
- subscription MCOEV: units -1 cannot be negative
- subscription mcoev: listed twice in the import; the first is used
- account a: its type "ivr" is neither auto-attendant nor call-queue
- account not a upn: UPN "not a upn" is not a valid UPN: it must look like name@contoso.com
- account c: phone number "555-0100" must be in international form: + and the country code, such as +1 or +44
- account d2@contoso.com: its id "d" is listed twice in the import
- account D@CONTOSO.COM: account d was already updated by an earlier imported account
`,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cur := c.current()
			before := cur.Clone()
			in := c.in(t)
			got, p := powershell.Merge(cur, in)
			if !reflect.DeepEqual(cur, before) {
				t.Error("Merge modified the current document")
			}
			if !reflect.DeepEqual(got, c.want) {
				gj, _ := scenario.EncodeIndent(got)
				wj, _ := scenario.EncodeIndent(c.want)
				t.Errorf("document\n got %s\nwant %s", gj, wj)
			}
			if s := p.String(); s != c.preview {
				t.Errorf("preview\n got:\n%s\nwant:\n%s", s, c.preview)
			}
			checkValid(t, got)
			if cur != nil && len(cur.Accounts) > 0 && len(got.Accounts) > 0 && &cur.Accounts[0] == &got.Accounts[0] {
				t.Error("the result shares accounts with the current document")
			}
			// Merging the same import again changes nothing.
			again, p2 := powershell.Merge(got, in)
			if !p2.Empty() || !reflect.DeepEqual(again, got) {
				t.Errorf("a second merge changes:\n%s", p2)
			}
			_ = licensing.Compute(got)
		})
	}
}

func TestMergeDoesNotShareImport(t *testing.T) {
	in := contosoImport(t)
	got, _ := powershell.Merge(nil, in)
	got.Accounts[0].Name = "changed"
	got.Subscriptions[0].Units = 1
	if in.Accounts[0].Name == "changed" || in.Subscriptions[0].Units == 1 {
		t.Error("the result shares memory with the import")
	}
}

func TestMergeRoutesOnlyForImportedVoiceApps(t *testing.T) {
	// Importing only the auto attendants replaces the routes of the auto
	// attendants' accounts and leaves the call queues' routes alone.
	cur := &scenario.Document{Accounts: []scenario.Account{
		{ID: "main", Type: aa, UPN: "ra-mainaa@contoso.com", RoutesTo: []string{"q"}},
		{ID: "q", Type: cq, UPN: "ra-salescq@contoso.com", RoutesTo: []string{"main"}},
	}}
	accts, objectIDs, _, err := powershell.ParseApplicationInstances(readFixture(t, "instances/array.json"))
	if err != nil {
		t.Fatal(err)
	}
	aas, _, _ := powershell.ParseAutoAttendants(readFixture(t, "autoattendants/array.json"))
	got, p := powershell.Merge(cur, powershell.Import{Accounts: accts, ObjectIDs: objectIDs, Flows: aas})
	if r := got.Accounts[0].RoutesTo; !reflect.DeepEqual(r, []string{"q", "ra-afterhours"}) {
		t.Errorf("main routes to %v", r)
	}
	if r := got.Accounts[1].RoutesTo; !reflect.DeepEqual(r, []string{"main"}) {
		t.Errorf("q routes to %v", r)
	}
	if len(p.Ignored) != 1 || !strings.Contains(p.Ignored[0].Reason, `transfers to auto attendant or call queue "9c000000-0000-4000-8000-0000000000c5", which is not among those read`) {
		t.Errorf("ignored: %v", p.Ignored)
	}
	checkValid(t, got)
}

func TestChangeString(t *testing.T) {
	cases := []struct {
		c    powershell.Change
		want string
	}{
		{powershell.Change{What: powershell.WhatSubscription, Key: "SPE_E5", Field: "units", Old: "1", New: "2"}, "subscription SPE_E5: units 1 → 2"},
		{powershell.Change{What: powershell.WhatAccount, Key: "a", Name: "A", Field: "phoneNumber", Old: "+1425", New: ""}, `account a ("A"): phoneNumber +1425 → (none)`},
		{powershell.Change{What: powershell.WhatRoute, Key: "[0].Operator", Reason: "why"}, "route [0].Operator: why"},
		{powershell.Change{What: powershell.WhatAccount, Key: "a", Name: "a", New: "call queue"}, "account a: call queue"},
	}
	for _, c := range cases {
		if got := c.c.String(); got != c.want {
			t.Errorf("%+v.String() = %q, want %q", c.c, got, c.want)
		}
	}
}
