// Package scenariotest makes scenario documents for fuzz tests: FromBytes
// turns a fuzzer's bytes into a document, so that the fuzz targets of the
// engine and of the advice explore documents rather than the JSON decoder,
// and Bytes hands out the bytes to build others.
package scenariotest

import (
	"fmt"

	"github.com/raplanner/raplanner/app/scenario"
)

// Bytes hands out a fuzzer's bytes: Next one at a time, then zeros; Text
// a length byte and that many bytes as they are.
type Bytes []byte

// Next returns the next byte, or 0 when none is left.
func (b *Bytes) Next() int {
	if len(*b) == 0 {
		return 0
	}
	c := (*b)[0]
	*b = (*b)[1:]
	return int(c)
}

// Text takes a length byte (up to 23), then that many bytes as they are:
// any text, markup, control characters and invalid UTF-8 included.
func (b *Bytes) Text() string {
	n := min(b.Next()%24, len(*b))
	s := string((*b)[:n])
	*b = (*b)[n:]
	return s
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

	b := Bytes(data)
	d := &scenario.Document{Format: scenario.Format, Edition: editions[b.Next()%len(editions)]}
	for range b.Next() % 6 {
		u := units[b.Next()%len(units)]
		if c := b.Next(); c >= 128 {
			u = int64(c-128) * int64(b.Next()+1) // 0 … 32,640
		}
		d.Subscriptions = append(d.Subscriptions, scenario.Subscription{
			SKU: skus[b.Next()%len(skus)], Units: u, Includes: includes[b.Next()%len(includes)],
		})
	}
	if c := b.Next(); c%3 == 0 {
		d.Price = &scenario.Price{Monthly: float64(c*b.Next()) / 100, Currency: "EUR"}
	}
	n := b.Next() % 48
	for i := range n {
		f := b.Next()
		a := scenario.Account{ID: fmt.Sprint("a", i), Type: scenario.AutoAttendant, License: licenses[(f>>1)%len(licenses)]}
		if f&1 != 0 {
			a.Type = scenario.CallQueue
		}
		if f&8 != 0 {
			a.PhoneNumber = fmt.Sprintf("+1425555%04d", i)
		}
		if f&0xE0 == 0xE0 && i > 0 {
			a.ID = fmt.Sprint("a", b.Next()%i) // an id used before: a damaged document
		}
		for range b.Next() % 5 {
			switch c := b.Next(); {
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
