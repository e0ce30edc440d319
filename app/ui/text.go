package ui

import (
	"errors"

	"github.com/raplanner/raplanner/app/i18n"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

// The words the page uses. Every visible string comes from the message
// catalog of package i18n in the page's language; these helpers only pick
// the message and fill it in.

// t returns message key in the page's language.
func (p *Planner) t(key i18n.Key, args ...string) string { return p.lang.T(key, args...) }

// n returns the singular or plural form of message key for n.
func (p *Planner) n(key i18n.Key, n int64, args ...string) string { return p.lang.N(key, n, args...) }

// int writes n the way the page's language does: 1,234 or 1.234.
func (p *Planner) int(n int64) string { return p.lang.Int(n) }

func (p *Planner) megabytes(n int) string { return p.lang.MB(int64(n)) }

// money writes an amount the way the page's language does.
func (p *Planner) money(v float64, currency string) string { return p.lang.Money(v, currency) }

// fieldErr words a validation error of field ("units", "sku", "name",
// "number", "upn", "id", "price"). The scenario package explains errors in
// English with the exact value; other languages get the field's rule.
func (p *Planner) fieldErr(field string, err error) error {
	if err == nil || p.lang == i18n.EN || p.lang == "" {
		return err
	}
	return errors.New(p.t(i18n.Key("error." + field)))
}

// allotmentFormula spells the allotment out: "25 + floor(612/10) = 86".
func (p *Planner) allotmentFormula(r *licensing.Result) string {
	if !r.Eligible {
		return p.t("allotment.none")
	}
	return p.t("allotment.formula", p.int(r.Qualifying), p.int(r.Allotment))
}

// nextFreeText says what brings one more free license.
func (p *Planner) nextFreeText(r *licensing.Result) string {
	if !r.Eligible {
		return p.t("allotment.first")
	}
	return p.n("allotment.next", r.ToNextFree)
}

// freeName names the free license of an edition.
func (p *Planner) freeName(e scenario.Edition) string {
	if e == scenario.VirtualUser2020 {
		return p.t("license.virtual-user")
	}
	return p.t("license.resource-account")
}

// paidLicenses counts the paid licenses of an edition: "5 Phone System licenses".
func (p *Planner) paidLicenses(e scenario.Edition, n int64) string {
	if e == scenario.VirtualUser2020 {
		return p.n("paid.phone-system", n)
	}
	return p.n("paid.resource-account", n)
}

// summary is the sentence a manager reads.
func (p *Planner) summary(r *licensing.Result) string {
	t := r.Totals
	free := p.freeName(r.Edition)
	switch {
	case t.NeedingLicense == 0:
		return p.t("summary.nothing-needed")
	case t.PaidNeeded > 0 && t.FreeAssigned > 0:
		return p.t("summary.buy-and-assign", p.paidLicenses(r.Edition, t.PaidNeeded), p.n("summary.free-licenses", t.FreeAssigned, free))
	case t.PaidNeeded > 0:
		return p.t("summary.buy-not-eligible", p.paidLicenses(r.Edition, t.PaidNeeded))
	default:
		return p.t("summary.nothing-to-buy", p.int(t.FreeAssigned), p.int(r.Allotment), free, p.int(t.FreeUnused))
	}
}

// planLabel names a plan in the table and in the editor.
func (p *Planner) planLabel(plan licensing.Plan, e scenario.Edition) string {
	switch plan {
	case licensing.PlanFree:
		return p.t("plan.free", p.freeName(e))
	case licensing.PlanPaid:
		if e == scenario.VirtualUser2020 {
			return p.t("plan.paid-phone-system")
		}
		return p.t("plan.paid-resource-account")
	case licensing.PlanNone:
		return p.t("plan.none")
	case licensing.PlanNoAccount:
		return p.t("plan.no-account")
	}
	return plan.String()
}

// planShort is the short label drawn inside a diagram node.
func (p *Planner) planShort(plan licensing.Plan) string {
	return p.t(i18n.Key("plan.short." + plan.String()))
}

// whyText says why an account needs a license or not, in the words of its edition.
func (p *Planner) whyText(a licensing.AccountPlan, e scenario.Edition) string {
	if a.Reason == licensing.ReasonNestedNoNumber && e == scenario.ResourceAccount2024 {
		return p.t("why.nested-no-account")
	}
	return p.t(i18n.Key("why." + a.Reason.String()))
}

// typeLabel names an account type.
func (p *Planner) typeLabel(t scenario.AccountType) string {
	if t == scenario.CallQueue {
		return p.t("type.call-queue")
	}
	return p.t("type.auto-attendant")
}

// typeShort is AA or CQ.
func (p *Planner) typeShort(t scenario.AccountType) string {
	if t == scenario.CallQueue {
		return p.t("type.short.call-queue")
	}
	return p.t("type.short.auto-attendant")
}

// licenseLabel names a license held today.
func (p *Planner) licenseLabel(l scenario.License) string {
	return p.t(i18n.Key("holds." + string(l)))
}
