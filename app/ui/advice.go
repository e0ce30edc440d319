package ui

import (
	"strconv"
	"strings"

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
	metrics := a.Metrics.List()
	return el.Section().ID("advice").Class("card").Body(
		el.H2().Text(p.t("advice.title")),
		el.Div().Class("metrics metrics-small").Body(
			app.Range(metrics).Slice(func(i int) app.UI {
				m := metrics[i]
				return p.metric(m.Name, p.adviceMetricLabel(m.Name, p.result.Edition), m.Value, "")
			}),
		),
		app.If(len(a.Findings) == 0, func() app.UI {
			return el.P().Class("hint").Text(p.t("advice.none"))
		}),
		el.Ol().Class("findings").Body(
			app.Range(a.Findings).Slice(func(i int) app.UI { return p.renderFinding(a.Findings[i]) }),
		),
	)
}

func (p *Planner) adviceMetricLabel(name string, e scenario.Edition) string {
	if name == advice.MetricFreeToBuy {
		return p.t("advice.metric.free-to-buy", p.freeName(e))
	}
	return p.t(keyOf("advice.metric." + name))
}

func (p *Planner) renderFinding(f advice.Finding) app.UI {
	class := "finding"
	if f.Kind.Health() {
		class += " finding-health"
	}
	return el.Li().Class(class).DataSet("finding", string(f.Kind)).Body(
		el.H3().Text(p.findingTitle(f)),
		app.If(p.findingText(f) != "", func() app.UI { return el.P().Text(p.findingText(f)) }),
		app.If(p.savingText(f.Saving) != "", func() app.UI {
			return el.P().Class("saving").Text(p.savingText(f.Saving))
		}),
		app.If(f.Kind == advice.KindRedesign, func() app.UI { return p.renderRedesign(f) }).
			ElseIf(len(f.Accounts) > 0 && f.Kind != advice.KindBuy, func() app.UI {
				return el.P().Class("finding-accounts").Text(p.names(f.Accounts))
			}),
		app.If(len(f.Steps) > 0, func() app.UI {
			return el.Ol().Class("steps").Body(
				app.Range(f.Steps).Slice(func(i int) app.UI {
					s := f.Steps[i]
					return el.Li().DataSet("step", string(s.Kind)).Text(p.stepText(s))
				}),
			)
		}),
	)
}

// renderRedesign draws the candidates of a redesign with a what-if toggle
// each; the engine plans the copy with the chosen numbers dropped.
func (p *Planner) renderRedesign(f advice.Finding) app.UI {
	rd := f.Redesign
	// A few hundred checkboxes help nobody: the first ones are offered, the
	// finding's saving covers them all.
	shown := rd.Candidates
	if len(shown) > maxWhatIf {
		shown = shown[:maxWhatIf]
	}
	return el.Div().Class("what-if").Body(
		el.FieldSet().Body(
			el.Legend().Text(p.t("whatif.legend")),
			app.If(len(rd.Candidates) > maxWhatIf, func() app.UI {
				return el.P().Class("hint").Text(p.t("whatif.first", p.int(maxWhatIf), p.int(int64(len(rd.Candidates)))))
			}),
			app.Range(shown).Slice(func(i int) app.UI {
				c := shown[i]
				a := p.doc.Accounts[c.Account]
				id := a.ID
				box := "whatif-" + id
				label := p.accountName(c.Account) + " (" + a.PhoneNumber + ")"
				if rd.PerCandidate {
					if s := p.savingText(c.Saving); s != "" {
						label += " — " + s
					}
				}
				return el.Div().Class("check").Body(
					flag(el.Input().Attr("type", "checkbox").ID(box), "checked", p.whatIf[id]).
						OnChange(func(ctx app.Context, e app.Event) {
							p.whatIf[id] = ctx.JSSrc().Get("checked").Bool()
							p.recomputeWhatIf()
						}, app.EventScope(id)),
					el.Label().Attr("for", box).Text(label),
				)
			}),
		),
		app.If(p.whatIfResult != nil, func() app.UI {
			now, then := p.result.Totals, p.whatIfResult.Totals
			return el.P().ID("what-if-result").Class("what-if-result").Aria("live", "polite").Body(
				app.Text(p.t("whatif.result",
					p.n("whatif.paid", then.PaidNeeded), p.int(now.PaidNeeded),
					p.n("whatif.needing", int64(then.NeedingLicense)), p.int(int64(now.NeedingLicense)),
					p.n("whatif.accounts", int64(then.NeedingResourceAccount)), p.int(int64(now.NeedingResourceAccount)))),
			)
		}),
		app.If(len(rd.Excluded) > 0, func() app.UI {
			return el.P().Class("hint").Text(p.t("whatif.excluded", p.names(rd.Excluded)))
		}),
	)
}

