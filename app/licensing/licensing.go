// Package licensing is the RA Planner engine: given a scenario document, it
// computes under the document's edition of the rule how many free Virtual User
// (Resource Account) licenses the tenant is allotted, which resource accounts
// need a license and why, who gets which license, and what must be bought.
//
// The engine is pure and linear in the size of the document: it runs in the
// browser on every edit.
package licensing

import (
	"github.com/raplanner/raplanner/app/catalog"
	"github.com/raplanner/raplanner/app/scenario"
)

// Free licenses: an eligible tenant gets BaseAllotment licenses, plus one for
// every LicensesPerExtra qualifying Phone System licenses.
const (
	BaseAllotment    = 25
	LicensesPerExtra = 10
)

// Plan is the license an account is planned to hold.
type Plan string

// The plans. The strings are the values of the page's data-plan hooks.
const (
	// PlanFree is a free Virtual User (Resource Account) license from the allotment.
	PlanFree Plan = "free"
	// PlanPaid is a paid license: Phone System under the 2020 rule, an extra
	// Resource Account license under the 2022 and 2024 rules.
	PlanPaid Plan = "paid"
	// PlanNone means the account keeps its resource account but needs no license.
	PlanNone Plan = "none"
	// PlanNoAccount means the account needs no resource account at all.
	PlanNoAccount Plan = "no-account"
)

// Reason says why an account does or does not need a license.
type Reason string

// The reasons.
const (
	// ReasonPhoneNumber: the resource account has a phone number, which it
	// cannot get without a license.
	ReasonPhoneNumber Reason = "phone-number"
	// ReasonEveryAccount: under the 2022 rule every resource account is licensed.
	ReasonEveryAccount Reason = "every-account"
	// ReasonEntryPoint: under the 2024 rule an account that answers calls
	// directly (nothing routes to it) keeps a licensed resource account.
	ReasonEntryPoint Reason = "entry-point"
	// ReasonNestedNoNumber: a nested account without a phone number needs no
	// license (2020) or no resource account at all (2024).
	ReasonNestedNoNumber Reason = "nested-no-number"
	// ReasonNoNumber: under the 2020 rule an account without a phone number
	// needs no license, nested or not.
	ReasonNoNumber Reason = "no-number"
)

// SKUCount is one subscription row as the engine read it.
type SKUCount struct {
	// Index is the row's position in the document's subscriptions.
	Index int
	// SKU is the catalog entry (Kind Unknown for a SKU the catalog lacks).
	SKU catalog.SKU
	// Known reports whether the catalog knows the SKU.
	Known bool
	// Units is the row's unit count.
	Units int64
	// Counted reports whether the units count toward the allotment under the edition.
	Counted bool
}

// AccountPlan is the plan for one account of the document.
type AccountPlan struct {
	// Index is the account's position in the document's accounts.
	Index int
	// ID is the account's id.
	ID string
	// HasNumber reports whether the account has a phone number.
	HasNumber bool
	// RoutedFrom counts the other accounts that route calls to this one.
	RoutedFrom int
	// AnswersDirectly reports whether calls arrive here directly: it has a
	// phone number or no other account routes to it.
	AnswersDirectly bool
	// NeedsResourceAccount reports whether the account needs a resource account.
	NeedsResourceAccount bool
	// NeedsLicense reports whether that resource account needs a license.
	NeedsLicense bool
	// Reason says why it needs a license or not.
	Reason Reason
	// Holds is the license it holds today.
	Holds scenario.License
	// Planned is the license it is planned to hold.
	Planned Plan
}

// Totals are the figures of a plan.
type Totals struct {
	// Accounts is the number of entries in the document's accounts list.
	Accounts int
	// NeedingResourceAccount counts accounts that keep a resource account.
	NeedingResourceAccount int
	// NeedingLicense counts accounts whose plan is a free or a paid license.
	NeedingLicense int
	// FreeAssigned counts free licenses the plan assigns.
	FreeAssigned int64
	// PaidNeeded counts paid licenses the plan needs.
	PaidNeeded int64
	// FreeUnused is the allotment minus the free licenses assigned.
	FreeUnused int64
}

// Cost is what the paid licenses cost at the user's price.
type Cost struct {
	Monthly  float64
	Annual   float64
	Currency string
}

// WarningKind classifies a warning.
type WarningKind string

