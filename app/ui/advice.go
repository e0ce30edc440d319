package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raplanner/raplanner/app/advice"
	"github.com/raplanner/raplanner/app/catalog"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

// renderAdvice draws the advisor: the headline figures, then each finding
// with the accounts it concerns, what acting on it saves, and its steps.
func (p *Planner) renderAdvice() app.UI {
	a := p.advice
	return app.Section().ID("advice").Class("card").Body(
		app.H2().Text("Advice"),
		app.Div().Class("metrics metrics-small").Body(
			app.Range(a.Metrics.List()).Slice(func(i int) app.UI {
				m := a.Metrics.List()[i]
				return metric(m.Name, adviceMetricLabel(m.Name, p.result.Edition), m.Value, "")
			}),
		),
		app.If(len(a.Findings) == 0, func() app.UI {
			return app.P().Class("hint").Text("Nothing to change: the plan and the call flow are in order.")
		}),
		app.Ol().Class("findings").Body(
			app.Range(a.Findings).Slice(func(i int) app.UI { return p.renderFinding(a.Findings[i]) }),
		),
	)
}

func adviceMetricLabel(name string, e scenario.Edition) string {
	switch name {
	case advice.MetricSwitchToFree:
		return "Phone System licenses to switch to free"
	case advice.MetricLicensesToRelease:
		return "Licenses to release"
	case advice.MetricRedesignSaving:
		return "Paid licenses a redesign saves"
	case advice.MetricFreeToBuy:
		return "$0 " + freeName(e) + " licenses to buy"
	case advice.MetricOrphans:
		return "Accounts nothing reaches"
	}
	return name
}

func (p *Planner) renderFinding(f advice.Finding) app.UI {
	class := "finding"
	if f.Kind.Health() {
		class += " finding-health"
	}
	return app.Li().Class(class).DataSet("finding", string(f.Kind)).Body(
		app.H3().Text(p.findingTitle(f)),
		app.If(p.findingText(f) != "", func() app.UI { return app.P().Text(p.findingText(f)) }),
		app.If(savingText(f.Saving) != "", func() app.UI {
			return app.P().Class("saving").Text(savingText(f.Saving))
		}),
		app.If(f.Kind == advice.KindRedesign, func() app.UI { return p.renderRedesign(f) }).
			ElseIf(len(f.Accounts) > 0 && f.Kind != advice.KindBuy, func() app.UI {
				return app.P().Class("finding-accounts").Text(p.names(f.Accounts))
			}),
		app.If(len(f.Steps) > 0, func() app.UI {
			return app.Ol().Class("steps").Body(
				app.Range(f.Steps).Slice(func(i int) app.UI {
					s := f.Steps[i]
					return app.Li().DataSet("step", string(s.Kind)).Text(p.stepText(s))
				}),
			)
		}),
	)
}

// renderRedesign draws the candidates of a redesign with a what-if toggle
// each; the engine plans the copy with the chosen numbers dropped.
func (p *Planner) renderRedesign(f advice.Finding) app.UI {
	rd := f.Redesign
	return app.Div().Class("what-if").Body(
		app.FieldSet().Body(
			app.Legend().Text("What if these accounts dropped their number?"),
			app.Range(rd.Candidates).Slice(func(i int) app.UI {
				c := rd.Candidates[i]
				a := p.doc.Accounts[c.Account]
				id := a.ID
				box := "whatif-" + id
				label := p.accountName(c.Account) + " (" + a.PhoneNumber + ")"
				if rd.PerCandidate {
					if s := savingText(c.Saving); s != "" {
						label += " — " + s
					}
				}
				return app.Div().Class("check").Body(
					app.Input().Type("checkbox").ID(box).Checked(p.whatIf[id]).
						OnChange(func(ctx app.Context, e app.Event) {
							p.whatIf[id] = ctx.JSSrc().Get("checked").Bool()
							p.recomputeWhatIf()
						}, app.EventScope(id)),
					app.Label().For(box).Text(label),
				)
			}),
		),
		app.If(p.whatIfResult != nil, func() app.UI {
			now, then := p.result.Totals, p.whatIfResult.Totals
			return app.P().ID("what-if-result").Class("what-if-result").Aria("live", "polite").Body(
				app.Text("With the chosen numbers dropped: "),
				app.Strong().DataSet("whatif-paid", then.PaidNeeded).Text(formatInt(then.PaidNeeded)+" paid"),
				app.Text(" instead of "+formatInt(now.PaidNeeded)+", "),
				app.Strong().Text(formatInt(int64(then.NeedingLicense))+" accounts needing a license"),
				app.Text(" instead of "+formatInt(int64(now.NeedingLicense))+", "+
					formatInt(int64(then.NeedingResourceAccount))+" resource accounts instead of "+formatInt(int64(now.NeedingResourceAccount))+"."),
			)
		}),
		app.If(len(rd.Excluded) > 0, func() app.UI {
			return app.P().Class("hint").Text("Keeps its number, because callers could not reach it otherwise: " + p.names(rd.Excluded) + ".")
		}),
	)
}

