package licensing

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/raplanner/raplanner/app/catalog"
	"github.com/raplanner/raplanner/app/examples"
	"github.com/raplanner/raplanner/app/scenario"
)

func TestAllotment(t *testing.T) {
	tests := []struct {
		n, allotment, toNext int64
	}{
		{0, 0, 1},
		{1, 25, 9},
		{9, 25, 1},
		{10, 26, 10},
		{11, 26, 9},
		{19, 26, 1},
		{20, 27, 10},
		{600, 85, 10},
		{612, 86, 8},
		{10_000_000, 1_000_025, 10},
	}
	for _, tt := range tests {
		if got := Allotment(tt.n); got != tt.allotment {
			t.Errorf("Allotment(%d) = %d, want %d", tt.n, got, tt.allotment)
		}
		if got := ToNextFree(tt.n); got != tt.toNext {
			t.Errorf("ToNextFree(%d) = %d, want %d", tt.n, got, tt.toNext)
		}
		// ToNextFree more licenses must indeed bring one more free license.
		if Allotment(tt.n+tt.toNext) != Allotment(tt.n)+boolInt(tt.n >= 1)+25*boolInt(tt.n < 1) {
			t.Errorf("adding %d to %d does not bring exactly one more free license step", tt.toNext, tt.n)
		}
	}
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func TestQualifyingLicenses(t *testing.T) {
	subs := []scenario.Subscription{
		{SKU: "SPE_E5", Units: 100},
		{SKU: "ENTERPRISEPREMIUM", Units: 10},
		{SKU: "MCOEV", Units: 50},
		{SKU: "MCOTEAMS_ESSENTIALS", Units: 5},
		{SKU: "MCOCAP", Units: 100},
		{SKU: "Microsoft_Teams_Rooms_Pro", Units: 30},
		{SKU: "SPE_E3", Units: 400},
		{SKU: "PHONESYSTEM_VIRTUALUSER", Units: 25},
		{SKU: "CONTOSO_SPECIAL", Units: 1000},
		{SKU: "spe_e5", Units: 1},
	}
	tests := []struct {
		edition scenario.Edition
		want    int64
	}{
		// E5s, Teams Phone Standard and Teams Phone with Calling Plan; not
		// Shared Devices, Rooms, E3, the Virtual User SKU or unknown SKUs.
		{scenario.VirtualUser2020, 166},
		// 2022 on: Teams Shared Devices count too.
		{scenario.ResourceAccount2022, 266},
		{scenario.ResourceAccount2024, 266},
	}
	for _, tt := range tests {
		r := Compute(&scenario.Document{Edition: tt.edition, Subscriptions: subs})
		if r.Qualifying != tt.want {
			t.Errorf("%s: qualifying = %d, want %d", tt.edition, r.Qualifying, tt.want)
		}
		unknown := 0
		for _, w := range r.Warnings {
			if w.Kind == WarnUnknownSKU {
				unknown++
				if w.Value != "CONTOSO_SPECIAL" || w.Subscription != 8 {
					t.Errorf("%s: unknown SKU warning %+v", tt.edition, w)
				}
			}
		}
		if unknown != 1 {
			t.Errorf("%s: %d unknown SKU warnings, want 1", tt.edition, unknown)
		}
		if r.SKUs[8].Counted || !r.SKUs[0].Counted || r.SKUs[7].Counted {
			t.Errorf("%s: wrong rows counted: %+v", tt.edition, r.SKUs)
		}
	}
}

func TestNotEligible(t *testing.T) {
	d := &scenario.Document{
		Subscriptions: []scenario.Subscription{{SKU: "SPE_E3", Units: 500}},
		Accounts:      []scenario.Account{{ID: "a", Type: scenario.AutoAttendant, PhoneNumber: "+14255550100"}},
	}
	r := Compute(d)
	if r.Eligible || r.Allotment != 0 || r.Totals.PaidNeeded != 1 || r.Totals.FreeAssigned != 0 {
		t.Fatalf("tenant without Phone System: %+v", r.Totals)
	}
	if len(r.Warnings) != 1 || r.Warnings[0].Kind != WarnNotEligible {
		t.Errorf("warnings = %+v, want one not-eligible", r.Warnings)
	}
}

func TestDocumentationExamples(t *testing.T) {
	tests := []struct {
		name    string
		doc     *scenario.Document
		edition scenario.Edition
		want    Totals
		plans   string // planned license per account, one letter each: F free, P paid, N none, X no account
	}{
		{"contoso 2020", examples.Contoso(), scenario.VirtualUser2020,
			Totals{Accounts: 90, NeedingResourceAccount: 90, NeedingLicense: 90, FreeAssigned: 85, PaidNeeded: 5, FreeUnused: 0}, ""},
		{"diagram 2020", examples.DocDiagram(), scenario.VirtualUser2020,
			Totals{Accounts: 5, NeedingResourceAccount: 5, NeedingLicense: 3, FreeAssigned: 3, PaidNeeded: 0, FreeUnused: 27}, "FNFNF"},
		{"diagram 2022", examples.DocDiagram(), scenario.ResourceAccount2022,
			Totals{Accounts: 5, NeedingResourceAccount: 5, NeedingLicense: 5, FreeAssigned: 5, PaidNeeded: 0, FreeUnused: 25}, "FFFFF"},
		{"diagram 2024", examples.DocDiagram(), scenario.ResourceAccount2024,
			Totals{Accounts: 5, NeedingResourceAccount: 3, NeedingLicense: 3, FreeAssigned: 3, PaidNeeded: 0, FreeUnused: 27}, "FXFXF"},
	}
	for _, tt := range tests {
		r := ComputeEdition(tt.doc, tt.edition)
		if r.Totals != tt.want {
			t.Errorf("%s: totals\n got %+v\nwant %+v", tt.name, r.Totals, tt.want)
		}
		if tt.plans != "" {
			if got := planLetters(r); got != tt.plans {
				t.Errorf("%s: plans %s, want %s", tt.name, got, tt.plans)
			}
		}
	}
	// The newest official example: 500 Teams Phone + 100 Teams Shared Devices
	// give 85 free; 90 accounts need 5 extra Resource Account licenses.
	d := examples.Contoso()
	d.Subscriptions = []scenario.Subscription{{SKU: "MCOEV", Units: 500}, {SKU: "MCOCAP", Units: 100}}
	r := ComputeEdition(d, scenario.ResourceAccount2024)
	if r.Allotment != 85 || r.Totals.PaidNeeded != 5 {
		t.Errorf("2024 official example: allotment %d, paid %d; want 85, 5", r.Allotment, r.Totals.PaidNeeded)
	}
}

func planLetters(r *Result) string {
	b := make([]byte, len(r.Accounts))
	for i, p := range r.Accounts {
		b[i] = map[Plan]byte{PlanFree: 'F', PlanPaid: 'P', PlanNone: 'N', PlanNoAccount: 'X'}[p.Planned]
	}
	return string(b)
}

// acct builds an account: number "" or a number; routes as ids.
func acct(id string, number string, lic scenario.License, routes ...string) scenario.Account {
	return scenario.Account{ID: id, Type: scenario.CallQueue, PhoneNumber: number, License: lic, RoutesTo: routes}
}

const num = "+14255550100"

func TestRulesPerEdition(t *testing.T) {
	// One graph exercising every case: an entry with a number, a nested
	// account with a number, a nested one without, an entry without a
	// number (internal-only), a self-loop, a menu that returns to the main
	// menu, and a route to an unknown id.
	accounts := []scenario.Account{
		acct("main", num, "", "nested", "queue", "missing", "nested"),
		acct("queue", num, ""),
		acct("nested", "", "", "main"),
		acct("internal", "", ""),
		acct("self", "", "", "self"),
	}
	tests := []struct {
		edition scenario.Edition
		plans   string
		reasons []Reason
		ra      int
	}{
		{scenario.VirtualUser2020, "FFNNN",
			[]Reason{ReasonPhoneNumber, ReasonPhoneNumber, ReasonNestedNoNumber, ReasonNoNumber, ReasonNoNumber}, 5},
		{scenario.ResourceAccount2022, "FFFFF",
			[]Reason{ReasonPhoneNumber, ReasonPhoneNumber, ReasonEveryAccount, ReasonEveryAccount, ReasonEveryAccount}, 5},
		{scenario.ResourceAccount2024, "FFXFF",
			[]Reason{ReasonPhoneNumber, ReasonPhoneNumber, ReasonNestedNoNumber, ReasonEntryPoint, ReasonEntryPoint}, 4},
	}
	for _, tt := range tests {
		d := &scenario.Document{Edition: tt.edition, Subscriptions: []scenario.Subscription{{SKU: "MCOEV", Units: 1}}, Accounts: accounts}
		r := Compute(d)
		if got := planLetters(r); got != tt.plans {
			t.Errorf("%s: plans %s, want %s", tt.edition, got, tt.plans)
		}
		for i, p := range r.Accounts {
			if p.Reason != tt.reasons[i] {
				t.Errorf("%s: %s reason %s, want %s", tt.edition, accounts[i].ID, p.Reason, tt.reasons[i])
			}
		}
		if r.Totals.NeedingResourceAccount != tt.ra {
			t.Errorf("%s: %d need a resource account, want %d", tt.edition, r.Totals.NeedingResourceAccount, tt.ra)
		}
		// "main" routes to "nested" twice and "nested" routes back: each
		// account counts once, and the self-loop counts for nothing.
		if r.Accounts[2].RoutedFrom != 1 || r.Accounts[0].RoutedFrom != 1 || r.Accounts[4].RoutedFrom != 0 {
			t.Errorf("%s: routed-from counts %d %d %d", tt.edition, r.Accounts[0].RoutedFrom, r.Accounts[2].RoutedFrom, r.Accounts[4].RoutedFrom)
		}
		var unknown []Warning
		for _, w := range r.Warnings {
			if w.Kind == WarnUnknownRoute {
				unknown = append(unknown, w)
			}
		}
		if len(unknown) != 1 || unknown[0].Account != 0 || unknown[0].Value != "missing" {
			t.Errorf("%s: unknown-route warnings %+v", tt.edition, unknown)
		}
	}
}

func TestAssignmentOrder(t *testing.T) {
	// Free licenses go first to accounts holding one today, then to those
	// holding none, then to paid Phone System holders; document order
	// within each group.
	accounts := []scenario.Account{
		acct("ps1", num, scenario.PhoneSystem),
		acct("none1", num, scenario.NoLicense),
		acct("vu1", num, scenario.VirtualUser),
		acct("none2", num, ""),
		acct("vu2", num, scenario.VirtualUser),
		acct("ps2", num, scenario.PhoneSystem),
	}
	tests := []struct {
		allotment int64 // via N = 0 or N units of MCOEV giving 25 + N/10
		freeSlots int
		plans     string
	}{
		{0, 0, "PPPPPP"},
		{25, 6, "FFFFFF"},
	}
	for _, tt := range tests {
		subs := []scenario.Subscription{}
		if tt.allotment > 0 {
			subs = append(subs, scenario.Subscription{SKU: "MCOEV", Units: 1})
		}
		r := Compute(&scenario.Document{Subscriptions: subs, Accounts: accounts})
		if got := planLetters(r); got != tt.plans {
			t.Errorf("allotment %d: plans %s, want %s", tt.allotment, got, tt.plans)
		}
	}
	// With exactly k free licenses the k first in priority order get them.
	order := []string{"vu1", "vu2", "none1", "none2", "ps1", "ps2"}
	for k := 0; k <= len(order); k++ {
		r := &Result{Allotment: int64(k)}
		d := &scenario.Document{Accounts: accounts}
		r.Edition = scenario.VirtualUser2020
		r.planAccounts(d)
		r.assign()
		free := map[string]bool{}
		for _, p := range r.Accounts {
			if p.Planned == PlanFree {
				free[d.Accounts[p.Index].ID] = true
			}
		}
		for i, id := range order {
			if free[id] != (i < k) {
				t.Errorf("with %d free licenses, %s free = %v", k, id, free[id])
			}
		}
	}
}

func TestCost(t *testing.T) {
	d := examples.Contoso()
	if r := Compute(d); r.Cost != nil {
		t.Fatalf("cost without a price: %+v", r.Cost)
	}
	d.Price = &scenario.Price{Monthly: 8.5, Currency: "EUR"}
	r := Compute(d)
	if r.Cost == nil || r.Cost.Monthly != 42.5 || r.Cost.Annual != 510 || r.Cost.Currency != "EUR" {
		t.Fatalf("cost = %+v, want 42.5/510 EUR", r.Cost)
	}
}

// randomDoc builds a random document: random subscriptions, numbers,
// licenses held, and a random routing graph with cycles and self-loops.
func randomDoc(rng *rand.Rand, n int) *scenario.Document {
	skus := []string{"SPE_E5", "MCOEV", "MCOCAP", "SPE_E3", "PHONESYSTEM_VIRTUALUSER", "UNKNOWN_X"}
	d := &scenario.Document{Edition: scenario.Editions[rng.IntN(3)]}
	for range rng.IntN(4) {
		d.Subscriptions = append(d.Subscriptions, scenario.Subscription{SKU: skus[rng.IntN(len(skus))], Units: rng.Int64N(2000)})
	}
	lics := []scenario.License{"", scenario.NoLicense, scenario.VirtualUser, scenario.PhoneSystem}
	for i := range n {
		a := scenario.Account{ID: fmt.Sprintf("a%d", i), Type: scenario.AutoAttendant, License: lics[rng.IntN(4)]}
		if rng.IntN(3) == 0 {
			a.PhoneNumber = num
		}
		for range rng.IntN(4) {
			a.RoutesTo = append(a.RoutesTo, fmt.Sprintf("a%d", rng.IntN(n+1)))
		}
		d.Accounts = append(d.Accounts, a)
	}
	return d
}

func TestInvariants(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for iter := range 500 {
		d := randomDoc(rng, rng.IntN(60))
		r := Compute(d)
		tot := r.Totals
		if tot.FreeAssigned+tot.PaidNeeded != int64(tot.NeedingLicense) {
			t.Fatalf("#%d: free %d + paid %d != needing %d", iter, tot.FreeAssigned, tot.PaidNeeded, tot.NeedingLicense)
		}
		if tot.FreeAssigned > r.Allotment || tot.FreeUnused != r.Allotment-tot.FreeAssigned || tot.FreeUnused < 0 {
			t.Fatalf("#%d: free %d, unused %d, allotment %d", iter, tot.FreeAssigned, tot.FreeUnused, r.Allotment)
		}
		if tot.PaidNeeded > 0 && tot.FreeUnused > 0 {
			t.Fatalf("#%d: buys %d while %d free are left", iter, tot.PaidNeeded, tot.FreeUnused)
		}
		if tot.Accounts != len(d.Accounts) {
			t.Fatalf("#%d: %d accounts, want %d", iter, tot.Accounts, len(d.Accounts))
		}
		for _, p := range r.Accounts {
			licensed := p.Planned == PlanFree || p.Planned == PlanPaid
			if licensed != p.NeedsLicense || (p.Planned == PlanNoAccount) == p.NeedsResourceAccount {
				t.Fatalf("#%d: inconsistent plan %+v", iter, p)
			}
			if p.HasNumber && !p.NeedsLicense {
				t.Fatalf("#%d: %s has a number but no license", iter, d.Accounts[p.Index].ID)
			}
		}
		// Adding a qualifying license never increases what must be bought.
		more := d.Clone()
		more.Subscriptions = append(more.Subscriptions, scenario.Subscription{SKU: "MCOEV", Units: 1 + rng.Int64N(50)})
		if r2 := Compute(more); r2.Totals.PaidNeeded > tot.PaidNeeded {
			t.Fatalf("#%d: adding a license raised paid from %d to %d", iter, tot.PaidNeeded, r2.Totals.PaidNeeded)
		}
		// The engine does not change its input.
		if again := Compute(d); again.Totals != tot {
			t.Fatalf("#%d: not deterministic", iter)
		}
	}
}

// chain builds n accounts where each routes to the next, the first with a
// number, plus one back edge to the first from the last.
func chain(n int) *scenario.Document {
	d := &scenario.Document{Subscriptions: []scenario.Subscription{{SKU: "SPE_E5", Units: 1000}}}
	for i := range n {
		a := scenario.Account{ID: fmt.Sprintf("a%d", i), Type: scenario.CallQueue}
		if i%7 == 0 {
			a.PhoneNumber = num
		}
		a.RoutesTo = []string{fmt.Sprintf("a%d", (i+1)%n)}
		d.Accounts = append(d.Accounts, a)
	}
	return d
}

func BenchmarkCompute(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		d := chain(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Compute(d)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/account")
		})
	}
}

