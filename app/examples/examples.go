// Package examples holds the scenarios the planner ships with: the worked
// example and the diagram of Microsoft's Virtual User documentation, and a
// small realistic tenant that the page opens with.
package examples

import (
	"fmt"

	"github.com/raplanner/raplanner/app/scenario"
)

// Example is a named, built-in scenario.
type Example struct {
	// Name is the key used by buttons and links (?example=contoso).
	Name string
	// Title is a short English title.
	Title string
	// Build returns a fresh copy of the scenario.
	Build func() *scenario.Document
}

// All lists the examples in the order the page offers them.
var All = []Example{
	{"default", "A small tenant (Fabrikam)", Default},
	{"contoso", "Contoso: 600 licenses, 90 numbered auto attendants and call queues", Contoso},
	{"doc-diagram", "The documentation's five resource accounts", DocDiagram},
}

// Named returns the example called name, or false.
func Named(name string) (Example, bool) {
	for _, e := range All {
		if e.Name == name {
			return e, true
		}
	}
	return Example{}, false
}

// Contoso is the documentation's worked example: 600 licenses that include
// Phone System (25 + 60 = 85 free) and 90 auto attendants and call queues
// with phone numbers. Ten regional auto attendants each route to eight call
// queues that also have direct numbers. Under the 2020 rule it needs 85 free
// and 5 paid licenses.
func Contoso() *scenario.Document {
	d := &scenario.Document{
		Format:        scenario.Format,
		Edition:       scenario.VirtualUser2020,
		Subscriptions: []scenario.Subscription{{SKU: "SPE_E5", Units: 600}},
	}
	regions := []string{"Seattle", "New York", "London", "Milan", "Paris", "Berlin", "Madrid", "Tokyo", "Sydney", "Toronto"}
	queues := []string{"Sales", "Support", "Billing", "Orders", "Returns", "Partners", "Careers", "Press"}
	n := 0
	number := func() string { n++; return fmt.Sprintf("+1425555%04d", n) }
	for r, region := range regions {
		aa := scenario.Account{
			ID:          fmt.Sprintf("aa-%02d", r+1),
			Name:        region + " main line",
			Type:        scenario.AutoAttendant,
			UPN:         fmt.Sprintf("aa-%02d@contoso.com", r+1),
			PhoneNumber: number(),
		}
		var cqs []scenario.Account
		for q, queue := range queues {
			id := fmt.Sprintf("cq-%02d-%d", r+1, q+1)
			aa.RoutesTo = append(aa.RoutesTo, id)
			cqs = append(cqs, scenario.Account{
				ID:          id,
				Name:        region + " " + queue,
				Type:        scenario.CallQueue,
				UPN:         id + "@contoso.com",
				PhoneNumber: number(),
			})
		}
		d.Accounts = append(d.Accounts, aa)
		d.Accounts = append(d.Accounts, cqs...)
	}
	return d
}

// DocDiagram is the documentation's diagram: a main auto attendant with a
// number nests a second auto attendant (no number), the Sales call queue
// (number), a third auto attendant (no number) and the Service call queue
// (number). Under the 2020 rule three resource accounts need a license.
func DocDiagram() *scenario.Document {
	return &scenario.Document{
		Format:        scenario.Format,
		Edition:       scenario.VirtualUser2020,
		Subscriptions: []scenario.Subscription{{SKU: "MCOEV", Units: 50}},
		Accounts: []scenario.Account{
			{ID: "ra1", Name: "Main auto attendant", Type: scenario.AutoAttendant, UPN: "ra1@contoso.com", PhoneNumber: "+14255550100",
				RoutesTo: []string{"ra2", "ra3", "ra4", "ra5"}},
			{ID: "ra2", Name: "Auto attendant 2", Type: scenario.AutoAttendant, UPN: "ra2@contoso.com"},
			{ID: "ra3", Name: "Sales", Type: scenario.CallQueue, UPN: "ra3@contoso.com", PhoneNumber: "+14255550103"},
			{ID: "ra4", Name: "Auto attendant 3", Type: scenario.AutoAttendant, UPN: "ra4@contoso.com"},
			{ID: "ra5", Name: "Service", Type: scenario.CallQueue, UPN: "ra5@contoso.com", PhoneNumber: "+14255550105"},
		},
	}
}

// Default is the scenario the page opens with: a small tenant with a
// reception menu, nested queues, an after-hours menu that returns to the
// reception, an internal help desk and a queue still holding a paid Phone
// System license.
func Default() *scenario.Document {
	return &scenario.Document{
		Format:  scenario.Format,
		Edition: scenario.VirtualUser2020,
		Subscriptions: []scenario.Subscription{
			{SKU: "SPE_E5", Units: 120},
			{SKU: "SPE_E3", Units: 80},
			{SKU: "MCOEV", Units: 40},
			{SKU: "PHONESYSTEM_VIRTUALUSER", Units: 3},
		},
		Accounts: []scenario.Account{
			{ID: "reception", Name: "Reception", Type: scenario.AutoAttendant, UPN: "ra-reception@fabrikam.com",
				PhoneNumber: "+390212345600", License: scenario.VirtualUser, RoutesTo: []string{"sales", "support", "billing", "after-hours"}},
			{ID: "after-hours", Name: "After hours", Type: scenario.AutoAttendant, UPN: "ra-afterhours@fabrikam.com",
				License: scenario.VirtualUser, RoutesTo: []string{"reception"}},
			{ID: "sales", Name: "Sales", Type: scenario.CallQueue, UPN: "ra-sales@fabrikam.com",
				PhoneNumber: "+390212345610", License: scenario.PhoneSystem},
			{ID: "support", Name: "Support", Type: scenario.CallQueue, UPN: "ra-support@fabrikam.com",
				PhoneNumber: "+390212345620", License: scenario.VirtualUser, RoutesTo: []string{"support-l2"}},
			{ID: "support-l2", Name: "Support level 2", Type: scenario.CallQueue, UPN: "ra-support-l2@fabrikam.com"},
			{ID: "billing", Name: "Billing", Type: scenario.CallQueue, UPN: "ra-billing@fabrikam.com"},
			{ID: "helpdesk", Name: "IT help desk (internal)", Type: scenario.CallQueue, UPN: "ra-helpdesk@fabrikam.com"},
		},
	}
}
