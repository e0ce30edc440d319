package advice

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

// The document builder is the one of licensing's FuzzCompute (test code
// cannot be shared between packages).

// fuzzBytes hands out the fuzzer's bytes one at a time, then zeros.
type fuzzBytes []byte

func (b *fuzzBytes) next() int {
	if len(*b) == 0 {
		return 0
	}
	c := (*b)[0]
	*b = (*b)[1:]
	return int(c)
}

// fuzzDocument makes a scenario document from the fuzzer's bytes: the one
// they encode when scenario.Decode accepts them, else one built from them
// byte by byte, so that random bytes exercise the engine rather than the
// JSON decoder. Built documents hold what the page can produce (valid
// fields, units up to MaxUnits) and what Decode lets through or a damaged
// document may hold: routes to unknown ids, self-loops, repeated routes,
// repeated ids, unknown SKUs with and without a declaration.
func fuzzDocument(data []byte) (*scenario.Document, bool) {
	if d, err := scenario.Decode(data); err == nil {
		return d, true
	}
	editions := []scenario.Edition{"", scenario.VirtualUser2020, scenario.ResourceAccount2022, scenario.ResourceAccount2024}
	skus := []string{"SPE_E5", "MCOEV", "MCOCAP", "MCOTEAMS_ESSENTIALS", "SPE_E3", "Microsoft_Teams_Rooms_Pro",
		"PHONESYSTEM_VIRTUALUSER", "PHONESYSTEM_VIRTUALUSER_GOV", "CONTOSO_VOICE", "spe_e5"}
	includes := []scenario.Includes{"", scenario.IncludesPhoneSystem, scenario.IncludesResourceAccount}
	units := []int64{0, 1, 9, 10, 11, 19, 20, 600, 612, 999_999, scenario.MaxUnits}
	licenses := []scenario.License{"", scenario.NoLicense, scenario.VirtualUser, scenario.PhoneSystem}

	b := fuzzBytes(data)
	d := &scenario.Document{Format: scenario.Format, Edition: editions[b.next()%len(editions)]}
	for range b.next() % 6 {
		u := units[b.next()%len(units)]
		if c := b.next(); c >= 128 {
			u = int64(c-128) * int64(b.next()+1) // 0 … 32,640
		}
		d.Subscriptions = append(d.Subscriptions, scenario.Subscription{
			SKU: skus[b.next()%len(skus)], Units: u, Includes: includes[b.next()%len(includes)],
		})
	}
	if c := b.next(); c%3 == 0 {
		d.Price = &scenario.Price{Monthly: float64(c*b.next()) / 100, Currency: "EUR"}
	}
	n := b.next() % 48
	for i := range n {
		f := b.next()
		a := scenario.Account{ID: fmt.Sprint("a", i), Type: scenario.AutoAttendant, License: licenses[(f>>1)%len(licenses)]}
		if f&1 != 0 {
			a.Type = scenario.CallQueue
		}
		if f&8 != 0 {
			a.PhoneNumber = fmt.Sprintf("+1425555%04d", i)
		}
		if f&0xE0 == 0xE0 && i > 0 {
			a.ID = fmt.Sprint("a", b.next()%i) // an id used before: a damaged document
		}
		for range b.next() % 5 {
			switch c := b.next(); {
			case c == 255:
				a.RoutesTo = append(a.RoutesTo, "ghost")
			case c == 254:
				a.RoutesTo = append(a.RoutesTo, a.ID)
			default:
				a.RoutesTo = append(a.RoutesTo, fmt.Sprint("a", c%n))
			}
		}
		d.Accounts = append(d.Accounts, a)
	}
	return d, false
}

func FuzzAdvise(f *testing.F) {
	// Seeds for the document builder only, and one run of Advise per input
	// (plus the checks): the fuzzer minimizes every new input it finds,
	// which takes a time that grows fast with the size of the input and the
	// cost of a run; JSON seeds (hundreds of bytes) stall it for minutes.
	// Decoded documents are the builder's too: FuzzCompute starts from JSON.
	f.Add([]byte{3, 2, 5, 0, 0, 6, 9, 0, 12, 0, 3, 2, 1, 2, 255, 9, 1, 254, 0xE9, 1, 1})
	f.Add([]byte{1, 1, 2, 0, 7, 0, 8, 0x0C, 2, 1, 2, 0x0E, 1, 0, 0x0B, 1, 0, 0x04, 1, 3, 0x02, 0})
	f.Add([]byte{2, 2, 3, 0, 6, 0, 0x85, 9, 1, 0, 3, 10, 0x1C, 2, 1, 2, 0x1A, 1, 0, 0x08, 0, 0x06, 1, 1, 0x16, 0, 0xE0, 1, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		d, decoded := fuzzDocument(data) // its edition comes from the bytes too
		unique := true
		seen := map[string]bool{}
		for _, a := range d.Accounts {
			unique = unique && !seen[a.ID]
			seen[a.ID] = true
		}
		before := d.Clone()
		r := licensing.Compute(d)
		rBefore := licensing.Compute(d)
		a := Advise(d, r)
		if !reflect.DeepEqual(d, before) || !reflect.DeepEqual(r, rBefore) {
			t.Fatal("Advise modified its input")
		}
		checkAdvice(t, d, r, a, decoded, unique)
		// Without a plan Advise plans d itself, and gives the same advice.
		if b := Advise(d, nil); !reflect.DeepEqual(a, b) {
			t.Fatal("Advise(d, nil) differs from Advise(d, Compute(d)): not deterministic")
		}
	})
}

