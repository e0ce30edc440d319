// Package advice turns a licensing plan into findings an administrator can act
// on: numbers that could go so that nested auto attendants and call queues need
// fewer licenses (redesign), Phone System licenses to swap for free Resource
// Account licenses, licenses to release, licenses to buy, and health checks of
// the call flow (orphans, unknown routes, loops nothing enters, numbers without
// a license).
//
// Findings are data, not prose: kinds, account indexes, counts and step kinds
// that the page words in its own languages. Every figure that depends on the
// rule is recomputed by the licensing engine on a modified copy of the
// document, never estimated.
//
// The package is pure Go and does not depend on the UI.
package advice

import (
	"fmt"

	"github.com/raplanner/raplanner/app/scenario"
)

// Kind classifies a finding. The strings are stable identifiers the UI can use
// as translation keys and page hooks.
type Kind string

// The kinds of finding, in the order Advise lists them.
const (
	// KindRedesign: numbered accounts that are also reached through another
	// account could drop their number and become nested. See Redesign.
	KindRedesign Kind = "redesign"
	// KindSwitchToFree: accounts holding a paid Phone System license today
	// whose plan is a free Resource Account (Virtual User) license. The swap
	// must be one license activity.
	KindSwitchToFree Kind = "switch-to-free"
	// KindSwitchToPaid: under the 2022 and 2024 rules, accounts holding Phone
	// System (never allowed on a resource account) for which no free license
	// is left: they must switch to a paid Resource Account license, in one
	// license activity.
	KindSwitchToPaid Kind = "switch-to-paid"
	// KindRelease: accounts holding a license today that the plan does not need.
	KindRelease Kind = "release"
	// KindBuy: the licenses to buy and assign. See Buy.
	KindBuy Kind = "buy"
	// KindOrphan: accounts without a phone number that no other account
	// routes to: nothing reaches them.
	KindOrphan Kind = "health-orphan"
	// KindUnknownRoute: routes to ids no account of the document has.
	KindUnknownRoute Kind = "health-unknown-route"
	// KindLoopWithoutEntry: a loop of accounts none of which is reachable from
	// an account that answers calls directly. There is one finding per loop.
	KindLoopWithoutEntry Kind = "health-loop-without-entry"
	// KindNumberWithoutLicense: accounts with a phone number but no license
	// today: the number does not work until the account is licensed.
	KindNumberWithoutLicense Kind = "health-number-without-license"
)

// Kinds lists every kind of finding, in the order Advise lists them (the UI
// can check that it translates them all).
var Kinds = []Kind{
	KindRedesign, KindSwitchToFree, KindSwitchToPaid, KindRelease, KindBuy,
	KindOrphan, KindUnknownRoute, KindLoopWithoutEntry, KindNumberWithoutLicense,
}

// Health reports whether k is a health check of the call flow rather than a
// licensing action.
func (k Kind) Health() bool {
	switch k {
	case KindOrphan, KindUnknownRoute, KindLoopWithoutEntry, KindNumberWithoutLicense:
		return true
	}
	return false
}

// StepKind says what one step of a finding asks the administrator to do. The
// strings are stable translation keys.
type StepKind string

// The kinds of step. The fields of Step each kind uses are listed with it.
const (
	// StepDropNumber: remove the phone number Value from Account (it stays
	// reachable through the accounts that route to it).
	StepDropNumber StepKind = "drop-number"
	// StepOneActivity: a warning that precedes license swaps: remove the old
	// license and add the new one in ONE license activity (one save, or one
	// Set-MgUserLicense call with -AddLicenses and -RemoveLicenses). Two
	// separate saves can break the resource account.
	StepOneActivity StepKind = "one-license-activity"
	// StepSwapLicense: on Account, remove RemoveSKU and add SKU in the same
	// license activity. Paid says whether the added license is a paid one.
	StepSwapLicense StepKind = "swap-license"
	// StepIfBroken: what to do if a swap was made in two activities and the
	// resource account broke: create a new resource account with the Resource
	// Account (Virtual User) license, move the auto attendant or call queue and
	// the number to it, and remove the broken one.
	StepIfBroken StepKind = "if-broken-recreate"
	// StepRemoveLicense: remove license SKU from Account.
	StepRemoveLicense StepKind = "remove-license"
	// StepRemoveResourceAccount: under the 2024 rule, Account is nested, answers
	// no calls directly and needs no resource account at all.
	StepRemoveResourceAccount StepKind = "remove-resource-account"
	// StepBilling: in the Microsoft 365 admin center, open Billing.
	StepBilling StepKind = "billing"
	// StepPurchaseServices: open Purchase services.
	StepPurchaseServices StepKind = "purchase-services"
	// StepAddOns: open Add-ons.
	StepAddOns StepKind = "add-ons"
	// StepSelectProduct: select the product SKU (a skuPartNumber; the UI takes
	// its name and former name from the catalog, e.g. "Microsoft Teams Phone
	// Resource Account", formerly "Microsoft 365 Phone System – Virtual User").
	StepSelectProduct StepKind = "select-product"
	// StepBuy: buy Quantity units of SKU; Paid says whether they cost money
	// (false: the $0 licenses of the allotment, which must still be bought).
	StepBuy StepKind = "buy"
	// StepAssignLicense: assign license SKU to Account (Paid as for StepBuy).
	StepAssignLicense StepKind = "assign-license"
	// StepConnectOrRemove: Account is reached by nothing: route to it from an
	// account that answers calls, give it a number, or remove it.
	StepConnectOrRemove StepKind = "connect-or-remove"
	// StepAddEntry: the loop of the finding's accounts is reached by nothing:
	// give one of them a number, route to one of them from an account that
	// answers calls, or remove them.
	StepAddEntry StepKind = "add-entry"
	// StepFixRoute: Account routes to Value, an id no account has: fix or
	// remove the route.
	StepFixRoute StepKind = "fix-route"
)

