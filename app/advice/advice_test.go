package advice

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/raplanner/raplanner/app/catalog"
	"github.com/raplanner/raplanner/app/examples"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

// ids returns the ids of the accounts at the given indexes.
func ids(d *scenario.Document, idx []int) []string {
	out := []string{}
	for _, i := range idx {
		out = append(out, d.Accounts[i].ID)
	}
	return out
}

func candidateIDs(d *scenario.Document, f Finding) []string {
	var idx []int
	for _, c := range f.Redesign.Candidates {
		idx = append(idx, c.Account)
	}
	return ids(d, idx)
}

// one returns the only finding of kind k, failing the test if there is not exactly one.
func one(t *testing.T, a *Advice, k Kind) Finding {
	t.Helper()
	fs := a.Of(k)
	if len(fs) != 1 {
		t.Fatalf("%d findings of kind %s, want 1: %v", len(fs), k, a.Findings)
	}
	return fs[0]
}

func none(t *testing.T, a *Advice, k Kind) {
	t.Helper()
	if fs := a.Of(k); len(fs) != 0 {
		t.Errorf("unexpected %s findings: %v", k, fs)
	}
}

func withEdition(d *scenario.Document, e scenario.Edition) *scenario.Document {
	d.Edition = e
	return d
}

// acc is a short constructor for test accounts.
func acc(id, number string, license scenario.License, routes ...string) scenario.Account {
	return scenario.Account{ID: id, Type: scenario.CallQueue, PhoneNumber: number, License: license, RoutesTo: routes}
}

func doc(e scenario.Edition, subs []scenario.Subscription, accounts ...scenario.Account) *scenario.Document {
	return &scenario.Document{Format: scenario.Format, Edition: e, Subscriptions: subs, Accounts: accounts}
}

func TestBuiltInExamples(t *testing.T) {
	// Contoso: 600 licenses with Phone System → 25 + 600/10 = 85 free.
	// 10 auto attendants (entry points) each route to 8 numbered queues.
	var contosoQueues []string
	for _, a := range examples.Contoso().Accounts {
		if strings.HasPrefix(a.ID, "cq-") {
			contosoQueues = append(contosoQueues, a.ID)
		}
	}
	if len(contosoQueues) != 80 {
		t.Fatalf("Contoso has %d queues, want 80", len(contosoQueues))
	}
	tests := []struct {
		name       string
		doc        *scenario.Document
		candidates []string
		excluded   []string
		effect     Effect
		all        Saving // saving if every candidate drops its number
		each       Saving // saving of each single candidate
		metrics    Metrics
	}{
		{
			// 2020: all 90 numbered need a license: 85 free + 5 paid. Without
			// the queue numbers only the 10 attendants need one: 10 free, 0 paid.
			name: "contoso 2020", doc: examples.Contoso(),
			candidates: contosoQueues, effect: EffectNoLicense,
			all:     Saving{PaidLicenses: 5, FreeLicenses: 85 - 10},
			each:    Saving{PaidLicenses: 1}, // 89 numbered: 85 free + 4 paid
			metrics: Metrics{RedesignSaving: 5, FreeToBuy: 85},
		},
		{
			// 2022: every RA is licensed, number or not: nothing saved.
			name: "contoso 2022", doc: withEdition(examples.Contoso(), scenario.ResourceAccount2022),
			candidates: contosoQueues, effect: EffectRemoveAccountToSave,
			metrics: Metrics{FreeToBuy: 85},
		},
		{
			// 2024: a queue without number, reached from its attendant, needs
			// no RA: 80 RAs and their licenses go; 10 remain, all free.
			name: "contoso 2024", doc: withEdition(examples.Contoso(), scenario.ResourceAccount2024),
			candidates: contosoQueues, effect: EffectNoAccount,
			all:     Saving{PaidLicenses: 5, FreeLicenses: 75, ResourceAccounts: 80},
			each:    Saving{PaidLicenses: 1, ResourceAccounts: 1},
			metrics: Metrics{RedesignSaving: 5, FreeToBuy: 85},
		},
		{
			// 50 MCOEV → 30 free; 3 numbered RAs (ra1, ra3, ra5) → nothing paid.
			name: "doc diagram 2020", doc: examples.DocDiagram(),
			candidates: []string{"ra3", "ra5"}, effect: EffectNoLicense,
			all:     Saving{FreeLicenses: 2},
			each:    Saving{FreeLicenses: 1},
			metrics: Metrics{FreeToBuy: 3},
		},
		{
			// Fabrikam: N = 120 E5 + 40 MCOEV = 160 → 41 free; reception,
			// sales and support have numbers → 3 free licenses, 3 owned.
			// The reception is routed to only by the after-hours menu it
			// routes to itself: it keeps its number.
			name: "default 2020", doc: examples.Default(),
			candidates: []string{"sales", "support"}, excluded: []string{"reception"}, effect: EffectNoLicense,
			all:     Saving{FreeLicenses: 2},
			each:    Saving{FreeLicenses: 1},
			metrics: Metrics{SwitchToFree: 1, LicensesToRelease: 1, FreeToBuy: 3 - 3, Orphans: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tt.doc.Clone()
			a := Advise(tt.doc, licensing.Compute(tt.doc))
			if !reflect.DeepEqual(tt.doc, before) {
				t.Fatal("Advise modified the document")
			}
			if a.Metrics != tt.metrics {
				t.Errorf("metrics %+v, want %+v", a.Metrics, tt.metrics)
			}
			f := one(t, a, KindRedesign)
			if got := candidateIDs(tt.doc, f); !slices.Equal(got, tt.candidates) {
				t.Errorf("candidates %v, want %v", got, tt.candidates)
			}
			if got := ids(tt.doc, f.Redesign.Excluded); !slices.Equal(got, append([]string{}, tt.excluded...)) {
				t.Errorf("excluded %v, want %v", got, tt.excluded)
			}
			if f.Redesign.Effect != tt.effect {
				t.Errorf("effect %s, want %s", f.Redesign.Effect, tt.effect)
			}
			if f.Saving != tt.all {
				t.Errorf("saving of all %+v, want %+v", f.Saving, tt.all)
			}
			if !f.Redesign.PerCandidate {
				t.Fatal("per-candidate savings skipped")
			}
			for _, c := range f.Redesign.Candidates {
				if c.Saving != tt.each {
					t.Errorf("saving of %s alone %+v, want %+v", tt.doc.Accounts[c.Account].ID, c.Saving, tt.each)
				}
			}
			if got := ids(tt.doc, f.Accounts); !slices.Equal(got, tt.candidates) {
				t.Errorf("finding accounts %v, want %v", got, tt.candidates)
			}
		})
	}
}