func ExampleCompute() {
	r := Compute(examples.Contoso())
	fmt.Printf("N=%d free=%d assigned=%d paid=%d\n", r.Qualifying, r.Allotment, r.Totals.FreeAssigned, r.Totals.PaidNeeded)
	// Output: N=600 free=85 assigned=85 paid=5
}

func TestDeclaredSKUs(t *testing.T) {
	d := &scenario.Document{Subscriptions: []scenario.Subscription{
		{SKU: "CONTOSO_VOICE", Units: 50, Includes: scenario.IncludesPhoneSystem},
		{SKU: "CONTOSO_RA", Units: 5, Includes: scenario.IncludesResourceAccount},
		// The catalog wins for a SKU it knows: E3 does not include Phone System.
		{SKU: "SPE_E3", Units: 100, Includes: scenario.IncludesPhoneSystem},
		{SKU: "MYSTERY", Units: 70},
	}}
	r := Compute(d)
	if r.Qualifying != 50 {
		t.Errorf("qualifying = %d, want 50: only the unknown SKU declared to include Phone System counts", r.Qualifying)
	}
	if len(r.Warnings) != 1 || r.Warnings[0].Value != "MYSTERY" {
		t.Errorf("warnings %+v, want one for the undeclared unknown SKU", r.Warnings)
	}
	if sku, known := Resolve(d.Subscriptions[1]); known || sku.Kind != catalog.ResourceAccount {
		t.Errorf("Resolve(CONTOSO_RA) = %+v, %v", sku, known)
	}
}