// recomputeWhatIf plans the copy of the scenario with the chosen numbers dropped.
func (p *Planner) recomputeWhatIf() {
	var drop []string
	for _, a := range p.doc.Accounts {
		if p.whatIf[a.ID] {
			drop = append(drop, a.ID)
		}
	}
	if len(drop) == 0 {
		p.whatIfResult = nil
		return
	}
	p.whatIfResult = licensing.Compute(advice.WhatIf(p.doc, drop))
}

// names lists the names of the accounts at the given indexes.
func (p *Planner) names(idx []int) string {
	const most = 12
	s := ""
	for k, i := range idx {
		if k == most {
			return s + " and " + formatInt(int64(len(idx)-most)) + " more"
		}
		if k > 0 {
			s += ", "
		}
		s += p.accountName(i)
	}
	return s
}

func (p *Planner) findingTitle(f advice.Finding) string {
	n := int64(len(f.Accounts))
	e := p.result.Edition
	switch f.Kind {
	case advice.KindRedesign:
		c := int64(len(f.Redesign.Candidates))
		return "Redesign: " + formatInt(c) + " numbered " + plural(c, "account is", "accounts are") + " also reached through another account"
	case advice.KindSwitchToFree:
		return "Switch " + formatInt(n) + " " + plural(n, "account", "accounts") + " from Phone System to the free " + freeName(e) + " license"
	case advice.KindSwitchToPaid:
		return "Switch " + formatInt(n) + " " + plural(n, "account", "accounts") + " from Phone System to a paid Resource Account license"
	case advice.KindRelease:
		return "Release the licenses of " + formatInt(n) + " " + plural(n, "account that needs", "accounts that need") + " none"
	case advice.KindBuy:
		b := f.Buy
		s := "Buy " + formatInt(b.Free) + " $0 " + freeName(e) + " " + plural(b.Free, "license", "licenses")
		if b.Paid > 0 {
			s += " and " + formatInt(b.Paid) + " " + paidName(e, b.Paid)
		}
		return s
	case advice.KindOrphan:
		return formatInt(n) + " " + plural(n, "account is", "accounts are") + " reached by nothing"
	case advice.KindUnknownRoute:
		return formatInt(n) + " " + plural(n, "account routes", "accounts route") + " to ids that are not in this scenario"
	case advice.KindLoopWithoutEntry:
		return "A loop no call can enter: " + p.names(f.Accounts)
	case advice.KindNumberWithoutLicense:
		return formatInt(n) + " " + plural(n, "account has", "accounts have") + " a phone number but no license today"
	}
	return string(f.Kind)
}

