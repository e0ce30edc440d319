package licensing

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/raplanner/raplanner/app/examples"
	"github.com/raplanner/raplanner/app/scenario"
	"github.com/raplanner/raplanner/app/scenario/scenariotest"
)

func FuzzCompute(f *testing.F) {
	// Small seeds: the fuzzer minimizes every new input it finds, and the
	// time that takes grows fast with the size of the input (the built-in
	// examples, up to 10 KB of JSON, stall it).
	data, err := scenario.Encode(examples.DocDiagram())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`{"subscriptions":[{"sku":"MCOEV","units":9}],"accounts":[{"id":"a","type":"call-queue","phoneNumber":"+14255550100","routesTo":["a","b","ghost"]},{"id":"b","type":"auto-attendant","license":"phone-system","routesTo":["a"]}]}`))
	f.Add([]byte{3, 2, 5, 0, 0, 6, 9, 0, 12, 0, 3, 2, 1, 2, 255, 9, 1, 254, 0xE9, 1, 1})
	f.Add([]byte{2, 1, 10, 1, 0, 1, 40, 0x0A, 3, 0, 1, 2, 0x18, 1, 0, 0x0F, 0, 0x1A, 2, 0, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		d, decoded := scenariotest.FromBytes(data)
		before := d.Clone()
		r := Compute(d)
		if !reflect.DeepEqual(d, before) {
			t.Fatal("Compute modified the document")
		}
		if again := Compute(d); !reflect.DeepEqual(r, again) {
			t.Fatal("Compute is not deterministic")
		}
		if r.Edition != d.EditionOrDefault() {
			t.Fatalf("edition %q, the document's is %q", r.Edition, d.EditionOrDefault())
		}
		checkPlan(t, d, r, decoded)
		for _, e := range scenario.Editions {
			checkPlan(t, d, ComputeEdition(d, e), decoded)
		}
	})
}