func TestDefaultExample(t *testing.T) {
	d := examples.Default()
	d.Price = &scenario.Price{Monthly: 8, Currency: "EUR"}
	a := Advise(d, licensing.Compute(d))

	sw := one(t, a, KindSwitchToFree)
	if got := ids(d, sw.Accounts); !slices.Equal(got, []string{"sales"}) {
		t.Errorf("switch-to-free %v, want [sales]", got)
	}
	wantSaving := Saving{PaidLicenses: 1, Monthly: 8, Priced: true, Currency: "EUR"}
	if sw.Saving != wantSaving {
		t.Errorf("switch-to-free saving %+v, want %+v", sw.Saving, wantSaving)
	}
	sales := slices.IndexFunc(d.Accounts, func(a scenario.Account) bool { return a.ID == "sales" })
	wantSteps := []Step{
		{Kind: StepOneActivity, Account: -1},
		{Kind: StepSwapLicense, Account: sales, RemoveSKU: "MCOEV", SKU: "PHONESYSTEM_VIRTUALUSER"},
		{Kind: StepIfBroken, Account: -1},
	}
	if !reflect.DeepEqual(sw.Steps, wantSteps) {
		t.Errorf("switch-to-free steps\n%v\nwant\n%v", sw.Steps, wantSteps)
	}

	rel := one(t, a, KindRelease)
	if got := ids(d, rel.Accounts); !slices.Equal(got, []string{"after-hours"}) {
		t.Errorf("release %v, want [after-hours]", got)
	}
	if rel.Saving.PaidLicenses != 0 || rel.Saving.FreeLicenses != 1 || rel.Saving.Monthly != 0 {
		t.Errorf("release saving %+v, want one free license and no money", rel.Saving)
	}
	if len(rel.Steps) != 1 || rel.Steps[0].Kind != StepRemoveLicense || rel.Steps[0].SKU != catalog.VirtualUserPartNumber {
		t.Errorf("release steps %v", rel.Steps)
	}

	orph := one(t, a, KindOrphan)
	if got := ids(d, orph.Accounts); !slices.Equal(got, []string{"helpdesk"}) {
		t.Errorf("orphans %v, want [helpdesk]", got)
	}
	// 3 free licenses assigned (reception, sales, support), 3 owned: nothing
	// to buy and every numbered account holds a license already.
	none(t, a, KindBuy)
	none(t, a, KindNumberWithoutLicense)
	none(t, a, KindUnknownRoute)
	none(t, a, KindLoopWithoutEntry)
	none(t, a, KindSwitchToPaid)

	wantList := []Metric{
		{"switch-to-free", 1}, {"licenses-to-release", 1}, {"redesign-saving", 0}, {"free-to-buy", 0}, {"orphans", 1},
	}
	if got := a.Metrics.List(); !reflect.DeepEqual(got, wantList) {
		t.Errorf("metrics list %v, want %v", got, wantList)
	}
}

