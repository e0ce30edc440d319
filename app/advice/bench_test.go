package advice

import (
	"fmt"
	"testing"

	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

// bigTenant builds a document of attendants×10 accounts: each numbered
// attendant routes to seven queues; two more queues of each attendant route
// to each other only (a loop, without entry unless one has a number). Every
// numbered-th queue has a number and a Phone System license.
func bigTenant(attendants, numbered int) *scenario.Document {
	d := &scenario.Document{
		Format:        scenario.Format,
		Subscriptions: []scenario.Subscription{{SKU: "SPE_E5", Units: 5_000}, {SKU: "PHONESYSTEM_VIRTUALUSER", Units: 100}},
		Price:         &scenario.Price{Monthly: 8, Currency: "USD"},
	}
	q := 0
	for i := range attendants {
		aa := scenario.Account{ID: fmt.Sprint("aa", i), Type: scenario.AutoAttendant, PhoneNumber: fmt.Sprintf("+1%010d", i), License: scenario.VirtualUser}
		for j := range 9 {
			id := fmt.Sprint("cq", q)
			cq := scenario.Account{ID: id, Type: scenario.CallQueue}
			if numbered > 0 && q%numbered == 0 {
				cq.PhoneNumber = fmt.Sprintf("+2%010d", q)
				cq.License = scenario.PhoneSystem
			}
			switch j {
			case 7: // a loop of two queues nothing enters
				cq.RoutesTo = []string{fmt.Sprint("cq", q+1)}
			case 8:
				cq.RoutesTo = []string{fmt.Sprint("cq", q-1), "ghost"}
			default:
				aa.RoutesTo = append(aa.RoutesTo, id)
			}
			q++
			d.Accounts = append(d.Accounts, cq)
		}
		d.Accounts = append(d.Accounts, aa)
	}
	return d
}

func BenchmarkAdvise(b *testing.B) {
	for _, bc := range []struct {
		name         string
		attendants   int
		numbered     int
		perCandidate bool
	}{
		{"10000-accounts-3000-candidates", 1_000, 3, false}, // per-candidate figures skipped
		{"10000-accounts-20-candidates", 1_000, 450, true},  // 20 engine runs of the whole document
		{"1000-accounts-175-candidates", 100, 4, true},      // 175 engine runs
	} {
		d := bigTenant(bc.attendants, bc.numbered)
		r := licensing.Compute(d)
		if got := Advise(d, r).Of(KindRedesign)[0].Redesign.PerCandidate; got != bc.perCandidate {
			b.Fatalf("%s: per candidate %v", bc.name, got)
		}
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Advise(d, r)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(d.Accounts)), "ns/account")
		})
	}
}
