package ui

import (
	"testing"

	"github.com/raplanner/raplanner/app/examples"
	"github.com/raplanner/raplanner/app/i18n"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

func TestSummarySentence(t *testing.T) {
	contoso := examples.Contoso()
	noPhoneSystem := examples.DocDiagram()
	noPhoneSystem.Subscriptions = []scenario.Subscription{{SKU: "SPE_E3", Units: 10}}
	empty := &scenario.Document{Subscriptions: []scenario.Subscription{{SKU: "MCOEV", Units: 5}}}
	tests := []struct {
		name    string
		lang    i18n.Lang
		doc     *scenario.Document
		edition scenario.Edition
		want    string
	}{
		{"contoso 2020", i18n.EN, contoso, scenario.VirtualUser2020, "Buy 5 Phone System licenses; assign all 85 free Virtual User licenses."},
		{"contoso 2020 it", i18n.IT, contoso, scenario.VirtualUser2020, "Acquista 5 licenze Phone System; assegna tutte le 85 licenze Virtual User gratuite."},
		{"contoso 2022", i18n.EN, contoso, scenario.ResourceAccount2022, "Buy 5 extra Resource Account licenses; assign all 85 free Resource Account licenses."},
		{"diagram 2020", i18n.EN, examples.DocDiagram(), scenario.VirtualUser2020, "Nothing to buy: assign 3 of your 30 free Virtual User licenses (27 left)."},
		{"not eligible", i18n.EN, noPhoneSystem, scenario.VirtualUser2020, "Buy 3 Phone System licenses: without a license that includes Phone System the tenant gets no free licenses."},
		{"nothing needed", i18n.EN, empty, scenario.VirtualUser2020, "No resource account needs a license under this rule."},
	}
	for _, tt := range tests {
		p := &Planner{lang: tt.lang}
		r := licensing.ComputeEdition(tt.doc, tt.edition)
		if got := p.summary(r); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
	r := licensing.Compute(&scenario.Document{Subscriptions: []scenario.Subscription{{SKU: "MCOEV", Units: 1612}}})
	for _, tt := range []struct {
		lang             i18n.Lang
		formula, nextOne string
	}{
		{i18n.EN, "Free licenses: 25 + floor(1,612/10) = 186", "8 more licenses → 1 more free."},
		{i18n.IT, "Licenze gratuite: 25 + floor(1.612/10) = 186", "8 licenze in più → 1 gratuita in più."},
	} {
		p := &Planner{lang: tt.lang}
		if got := p.allotmentFormula(r); got != tt.formula {
			t.Errorf("%s formula %q, want %q", tt.lang, got, tt.formula)
		}
		if got := p.nextFreeText(r); got != tt.nextOne {
			t.Errorf("%s next free %q, want %q", tt.lang, got, tt.nextOne)
		}
	}
}
