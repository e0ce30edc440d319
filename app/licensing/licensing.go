// Package licensing is the RA Planner engine: given a scenario document, it
// computes under the document's edition of the rule how many free Virtual User
// (Resource Account) licenses the tenant is allotted, which resource accounts
// need a license and why, who gets which license, and what must be bought.
//
// The engine is pure and linear in the size of the document: it runs in the
// browser on every edit.
package licensing

import (
	"hash/maphash"
	"math/bits"

	"github.com/raplanner/raplanner/app/catalog"
	"github.com/raplanner/raplanner/app/scenario"
)

// Free licenses: an eligible tenant gets BaseAllotment licenses, plus one for
// every LicensesPerExtra qualifying Phone System licenses.
const (
	BaseAllotment    = 25
	LicensesPerExtra = 10
)

// Plan is the license an account is planned to hold. Its String is the
// value of the page's data-plan hooks and of the CSV export's Planned column.
type Plan uint8

// The plans.
const (
	// PlanFree is a free Virtual User (Resource Account) license from the allotment.
	PlanFree Plan = iota + 1
	// PlanPaid is a paid license: Phone System under the 2020 rule, an extra
	// Resource Account license under the 2022 and 2024 rules.
	PlanPaid
	// PlanNone means the account keeps its resource account but needs no license.
	PlanNone
	// PlanNoAccount means the account needs no resource account at all.
	PlanNoAccount
)

var planNames = [...]string{PlanFree: "free", PlanPaid: "paid", PlanNone: "none", PlanNoAccount: "no-account"}

// String returns the plan's hook value: "free", "paid", "none" or
// "no-account"; "" for the zero Plan, which Compute never returns.
func (p Plan) String() string {
	if int(p) < len(planNames) {
		return planNames[p]
	}
	return ""
}

// MarshalText encodes the plan as its String.
func (p Plan) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// Reason says why an account does or does not need a license. Its String
// is the CSV export's reason code and the suffix of its explanation's
// message key ("why.phone-number").
type Reason uint8

// The reasons.
const (
	// ReasonPhoneNumber: the resource account has a phone number, which it
	// cannot get without a license.
	ReasonPhoneNumber Reason = iota + 1
	// ReasonEveryAccount: under the 2022 rule every resource account is licensed.
	ReasonEveryAccount
	// ReasonEntryPoint: under the 2024 rule an account that answers calls
	// directly (nothing routes to it) keeps a licensed resource account.
	ReasonEntryPoint
	// ReasonNestedNoNumber: a nested account without a phone number needs no
	// license (2020) or no resource account at all (2024).
	ReasonNestedNoNumber
	// ReasonNoNumber: under the 2020 rule an account without a phone number
	// needs no license, nested or not.
	ReasonNoNumber
)

var reasonNames = [...]string{
	ReasonPhoneNumber: "phone-number", ReasonEveryAccount: "every-account", ReasonEntryPoint: "entry-point",
	ReasonNestedNoNumber: "nested-no-number", ReasonNoNumber: "no-number",
}

// String returns the reason's code ("phone-number", "entry-point", ...);
// "" for the zero Reason, which Compute never returns.
func (r Reason) String() string {
	if int(r) < len(reasonNames) {
		return reasonNames[r]
	}
	return ""
}

// MarshalText encodes the reason as its String.
func (r Reason) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

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