func TestSwitchPerEdition(t *testing.T) {
	ps := scenario.PhoneSystem
	holders := []scenario.Account{acc("a", "+14255550100", ps), acc("b", "+14255550101", ps)}
	tests := []struct {
		name          string
		edition       scenario.Edition
		subs          []scenario.Subscription
		toFree        []string
		toPaid        []string
		paid, covered int64 // Buy.Paid and Buy.PaidCovered
	}{
		// 10 E5 → 25 free: both Phone System holders switch to free in every edition.
		{"2020 free left", scenario.VirtualUser2020, []scenario.Subscription{{SKU: "SPE_E5", Units: 10}}, []string{"a", "b"}, nil, 0, 0},
		{"2022 free left", scenario.ResourceAccount2022, []scenario.Subscription{{SKU: "SPE_E5", Units: 10}}, []string{"a", "b"}, nil, 0, 0},
		{"2024 free left", scenario.ResourceAccount2024, []scenario.Subscription{{SKU: "SPE_E5", Units: 10}}, []string{"a", "b"}, nil, 0, 0},
		// No qualifying license → no free license. 2020 allows Phone System
		// on an RA: the licenses held cover the plan, nothing to buy (and no
		// buy finding). Later rules never do.
		{"2020 none free", scenario.VirtualUser2020, nil, nil, nil, 0, 0},
		{"2022 none free", scenario.ResourceAccount2022, nil, nil, []string{"a", "b"}, 2, 0},
		{"2024 none free", scenario.ResourceAccount2024, nil, nil, []string{"a", "b"}, 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc(tt.edition, tt.subs, holders...)
			a := Advise(d, nil)
			check := func(k Kind, want []string, wantSKU string, paid bool) {
				fs := a.Of(k)
				if len(want) == 0 {
					if len(fs) != 0 {
						t.Errorf("unexpected %s: %v", k, fs)
					}
					return
				}
				if len(fs) != 1 || !slices.Equal(ids(d, fs[0].Accounts), want) {
					t.Fatalf("%s findings %v, want accounts %v", k, fs, want)
				}
				steps := fs[0].Steps
				if steps[0].Kind != StepOneActivity || steps[len(steps)-1].Kind != StepIfBroken {
					t.Errorf("%s steps do not stress the single license activity: %v", k, steps)
				}
				for _, s := range steps[1 : len(steps)-1] {
					if s.Kind != StepSwapLicense || s.RemoveSKU != catalog.PhoneSystemPartNumber || s.SKU != wantSKU || s.Paid != paid {
						t.Errorf("%s step %v", k, s)
					}
				}
			}
			check(KindSwitchToFree, tt.toFree, catalog.VirtualUserPartNumber, false)
			check(KindSwitchToPaid, tt.toPaid, catalog.VirtualUserPartNumber, true)
			if a.Metrics.SwitchToFree != int64(len(tt.toFree)) {
				t.Errorf("switch-to-free metric %d, want %d", a.Metrics.SwitchToFree, len(tt.toFree))
			}
			var b Buy
			if fs := a.Of(KindBuy); len(fs) == 1 {
				b = *fs[0].Buy
			}
			if b.Paid != tt.paid || b.PaidCovered != tt.covered {
				t.Errorf("buy %+v, want paid %d covered %d", b, tt.paid, tt.covered)
			}
		})
	}
}

