package advice

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

// randomDocument builds a document with up to 30 accounts: random numbers,
// licenses (including unknown values), routes (including self-loops,
// repeats and unknown ids), subscriptions and price. With dupIDs some ids
// repeat, as a damaged document may.
func randomDocument(rng *rand.Rand, dupIDs bool) *scenario.Document {
	editions := []scenario.Edition{"", scenario.VirtualUser2020, scenario.ResourceAccount2022, scenario.ResourceAccount2024}
	skus := []string{"SPE_E5", "MCOEV", "MCOCAP", "SPE_E3", "PHONESYSTEM_VIRTUALUSER", "PHONESYSTEM_VIRTUALUSER_GOV", "NOT_A_SKU"}
	licenses := []scenario.License{"", scenario.NoLicense, scenario.VirtualUser, scenario.PhoneSystem, "bogus"}
	d := &scenario.Document{Format: scenario.Format, Edition: editions[rng.IntN(len(editions))]}
	for range rng.IntN(4) {
		d.Subscriptions = append(d.Subscriptions, scenario.Subscription{SKU: skus[rng.IntN(len(skus))], Units: rng.Int64N(400) - 20})
	}
	if rng.IntN(2) == 0 {
		d.Price = &scenario.Price{Monthly: float64(rng.IntN(2000)) / 100, Currency: "EUR"}
	}
	n := rng.IntN(31)
	numberOdds := rng.IntN(5) // in 4
	id := func(i int) string {
		if dupIDs {
			i %= max(1, n/2)
		}
		return fmt.Sprint("a", i)
	}
	for i := range n {
		a := scenario.Account{ID: id(i), Type: scenario.CallQueue, License: licenses[rng.IntN(len(licenses))]}
		if rng.IntN(4) < numberOdds {
			a.PhoneNumber = fmt.Sprintf("+1425555%04d", i)
		}
		for range rng.IntN(4) {
			switch rng.IntN(10) {
			case 0:
				a.RoutesTo = append(a.RoutesTo, "ghost")
			case 1:
				a.RoutesTo = append(a.RoutesTo, a.ID)
			default:
				a.RoutesTo = append(a.RoutesTo, id(rng.IntN(n)))
			}
		}
		d.Accounts = append(d.Accounts, a)
	}
	return d
}

// reachable returns, by breadth-first search over d's routes (first account
// bearing an id, as the engine resolves it), the accounts reachable from the
// sources, the sources included.
func reachable(d *scenario.Document, sources []int) []bool {
	index := map[string]int{}
	for i, a := range d.Accounts {
		if _, ok := index[a.ID]; !ok {
			index[a.ID] = i
		}
	}
	seen := make([]bool, len(d.Accounts))
	queue := []int{}
	for _, s := range sources {
		if !seen[s] {
			seen[s] = true
			queue = append(queue, s)
		}
	}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, to := range d.Accounts[v].RoutesTo {
			if w, ok := index[to]; ok && !seen[w] {
				seen[w] = true
				queue = append(queue, w)
			}
		}
	}
	return seen
}

func numberedAccounts(d *scenario.Document) []int {
	var out []int
	for i, a := range d.Accounts {
		if a.PhoneNumber != "" {
			out = append(out, i)
		}
	}
	return out
}

