package ui

import (
	"testing"

	"github.com/raplanner/raplanner/app/examples"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

func TestFormatting(t *testing.T) {
	ints := map[int64]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 612: "612", 1234567: "1,234,567", -4500: "-4,500"}
	for n, want := range ints {
		if got := formatInt(n); got != want {
			t.Errorf("formatInt(%d) = %q, want %q", n, got, want)
		}
	}
	money := []struct {
		v    float64
		cur  string
		want string
	}{
		{40, "USD", "40.00 USD"},
		{42.5, "EUR", "42.50 EUR"},
		{1234.5, "", "1,234.50"},
		{0.05, "GBP", "0.05 GBP"},
	}
	for _, m := range money {
		if got := formatMoney(m.v, m.cur); got != m.want {
			t.Errorf("formatMoney(%v, %q) = %q, want %q", m.v, m.cur, got, m.want)
		}
	}
}

func TestSummarySentence(t *testing.T) {
	contoso := examples.Contoso()
	noPhoneSystem := examples.DocDiagram()
	noPhoneSystem.Subscriptions = []scenario.Subscription{{SKU: "SPE_E3", Units: 10}}
	empty := &scenario.Document{Subscriptions: []scenario.Subscription{{SKU: "MCOEV", Units: 5}}}
	tests := []struct {
		name    string
		doc     *scenario.Document
		edition scenario.Edition
		want    string
	}{
		{"contoso 2020", contoso, scenario.VirtualUser2020, "Buy 5 Phone System licenses; assign all 85 free Virtual User licenses."},
		{"contoso 2022", contoso, scenario.ResourceAccount2022, "Buy 5 extra Resource Account licenses; assign all 85 free Resource Account licenses."},
		{"diagram 2020", examples.DocDiagram(), scenario.VirtualUser2020, "Nothing to buy: assign 3 of your 30 free Virtual User licenses (27 left)."},
		{"not eligible", noPhoneSystem, scenario.VirtualUser2020, "Buy 3 Phone System licenses: without a license that includes Phone System the tenant gets no free licenses."},
		{"nothing needed", empty, scenario.VirtualUser2020, "No resource account needs a license under this rule."},
	}
	for _, tt := range tests {
		r := licensing.ComputeEdition(tt.doc, tt.edition)
		if got := summary(r); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
	r := licensing.Compute(&scenario.Document{Subscriptions: []scenario.Subscription{{SKU: "MCOEV", Units: 612}}})
	if got := allotmentFormula(r); got != "Free licenses: 25 + floor(612/10) = 86" {
		t.Errorf("formula %q", got)
	}
	if got := nextFreeText(r); got != "8 more licenses → 1 more free." {
		t.Errorf("next free %q", got)
	}
}