func TestRedesign2024RemovesResourceAccounts(t *testing.T) {
	vu := scenario.VirtualUser
	d := doc(scenario.ResourceAccount2024, []scenario.Subscription{{SKU: "MCOEV", Units: 5}},
		acc("main", "+14255550100", vu, "q1", "q2"),
		acc("q1", "+14255550101", vu),
		acc("q2", "+14255550102", scenario.NoLicense, "q3"),
		acc("q3", "", scenario.NoLicense),
	)
	// Today: main, q1 and q2 answer calls directly (numbers): 3 RAs; q3 is
	// nested only: no RA. Without the numbers of q1 and q2 only main keeps one.
	a := Advise(d, licensing.Compute(d))
	f := one(t, a, KindRedesign)
	if got := candidateIDs(d, f); !slices.Equal(got, []string{"q1", "q2"}) {
		t.Fatalf("candidates %v", got)
	}
	if f.Saving.ResourceAccounts != 2 || f.Saving.FreeLicenses != 2 || f.Saving.PaidLicenses != 0 {
		t.Errorf("saving %+v, want 2 RAs and 2 free licenses", f.Saving)
	}
	after := licensing.Compute(WhatIf(d, []string{"q1", "q2"}))
	if after.Totals.NeedingResourceAccount != 1 {
		t.Errorf("engine on the what-if: %d RAs, want 1", after.Totals.NeedingResourceAccount)
	}
	want := []Step{
		{Kind: StepDropNumber, Account: 1, Value: "+14255550101"},
		{Kind: StepRemoveLicense, Account: 1, SKU: catalog.VirtualUserPartNumber},
		{Kind: StepRemoveResourceAccount, Account: 1},
		{Kind: StepDropNumber, Account: 2, Value: "+14255550102"},
		{Kind: StepRemoveResourceAccount, Account: 2},
	}
	if !reflect.DeepEqual(f.Steps, want) {
		t.Errorf("steps\n%v\nwant\n%v", f.Steps, want)
	}
}

func TestRedesignKeepsAWayIn(t *testing.T) {
	n := func(i int) string { return fmt.Sprintf("+1425555%04d", i) }
	tests := []struct {
		name       string
		accounts   []scenario.Account
		candidates []string
		excluded   []string
	}{
		{"two numbered accounts routing to each other", []scenario.Account{acc("a", n(1), "", "b"), acc("b", n(2), "", "a")},
			[]string{"b"}, []string{"a"}},
		{"loop entered from a numbered entry", []scenario.Account{acc("e", n(0), "", "a"), acc("a", n(1), "", "b"), acc("b", n(2), "", "a")},
			[]string{"a", "b"}, nil},
		{"numbered queue behind an internal entry", []scenario.Account{acc("internal", "", "", "q"), acc("q", n(1), "")},
			nil, []string{"q"}},
		{"self-loop does not count", []scenario.Account{acc("a", n(1), "", "a")}, nil, nil},
		{"chain", []scenario.Account{acc("a", n(1), "", "b"), acc("b", n(2), "", "c"), acc("c", n(3), "")},
			[]string{"b", "c"}, nil},
		{"nothing numbered routed to", []scenario.Account{acc("a", n(1), ""), acc("b", "", "", "a")}, nil, []string{"a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc(scenario.VirtualUser2020, nil, tt.accounts...)
			a := Advise(d, nil)
			fs := a.Of(KindRedesign)
			if len(tt.candidates) == 0 {
				if len(fs) != 0 {
					t.Errorf("unexpected redesign %v", fs)
				}
				return
			}
			if len(fs) != 1 {
				t.Fatalf("no redesign finding")
			}
			if got := candidateIDs(d, fs[0]); !slices.Equal(got, tt.candidates) {
				t.Errorf("candidates %v, want %v", got, tt.candidates)
			}
			if got := ids(d, fs[0].Redesign.Excluded); !slices.Equal(got, append([]string{}, tt.excluded...)) {
				t.Errorf("excluded %v, want %v", got, tt.excluded)
			}
		})
	}
}

