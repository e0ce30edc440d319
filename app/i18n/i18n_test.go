package i18n

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var placeholder = regexp.MustCompile(`\{(n|[0-9]+)\}`)

// TestCatalogComplete checks every message in both languages: present, with
// the same placeholders, and plural in both or in neither.
func TestCatalogComplete(t *testing.T) {
	for key, m := range catalog {
		if strings.TrimSpace(m.en) == "" || strings.TrimSpace(m.it) == "" {
			t.Errorf("%s: missing in %s", key, map[bool]string{true: "English", false: "Italian"}[strings.TrimSpace(m.en) == ""])
			continue
		}
		if strings.Contains(m.en, "|") != strings.Contains(m.it, "|") {
			t.Errorf("%s: plural in one language only", key)
		}
		forms := func(s string) []string { return strings.Split(s, "|") }
		for _, f := range append(forms(m.en), forms(m.it)...) {
			if got, want := holes(f), holes(m.en); !slices.Equal(got, want) && !(strings.Contains(m.en, "|") && slices.Equal(got, holes(forms(m.en)[0]))) {
				t.Errorf("%s: %q has placeholders %v, the English %v", key, f, got, want)
			}
		}
	}
}

// holes lists the distinct placeholders of s, sorted.
func holes(s string) []string {
	var out []string
	for _, m := range placeholder.FindAllString(s, -1) {
		if !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	slices.Sort(out)
	return out
}

func TestParseAndPreferred(t *testing.T) {
	tests := []struct {
		tag string
		l   Lang
		ok  bool
	}{
		{"it", IT, true}, {"it-IT", IT, true}, {"IT_ch", IT, true}, {"en-GB", EN, true}, {"en", EN, true},
		{"fr-FR", EN, false}, {"", EN, false},
	}
	for _, tt := range tests {
		if l, ok := Parse(tt.tag); l != tt.l || ok != tt.ok {
			t.Errorf("Parse(%q) = %v, %v; want %v, %v", tt.tag, l, ok, tt.l, tt.ok)
		}
	}
	if got := Preferred([]string{"fr-FR", "it-IT", "en-US"}); got != IT {
		t.Errorf("Preferred picks %v, want it (the first language the page speaks)", got)
	}
	if got := Preferred(nil); got != EN {
		t.Errorf("Preferred(nil) = %v, want en", got)
	}
}

func TestNumbersAndMoney(t *testing.T) {
	tests := []struct {
		l    Lang
		got  string
		want string
	}{
		{EN, EN.Int(1234567), "1,234,567"},
		{IT, IT.Int(1234567), "1.234.567"},
		{IT, IT.Int(612), "612"},
		{EN, EN.Int(-4500), "-4,500"},
		{EN, EN.Money(1234.5, "USD"), "$1,234.50"},
		{EN, EN.Money(8, "EUR"), "€8.00"},
		{EN, EN.Money(42.5, "CHF"), "42.50\u00a0CHF"},
		{IT, IT.Money(1234.5, "EUR"), "1.234,50\u00a0€"},
		{IT, IT.Money(0.05, "USD"), "0,05\u00a0$"},
		{IT, IT.Money(10, ""), "10,00"},
		{EN, EN.Money(-3, "USD"), "-$3.00"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: %q, want %q", tt.l, tt.got, tt.want)
		}
	}
}

func TestPlurals(t *testing.T) {
	tests := []struct {
		l    Lang
		n    int64
		want string
	}{
		{EN, 1, "1 Phone System license"},
		{EN, 5, "5 Phone System licenses"},
		{EN, 0, "0 Phone System licenses"},
		{IT, 1, "1 licenza Phone System"},
		{IT, 5, "5 licenze Phone System"},
		{IT, 1500, "1.500 licenze Phone System"},
	}
	for _, tt := range tests {
		if got := tt.l.N("paid.phone-system", tt.n); got != tt.want {
			t.Errorf("%s N(%d) = %q, want %q", tt.l, tt.n, got, tt.want)
		}
	}
	if got := EN.T("allotment.formula", "612", "86"); got != "Free licenses: 25 + floor(612/10) = 86" {
		t.Errorf("T with arguments: %q", got)
	}
	if got := EN.T("no.such.key"); got != "no.such.key" {
		t.Errorf("a missing key shows as itself, got %q", got)
	}
}

func ExampleLang_N() {
	for _, l := range Langs {
		fmt.Println(l.N("paid.phone-system", 1), "·", l.N("paid.phone-system", 1234))
	}
	// Output:
	// 1 Phone System license · 1,234 Phone System licenses
	// 1 licenza Phone System · 1.234 licenze Phone System
}

func ExampleLang_MB() {
	fmt.Println(EN.MB(6_049_999), IT.MB(2_097_152), EN.MB(1_234_567_890))
	// Output: 6.0 MB 2,1 MB 1,234.6 MB
}