// StepKinds lists every kind of step (the UI can check that it translates them all).
var StepKinds = []StepKind{
	StepDropNumber, StepOneActivity, StepSwapLicense, StepIfBroken, StepRemoveLicense,
	StepRemoveResourceAccount, StepBilling, StepPurchaseServices, StepAddOns,
	StepSelectProduct, StepBuy, StepAssignLicense, StepConnectOrRemove, StepAddEntry,
	StepFixRoute,
}

// Step is one thing to do, as data. Fields a kind does not use are zero,
// except Account, which is -1 when the step concerns no single account.
type Step struct {
	// Kind says what to do.
	Kind StepKind
	// Account is the index in the document's accounts of the account
	// concerned, or -1.
	Account int
	// SKU is the skuPartNumber to add, select, buy, assign or remove.
	SKU string
	// RemoveSKU is, for StepSwapLicense, the skuPartNumber to remove in the
	// same license activity.
	RemoveSKU string
	// Quantity is, for StepBuy, the number of units.
	Quantity int64
	// Paid reports, for StepBuy, StepAssignLicense and StepSwapLicense,
	// whether the license added costs money.
	Paid bool
	// Value is the phone number (StepDropNumber) or the unknown id (StepFixRoute).
	Value string
}

// String returns a debugging form of the step (not for display).
func (s Step) String() string {
	out := string(s.Kind)
	if s.Account >= 0 {
		out += fmt.Sprintf(" account=%d", s.Account)
	}
	if s.RemoveSKU != "" {
		out += " remove=" + s.RemoveSKU
	}
	if s.SKU != "" {
		out += " sku=" + s.SKU
	}
	if s.Quantity != 0 {
		out += fmt.Sprintf(" quantity=%d", s.Quantity)
	}
	if s.Paid {
		out += " paid"
	}
	if s.Value != "" {
		out += fmt.Sprintf(" value=%q", s.Value)
	}
	return out
}

// Saving is what acting on a finding saves. Counts are never negative.
type Saving struct {
	// PaidLicenses counts the paid licenses no longer needed.
	PaidLicenses int64
	// FreeLicenses counts the free Resource Account (Virtual User) licenses
	// no longer needed (they stay available for other accounts).
	FreeLicenses int64
	// ResourceAccounts counts the resource accounts no longer needed (2024 rule).
	ResourceAccounts int64
	// Monthly is PaidLicenses times the document's price, when Priced.
	Monthly float64
	// Priced reports whether the document gives a price, so that Monthly means something.
	Priced bool
	// Currency is the document's currency, or empty.
	Currency string
}

// Effect says, per edition of the rule, what dropping the number of a nested
// account does. The UI words the redesign finding after it.
type Effect string

// The effects.
const (
	// EffectNoLicense (2020 rule): a nested resource account without a number
	// needs no license.
	EffectNoLicense Effect = "no-license"
	// EffectRemoveAccountToSave (2022 rule): every resource account is
	// licensed, number or not, so dropping a number saves nothing; a saving
	// would only come from removing resource accounts.
	EffectRemoveAccountToSave Effect = "remove-account-to-save"
	// EffectNoAccount (2024 rule): a nested account without a number answers
	// no calls directly and needs no resource account at all, so dropping the
	// number also drops its resource account and its license.
	EffectNoAccount Effect = "no-account"
)

// Candidate is one account of a redesign finding.
type Candidate struct {
	// Account is the account's index in the document.
	Account int
	// Saving is what dropping only this account's number saves, recomputed by
	// the engine; zero when Redesign.PerCandidate is false.
	Saving Saving
}

// Redesign details a KindRedesign finding. The finding's Saving is what
// dropping the numbers of all candidates at once saves, recomputed by the engine.
type Redesign struct {
	// Effect says what dropping a number does under the plan's edition.
	Effect Effect
	// Candidates lists, in document order, the numbered accounts that other
	// accounts route to and that stay reachable from a numbered account once
	// every candidate has dropped its number. In a group of accounts that
	// route to each other and that no other numbered account reaches, the
	// first numbered account keeps its number.
	Candidates []Candidate
	// PerCandidate reports whether Candidates carry their own savings. It is
	// false when there are more than MaxPerCandidate candidates or the work
	// would exceed MaxPerCandidateWork (the UI can then offer WhatIf).
	PerCandidate bool
	// Excluded lists numbered accounts that other accounts route to but that
	// are not candidates, because no account keeping its number reaches them
	// (they are reached only back through a loop, like a main line that an
	// after-hours menu returns to): dropping their number would leave callers
	// no way in.
	Excluded []int
}