func TestRedesignSkipsPerCandidateAboveBound(t *testing.T) {
	// A chain of 600 numbered queues behind one numbered attendant, with 25
	// free licenses (5 E5: 25 + 5/10): 575 paid today; without the 599 queue
	// numbers one license, free: all 575 paid licenses saved.
	const n = 600
	d := doc(scenario.VirtualUser2020, []scenario.Subscription{{SKU: "SPE_E5", Units: 5}})
	for i := 0; i < n; i++ {
		a := acc(fmt.Sprint("q", i), fmt.Sprintf("+1425555%04d", i), "")
		if i+1 < n {
			a.RoutesTo = []string{fmt.Sprint("q", i+1)}
		}
		d.Accounts = append(d.Accounts, a)
	}
	d.Price = &scenario.Price{Monthly: 10}
	a := Advise(d, nil)
	f := one(t, a, KindRedesign)
	if len(f.Redesign.Candidates) != n-1 || f.Redesign.PerCandidate {
		t.Fatalf("%d candidates, per candidate %v; want %d, false", len(f.Redesign.Candidates), f.Redesign.PerCandidate, n-1)
	}
	if f.Saving.PaidLicenses != n-25 || f.Saving.Monthly != 10*(n-25) || a.Metrics.RedesignSaving != n-25 {
		t.Errorf("saving %+v metric %d, want %d paid", f.Saving, a.Metrics.RedesignSaving, n-25)
	}
	for _, c := range f.Redesign.Candidates {
		if c.Saving != (Saving{}) {
			t.Fatalf("candidate %d has a saving although per-candidate figures were skipped", c.Account)
		}
	}
}

func TestLoops(t *testing.T) {
	n1 := "+14255550100"
	tests := []struct {
		name     string
		accounts []scenario.Account
		loops    [][]string // members of each loop finding
		related  [][]string
		orphans  []string
	}{
		{"A↔B alone", []scenario.Account{acc("A", "", "", "B"), acc("B", "", "", "A")},
			[][]string{{"A", "B"}}, [][]string{{}}, nil},
		{"A↔B entered from numbered C", []scenario.Account{acc("A", "", "", "B"), acc("B", "", "", "A"), acc("C", n1, "", "A")},
			nil, nil, nil},
		{"A↔B entered from an unnumbered entry (reported as orphan)", []scenario.Account{acc("E", "", "", "A"), acc("A", "", "", "B"), acc("B", "", "", "A")},
			nil, nil, []string{"E"}},
		{"self-loop only", []scenario.Account{acc("S", "", "", "S")},
			nil, nil, []string{"S"}},
		{"loop with a tail", []scenario.Account{acc("D", "", "", "E"), acc("A", "", "", "B"), acc("B", "", "", "A", "D"), acc("E", "", "")},
			[][]string{{"A", "B"}}, [][]string{{"D", "E"}}, nil},
		{"two loops, a shared tail goes to the first", []scenario.Account{
			acc("x1", "", "", "x2"), acc("x2", "", "", "x1", "t"),
			acc("y1", "", "", "y2"), acc("y2", "", "", "y1", "t"),
			acc("t", "", ""),
		}, [][]string{{"x1", "x2"}, {"y1", "y2"}}, [][]string{{"t"}, {}}, nil},
		{"triangle and a numbered member", []scenario.Account{acc("a", "", "", "b"), acc("b", "", "", "c"), acc("c", n1, "", "a")},
			nil, nil, nil},
		{"nested loops form one component", []scenario.Account{acc("a", "", "", "b"), acc("b", "", "", "a", "c"), acc("c", "", "", "b", "c")},
			[][]string{{"a", "b", "c"}}, [][]string{{}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc(scenario.VirtualUser2020, nil, tt.accounts...)
			a := Advise(d, nil)
			fs := a.Of(KindLoopWithoutEntry)
			if len(fs) != len(tt.loops) {
				t.Fatalf("loops %v, want %v", fs, tt.loops)
			}
			for i, f := range fs {
				if got := ids(d, f.Accounts); !slices.Equal(got, tt.loops[i]) {
					t.Errorf("loop %d: %v, want %v", i, got, tt.loops[i])
				}
				if got := ids(d, f.Related); !slices.Equal(got, tt.related[i]) {
					t.Errorf("loop %d related: %v, want %v", i, got, tt.related[i])
				}
				if len(f.Steps) != 1 || f.Steps[0].Kind != StepAddEntry {
					t.Errorf("loop steps %v", f.Steps)
				}
			}
			var orphans []string
			if fs := a.Of(KindOrphan); len(fs) == 1 {
				orphans = ids(d, fs[0].Accounts)
			}
			if !slices.Equal(orphans, tt.orphans) || a.Metrics.Orphans != int64(len(tt.orphans)) {
				t.Errorf("orphans %v (metric %d), want %v", orphans, a.Metrics.Orphans, tt.orphans)
			}
		})
	}
}