// checkAdvice asserts the invariants of the advice a on d and its plan r.
func checkAdvice(t *testing.T, d *scenario.Document, r *licensing.Result, a *Advice, decoded, unique bool) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		data, _ := scenario.EncodeIndent(d)
		t.Fatalf("%s (edition %s, decoded %v):\n%s", fmt.Sprintf(format, args...), r.Edition, decoded, data)
	}
	if a.Edition != r.Edition {
		fail("advice under %s for a plan under %s", a.Edition, r.Edition)
	}
	for _, m := range a.Metrics.List() {
		if m.Value < 0 {
			fail("metric %s = %d", m.Name, m.Value)
		}
	}
	if a.Metrics.RedesignSaving > r.Totals.PaidNeeded {
		fail("redesign saving %d > %d paid needed", a.Metrics.RedesignSaving, r.Totals.PaidNeeded)
	}
	known := map[Kind]int{}
	for i, k := range Kinds {
		known[k] = i + 1
	}
	knownSteps := map[StepKind]bool{}
	for _, k := range StepKinds {
		knownSteps[k] = true
	}
	last := 0
	for _, f := range a.Findings {
		switch {
		case known[f.Kind] == 0:
			fail("unknown kind %q", f.Kind)
		case known[f.Kind] < last:
			fail("%s listed after a later kind", f.Kind)
		case !slices.IsSorted(f.Accounts) || !slices.IsSorted(f.Related):
			fail("%s: accounts %v, related %v not in document order", f.Kind, f.Accounts, f.Related)
		case f.Saving.PaidLicenses < 0 || f.Saving.FreeLicenses < 0 || f.Saving.ResourceAccounts < 0 || f.Saving.Monthly < 0:
			fail("%s saving %+v", f.Kind, f.Saving)
		case (f.Kind == KindRedesign) != (f.Redesign != nil), (f.Kind == KindBuy) != (f.Buy != nil):
			fail("%s: redesign %v, buy %v", f.Kind, f.Redesign, f.Buy)
		}
		last = known[f.Kind]
		for _, i := range append(slices.Clone(f.Accounts), f.Related...) {
			if i < 0 || i >= len(d.Accounts) {
				fail("%s: account %d out of range", f.Kind, i)
			}
		}
		for _, s := range f.Steps {
			if !knownSteps[s.Kind] || s.Account < -1 || s.Account >= len(d.Accounts) || s.Quantity < 0 {
				fail("%s: step %v", f.Kind, s)
			}
		}
		if b := f.Buy; b != nil && (b.Free < 0 || b.Paid < 0 || b.Free != max(0, b.FreeAssigned-b.FreeOwned) || b.Paid != max(0, b.PaidNeeded-b.PaidCovered) || b.PaidNeeded != r.Totals.PaidNeeded) {
			fail("buy %+v, plan %+v", *b, r.Totals)
		}
		if f.Kind == KindRedesign {
			if f.Saving.PaidLicenses != a.Metrics.RedesignSaving {
				fail("redesign finding saves %d, the metric says %d", f.Saving.PaidLicenses, a.Metrics.RedesignSaving)
			}
			// The saving is the engine's on the what-if (by id: unique ids only).
			var drop []string
			for _, c := range f.Redesign.Candidates {
				drop = append(drop, d.Accounts[c.Account].ID)
				if c.Saving.PaidLicenses < 0 || c.Saving.PaidLicenses > f.Saving.PaidLicenses {
					fail("candidate %d saves %d of %d", c.Account, c.Saving.PaidLicenses, f.Saving.PaidLicenses)
				}
			}
			if unique {
				after := licensing.ComputeEdition(WhatIf(d, drop), r.Edition)
				if got := r.Totals.PaidNeeded - after.Totals.PaidNeeded; got != f.Saving.PaidLicenses {
					fail("redesign saves %d, the engine on the what-if %d", f.Saving.PaidLicenses, got)
				}
			}
		}
	}
}