// The warnings.
const (
	// WarnUnknownSKU: a subscription's SKU is not in the catalog and declares
	// nothing (see scenario.Subscription.Includes); it is not counted.
	WarnUnknownSKU WarningKind = "unknown-sku"
	// WarnUnknownRoute: an account routes to an id no account has.
	WarnUnknownRoute WarningKind = "unknown-route"
	// WarnNotEligible: no qualifying Phone System license, so no free licenses.
	WarnNotEligible WarningKind = "not-eligible"
)

// Warning is something the engine noticed and worked around.
type Warning struct {
	Kind WarningKind
	// Subscription is the subscription row concerned, or -1.
	Subscription int
	// Account is the account concerned, or -1.
	Account int
	// Value is the SKU or the unknown id concerned.
	Value string
}

// Result is a complete plan.
type Result struct {
	// Edition is the rule the plan was computed under.
	Edition scenario.Edition
	// SKUs lists the subscription rows with whether each counted.
	SKUs []SKUCount
	// Qualifying is N, the number of qualifying Phone System licenses.
	Qualifying int64
	// Eligible reports whether the tenant gets free licenses at all (N ≥ 1).
	Eligible bool
	// Allotment is the number of free licenses: 25 + floor(N/10) when eligible.
	Allotment int64
	// ToNextFree is how many more qualifying licenses bring one more free license.
	ToNextFree int64
	// Accounts holds one plan per account, in document order.
	Accounts []AccountPlan
	// Totals sums the plan up.
	Totals Totals
	// Cost is the price of the paid licenses, or nil when no price is given.
	Cost *Cost
	// Warnings lists what the engine worked around.
	Warnings []Warning
}

// Counts reports whether units of s count toward the allotment under edition e.
// The 2020 text counts user licenses that include Phone System; the later texts
// also count Teams Shared Devices. Teams Rooms are never counted (no document
// promises it) and neither are unknown SKUs.
func Counts(s catalog.SKU, e scenario.Edition) bool {
	switch s.Kind {
	case catalog.PhoneSystemUser:
		return true
	case catalog.SharedDevice:
		return e != scenario.VirtualUser2020
	}
	return false
}

// Resolve returns the catalog entry of a subscription's SKU and whether the
// catalog knows it. For an unknown SKU that declares what it includes, the
// entry takes the kind the declaration gives (a Phone System user license
// or a resource account license), so it counts like a catalog SKU of that kind.
func Resolve(s scenario.Subscription) (catalog.SKU, bool) {
	sku, known := catalog.Lookup(s.SKU)
	if !known {
		switch s.Includes {
		case scenario.IncludesPhoneSystem:
			sku.Kind = catalog.PhoneSystemUser
		case scenario.IncludesResourceAccount:
			sku.Kind = catalog.ResourceAccount
		}
	}
	return sku, known
}

// Allotment returns the free licenses of a tenant with n qualifying licenses.
func Allotment(n int64) int64 {
	if n < 1 {
		return 0
	}
	return BaseAllotment + n/LicensesPerExtra
}

// ToNextFree returns how many more qualifying licenses bring one more free
// license to a tenant with n: one when n is 0 (it becomes eligible), else the
// distance to the next multiple of ten.
func ToNextFree(n int64) int64 {
	if n < 1 {
		return 1 - n
	}
	return LicensesPerExtra - n%LicensesPerExtra
}

// Compute plans the document d under its edition.
func Compute(d *scenario.Document) *Result {
	return ComputeEdition(d, d.EditionOrDefault())
}

// ComputeEdition plans the document d under edition e, whatever d names.
func ComputeEdition(d *scenario.Document, e scenario.Edition) *Result {
	r := &Result{Edition: e}
	r.countSKUs(d)
	r.Eligible = r.Qualifying >= 1
	r.Allotment = Allotment(r.Qualifying)
	r.ToNextFree = ToNextFree(r.Qualifying)
	if !r.Eligible {
		r.Warnings = append(r.Warnings, Warning{Kind: WarnNotEligible, Subscription: -1, Account: -1})
	}
	r.planAccounts(d)
	r.assign()
	if d.Price != nil {
		m := float64(r.Totals.PaidNeeded) * d.Price.Monthly
		r.Cost = &Cost{Monthly: m, Annual: m * 12, Currency: d.Price.Currency}
	}
	return r
}