func TestUnknownRoutesAndNumbersWithoutLicense(t *testing.T) {
	d := doc(scenario.VirtualUser2020, []scenario.Subscription{{SKU: "SPE_E5", Units: 10}},
		acc("main", "+14255550100", "", "ghost", "q", "ghost", "phantom"),
		acc("q", "+14255550101", scenario.VirtualUser, "nowhere"),
		acc("r", "+14255550102", scenario.NoLicense),
	)
	a := Advise(d, nil)
	u := one(t, a, KindUnknownRoute)
	if got := ids(d, u.Accounts); !slices.Equal(got, []string{"main", "q"}) {
		t.Errorf("unknown-route accounts %v", got)
	}
	want := []Step{
		{Kind: StepFixRoute, Account: 0, Value: "ghost"},
		{Kind: StepFixRoute, Account: 0, Value: "phantom"},
		{Kind: StepFixRoute, Account: 1, Value: "nowhere"},
	}
	if !reflect.DeepEqual(u.Steps, want) {
		t.Errorf("unknown-route steps %v, want %v", u.Steps, want)
	}
	nl := one(t, a, KindNumberWithoutLicense)
	if got := ids(d, nl.Accounts); !slices.Equal(got, []string{"main", "r"}) {
		t.Errorf("numbers without license %v, want [main r]", got)
	}
	for _, s := range nl.Steps {
		if s.Kind != StepAssignLicense || s.SKU != catalog.VirtualUserPartNumber || s.Paid {
			t.Errorf("step %v", s)
		}
	}
}