// checkPlan asserts the invariants of a plan r of d.
func checkPlan(t *testing.T, d *scenario.Document, r *Result, decoded bool) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		data, _ := scenario.EncodeIndent(d)
		t.Fatalf("%s (edition %s, decoded %v):\n%s", fmt.Sprintf(format, args...), r.Edition, decoded, data)
	}

	// The allotment follows from the qualifying licenses.
	var qualifying int64
	if len(r.SKUs) != len(d.Subscriptions) {
		fail("%d SKU rows for %d subscriptions", len(r.SKUs), len(d.Subscriptions))
	}
	for i, s := range r.SKUs {
		if s.Index != i || s.Units != d.Subscriptions[i].Units {
			fail("SKU row %d is %+v", i, s)
		}
		if s.Counted {
			if s.Units <= 0 {
				fail("row %d counts %d units", i, s.Units)
			}
			qualifying += s.Units
		}
	}
	switch {
	case r.Qualifying != qualifying:
		fail("qualifying %d, the counted rows sum to %d", r.Qualifying, qualifying)
	case r.Eligible != (r.Qualifying >= 1):
		fail("eligible %v with %d qualifying", r.Eligible, r.Qualifying)
	case r.Allotment != Allotment(r.Qualifying):
		fail("allotment %d for %d qualifying", r.Allotment, r.Qualifying)
	case r.Allotment < 0:
		fail("allotment %d", r.Allotment)
	}

	// One plan per account, in document order.
	if len(r.Accounts) != len(d.Accounts) || r.Totals.Accounts != len(d.Accounts) {
		fail("%d plans, totals say %d accounts, for %d accounts", len(r.Accounts), r.Totals.Accounts, len(d.Accounts))
	}
	var free, paid int64
	needing, keeping := 0, 0
	for i, p := range r.Accounts {
		a := d.Accounts[i]
		if int(p.Index) != i || p.HasNumber != (a.PhoneNumber != "") {
			fail("plan %d is %+v for account %+v", i, p, a)
		}
		if p.RoutedFrom < 0 || int(p.RoutedFrom) >= max(1, len(d.Accounts)) {
			fail("account %d is routed from %d accounts", i, p.RoutedFrom)
		}
		switch p.Planned {
		case PlanFree:
			free++
		case PlanPaid:
			paid++
		case PlanNone, PlanNoAccount:
		default:
			fail("account %d: plan %q", i, p.Planned)
		}
		if p.NeedsLicense != (p.Planned == PlanFree || p.Planned == PlanPaid) {
			fail("account %d: needs a license %v, planned %s", i, p.NeedsLicense, p.Planned)
		}
		if p.NeedsResourceAccount != (p.Planned != PlanNoAccount) || p.NeedsLicense && !p.NeedsResourceAccount {
			fail("account %d: needs a resource account %v, a license %v, planned %s", i, p.NeedsResourceAccount, p.NeedsLicense, p.Planned)
		}
		if p.AnswersDirectly != (p.HasNumber || p.RoutedFrom == 0) {
			fail("account %d: answers directly %v, number %v, routed from %d", i, p.AnswersDirectly, p.HasNumber, p.RoutedFrom)
		}
		// The rule of the edition.
		var want bool
		switch r.Edition {
		case scenario.ResourceAccount2022:
			want = true
		case scenario.ResourceAccount2024:
			want = p.AnswersDirectly
			if p.NeedsResourceAccount != p.AnswersDirectly {
				fail("2024: account %d answers directly %v but needs a resource account %v", i, p.AnswersDirectly, p.NeedsResourceAccount)
			}
		default:
			want = p.HasNumber
		}
		if p.NeedsLicense != want {
			fail("account %d needs a license %v under %s, want %v", i, p.NeedsLicense, r.Edition, want)
		}
		if p.NeedsLicense {
			needing++
		}
		if p.NeedsResourceAccount {
			keeping++
		}
	}

	// The totals.
	tt := r.Totals
	switch {
	case tt.FreeAssigned != free || tt.PaidNeeded != paid:
		fail("totals free %d, paid %d; the plans say %d and %d", tt.FreeAssigned, tt.PaidNeeded, free, paid)
	case tt.NeedingLicense != needing || tt.NeedingResourceAccount != keeping:
		fail("totals needing a license %d, a resource account %d; the plans say %d and %d", tt.NeedingLicense, tt.NeedingResourceAccount, needing, keeping)
	case tt.FreeAssigned+tt.PaidNeeded != int64(tt.NeedingLicense):
		fail("free %d + paid %d ≠ %d accounts needing a license", tt.FreeAssigned, tt.PaidNeeded, tt.NeedingLicense)
	case tt.FreeAssigned > r.Allotment:
		fail("free %d > allotment %d", tt.FreeAssigned, r.Allotment)
	case tt.FreeUnused != r.Allotment-tt.FreeAssigned || tt.FreeUnused < 0:
		fail("free unused %d, allotment %d − assigned %d", tt.FreeUnused, r.Allotment, tt.FreeAssigned)
	case tt.PaidNeeded > 0 && tt.FreeUnused != 0:
		fail("%d paid licenses while %d free ones stay unused", tt.PaidNeeded, tt.FreeUnused)
	}

	// The free licenses go first to accounts that hold one today, then to
	// those that hold none (or a license the format does not know), then to
	// those that hold Phone System.
	rank := func(i int) int {
		switch d.Accounts[i].License {
		case scenario.VirtualUser:
			return 0
		case scenario.PhoneSystem:
			return 2
		}
		return 1
	}
	worstFree := -1
	for i, p := range r.Accounts {
		if p.Planned == PlanFree {
			worstFree = max(worstFree, rank(i))
		}
	}
	for i, p := range r.Accounts {
		if p.Planned == PlanPaid && rank(i) < worstFree {
			fail("account %d holding %q pays while one holding less gets a free license", i, d.Accounts[i].License)
		}
	}

	// The cost.
	switch {
	case d.Price == nil && r.Cost != nil, d.Price != nil && r.Cost == nil:
		fail("price %v, cost %v", d.Price, r.Cost)
	case r.Cost != nil && (r.Cost.Monthly != float64(tt.PaidNeeded)*d.Price.Monthly || r.Cost.Annual != 12*r.Cost.Monthly || r.Cost.Currency != d.Price.Currency):
		fail("cost %+v for %d paid at %v", *r.Cost, tt.PaidNeeded, *d.Price)
	}

	// Warnings name real rows and accounts.
	for _, w := range r.Warnings {
		switch w.Kind {
		case WarnUnknownSKU:
			if w.Subscription < 0 || w.Subscription >= len(d.Subscriptions) || w.Value != d.Subscriptions[w.Subscription].SKU {
				fail("warning %+v", w)
			}
		case WarnUnknownRoute:
			if w.Account < 0 || w.Account >= len(d.Accounts) {
				fail("warning %+v", w)
			}
		case WarnNotEligible:
			if r.Eligible {
				fail("warning %+v while eligible", w)
			}
		default:
			fail("warning %+v", w)
		}
	}
}
