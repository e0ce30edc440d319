package export

import (
	"reflect"
	"testing"

	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

// TestLabelsTexts checks that texts lists every string field of Labels, in
// order, so that filled leaves none empty.
func TestLabelsTexts(t *testing.T) {
	var l Labels
	ptrs := l.texts()
	v := reflect.ValueOf(&l).Elem()
	k := 0
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		if f.Kind() != reflect.String {
			continue
		}
		if k >= len(ptrs) || ptrs[k] != f.Addr().Interface().(*string) {
			t.Fatalf("texts()[%d] is not the field %s", k, v.Type().Field(i).Name)
		}
		k++
	}
	if k != len(ptrs) {
		t.Errorf("texts() has %d fields, Labels has %d string fields", len(ptrs), k)
	}
	en := EnglishLabels()
	for i, p := range en.texts() {
		if *p == "" {
			t.Errorf("English label %d is empty", i)
		}
	}
}

func TestLabelsFilled(t *testing.T) {
	tests := []struct {
		name string
		in   Labels
		want func(*Labels) bool
	}{
		{"zero is English", Labels{}, func(l *Labels) bool { return *l == EnglishLabels() }},
		{"translation kept", Labels{PlanFree: "GRATUITA"}, func(l *Labels) bool { return l.PlanFree == "GRATUITA" && l.PlanPaid == "PAID" }},
		{"NoEntry kept", Labels{NoEntry: true}, func(l *Labels) bool { return l.NoEntry && l.Entry == "PSTN" }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.in.filled()
			if !tc.want(&got) {
				t.Errorf("filled() = %+v", got)
			}
		})
	}
}

func TestLabelsWords(t *testing.T) {
	l := EnglishLabels()
	tests := []struct {
		got, want string
	}{
		{l.planWord(licensing.PlanFree), "FREE"},
		{l.planWord(licensing.PlanPaid), "PAID"},
		{l.planWord(licensing.PlanNone), "NO LICENSE"},
		{l.planWord(licensing.PlanNoAccount), "NO RA"},
		{l.planWord(licensing.Plan(99)), ""},
		{l.planText(licensing.PlanNone), "Keeps its resource account, no license needed"},
		{l.planText(licensing.Plan(99)), ""},
		{l.typeShort(scenario.CallQueue), "CQ"},
		{l.typeShort(scenario.AutoAttendant), "AA"},
		{l.typeShort(""), "AA"},
		{l.typeName(scenario.CallQueue), "Call queue"},
		{l.why(licensing.AccountPlan{Reason: licensing.ReasonNestedNoNumber}, scenario.VirtualUser2020), l.WhyNested},
		{l.why(licensing.AccountPlan{Reason: licensing.ReasonNestedNoNumber}, scenario.ResourceAccount2024), l.WhyNestedNoAccount},
		{l.why(licensing.AccountPlan{Reason: licensing.ReasonEveryAccount}, scenario.ResourceAccount2022), l.WhyEveryAccount},
		{l.why(licensing.AccountPlan{Reason: licensing.ReasonEntryPoint}, scenario.ResourceAccount2024), l.WhyEntryPoint},
		{l.why(licensing.AccountPlan{Reason: licensing.ReasonNoNumber}, scenario.VirtualUser2020), l.WhyNoNumber},
		{l.why(licensing.AccountPlan{Reason: licensing.ReasonPhoneNumber}, scenario.VirtualUser2020), l.WhyPhoneNumber},
		{l.why(licensing.AccountPlan{Reason: licensing.Reason(99)}, scenario.VirtualUser2020), ""},
	}
	for i, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%d: got %q, want %q", i, tc.got, tc.want)
		}
	}
}

func TestHelpers(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{ellipsis("short", 24), "short"},
		{ellipsis("exactly twenty-four char", 24), "exactly twenty-four char"},
		{ellipsis("twenty-five characters!!!", 24), "twenty-five characters!…"},
		{ellipsis("àèìòùàèìòùàèìòùàèìòùàèìòù", 24), "àèìòùàèìòùàèìòùàèìòùàèì…"},
		{oneLine("a\nb\r\nc\u2028d\u2029e\tf\x00g\u0085h"), "a b  c d e f g h"},
		{px(1.25), "1.3"},
		{px(-0.01), "0"},
		{px(200), "200"},
		{validText("a\xffb\x00c"), "a\uFFFDb\uFFFDc"},
	}
	for i, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%d: got %q, want %q", i, tc.got, tc.want)
		}
	}
	for s, want := range map[string]bool{"+1": true, "+14255550100": true, "+": false, "1": false, "+1a": false, "": false, "++1": false} {
		if isE164(s) != want {
			t.Errorf("isE164(%q) = %v", s, !want)
		}
	}
}