func TestBuy(t *testing.T) {
	n := func(i int) string { return fmt.Sprintf("+1425555%04d", i) }
	tests := []struct {
		name    string
		doc     *scenario.Document
		want    *Buy // nil: no buy finding
		nav     bool // the admin-center path is listed
		assigns int
	}{
		{"Contoso 2020", examples.Contoso(), &Buy{
			FreeAssigned: 85, Free: 85, FreeSKU: "PHONESYSTEM_VIRTUALUSER",
			PaidNeeded: 5, Paid: 5, PaidSKU: "MCOEV",
		}, true, 90},
		{"Contoso 2024 with 80 GCC units", func() *scenario.Document {
			d := withEdition(examples.Contoso(), scenario.ResourceAccount2024)
			d.Subscriptions = append(d.Subscriptions, scenario.Subscription{SKU: "PHONESYSTEM_VIRTUALUSER_GOV", Units: 80})
			return d
		}(), &Buy{
			FreeAssigned: 85, FreeOwned: 80, Free: 5, FreeSKU: "PHONESYSTEM_VIRTUALUSER_GOV",
			PaidNeeded: 5, Paid: 5, PaidSKU: "PHONESYSTEM_VIRTUALUSER_GOV",
		}, true, 90},
		{"2022 owning more than the free ones covers paid", doc(scenario.ResourceAccount2022,
			[]scenario.Subscription{{SKU: "PHONESYSTEM_VIRTUALUSER", Units: 27}},
			acc("a", n(1), scenario.VirtualUser), acc("b", n(2), scenario.VirtualUser)),
			// not eligible: 0 free, 2 paid, covered by 27 owned
			nil, false, 0},
		{"2020 Phone System held covers one paid", doc(scenario.VirtualUser2020, nil,
			acc("a", n(1), scenario.PhoneSystem), acc("b", n(2), "")),
			&Buy{FreeSKU: "PHONESYSTEM_VIRTUALUSER", PaidNeeded: 2, PaidCovered: 1, Paid: 1, PaidSKU: "MCOEV"}, true, 1},
		{"everything held", doc(scenario.VirtualUser2020,
			[]scenario.Subscription{{SKU: "MCOEV", Units: 1}, {SKU: "PHONESYSTEM_VIRTUALUSER", Units: 1}},
			acc("a", n(1), scenario.VirtualUser)), nil, false, 0},
		{"owned but not assigned", doc(scenario.VirtualUser2020,
			[]scenario.Subscription{{SKU: "MCOEV", Units: 1}, {SKU: "PHONESYSTEM_VIRTUALUSER", Units: 1}},
			acc("a", n(1), "")), &Buy{FreeAssigned: 1, FreeOwned: 1, FreeSKU: "PHONESYSTEM_VIRTUALUSER", PaidSKU: "MCOEV"}, false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Advise(tt.doc, nil)
			fs := a.Of(KindBuy)
			if tt.want == nil {
				if len(fs) != 0 {
					t.Errorf("unexpected buy %+v", *fs[0].Buy)
				}
				return
			}
			if len(fs) != 1 {
				t.Fatal("no buy finding")
			}
			f := fs[0]
			if *f.Buy != *tt.want {
				t.Errorf("buy %+v, want %+v", *f.Buy, *tt.want)
			}
			if a.Metrics.FreeToBuy != tt.want.Free {
				t.Errorf("free-to-buy %d, want %d", a.Metrics.FreeToBuy, tt.want.Free)
			}
			var kinds []StepKind
			assigns := 0
			for _, s := range f.Steps {
				if s.Kind == StepAssignLicense {
					assigns++
				} else {
					kinds = append(kinds, s.Kind)
				}
			}
			if assigns != tt.assigns || len(f.Accounts) != tt.assigns {
				t.Errorf("%d assign steps for %d accounts, want %d", assigns, len(f.Accounts), tt.assigns)
			}
			if tt.nav {
				path := []StepKind{StepBilling, StepPurchaseServices, StepAddOns, StepSelectProduct, StepBuy}
				if !slices.Equal(kinds[:5], path) {
					t.Errorf("path %v, want %v", kinds, path)
				}
			} else if len(kinds) != 0 {
				t.Errorf("path %v with nothing to buy", kinds)
			}
			var bought, paid int64
			for _, s := range f.Steps {
				if s.Kind == StepBuy {
					if s.Paid {
						paid += s.Quantity
					} else {
						bought += s.Quantity
					}
				}
			}
			if bought != tt.want.Free || paid != tt.want.Paid {
				t.Errorf("buy steps: %d free + %d paid, want %d + %d", bought, paid, tt.want.Free, tt.want.Paid)
			}
		})
	}
}

func TestReleaseWithPrice(t *testing.T) {
	// 2020: nested queues without numbers need no license; one holds Phone
	// System (paid), one Virtual User.
	d := doc(scenario.VirtualUser2020, []scenario.Subscription{{SKU: "MCOEV", Units: 1}},
		acc("main", "+14255550100", scenario.VirtualUser, "p", "v", "n"),
		acc("p", "", scenario.PhoneSystem),
		acc("v", "", scenario.VirtualUser),
		acc("n", "", ""),
	)
	d.Price = &scenario.Price{Monthly: 7.5, Currency: "USD"}
	a := Advise(d, nil)
	f := one(t, a, KindRelease)
	if got := ids(d, f.Accounts); !slices.Equal(got, []string{"p", "v"}) {
		t.Errorf("release %v", got)
	}
	want := Saving{PaidLicenses: 1, FreeLicenses: 1, Monthly: 7.5, Priced: true, Currency: "USD"}
	if f.Saving != want || a.Metrics.LicensesToRelease != 2 {
		t.Errorf("saving %+v metric %d, want %+v and 2", f.Saving, a.Metrics.LicensesToRelease, want)
	}
	// 2024: the same nested queues need no resource account at all.
	d.Edition = scenario.ResourceAccount2024
	f = one(t, Advise(d, nil), KindRelease)
	if f.Saving.ResourceAccounts != 2 {
		t.Errorf("2024 release saves %d RAs, want 2", f.Saving.ResourceAccounts)
	}
	var removed []int
	for _, s := range f.Steps {
		if s.Kind == StepRemoveResourceAccount {
			removed = append(removed, s.Account)
		}
	}
	if !slices.Equal(removed, []int{1, 2}) {
		t.Errorf("RAs to remove %v, want [1 2]", removed)
	}
}

