package advice

import (
	"math"
	"slices"

	"github.com/raplanner/raplanner/app/catalog"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

// Bounds of the per-candidate what-ifs of a redesign finding, each of which
// runs the engine once on the whole document. Above either bound the
// candidates carry no saving of their own and Redesign.PerCandidate is false;
// the saving of dropping all numbers is always computed.
const (
	// MaxPerCandidate is the largest number of candidates that get their own saving.
	MaxPerCandidate = 500
	// MaxPerCandidateWork bounds candidates × (accounts + routes): about
	// 5 ms of engine runs natively, 20 ms in a browser (WebAssembly), which
	// Advise spends on every edit (make bench measured 35 ms per edit at
	// 300 accounts with a bound ten times higher).
	MaxPerCandidateWork = 50_000
)

// Advise returns the advice for document d and its plan r, normally
// licensing.Compute(d); a plan from licensing.ComputeEdition(d, e) gives the
// advice under edition e. When r is nil or does not describe d (a different
// number of accounts) Advise computes licensing.Compute(d) itself. Advise does
// not modify d or r. A nil d is an empty document.
//
// Complexity: O(A + R + S) for A accounts, R routes and S subscription rows
// (plus sorting the loops found), one engine run for the redesign saving, and
// one engine run per redesign candidate, bounded by MaxPerCandidate and
// MaxPerCandidateWork, hence O(A + R) each.
func Advise(d *scenario.Document, r *licensing.Result) *Advice {
	if d == nil {
		d = &scenario.Document{}
	}
	if r == nil || len(r.Accounts) != len(d.Accounts) {
		r = licensing.Compute(d)
	}
	a := &advisor{d: d, r: r, g: newGraph(d), freeSKU: freeSKU(d)}
	a.comps, a.comp = a.g.sccs()
	a.out = &Advice{Edition: r.Edition}
	a.redesign()
	a.switchLicenses()
	a.release()
	a.buy()
	a.orphans()
	a.unknownRoutes()
	a.loopsWithoutEntry()
	a.numbersWithoutLicense()
	return a.out
}

// WhatIf returns a copy of d in which the accounts whose ids are in drop have
// no phone number; d is not modified. Every account bearing a listed id
// loses its number; unknown ids are ignored. The UI plans the copy with
// licensing.Compute to show the effect of a redesign. WhatIf of nil is nil.
func WhatIf(d *scenario.Document, drop []string) *scenario.Document {
	c := d.Clone()
	if c == nil || len(drop) == 0 {
		return c
	}
	ids := make(map[string]bool, len(drop))
	for _, id := range drop {
		ids[id] = true
	}
	for i := range c.Accounts {
		if ids[c.Accounts[i].ID] {
			c.Accounts[i].PhoneNumber = ""
		}
	}
	return c
}

// advisor holds what the findings share while Advise runs.
type advisor struct {
	d       *scenario.Document
	r       *licensing.Result
	g       *graph
	comps   [][]int // strongly connected components, reverse topological order
	comp    []int   // component of each account
	freeSKU string
	out     *Advice
}

func (a *advisor) add(f Finding) {
	a.out.Findings = append(a.out.Findings, f)
}

// later reports whether the plan follows the 2022 or 2024 rule, under which
// Phone System is never allowed on a resource account.
func (a *advisor) later() bool {
	return a.r.Edition == scenario.ResourceAccount2022 || a.r.Edition == scenario.ResourceAccount2024
}

// paidSKU is the paid license of the plan's edition.
func (a *advisor) paidSKU() string {
	if a.later() {
		return a.freeSKU
	}
	return catalog.PhoneSystemPartNumber
}

// saving fills in the money of a saving of paid paid licenses.
func (a *advisor) saving(s Saving) Saving {
	if p := a.d.Price; p != nil {
		s.Priced = true
		s.Currency = p.Currency
		s.Monthly = float64(s.PaidLicenses) * p.Monthly
	}
	return s
}

// heldSKU is the SKU behind a license held today.
func (a *advisor) heldSKU(l scenario.License) string {
	if l == scenario.PhoneSystem {
		return catalog.PhoneSystemPartNumber
	}
	return a.freeSKU
}

// freeSKU is the Resource Account SKU variant the tenant already has, else
// PHONESYSTEM_VIRTUALUSER.
func freeSKU(d *scenario.Document) string {
	for _, s := range d.Subscriptions {
		if sku, _ := licensing.Resolve(s); sku.Kind == catalog.ResourceAccount && s.Units > 0 {
			return sku.PartNumber
		}
	}
	return catalog.VirtualUserPartNumber
}

// ownedResourceAccountUnits sums the units of Resource Account SKUs, saturating.
func ownedResourceAccountUnits(d *scenario.Document) int64 {
	var n int64
	for _, s := range d.Subscriptions {
		if sku, _ := licensing.Resolve(s); sku.Kind == catalog.ResourceAccount && s.Units > 0 {
			if n > math.MaxInt64-s.Units {
				return math.MaxInt64
			}
			n += s.Units
		}
	}
	return n
}

// redesign adds the redesign finding. A numbered account is a candidate when
// another numbered account that keeps its number reaches it, so that callers
// still get there once its number is gone. The numbered accounts that keep
// theirs are, in every strongly connected component that no numbered account
// outside it reaches, the first numbered account of the component (for a
// component of one account, the account itself). The savings are recomputed
// by the engine on one working copy of d whose numbers are dropped and
// restored in turn.
func (a *advisor) redesign() {
	plans := a.r.Accounts
	numbered := make([]int, len(a.comps)) // first numbered account of each component, or -1
	for c := range numbered {
		numbered[c] = -1
	}
	for i, p := range plans {
		if c := a.comp[i]; p.HasNumber && numbered[c] == -1 {
			numbered[c] = i
		}
	}
	// entered[c]: a numbered account outside component c reaches it. The
	// components are visited in topological order, upstream first.
	entered := make([]bool, len(a.comps))
	for c := len(a.comps) - 1; c >= 0; c-- {
		if !entered[c] && numbered[c] == -1 {
			continue
		}
		for _, v := range a.comps[c] {
			for _, w := range a.g.adj[a.g.start[v]:a.g.start[v+1]] {
				if a.comp[w] != c {
					entered[a.comp[w]] = true
				}
			}
		}
	}
	var cands, excluded []int
	for i, p := range plans {
		if !p.HasNumber {
			continue
		}
		c := a.comp[i]
		switch {
		case entered[c] || numbered[c] != i:
			cands = append(cands, i)
		case p.RoutedFrom > 0:
			excluded = append(excluded, i)
		}
	}
	if len(cands) == 0 {
		return
	}
	rd := &Redesign{Effect: EffectNoLicense, Excluded: excluded}
	switch a.r.Edition {
	case scenario.ResourceAccount2022:
		rd.Effect = EffectRemoveAccountToSave
	case scenario.ResourceAccount2024:
		rd.Effect = EffectNoAccount
	}

	work := a.d.Clone()
	numbers := make([]string, len(cands))
	for k, i := range cands {
		numbers[k] = work.Accounts[i].PhoneNumber
		work.Accounts[i].PhoneNumber = ""
	}
	all := a.diff(licensing.ComputeEdition(work, a.r.Edition))
	for k, i := range cands {
		work.Accounts[i].PhoneNumber = numbers[k]
	}

	size := int64(len(plans) + len(a.g.adj) + len(a.g.unknown) + 1)
	rd.PerCandidate = len(cands) <= MaxPerCandidate && int64(len(cands)) <= MaxPerCandidateWork/size
	rd.Candidates = make([]Candidate, len(cands))
	for k, i := range cands {
		rd.Candidates[k] = Candidate{Account: i}
		if !rd.PerCandidate {
			continue
		}
		work.Accounts[i].PhoneNumber = ""
		rd.Candidates[k].Saving = a.diff(licensing.ComputeEdition(work, a.r.Edition))
		work.Accounts[i].PhoneNumber = numbers[k]
	}

	f := Finding{Kind: KindRedesign, Accounts: cands, Saving: all, Redesign: rd}
	if rd.Effect != EffectRemoveAccountToSave {
		for k, i := range cands {
			f.Steps = append(f.Steps, Step{Kind: StepDropNumber, Account: i, Value: numbers[k]})
			if h := plans[i].Holds(); h == scenario.VirtualUser || h == scenario.PhoneSystem {
				f.Steps = append(f.Steps, Step{Kind: StepRemoveLicense, Account: i, SKU: a.heldSKU(h)})
			}
			if rd.Effect == EffectNoAccount {
				f.Steps = append(f.Steps, Step{Kind: StepRemoveResourceAccount, Account: i})
			}
		}
	}
	a.out.Metrics.RedesignSaving = all.PaidLicenses
	a.add(f)
}

// diff is what the plan after saves compared with the current plan.
func (a *advisor) diff(after *licensing.Result) Saving {
	before := a.r.Totals
	return a.saving(Saving{
		PaidLicenses:     max(0, before.PaidNeeded-after.Totals.PaidNeeded),
		FreeLicenses:     max(0, before.FreeAssigned-after.Totals.FreeAssigned),
		ResourceAccounts: int64(max(0, before.NeedingResourceAccount-after.Totals.NeedingResourceAccount)),
	})
}

// switchLicenses adds the switch-to-free finding (Phone System held, free
// license planned) and, under the 2022 and 2024 rules, the switch-to-paid
// finding (Phone System held, paid Resource Account license planned).
func (a *advisor) switchLicenses() {
	var toFree, toPaid []int
	for i, p := range a.r.Accounts {
		if p.Holds() != scenario.PhoneSystem {
			continue
		}
		switch {
		case p.Planned == licensing.PlanFree:
			toFree = append(toFree, i)
		case p.Planned == licensing.PlanPaid && a.later():
			toPaid = append(toPaid, i)
		}
	}
	a.out.Metrics.SwitchToFree = int64(len(toFree))
	swap := func(kind Kind, accounts []int, paid bool, s Saving) {
		if len(accounts) == 0 {
			return
		}
		steps := []Step{{Kind: StepOneActivity, Account: -1}}
		for _, i := range accounts {
			steps = append(steps, Step{Kind: StepSwapLicense, Account: i, RemoveSKU: catalog.PhoneSystemPartNumber, SKU: a.freeSKU, Paid: paid})
		}
		steps = append(steps, Step{Kind: StepIfBroken, Account: -1})
		a.add(Finding{Kind: kind, Accounts: accounts, Saving: a.saving(s), Steps: steps})
	}
	swap(KindSwitchToFree, toFree, false, Saving{PaidLicenses: int64(len(toFree))})
	swap(KindSwitchToPaid, toPaid, true, Saving{})
}

// release adds the release finding: licenses held by accounts that need none.
func (a *advisor) release() {
	f := Finding{Kind: KindRelease}
	for i, p := range a.r.Accounts {
		if p.Holds() != scenario.VirtualUser && p.Holds() != scenario.PhoneSystem {
			continue
		}
		if p.Planned != licensing.PlanNone && p.Planned != licensing.PlanNoAccount {
			continue
		}
		f.Accounts = append(f.Accounts, i)
		if p.Holds() == scenario.PhoneSystem {
			f.Saving.PaidLicenses++
		} else {
			f.Saving.FreeLicenses++
		}
		f.Steps = append(f.Steps, Step{Kind: StepRemoveLicense, Account: i, SKU: a.heldSKU(p.Holds())})
		if p.Planned == licensing.PlanNoAccount {
			f.Saving.ResourceAccounts++
			f.Steps = append(f.Steps, Step{Kind: StepRemoveResourceAccount, Account: i})
		}
	}
	a.out.Metrics.LicensesToRelease = int64(len(f.Accounts))
	if len(f.Accounts) > 0 {
		f.Saving = a.saving(f.Saving)
		a.add(f)
	}
}

// buy adds the buy finding: the licenses to buy, the admin center path, and
// the licenses to assign to accounts that hold none of the right kind (swaps
// away from Phone System belong to the switch findings).
func (a *advisor) buy() {
	t := a.r.Totals
	b := &Buy{
		FreeAssigned: t.FreeAssigned,
		FreeOwned:    ownedResourceAccountUnits(a.d),
		FreeSKU:      a.freeSKU,
		PaidNeeded:   t.PaidNeeded,
		PaidSKU:      a.paidSKU(),
	}
	b.Free = max(0, b.FreeAssigned-b.FreeOwned)
	a.out.Metrics.FreeToBuy = b.Free

	f := Finding{Kind: KindBuy, Buy: b}
	var assign []Step
	for i, p := range a.r.Accounts {
		s := Step{Account: i}
		switch {
		case p.Planned == licensing.PlanPaid && !a.later() && p.Holds() == scenario.PhoneSystem:
			b.PaidCovered++
			continue
		case p.Holds() == scenario.PhoneSystem:
			continue // a swap of the switch findings, or a release
		case p.Planned == licensing.PlanFree && p.Holds() == scenario.NoLicense:
			s.Kind, s.SKU = StepAssignLicense, a.freeSKU
		case p.Planned == licensing.PlanPaid && p.Holds() == scenario.NoLicense:
			s.Kind, s.SKU, s.Paid = StepAssignLicense, b.PaidSKU, true
		case p.Planned == licensing.PlanPaid && !a.later() && p.Holds() == scenario.VirtualUser:
			// 2020, free licenses exhausted: Virtual User becomes Phone System.
			s.Kind, s.RemoveSKU, s.SKU, s.Paid = StepSwapLicense, a.freeSKU, b.PaidSKU, true
		default:
			continue
		}
		assign = append(assign, s)
		f.Accounts = append(f.Accounts, i)
	}
	if a.later() {
		b.PaidCovered = max(0, b.FreeOwned-b.FreeAssigned)
	}
	b.Paid = max(0, b.PaidNeeded-b.PaidCovered)
	if b.Free == 0 && b.Paid == 0 && len(assign) == 0 {
		return
	}
	if b.Free > 0 || b.Paid > 0 {
		f.Steps = append(f.Steps, Step{Kind: StepBilling, Account: -1}, Step{Kind: StepPurchaseServices, Account: -1}, Step{Kind: StepAddOns, Account: -1})
	}
	if b.Free > 0 {
		f.Steps = append(f.Steps, Step{Kind: StepSelectProduct, Account: -1, SKU: b.FreeSKU}, Step{Kind: StepBuy, Account: -1, SKU: b.FreeSKU, Quantity: b.Free})
	}
	if b.Paid > 0 {
		if b.Free == 0 || b.PaidSKU != b.FreeSKU {
			f.Steps = append(f.Steps, Step{Kind: StepSelectProduct, Account: -1, SKU: b.PaidSKU})
		}
		f.Steps = append(f.Steps, Step{Kind: StepBuy, Account: -1, SKU: b.PaidSKU, Quantity: b.Paid, Paid: true})
	}
	f.Steps = append(f.Steps, assign...)
	a.add(f)
}

// orphans adds the finding of accounts without a number that nothing routes to.
func (a *advisor) orphans() {
	f := Finding{Kind: KindOrphan}
	for i, p := range a.r.Accounts {
		if !p.HasNumber && p.RoutedFrom == 0 {
			f.Accounts = append(f.Accounts, i)
			f.Steps = append(f.Steps, Step{Kind: StepConnectOrRemove, Account: i})
		}
	}
	a.out.Metrics.Orphans = int64(len(f.Accounts))
	if len(f.Accounts) > 0 {
		a.add(f)
	}
}

// unknownRoutes adds the finding of routes to ids no account has.
func (a *advisor) unknownRoutes() {
	if len(a.g.unknown) == 0 {
		return
	}
	f := Finding{Kind: KindUnknownRoute}
	for _, u := range a.g.unknown {
		if n := len(f.Accounts); n == 0 || f.Accounts[n-1] != u.from {
			f.Accounts = append(f.Accounts, u.from)
		}
		f.Steps = append(f.Steps, Step{Kind: StepFixRoute, Account: u.from, Value: u.id})
	}
	a.add(f)
}

// loopsWithoutEntry adds one finding per loop that no account answering
// calls directly reaches.
func (a *advisor) loopsWithoutEntry() {
	plans := a.r.Accounts
	reached := a.g.reach(func(v int) bool { return plans[v].AnswersDirectly })
	unreached := make([]bool, len(reached))
	some := false
	for i, ok := range reached {
		unreached[i] = !ok
		some = some || !ok
	}
	if !some {
		return
	}
	var loops [][]int
	for _, members := range a.comps {
		if unreached[members[0]] && a.g.cyclic(members) {
			m := slices.Clone(members)
			slices.Sort(m)
			loops = append(loops, m)
		}
	}
	slices.SortFunc(loops, func(x, y []int) int { return x[0] - y[0] })
	down := a.g.downstream(loops, unreached)
	for k, members := range loops {
		a.add(Finding{
			Kind:     KindLoopWithoutEntry,
			Accounts: members,
			Related:  down[k],
			Steps:    []Step{{Kind: StepAddEntry, Account: -1}},
		})
	}
}

// numbersWithoutLicense adds the finding of numbered accounts holding no license.
func (a *advisor) numbersWithoutLicense() {
	f := Finding{Kind: KindNumberWithoutLicense}
	for i, p := range a.r.Accounts {
		if !p.HasNumber || p.Holds() != scenario.NoLicense {
			continue
		}
		f.Accounts = append(f.Accounts, i)
		s := Step{Kind: StepAssignLicense, Account: i, SKU: a.freeSKU}
		if p.Planned == licensing.PlanPaid {
			s.SKU, s.Paid = a.paidSKU(), true
		}
		f.Steps = append(f.Steps, s)
	}
	if len(f.Accounts) > 0 {
		a.add(f)
	}
}
