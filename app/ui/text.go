package ui

import (
	"strconv"
	"strings"

	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

// The words the page uses for the engine's results. They sit together so
// that the translation (English, Italian) has one place to go.

// formatInt writes n with thousands separators: 1,234,567.
func formatInt(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// plural picks the singular or plural form for n.
func plural(n int64, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// formatMoney writes an amount with two decimals and its currency.
func formatMoney(v float64, currency string) string {
	cents := int64(v*100 + 0.5)
	s := formatInt(cents/100) + "." + strconv.FormatInt(100+cents%100, 10)[1:]
	if currency == "" {
		return s
	}
	return s + " " + currency
}

// allotmentFormula spells the allotment out: "25 + floor(612/10) = 86".
func allotmentFormula(r *licensing.Result) string {
	if !r.Eligible {
		return "No license includes Phone System: no free licenses (0)."
	}
	return "Free licenses: 25 + floor(" + formatInt(r.Qualifying) + "/10) = " + formatInt(r.Allotment)
}

// nextFreeText says what brings one more free license.
func nextFreeText(r *licensing.Result) string {
	if !r.Eligible {
		return "1 license that includes Phone System → 25 free licenses."
	}
	return formatInt(r.ToNextFree) + " more " + plural(r.ToNextFree, "license", "licenses") + " → 1 more free."
}

// freeName and paidName name the licenses of an edition.
func freeName(e scenario.Edition) string {
	if e == scenario.VirtualUser2020 {
		return "Virtual User"
	}
	return "Resource Account"
}

func paidName(e scenario.Edition, n int64) string {
	if e == scenario.VirtualUser2020 {
		return plural(n, "Phone System license", "Phone System licenses")
	}
	return plural(n, "extra Resource Account license", "extra Resource Account licenses")
}

// summary is the sentence a manager reads.
func summary(r *licensing.Result) string {
	t := r.Totals
	free := freeName(r.Edition)
	switch {
	case t.NeedingLicense == 0:
		return "No resource account needs a license under this rule."
	case t.PaidNeeded > 0 && t.FreeAssigned > 0:
		return "Buy " + formatInt(t.PaidNeeded) + " " + paidName(r.Edition, t.PaidNeeded) +
			"; assign all " + formatInt(t.FreeAssigned) + " free " + free + " " + plural(t.FreeAssigned, "license", "licenses") + "."
	case t.PaidNeeded > 0:
		return "Buy " + formatInt(t.PaidNeeded) + " " + paidName(r.Edition, t.PaidNeeded) +
			": without a license that includes Phone System the tenant gets no free licenses."
	default:
		return "Nothing to buy: assign " + formatInt(t.FreeAssigned) + " of your " + formatInt(r.Allotment) +
			" free " + free + " licenses (" + formatInt(t.FreeUnused) + " left)."
	}
}

// planLabel names a plan in the table and on the diagram.
func planLabel(p licensing.Plan, e scenario.Edition) string {
	switch p {
	case licensing.PlanFree:
		return "Free " + freeName(e)
	case licensing.PlanPaid:
		if e == scenario.VirtualUser2020 {
			return "Paid Phone System"
		}
		return "Paid Resource Account"
	case licensing.PlanNone:
		return "No license needed"
	case licensing.PlanNoAccount:
		return "No resource account"
	}
	return string(p)
}

// planShort is the short label drawn inside a diagram node.
func planShort(p licensing.Plan) string {
	switch p {
	case licensing.PlanFree:
		return "FREE"
	case licensing.PlanPaid:
		return "PAID"
	case licensing.PlanNone:
		return "NO LICENSE"
	case licensing.PlanNoAccount:
		return "NO RA"
	}
	return ""
}

// reasonText says why an account needs a license or not.
func reasonText(reason licensing.Reason) string {
	switch reason {
	case licensing.ReasonPhoneNumber:
		return "Has a phone number: needs a license before the number can be assigned."
	case licensing.ReasonEveryAccount:
		return "Every resource account needs a license under the 2022 rule."
	case licensing.ReasonEntryPoint:
		return "Answers calls directly (nothing routes to it): its resource account is licensed."
	case licensing.ReasonNestedNoNumber:
		return "Nested without a phone number."
	case licensing.ReasonNoNumber:
		return "No phone number: no license needed under the 2020 rule."
	}
	return string(reason)
}

// whyText says why an account needs a license or not, in the words of its edition.
func whyText(p licensing.AccountPlan, e scenario.Edition) string {
	if p.Reason == licensing.ReasonNestedNoNumber {
		if e == scenario.ResourceAccount2024 {
			return "Nested without a phone number: answers no calls directly, so it needs no resource account."
		}
		return "Nested without a phone number: no license needed."
	}
	return reasonText(p.Reason)
}

// typeLabel names an account type.
func typeLabel(t scenario.AccountType) string {
	if t == scenario.CallQueue {
		return "Call queue"
	}
	return "Auto attendant"
}

// licenseLabel names a license held today.
func licenseLabel(l scenario.License) string {
	switch l {
	case scenario.VirtualUser:
		return "Virtual User (free)"
	case scenario.PhoneSystem:
		return "Phone System (paid)"
	}
	return "None"
}