func TestWhatIf(t *testing.T) {
	d := examples.DocDiagram()
	before := d.Clone()
	c := WhatIf(d, []string{"ra3", "nobody"})
	if !reflect.DeepEqual(d, before) {
		t.Fatal("WhatIf modified its input")
	}
	for i, a := range c.Accounts {
		want := before.Accounts[i].PhoneNumber
		if a.ID == "ra3" {
			want = ""
		}
		if a.PhoneNumber != want {
			t.Errorf("%s number %q, want %q", a.ID, a.PhoneNumber, want)
		}
	}
	c.Accounts[0].RoutesTo[0] = "changed"
	if d.Accounts[0].RoutesTo[0] == "changed" {
		t.Error("WhatIf shares memory with its input")
	}
	if r := licensing.Compute(c); r.Totals.NeedingLicense != 2 {
		t.Errorf("without ra3's number %d licenses, want 2", r.Totals.NeedingLicense)
	}
	if WhatIf(nil, []string{"x"}) != nil {
		t.Error("WhatIf(nil) is not nil")
	}
}

func TestAdviseEdgeCases(t *testing.T) {
	tests := []struct {
		name string
		d    *scenario.Document
		r    *licensing.Result
	}{
		{"nil document", nil, nil},
		{"empty document", &scenario.Document{}, nil},
		{"stale plan", examples.Contoso(), licensing.Compute(examples.DocDiagram())},
		{"duplicate ids", doc("", nil, acc("a", "+1", "", "a", "b"), acc("a", "", ""), acc("b", "+2", "")), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Advise(tt.d, tt.r)
			if a == nil || a.Edition == "" {
				t.Fatalf("advice %+v", a)
			}
		})
	}
}

func TestKindsAndStepKinds(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range Kinds {
		if seen[string(k)] || k == "" {
			t.Errorf("kind %q repeated or empty", k)
		}
		seen[string(k)] = true
		if k.Health() != strings.HasPrefix(string(k), "health-") {
			t.Errorf("%s.Health() = %v", k, k.Health())
		}
	}
	for _, k := range StepKinds {
		if seen["step:"+string(k)] || k == "" {
			t.Errorf("step kind %q repeated or empty", k)
		}
		seen["step:"+string(k)] = true
	}
	s := Step{Kind: StepSwapLicense, Account: 2, RemoveSKU: "MCOEV", SKU: "PHONESYSTEM_VIRTUALUSER", Paid: true}
	if got := s.String(); got != "swap-license account=2 remove=MCOEV sku=PHONESYSTEM_VIRTUALUSER paid" {
		t.Errorf("String() = %q", got)
	}
}

func TestLongChains(t *testing.T) {
	const n = 100_000
	// An unnumbered ring of n accounts: one loop without entry, no recursion.
	ring := doc(scenario.VirtualUser2020, nil)
	// A numbered chain of n accounts: n−1 redesign candidates.
	chain := doc(scenario.VirtualUser2020, []scenario.Subscription{{SKU: "SPE_E5", Units: 5}})
	for i := 0; i < n; i++ {
		id, next := fmt.Sprint("a", i), fmt.Sprint("a", (i+1)%n)
		ring.Accounts = append(ring.Accounts, acc(id, "", "", next))
		c := acc(id, fmt.Sprintf("+1%010d", i), "")
		if i+1 < n {
			c.RoutesTo = []string{next}
		}
		chain.Accounts = append(chain.Accounts, c)
	}
	a := Advise(ring, nil)
	f := one(t, a, KindLoopWithoutEntry)
	if len(f.Accounts) != n || a.Metrics.Orphans != 0 {
		t.Errorf("ring: loop of %d, %d orphans", len(f.Accounts), a.Metrics.Orphans)
	}
	a = Advise(chain, nil)
	f = one(t, a, KindRedesign)
	if len(f.Redesign.Candidates) != n-1 || f.Redesign.PerCandidate {
		t.Errorf("chain: %d candidates, per candidate %v", len(f.Redesign.Candidates), f.Redesign.PerCandidate)
	}
	// 25 free licenses: n−25 paid today, none once only the head keeps its number.
	if a.Metrics.RedesignSaving != n-25 {
		t.Errorf("chain: redesign saving %d, want %d", a.Metrics.RedesignSaving, n-25)
	}
}
