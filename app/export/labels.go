// Package export turns a scenario and its licensing plan into files people
// take away from RA Planner: the per-account plan as CSV (for Excel), the
// diagram as a standalone SVG image, and the call flow as a Mermaid flowchart
// (for wikis).
//
// Every function is pure and deterministic: the same input gives the same
// bytes. Names and other free text from the document are treated as hostile:
// CSV cells cannot start a formula, SVG text is escaped for XML, and Mermaid
// labels are escaped with Mermaid's entity codes.
//
// The words of the files come from Labels, so that the page can export in the
// language it shows; EnglishLabels is the default.
package export

import (
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

// Labels are the translatable words of the exported files. A field left
// empty takes its English value (see EnglishLabels), so a partial translation
// still gives complete files.
type Labels struct {
	// ColumnID … ColumnWhy are the CSV header cells, in column order.
	ColumnID          string
	ColumnName        string
	ColumnType        string
	ColumnUPN         string
	ColumnPhoneNumber string
	ColumnHolds       string
	ColumnPlanned     string
	ColumnReason      string
	ColumnWhy         string

	// AutoAttendant and CallQueue name the account types in full, in the
	// tooltips of the SVG nodes.
	AutoAttendant string
	CallQueue     string
	// AutoAttendantShort and CallQueueShort are the abbreviations drawn in
	// the nodes ("AA", "CQ").
	AutoAttendantShort string
	CallQueueShort     string

	// PlanFree, PlanPaid, PlanNone and PlanNoAccount are the short plan words
	// drawn in the nodes ("FREE", "PAID", "NO LICENSE", "NO RA"): colour is
	// never the only signal.
	PlanFree      string
	PlanPaid      string
	PlanNone      string
	PlanNoAccount string

	// LegendFree, LegendPaid, LegendNone and LegendNoAccount explain the
	// plans in the SVG legend and in the node tooltips.
	LegendFree      string
	LegendPaid      string
	LegendNone      string
	LegendNoAccount string
	// LegendRoute and LegendBack explain the solid and the dashed arrows.
	LegendRoute string
	LegendBack  string

	// WhyPhoneNumber … WhyNoNumber fill the CSV's human column: why an
	// account needs a license or not. WhyNested is for a nested account
	// without a number under the 2020 and 2022 rules, WhyNestedNoAccount
	// under the 2024 rule (no resource account at all).
	WhyPhoneNumber     string
	WhyEveryAccount    string
	WhyEntryPoint      string
	WhyNested          string
	WhyNestedNoAccount string
	WhyNoNumber        string

	// Title is the title of the SVG image.
	Title string
	// Empty is drawn in the SVG of a scenario without accounts.
	Empty string
	// Entry is the label of the Mermaid node that stands for the public
	// phone network, with an arrow to every account that has a number.
	Entry string
	// NoEntry leaves that entry node out of the Mermaid flowchart.
	NoEntry bool
}

// EnglishLabels returns the English words of the exported files, the same
// the page uses.
func EnglishLabels() Labels {
	return Labels{
		ColumnID:          "ID",
		ColumnName:        "Name",
		ColumnType:        "Type",
		ColumnUPN:         "UPN",
		ColumnPhoneNumber: "Phone number",
		ColumnHolds:       "Holds today",
		ColumnPlanned:     "Planned",
		ColumnReason:      "Reason code",
		ColumnWhy:         "Why",

		AutoAttendant:      "Auto attendant",
		CallQueue:          "Call queue",
		AutoAttendantShort: "AA",
		CallQueueShort:     "CQ",

		PlanFree:      "FREE",
		PlanPaid:      "PAID",
		PlanNone:      "NO LICENSE",
		PlanNoAccount: "NO RA",

		LegendFree:      "Free license",
		LegendPaid:      "Paid license",
		LegendNone:      "Keeps its resource account, no license needed",
		LegendNoAccount: "No resource account needed",
		LegendRoute:     "routes calls to",
		LegendBack:      "returns to an earlier menu (loop)",

		WhyPhoneNumber:     "Has a phone number: needs a license before the number can be assigned.",
		WhyEveryAccount:    "Every resource account needs a license under the 2022 rule.",
		WhyEntryPoint:      "Answers calls directly (nothing routes to it): its resource account is licensed.",
		WhyNested:          "Nested without a phone number: no license needed.",
		WhyNestedNoAccount: "Nested without a phone number: answers no calls directly, so it needs no resource account.",
		WhyNoNumber:        "No phone number: no license needed under the 2020 rule.",

		Title: "Resource accounts",
		Empty: "No auto attendant or call queue.",
		Entry: "PSTN",
	}
}

// texts lists every string field of l, in declaration order.
func (l *Labels) texts() []*string {
	return []*string{
		&l.ColumnID, &l.ColumnName, &l.ColumnType, &l.ColumnUPN, &l.ColumnPhoneNumber,
		&l.ColumnHolds, &l.ColumnPlanned, &l.ColumnReason, &l.ColumnWhy,
		&l.AutoAttendant, &l.CallQueue, &l.AutoAttendantShort, &l.CallQueueShort,
		&l.PlanFree, &l.PlanPaid, &l.PlanNone, &l.PlanNoAccount,
		&l.LegendFree, &l.LegendPaid, &l.LegendNone, &l.LegendNoAccount, &l.LegendRoute, &l.LegendBack,
		&l.WhyPhoneNumber, &l.WhyEveryAccount, &l.WhyEntryPoint, &l.WhyNested, &l.WhyNestedNoAccount, &l.WhyNoNumber,
		&l.Title, &l.Empty, &l.Entry,
	}
}

// filled returns l with every empty string replaced by its English value.
func (l Labels) filled() Labels {
	en := EnglishLabels()
	src := en.texts()
	for i, p := range l.texts() {
		if *p == "" {
			*p = *src[i]
		}
	}
	return l
}

// typeShort abbreviates an account type.
func (l *Labels) typeShort(t scenario.AccountType) string {
	if t == scenario.CallQueue {
		return l.CallQueueShort
	}
	return l.AutoAttendantShort
}

// typeName names an account type in full.
func (l *Labels) typeName(t scenario.AccountType) string {
	if t == scenario.CallQueue {
		return l.CallQueue
	}
	return l.AutoAttendant
}

// planWord is the short word of a plan, drawn in a node.
func (l *Labels) planWord(p licensing.Plan) string {
	switch p {
	case licensing.PlanFree:
		return l.PlanFree
	case licensing.PlanPaid:
		return l.PlanPaid
	case licensing.PlanNone:
		return l.PlanNone
	case licensing.PlanNoAccount:
		return l.PlanNoAccount
	}
	return p.String()
}

// planText explains a plan.
func (l *Labels) planText(p licensing.Plan) string {
	switch p {
	case licensing.PlanFree:
		return l.LegendFree
	case licensing.PlanPaid:
		return l.LegendPaid
	case licensing.PlanNone:
		return l.LegendNone
	case licensing.PlanNoAccount:
		return l.LegendNoAccount
	}
	return p.String()
}

// why says why an account needs a license or not, in the words of edition e.
func (l *Labels) why(p licensing.AccountPlan, e scenario.Edition) string {
	switch p.Reason {
	case licensing.ReasonPhoneNumber:
		return l.WhyPhoneNumber
	case licensing.ReasonEveryAccount:
		return l.WhyEveryAccount
	case licensing.ReasonEntryPoint:
		return l.WhyEntryPoint
	case licensing.ReasonNestedNoNumber:
		if e == scenario.ResourceAccount2024 {
			return l.WhyNestedNoAccount
		}
		return l.WhyNested
	case licensing.ReasonNoNumber:
		return l.WhyNoNumber
	}
	return p.Reason.String()
}

// plans is the document and its plan made safe to read together: a nil
// document is empty, and a nil plan, or one for another document (its
// account count differs), is computed afresh with licensing.Compute.
func plans(d *scenario.Document, r *licensing.Result) (*scenario.Document, *licensing.Result) {
	if d == nil {
		d = &scenario.Document{}
	}
	if r == nil || len(r.Accounts) != len(d.Accounts) {
		r = licensing.Compute(d)
	}
	return d, r
}

// displayName is what an account is called on screen: its name, or its id
// when it has none.
func displayName(a *scenario.Account) string {
	if a.Name != "" {
		return a.Name
	}
	return a.ID
}