func TestPropertiesOnRandomDocuments(t *testing.T) {
	rng := rand.New(rand.NewPCG(2020, 2024))
	knownKinds := map[Kind]bool{}
	for _, k := range Kinds {
		knownKinds[k] = true
	}
	knownSteps := map[StepKind]bool{}
	for _, k := range StepKinds {
		knownSteps[k] = true
	}
	seenKinds := map[Kind]int{}
	for iter := range 3000 {
		dup := iter%10 == 9
		d := randomDocument(rng, dup)
		before := d.Clone()
		r := licensing.Compute(d)
		a := Advise(d, r)
		for _, f := range a.Findings {
			seenKinds[f.Kind]++
		}
		fail := func(format string, args ...any) {
			t.Helper()
			data, _ := scenario.EncodeIndent(before)
			t.Fatalf("document %d: %s\n%s", iter, fmt.Sprintf(format, args...), data)
		}
		if !reflect.DeepEqual(d, before) {
			fail("Advise modified the document")
		}
		if b := Advise(d, licensing.Compute(d)); !reflect.DeepEqual(a, b) {
			fail("Advise is not deterministic")
		}
		for _, m := range a.Metrics.List() {
			if m.Value < 0 {
				fail("metric %s = %d", m.Name, m.Value)
			}
		}
		if a.Metrics.RedesignSaving > r.Totals.PaidNeeded {
			fail("redesign saving %d > paid needed %d", a.Metrics.RedesignSaving, r.Totals.PaidNeeded)
		}

		// Metrics from their definitions.
		var switchToFree, release int64
		for _, p := range r.Accounts {
			if p.Holds() == scenario.PhoneSystem && p.Planned == licensing.PlanFree {
				switchToFree++
			}
			if (p.Holds() == scenario.PhoneSystem || p.Holds() == scenario.VirtualUser) &&
				(p.Planned == licensing.PlanNone || p.Planned == licensing.PlanNoAccount) {
				release++
			}
		}
		var owned int64
		for _, s := range d.Subscriptions {
			if (s.SKU == "PHONESYSTEM_VIRTUALUSER" || s.SKU == "PHONESYSTEM_VIRTUALUSER_GOV") && s.Units > 0 {
				owned += s.Units
			}
		}
		if a.Metrics.SwitchToFree != switchToFree || a.Metrics.LicensesToRelease != release ||
			a.Metrics.FreeToBuy != max(0, r.Totals.FreeAssigned-owned) {
			fail("metrics %+v; want switch %d release %d free-to-buy %d", a.Metrics, switchToFree, release, max(0, r.Totals.FreeAssigned-owned))
		}
		if !dup {
			// Orphans straight from the document: no number, no other account routes here.
			routedTo := map[string]bool{}
			for _, x := range d.Accounts {
				for _, to := range x.RoutesTo {
					if to != x.ID {
						routedTo[to] = true
					}
				}
			}
			var orphans int64
			for _, x := range d.Accounts {
				if x.PhoneNumber == "" && !routedTo[x.ID] {
					orphans++
				}
			}
			if a.Metrics.Orphans != orphans {
				fail("orphans %d, want %d", a.Metrics.Orphans, orphans)
			}
		}

		// Shapes: known kinds, indexes in range and ascending.
		for _, f := range a.Findings {
			if !knownKinds[f.Kind] {
				fail("unknown kind %q", f.Kind)
			}
			if !slices.IsSorted(f.Accounts) || !slices.IsSorted(f.Related) {
				fail("%s accounts not in document order", f.Kind)
			}
			for _, i := range append(slices.Clone(f.Accounts), f.Related...) {
				if i < 0 || i >= len(d.Accounts) {
					fail("%s account %d out of range", f.Kind, i)
				}
			}
			for _, s := range f.Steps {
				if !knownSteps[s.Kind] || s.Account < -1 || s.Account >= len(d.Accounts) {
					fail("step %v", s)
				}
			}
			if f.Saving.PaidLicenses < 0 || f.Saving.FreeLicenses < 0 || f.Saving.ResourceAccounts < 0 {
				fail("%s saving %+v", f.Kind, f.Saving)
			}
			if f.Saving.Priced != (d.Price != nil) {
				if f.Saving != (Saving{}) || f.Kind == KindRedesign || f.Kind == KindSwitchToFree || f.Kind == KindRelease {
					fail("%s saving priced %v with price %v", f.Kind, f.Saving.Priced, d.Price)
				}
			}
		}

		// Later rules: every Phone System holder is told to switch or release.
		if r.Edition != scenario.VirtualUser2020 {
			told := map[int]bool{}
			for _, k := range []Kind{KindSwitchToFree, KindSwitchToPaid, KindRelease} {
				for _, f := range a.Of(k) {
					for _, i := range f.Accounts {
						told[i] = true
					}
				}
			}
			for i, p := range r.Accounts {
				if p.Holds() == scenario.PhoneSystem && !told[i] {
					fail("%s holds Phone System under %s and is not told to switch", d.Accounts[i].ID, r.Edition)
				}
			}
		}

		// Redesign: the figures are the engine's on the what-if, and every
		// account callers reach by a number today is still reached by one.
		for _, f := range a.Of(KindRedesign) {
			var drop []string
			for _, c := range f.Redesign.Candidates {
				if !r.Accounts[c.Account].HasNumber || r.Accounts[c.Account].RoutedFrom == 0 {
					fail("candidate %d has no number or nothing routes to it", c.Account)
				}
				drop = append(drop, d.Accounts[c.Account].ID)
			}
			if r.Edition == scenario.ResourceAccount2022 && f.Saving.PaidLicenses != 0 {
				fail("2022 redesign saves %d", f.Saving.PaidLicenses)
			}
			if dup {
				continue // WhatIf works by id
			}
			w := WhatIf(d, drop)
			if !reflect.DeepEqual(d, before) {
				fail("WhatIf modified its input")
			}
			after := licensing.ComputeEdition(w, r.Edition)
			if got := r.Totals.PaidNeeded - after.Totals.PaidNeeded; got != a.Metrics.RedesignSaving || got != f.Saving.PaidLicenses {
				fail("redesign saving %d, engine on WhatIf says %d", a.Metrics.RedesignSaving, got)
			}
			if got := int64(r.Totals.NeedingResourceAccount - after.Totals.NeedingResourceAccount); got != f.Saving.ResourceAccounts {
				fail("RAs removed %d, engine on WhatIf says %d", f.Saving.ResourceAccounts, got)
			}
			nowReached := reachable(d, numberedAccounts(d))
			thenReached := reachable(w, numberedAccounts(w))
			for i := range nowReached {
				if nowReached[i] && !thenReached[i] {
					fail("dropping the candidates' numbers cuts %s off", d.Accounts[i].ID)
				}
			}
			if f.Redesign.PerCandidate {
				for _, c := range f.Redesign.Candidates {
					one := licensing.ComputeEdition(WhatIf(d, []string{d.Accounts[c.Account].ID}), r.Edition)
					if got := r.Totals.PaidNeeded - one.Totals.PaidNeeded; got != c.Saving.PaidLicenses {
						fail("candidate %d saves %d, engine says %d", c.Account, c.Saving.PaidLicenses, got)
					}
				}
			}
		}

		// Loops without entry: strongly connected, not reached from any
		// account answering calls directly.
		if !dup {
			var direct []int
			for i, p := range r.Accounts {
				if p.AnswersDirectly {
					direct = append(direct, i)
				}
			}
			reached := reachable(d, direct)
			inLoop := make([]bool, len(d.Accounts))
			for _, f := range a.Of(KindLoopWithoutEntry) {
				for _, m := range f.Accounts {
					inLoop[m] = true
					if reached[m] {
						fail("loop member %s is reached", d.Accounts[m].ID)
					}
					from := reachable(d, []int{m})
					for _, o := range f.Accounts {
						if !from[o] {
							fail("loop %v is not strongly connected", f.Accounts)
						}
					}
				}
				for _, m := range f.Related {
					if reached[m] {
						fail("related account %s is reached", d.Accounts[m].ID)
					}
				}
			}
			// Every unreached account is in a loop or related to exactly one.
			count := make([]int, len(d.Accounts))
			for _, f := range a.Of(KindLoopWithoutEntry) {
				for _, m := range append(slices.Clone(f.Accounts), f.Related...) {
					count[m]++
				}
			}
			for i := range reached {
				if !reached[i] && count[i] != 1 {
					fail("unreached %s appears %d times in loop findings", d.Accounts[i].ID, count[i])
				}
				if reached[i] && count[i] != 0 {
					fail("reached %s appears in loop findings", d.Accounts[i].ID)
				}
			}
		}
	}
	// The generator must exercise every kind of finding.
	for _, k := range Kinds {
		if seenKinds[k] == 0 {
			t.Errorf("no random document produced a %s finding", k)
		}
	}
	t.Logf("findings per kind: %v", seenKinds)
}