func (r *Result) countSKUs(d *scenario.Document) {
	r.SKUs = make([]SKUCount, len(d.Subscriptions))
	for i, s := range d.Subscriptions {
		sku, known := Resolve(s)
		c := SKUCount{Index: i, SKU: sku, Known: known, Units: s.Units}
		if !known && s.Includes == "" {
			r.Warnings = append(r.Warnings, Warning{Kind: WarnUnknownSKU, Subscription: i, Account: -1, Value: s.SKU})
		}
		if Counts(sku, r.Edition) && s.Units > 0 {
			c.Counted = true
			r.Qualifying += s.Units
		}
		r.SKUs[i] = c
	}
}

func (r *Result) planAccounts(d *scenario.Document) {
	index := make(map[string]int, len(d.Accounts))
	for i, a := range d.Accounts {
		if _, dup := index[a.ID]; !dup {
			index[a.ID] = i
		}
	}
	r.Accounts = make([]AccountPlan, len(d.Accounts))
	for i, a := range d.Accounts {
		r.Accounts[i] = AccountPlan{Index: i, ID: a.ID, HasNumber: a.PhoneNumber != "", Holds: a.LicenseOrDefault()}
	}
	// Count the other accounts routing to each account; a list naming the
	// same target twice counts once (lastFrom remembers who counted last),
	// and a self-loop does not count.
	lastFrom := make([]int, len(d.Accounts))
	for i := range lastFrom {
		lastFrom[i] = -1
	}
	for i, a := range d.Accounts {
		for _, to := range a.RoutesTo {
			j, ok := index[to]
			if !ok {
				r.Warnings = append(r.Warnings, Warning{Kind: WarnUnknownRoute, Subscription: -1, Account: i, Value: to})
				continue
			}
			if j == i || lastFrom[j] == i {
				continue
			}
			lastFrom[j] = i
			r.Accounts[j].RoutedFrom++
		}
	}
	for i := range r.Accounts {
		p := &r.Accounts[i]
		p.AnswersDirectly = p.HasNumber || p.RoutedFrom == 0
		p.NeedsResourceAccount = true
		switch r.Edition {
		case scenario.ResourceAccount2022:
			p.NeedsLicense, p.Reason = true, ReasonEveryAccount
			if p.HasNumber {
				p.Reason = ReasonPhoneNumber
			}
		case scenario.ResourceAccount2024:
			switch {
			case p.HasNumber:
				p.NeedsLicense, p.Reason = true, ReasonPhoneNumber
			case p.AnswersDirectly:
				p.NeedsLicense, p.Reason = true, ReasonEntryPoint
			default:
				p.NeedsResourceAccount, p.Reason = false, ReasonNestedNoNumber
			}
		default: // VirtualUser2020
			switch {
			case p.HasNumber:
				p.NeedsLicense, p.Reason = true, ReasonPhoneNumber
			case p.RoutedFrom > 0:
				p.Reason = ReasonNestedNoNumber
			default:
				p.Reason = ReasonNoNumber
			}
		}
	}
}

// assign hands out the free licenses so that plans change as little as
// possible: first to accounts that hold a free license today, then to
// accounts with none, then to accounts holding a paid Phone System license;
// document order within each group. The rest are paid.
func (r *Result) assign() {
	left := r.Allotment
	for _, group := range []scenario.License{scenario.VirtualUser, scenario.NoLicense, scenario.PhoneSystem} {
		for i := range r.Accounts {
			p := &r.Accounts[i]
			if !p.NeedsLicense || p.Holds != group {
				continue
			}
			if left > 0 {
				p.Planned = PlanFree
				left--
				r.Totals.FreeAssigned++
			} else {
				p.Planned = PlanPaid
				r.Totals.PaidNeeded++
			}
		}
	}
	r.Totals.Accounts = len(r.Accounts)
	for i := range r.Accounts {
		p := &r.Accounts[i]
		switch {
		case !p.NeedsResourceAccount:
			p.Planned = PlanNoAccount
		case !p.NeedsLicense:
			p.Planned = PlanNone
		}
		if p.NeedsResourceAccount {
			r.Totals.NeedingResourceAccount++
		}
		if p.NeedsLicense {
			r.Totals.NeedingLicense++
		}
	}
	r.Totals.FreeUnused = r.Allotment - r.Totals.FreeAssigned
}
