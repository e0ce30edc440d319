package advice

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
	"github.com/raplanner/raplanner/app/scenario/scenariotest"
)

// The document builder is the one of licensing's FuzzCompute (test code
// cannot be shared between packages).

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
		d, decoded := scenariotest.FromBytes(data) // its edition comes from the bytes too
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