// AccountPlan is the plan for one account of the document. It holds no
// pointers and takes 16 bytes, so the plan of 100,000 accounts is one
// 1.6 MB block the garbage collector never scans; the account itself is
// the document's Accounts[Index].
type AccountPlan struct {
	// Index is the account's position in the document's accounts.
	Index int32
	// RoutedFrom counts the other accounts that route calls to this one.
	RoutedFrom int32
	// HasNumber reports whether the account has a phone number.
	HasNumber bool
	// AnswersDirectly reports whether calls arrive here directly: it has a
	// phone number or no other account routes to it.
	AnswersDirectly bool
	// NeedsResourceAccount reports whether the account needs a resource account.
	NeedsResourceAccount bool
	// NeedsLicense reports whether that resource account needs a license.
	NeedsLicense bool
	// Reason says why it needs a license or not.
	Reason Reason
	// Planned is the license it is planned to hold.
	Planned Plan
	// holds ranks the license the account holds today in the order free
	// licenses are handed out (see assign).
	holds uint8
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

// accountIndex maps account ids to the position of the first account with
// that id: an open-addressing table of 32-bit slots, each packing the
// position plus one (zero is an empty slot) under as many bits of the id's
// hash as the position leaves free (15 bits at 100,000 accounts). Probing
// compares those bits first, so nearly only a true match reads the account's
// id. Six bytes an account and no pointers: where a map[string]int takes
// about six times the memory, which the garbage collector would scan, the
// table of 100,000 accounts fits in a processor's L2 cache.
type accountIndex struct {
	seed     maphash.Seed
	accounts []scenario.Account
	slots    []uint32
	posBits  uint // the low bits of a slot that hold the position
}

func newAccountIndex(accounts []scenario.Account) *accountIndex {
	n := len(accounts)
	x := &accountIndex{seed: maphash.MakeSeed(), accounts: accounts, slots: make([]uint32, max(8, n+n/2)), posBits: uint(bits.Len(uint(n)))}
	for i := range accounts {
		// A duplicate id is found: the first account keeps it.
		if k, tag, found := x.probe(accounts[i].ID); found < 0 {
			x.slots[k] = tag | uint32(i+1)
		}
	}
	return x
}

// probe walks the slots of id from its home slot. It returns the position
// of the account holding id, or -1 with the empty slot where id would go
// and the hash bits that slot would hold.
func (x *accountIndex) probe(id string) (slot int, tag uint32, found int) {
	h := maphash.String(x.seed, id)
	k, _ := bits.Mul64(uint64(uint32(h)), uint64(len(x.slots))<<32)
	tag = uint32(h>>32>>x.posBits) << x.posBits
	for slot = int(k); ; {
		s := x.slots[slot]
		if s == 0 {
			return slot, tag, -1
		}
		if pos := int(s&(1<<x.posBits-1)) - 1; s^tag < 1<<x.posBits && x.accounts[pos].ID == id {
			return slot, tag, pos
		}
		if slot++; slot == len(x.slots) {
			slot = 0
		}
	}
}

// lookup returns the position of the first account with the given id.
func (x *accountIndex) lookup(id string) (int, bool) {
	_, _, pos := x.probe(id)
	return pos, pos >= 0
}

// The order in which free licenses go to the accounts that need one, by
// the license they hold today (see assign).
const (
	holdsVirtualUser uint8 = iota
	holdsNothing
	holdsPhoneSystem
	holdsRanks
)

// Holds returns the license the account holds today: VirtualUser,
// PhoneSystem, or NoLicense (also for a license the scenario format does
// not know).
func (p *AccountPlan) Holds() scenario.License {
	switch p.holds {
	case holdsVirtualUser:
		return scenario.VirtualUser
	case holdsPhoneSystem:
		return scenario.PhoneSystem
	}
	return scenario.NoLicense
}

func holdsRank(l scenario.License) uint8 {
	switch l {
	case scenario.VirtualUser:
		return holdsVirtualUser
	case scenario.PhoneSystem:
		return holdsPhoneSystem
	}
	return holdsNothing
}

func (r *Result) planAccounts(d *scenario.Document) {
	index := newAccountIndex(d.Accounts)
	r.Accounts = make([]AccountPlan, len(d.Accounts))
	// Count the other accounts routing to each account; a list naming the
	// same target twice counts once (lastFrom remembers who counted last,
	// plus one), and a self-loop does not count.
	lastFrom := make([]int32, len(d.Accounts))
	for i := range d.Accounts {
		a := &d.Accounts[i]
		r.Accounts[i].Index = int32(i)
		r.Accounts[i].HasNumber = a.PhoneNumber != ""
		r.Accounts[i].holds = holdsRank(a.License)
		for _, to := range a.RoutesTo {
			j, ok := index.lookup(to)
			if !ok {
				r.Warnings = append(r.Warnings, Warning{Kind: WarnUnknownRoute, Subscription: -1, Account: i, Value: to})
				continue
			}
			if j == i || lastFrom[j] == int32(i+1) {
				continue
			}
			lastFrom[j] = int32(i + 1)
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
// accounts with none (or a license the scenario format does not know),
// then to accounts holding a paid Phone System license; document order
// within each group. The rest are paid.
func (r *Result) assign() {
	// How many accounts of each group need a license decides how many free
	// licenses each group gets; one pass then hands them out.
	var need, free [holdsRanks]int64
	for i := range r.Accounts {
		if p := &r.Accounts[i]; p.NeedsLicense {
			need[p.holds]++
		}
	}
	left := r.Allotment
	for g := range need {
		free[g] = max(0, min(left, need[g]))
		left -= free[g]
	}
	r.Totals.Accounts = len(r.Accounts)
	for i := range r.Accounts {
		p := &r.Accounts[i]
		switch {
		case !p.NeedsResourceAccount:
			p.Planned = PlanNoAccount
		case !p.NeedsLicense:
			p.Planned = PlanNone
		case free[p.holds] > 0:
			p.Planned = PlanFree
			free[p.holds]--
			r.Totals.FreeAssigned++
		default:
			p.Planned = PlanPaid
			r.Totals.PaidNeeded++
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