// Buy details a KindBuy finding.
type Buy struct {
	// FreeAssigned counts the free licenses the plan assigns.
	FreeAssigned int64
	// FreeOwned counts the Resource Account (Virtual User) SKU units the
	// tenant already has (PHONESYSTEM_VIRTUALUSER and its GCC and Faculty variants).
	FreeOwned int64
	// Free is the number of $0 licenses to buy: FreeAssigned − FreeOwned, never below 0.
	Free int64
	// FreeSKU is the Resource Account SKU to buy: the variant the tenant
	// already has, else PHONESYSTEM_VIRTUALUSER.
	FreeSKU string
	// PaidNeeded counts the paid licenses the plan needs: Phone System under
	// the 2020 rule, extra Resource Account licenses under the 2022 and 2024 rules.
	PaidNeeded int64
	// PaidCovered counts those the tenant already has: under the 2020 rule the
	// accounts planned paid that hold Phone System today; under the later
	// rules the Resource Account units owned beyond FreeAssigned.
	PaidCovered int64
	// Paid is the number of paid licenses to buy: PaidNeeded − PaidCovered,
	// never below 0.
	Paid int64
	// PaidSKU is the paid license: MCOEV (Teams Phone Standard, formerly Phone
	// System) under the 2020 rule, FreeSKU under the later rules.
	PaidSKU string
}

// Finding is one thing the administrator can act on.
type Finding struct {
	// Kind classifies the finding.
	Kind Kind
	// Accounts lists, in document order, the indexes of the accounts the
	// finding concerns.
	Accounts []int
	// Related lists accounts affected but not themselves the cause: for a
	// loop without entry, the accounts reached only from that loop.
	Related []int
	// Saving is what acting on the finding saves (zero for purchases and
	// health checks).
	Saving Saving
	// Steps lists what to do, in order.
	Steps []Step
	// Redesign is set for KindRedesign.
	Redesign *Redesign
	// Buy is set for KindBuy.
	Buy *Buy
}

// String returns a debugging form of the finding (not for display).
func (f Finding) String() string {
	return fmt.Sprintf("%s accounts=%v paid-saved=%d steps=%d", f.Kind, f.Accounts, f.Saving.PaidLicenses, len(f.Steps))
}

// The names of the metrics, which are also the values of the page's
// data-metric hooks.
const (
	// MetricSwitchToFree names Metrics.SwitchToFree.
	MetricSwitchToFree = "switch-to-free"
	// MetricLicensesToRelease names Metrics.LicensesToRelease.
	MetricLicensesToRelease = "licenses-to-release"
	// MetricRedesignSaving names Metrics.RedesignSaving.
	MetricRedesignSaving = "redesign-saving"
	// MetricFreeToBuy names Metrics.FreeToBuy.
	MetricFreeToBuy = "free-to-buy"
	// MetricOrphans names Metrics.Orphans.
	MetricOrphans = "orphans"
)

// Metrics are the headline figures of the advice. None is ever negative.
type Metrics struct {
	// SwitchToFree counts accounts holding Phone System today whose planned
	// license is free.
	SwitchToFree int64
	// LicensesToRelease counts accounts holding any license today that need
	// none under the edition.
	LicensesToRelease int64
	// RedesignSaving is the paid licenses needed now minus those needed if
	// every redesign candidate dropped its number (recomputed by the engine;
	// under the 2024 rule the candidates then also lose their resource account).
	RedesignSaving int64
	// FreeToBuy is the free licenses the plan assigns minus the Resource
	// Account SKU units the tenant already has, never below 0.
	FreeToBuy int64
	// Orphans counts accounts without a number that no other account routes to.
	Orphans int64
}

// Metric is one named metric.
type Metric struct {
	// Name is one of the Metric… constants.
	Name string
	// Value is the metric's value.
	Value int64
}

// List returns the metrics as name→value pairs in a stable order.
func (m Metrics) List() []Metric {
	return []Metric{
		{MetricSwitchToFree, m.SwitchToFree},
		{MetricLicensesToRelease, m.LicensesToRelease},
		{MetricRedesignSaving, m.RedesignSaving},
		{MetricFreeToBuy, m.FreeToBuy},
		{MetricOrphans, m.Orphans},
	}
}

// Advice is the complete advice for one plan.
type Advice struct {
	// Edition is the rule the advice follows (the plan's edition).
	Edition scenario.Edition
	// Findings lists the findings in the order of Kinds; a kind with nothing
	// to report is absent, and loops come one finding each, ordered by their
	// first account.
	Findings []Finding
	// Metrics are the headline figures.
	Metrics Metrics
}

// Of returns the findings of kind k, in order.
func (a *Advice) Of(k Kind) []Finding {
	var out []Finding
	for _, f := range a.Findings {
		if f.Kind == k {
			out = append(out, f)
		}
	}
	return out
}