// maxWhatIf is the number of redesign candidates offered as what-if toggles.
const maxWhatIf = 100

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
			return p.t("names.more", s, p.int(int64(len(idx)-most)))
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
		return p.n("finding.redesign", int64(len(f.Redesign.Candidates)))
	case advice.KindSwitchToFree:
		return p.n("finding.switch-to-free", n, p.freeName(e))
	case advice.KindBuy:
		b := f.Buy
		s := p.n("finding.buy", b.Free, p.freeName(e))
		if b.Paid > 0 {
			s = p.t("finding.buy-and-paid", s, p.paidLicenses(e, b.Paid))
		}
		return s
	case advice.KindLoopWithoutEntry:
		return p.t("finding.health-loop-without-entry", p.names(f.Accounts))
	}
	return p.n(keyOf("finding."+string(f.Kind)), n)
}

func (p *Planner) findingText(f advice.Finding) string {
	switch f.Kind {
	case advice.KindRedesign:
		return p.t(keyOf("finding.redesign.effect." + string(f.Redesign.Effect)))
	case advice.KindSwitchToFree, advice.KindSwitchToPaid:
		return p.t("finding.one-activity")
	case advice.KindRelease:
		return p.t("finding.release.text")
	case advice.KindBuy:
		b := f.Buy
		s := p.t("finding.buy.text", p.int(b.FreeAssigned), p.int(b.FreeOwned))
		if b.PaidCovered > 0 {
			s += " " + p.t("finding.buy.covered", p.int(b.PaidCovered), p.int(b.PaidNeeded))
		}
		return s
	case advice.KindOrphan:
		return p.t("finding.health-orphan.text", p.names(f.Accounts))
	case advice.KindLoopWithoutEntry:
		if len(f.Related) > 0 {
			return p.t("finding.health-loop-without-entry.text", p.names(f.Related))
		}
	case advice.KindNumberWithoutLicense:
		return p.t("finding.health-number-without-license.text")
	}
	return ""
}

// savingText words a saving, or returns "" when it saves nothing.
func (p *Planner) savingText(s advice.Saving) string {
	var parts []string
	if s.PaidLicenses > 0 {
		parts = append(parts, p.n("saving.paid", s.PaidLicenses))
	}
	if s.FreeLicenses > 0 {
		parts = append(parts, p.n("saving.free", s.FreeLicenses))
	}
	if s.ResourceAccounts > 0 {
		parts = append(parts, p.n("saving.accounts", s.ResourceAccounts))
	}
	if len(parts) == 0 {
		return ""
	}
	if s.Priced && s.Monthly > 0 {
		return p.t("saving.priced", strings.Join(parts, ", "), p.money(s.Monthly, s.Currency))
	}
	return p.t("saving.plain", strings.Join(parts, ", "))
}

// skuName names a SKU as Microsoft does.
func skuName(part string) string {
	s, _ := catalog.Lookup(part)
	return s.Name
}

func (p *Planner) stepText(s advice.Step) string {
	who := ""
	if s.Account >= 0 {
		who = p.accountName(s.Account)
	}
	switch s.Kind {
	case advice.StepDropNumber:
		return p.t("step.drop-number", who, s.Value)
	case advice.StepSwapLicense:
		return p.t("step.swap-license", who, skuName(s.RemoveSKU), skuName(s.SKU))
	case advice.StepRemoveLicense:
		return p.t("step.remove-license", who, skuName(s.SKU))
	case advice.StepSelectProduct:
		n, _ := catalog.Lookup(s.SKU)
		if n.Note != "" {
			return p.t("step.select-product-note", n.Name, p.t(keyOf("sku.note."+n.Note)))
		}
		return p.t("step.select-product", n.Name)
	case advice.StepBuy:
		price := p.t("step.buy.free")
		if s.Paid {
			price = p.t("step.buy.paid")
		}
		return p.t("step.buy", p.int(s.Quantity), skuName(s.SKU), price)
	case advice.StepAssignLicense:
		return p.t("step.assign-license", skuName(s.SKU))
	case advice.StepFixRoute:
		return p.t("step.fix-route", who, strconv.Quote(s.Value))
	}
	return p.t(keyOf("step."+string(s.Kind)), who)
}
