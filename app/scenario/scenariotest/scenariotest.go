// Package scenariotest makes scenario documents for tests: FromBytes turns
// a fuzzer's bytes into a document, so that the fuzz targets of the engine
// and of the advice explore documents rather than the JSON decoder.
package scenariotest

import (
	"fmt"

	"github.com/raplanner/raplanner/app/scenario"
)

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

// FromBytes makes a scenario document from the fuzzer's bytes: the one
// they encode when scenario.Decode accepts them, else one built from them
// byte by byte, so that random bytes exercise the engine rather than the
// JSON decoder. Built documents hold what the page can produce (valid
// fields, units up to MaxUnits) and what Decode lets through or a damaged
// document may hold: routes to unknown ids, self-loops, repeated routes,
// repeated ids, unknown SKUs with and without a declaration.
func FromBytes(data []byte) (*scenario.Document, bool) {
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