func (p *Planner) findingText(f advice.Finding) string {
	switch f.Kind {
	case advice.KindRedesign:
		switch f.Redesign.Effect {
		case advice.EffectNoLicense:
			return "Microsoft suggests fewer phone numbers and more nested auto attendants and call queues: a nested resource account without a number needs no license."
		case advice.EffectRemoveAccountToSave:
			return "Under the 2022 rule every resource account is licensed, number or not: dropping numbers saves nothing; only removing resource accounts would."
		case advice.EffectNoAccount:
			return "Under the 2024 rule a nested account without a number answers no calls directly and needs no resource account at all."
		}
	case advice.KindSwitchToFree, advice.KindSwitchToPaid:
		return "The swap must be one license activity: removing Phone System and adding the Resource Account license in two saves can break the resource account."
	case advice.KindRelease:
		return "Under this rule their resource accounts need no license."
	case advice.KindBuy:
		b := f.Buy
		s := "The free licenses still have to be bought at $0: the plan assigns " + formatInt(b.FreeAssigned) + " and the tenant has " + formatInt(b.FreeOwned) + "."
		if b.PaidCovered > 0 {
			s += " " + formatInt(b.PaidCovered) + " of the " + formatInt(b.PaidNeeded) + " paid licenses are already there."
		}
		return s
	case advice.KindOrphan:
		return "They have no phone number and no account routes to them: " + p.names(f.Accounts) + "."
	case advice.KindLoopWithoutEntry:
		if len(f.Related) > 0 {
			return "Also unreachable through it: " + p.names(f.Related) + "."
		}
	case advice.KindNumberWithoutLicense:
		return "A resource account needs a license before its number works."
	}
	return ""
}

// savingText words a saving, or returns "" when it saves nothing.
func savingText(s advice.Saving) string {
	out := ""
	add := func(n int64, one, many string) {
		if n == 0 {
			return
		}
		if out != "" {
			out += ", "
		}
		out += formatInt(n) + " " + plural(n, one, many)
	}
	add(s.PaidLicenses, "paid license", "paid licenses")
	add(s.FreeLicenses, "free license", "free licenses")
	add(s.ResourceAccounts, "resource account", "resource accounts")
	if out == "" {
		return ""
	}
	out = "Saves " + out
	if s.Priced && s.Monthly > 0 {
		out += " (" + formatMoney(s.Monthly, s.Currency) + " per month)"
	}
	return out + "."
}

// skuName names a SKU as Microsoft does.
func skuName(part string) string {
	s, _ := catalog.Lookup(part)
	return s.Name
}

func (p *Planner) stepText(s advice.Step) string {
	who := ""
	if s.Account >= 0 {
		who = p.accountName(s.Account) + ": "
	}
	switch s.Kind {
	case advice.StepDropNumber:
		return who + "remove the number " + s.Value + " and let callers reach it through the accounts that route to it."
	case advice.StepOneActivity:
		return "Do each swap in ONE license activity: remove Phone System and add the new license in the same save in the admin center, or in one Set-MgUserLicense call."
	case advice.StepSwapLicense:
		return who + "remove " + skuName(s.RemoveSKU) + " and add " + skuName(s.SKU) + " in the same activity."
	case advice.StepIfBroken:
		return "If a resource account stops working after a swap done in two steps, create a new resource account with the Resource Account license and remove the broken one."
	case advice.StepRemoveLicense:
		return who + "remove " + skuName(s.SKU) + "."
	case advice.StepRemoveResourceAccount:
		return who + "once callers reach it only through other accounts, its resource account can go."
	case advice.StepBilling:
		return "Microsoft 365 admin center › Billing"
	case advice.StepPurchaseServices:
		return "Purchase services"
	case advice.StepAddOns:
		return "Add-ons"
	case advice.StepSelectProduct:
		n, _ := catalog.Lookup(s.SKU)
		if n.Note != "" {
			return "Select " + n.Name + " (" + n.Note + ")"
		}
		return "Select " + n.Name
	case advice.StepBuy:
		price := "$0"
		if s.Paid {
			price = "paid"
		}
		return "Buy " + formatInt(s.Quantity) + " " + skuName(s.SKU) + " (" + price + ")"
	case advice.StepAssignLicense:
		return "Assign " + skuName(s.SKU) + " to the resource accounts the per-account plan names."
	case advice.StepConnectOrRemove:
		return who + "route calls to it from another account, give it a number, or delete it."
	case advice.StepAddEntry:
		return "Give one account of the loop a phone number, or route to it from an account that has one."
	case advice.StepFixRoute:
		return who + "it routes to " + strconv.Quote(s.Value) + ", which is not in this scenario: fix or remove that route."
	}
	return string(s.Kind)
}
