//go:build !js

package main

import (
	"fmt"

	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

// tenant builds a scenario of n accounts (n ≥ 1) in groups of ten: a main
// auto attendant with a number routing to eight call queues and a nested
// after-hours auto attendant (no number) that routes back to it (a loop).
// Two call queues in three have a number; licenses held today vary. The
// first subscription, the one the bench edits (#sub-units-0), is SPE_E5 with
// units chosen so that the free allotment covers about half of the accounts
// needing a license: editing it moves accounts between free and paid, so
// the diagram changes with the metrics.
func tenant(n int) *scenario.Document {
	d := &scenario.Document{Format: scenario.Format, Edition: scenario.VirtualUser2020}
	num := 0
	number := func() string { num++; return fmt.Sprintf("+1425%07d", num) }
	held := []scenario.License{scenario.VirtualUser, scenario.NoLicense, scenario.PhoneSystem}
	var main string
	for i := range n {
		g, k := i/10, i%10
		a := scenario.Account{UPN: fmt.Sprintf("ra-%d@bench.example", i)}
		switch k {
		case 0:
			main = fmt.Sprintf("aa-%d", g)
			a.ID, a.Name, a.Type, a.PhoneNumber, a.License = main, fmt.Sprintf("Site %d main line", g), scenario.AutoAttendant, number(), scenario.VirtualUser
		case 9:
			a.ID, a.Name, a.Type = fmt.Sprintf("aa-%d-after-hours", g), fmt.Sprintf("Site %d after hours", g), scenario.AutoAttendant
			a.RoutesTo = []string{main}
		default:
			a.ID, a.Name, a.Type = fmt.Sprintf("cq-%d-%d", g, k), fmt.Sprintf("Site %d queue %d", g, k), scenario.CallQueue
			if k%3 != 0 {
				a.PhoneNumber = number()
			}
			a.License = held[(g+k)%len(held)]
		}
		d.Accounts = append(d.Accounts, a)
		if k != 0 {
			// The main auto attendant of the group routes to its other accounts.
			m := &d.Accounts[g*10]
			m.RoutesTo = append(m.RoutesTo, a.ID)
		}
	}
	t := licensing.Compute(d).Totals
	needing := t.FreeAssigned + t.PaidNeeded
	units := max(needing/2-licensing.BaseAllotment, 0) * licensing.LicensesPerExtra
	d.Subscriptions = []scenario.Subscription{
		{SKU: "SPE_E5", Units: max(units, 100)},
		{SKU: "MCOEV", Units: 5},
		{SKU: "PHONESYSTEM_VIRTUALUSER", Units: 2},
	}
	return d
}

// edit is one change of #sub-units-0 and what the page must then show.
type edit struct {
	Units      int64 `json:"units"`
	Qualifying int64 `json:"qualifying"` // [data-metric=qualifying-licenses]
	Free       int64 `json:"free"`       // [data-metric=free-assigned] and free nodes of the diagram
}

// edits returns n edits of the first subscription's units, each different
// from the one before (units move by multiples of ten around the document's
// value, so the allotment moves too), with the engine's expected results.
func edits(d *scenario.Document, n int) []edit {
	base := d.Subscriptions[0].Units
	steps := []int64{10, 30, 20, 50, 0, 40, -10, 60}
	out := make([]edit, 0, n)
	for i := range n {
		u := base + steps[i%len(steps)]
		c := d.Clone()
		c.Subscriptions[0].Units = u
		r := licensing.Compute(c)
		out = append(out, edit{Units: u, Qualifying: r.Qualifying, Free: r.Totals.FreeAssigned})
	}
	return out
}
