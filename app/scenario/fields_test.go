package scenario_test

import (
	"strings"
	"testing"

	"github.com/raplanner/raplanner/app/scenario"
)

func TestNormalizePhoneNumber(t *testing.T) {
	tests := []struct {
		in, want string
		words    []string // of the error message; nil when in is accepted
	}{
		{"+14255550100", "+14255550100", nil},
		{"tel:+1 (425) 555-0100", "+14255550100", nil},
		{"TEL:+1-425-555-0100", "+14255550100", nil},
		{"Tel:+1.425.555.0100", "+14255550100", nil},
		{"+39 02 1234 5678", "+390212345678", nil},
		{"+44 [0]20 7946 0958", "+4402079460958", nil},
		{"  +33 1 23 45 67 89  ", "+33123456789", nil},
		{"+1\u00a0425\u00a0555\u00a00100", "+14255550100", nil}, // no-break spaces
		{"+1 425–555–0100", "+14255550100", nil},                // en dashes
		{"+12", "+12", nil},
		{"+123456789012345", "+123456789012345", nil},
		{"", "", nil},
		{"   ", "", nil},
		{"0039 02 1234 5678", "", []string{`"0039 02 1234 5678"`, "international form", "00"}},
		{"(425) 555-0100", "", []string{`"(425) 555-0100"`, "international form", "country code"}},
		{"+0 425 555 0100", "", []string{`"+0 425 555 0100"`, "country code never starts with 0"}},
		{"+1", "", []string{`"+1"`, "too short"}},
		{"+1234567890123456", "", []string{"16 digits", "at most 15"}},
		{"+1 (425) abc", "", []string{`"+1 (425) abc" is not a phone number`}},
		{"+1 425 555 0100 ext. 12", "", []string{"extension", "not accepted"}},
		{"tel:+14255550100;ext=12", "", []string{"extension", "not accepted"}},
		{"+", "", []string{"is not a phone number"}},
		{"tel:", "", []string{"is not a phone number"}},
		{"()", "", []string{"is not a phone number"}},
		{"++14255550100", "", []string{"is not a phone number"}},
		{"+1 425 555 0100 +", "", []string{"is not a phone number"}},
		{"+١٤٢٥٥٥٥٠١٠٠", "", []string{"is not a phone number"}}, // Arabic-Indic digits
	}
	for _, tt := range tests {
		got, err := scenario.NormalizePhoneNumber(tt.in)
		if tt.words == nil {
			if err != nil || got != tt.want {
				t.Errorf("NormalizePhoneNumber(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
			continue
		}
		if err == nil {
			t.Errorf("NormalizePhoneNumber(%q) = %q, want an error", tt.in, got)
			continue
		}
		for _, w := range tt.words {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("NormalizePhoneNumber(%q) error %q lacks %q", tt.in, err, w)
			}
		}
		// Decode reports the very same message.
		errs := decodeErrors(t, doc(``, `{"id":"a","type":"call-queue","phoneNumber":`+jsonString(tt.in)+`}`))
		if !hasProblem(errs, "accounts[0].phoneNumber", err.Error()) {
			t.Errorf("Decode reports %v, NormalizePhoneNumber %q", errs, err)
		}
	}
}

func jsonString(s string) string {
	b := new(strings.Builder)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

func TestValidID(t *testing.T) {
	for _, id := range []string{"a", "main", "A.b_c-9", "0", strings.Repeat("x", 64), "..", "-"} {
		if !scenario.ValidID(id) || scenario.ValidateID(id) != nil {
			t.Errorf("ValidID(%q) = false", id)
		}
	}
	for _, id := range []string{"", " ", "a b", "é", "a/b", "a:b", strings.Repeat("x", 65), "main\n", "😀"} {
		if scenario.ValidID(id) {
			t.Errorf("ValidID(%q) = true", id)
		}
		if scenario.ValidateID(id) == nil {
			t.Errorf("ValidateID(%q) = nil", id)
		}
	}
}

func TestParseUnits(t *testing.T) {
	tests := []struct {
		in    string
		want  int64
		words []string
	}{
		{"600", 600, nil},
		{" 600 ", 600, nil},
		{"1e3", 1000, nil},
		{"1E+3", 1000, nil},
		{"1000.000", 1000, nil},
		{"0", 0, nil},
		{"-0", 0, nil},
		{"0.0e-999999999999", 0, nil},
		{"10000000", 10_000_000, nil},
		{"100000e2", 10_000_000, nil},
		{"1000000000e-2", 10_000_000, nil},
		{"-5", 0, []string{"-5 cannot be negative"}},
		{"-0.5", 0, []string{"cannot be negative"}},
		{"2.5", 0, []string{"2.5 is not a whole number"}},
		{"1e-1", 0, []string{"not a whole number"}},
		{"10000001", 0, []string{"10000001 is more than 10,000,000, which is not a plausible count"}},
		{"1e8", 0, []string{"more than"}},
		{"99999999999999999999999", 0, []string{"more than"}},
		{"1e99999999999999999999", 0, []string{"more than"}},
		{"abc", 0, []string{`"abc" is not a number`}},
		{"1,000", 0, []string{"is not a number"}},
		{"", 0, []string{"is not a number"}},
		{"+5", 0, []string{"is not a number"}},
		{"05", 0, []string{"is not a number"}},
		{"NaN", 0, []string{"is not a number"}},
		{"0x10", 0, []string{"is not a number"}},
		{"1.", 0, []string{"is not a number"}},
		{".5", 0, []string{"is not a number"}},
		{"1e", 0, []string{"is not a number"}},
	}
	for _, tt := range tests {
		got, err := scenario.ParseUnits(tt.in)
		if tt.words == nil {
			if err != nil || got != tt.want {
				t.Errorf("ParseUnits(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
			}
			continue
		}
		if err == nil {
			t.Errorf("ParseUnits(%q) = %d, want an error", tt.in, got)
			continue
		}
		for _, w := range tt.words {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("ParseUnits(%q) error %q lacks %q", tt.in, err, w)
			}
		}
	}
	if err := scenario.ValidateUnits(-5); err == nil || err.Error() != "-5 cannot be negative" {
		t.Errorf("ValidateUnits(-5) = %v", err)
	}
	if err := scenario.ValidateUnits(12_000_000); err == nil || err.Error() != "12000000 is more than 10,000,000, which is not a plausible count" {
		t.Errorf("ValidateUnits(12000000) = %v", err)
	}
	if err := scenario.ValidateUnits(scenario.MaxUnits); err != nil {
		t.Errorf("ValidateUnits(MaxUnits) = %v", err)
	}
}

func TestFieldValidators(t *testing.T) {
	if s, err := scenario.NormalizeSKU("  SPE_E5\t"); s != "SPE_E5" || err != nil {
		t.Errorf("NormalizeSKU = %q, %v", s, err)
	}
	if _, err := scenario.NormalizeSKU(" "); err == nil {
		t.Error("NormalizeSKU(blank) accepted")
	}
	if err := scenario.ValidateName(strings.Repeat("名", 256)); err != nil {
		t.Errorf("ValidateName(256 characters) = %v", err)
	}
	if err := scenario.ValidateName(strings.Repeat("名", 257)); err == nil || !strings.Contains(err.Error(), "257 characters") {
		t.Errorf("ValidateName(257 characters) = %v", err)
	}
	if u, err := scenario.NormalizeUPN(" aa@contoso.onmicrosoft.com "); u != "aa@contoso.onmicrosoft.com" || err != nil {
		t.Errorf("NormalizeUPN = %q, %v", u, err)
	}
	if u, err := scenario.NormalizeUPN(""); u != "" || err != nil {
		t.Errorf("NormalizeUPN(empty) = %q, %v", u, err)
	}
	for _, c := range []string{"", "USD", "EUR", "CHF"} {
		if err := scenario.ValidateCurrency(c); err != nil {
			t.Errorf("ValidateCurrency(%q) = %v", c, err)
		}
	}
	for _, c := range []string{"usd", "US", "USDX", "€", "U$D"} {
		if err := scenario.ValidateCurrency(c); err == nil {
			t.Errorf("ValidateCurrency(%q) = nil", c)
		}
	}
	for in, want := range map[string]float64{"8": 8, "7.50": 7.5, " 0 ": 0, "-0": 0, "1e6": 1e6, "1e-400": 0} {
		if got, err := scenario.ParseMonthlyPrice(in); got != want || err != nil {
			t.Errorf("ParseMonthlyPrice(%q) = %v, %v", in, got, err)
		}
	}
	for in, word := range map[string]string{"-1": "-1 cannot be negative", "1000001": "more than 1,000,000", "eight": `"eight" is not a number`, "8,50": "is not a number", "Inf": "is not a number"} {
		if _, err := scenario.ParseMonthlyPrice(in); err == nil || !strings.Contains(err.Error(), word) {
			t.Errorf("ParseMonthlyPrice(%q) = %v, want %q", in, err, word)
		}
	}
	if err := scenario.ValidateMonthlyPrice(-2); err == nil || err.Error() != "-2 cannot be negative" {
		t.Errorf("ValidateMonthlyPrice(-2) = %v", err)
	}
	if !scenario.CallQueue.Valid() || scenario.AccountType("ivr").Valid() || !scenario.PhoneSystem.Valid() || scenario.License("").Valid() {
		t.Error("Valid methods")
	}
}

// The field validators and Decode give the same messages.
func TestValidatorsMatchDecode(t *testing.T) {
	check := func(in, path string, err error) {
		t.Helper()
		if err == nil {
			t.Fatalf("validator accepted %s", in)
		}
		if errs := decodeErrors(t, in); !hasProblem(errs, path, err.Error()) {
			t.Errorf("Decode(%s) = %v; validator says %q", in, errs, err)
		}
	}
	_, err := scenario.ParseUnits("2.5")
	check(doc(`{"sku":"A","units":2.5}`, ``), "subscriptions[0].units", err)
	_, err = scenario.NormalizeSKU("")
	check(doc(`{"sku":"","units":1}`, ``), "subscriptions[0].sku", err)
	check(doc(``, `{"id":"a b","type":"call-queue"}`), "accounts[0].id", scenario.ValidateID("a b"))
	check(doc(``, `{"id":"a","type":"call-queue","name":"`+strings.Repeat("n", 300)+`"}`), "accounts[0].name", scenario.ValidateName(strings.Repeat("n", 300)))
	_, err = scenario.NormalizeUPN("nope")
	check(doc(``, `{"id":"a","type":"call-queue","upn":"nope"}`), "accounts[0].upn", err)
	_, err = scenario.ParseMonthlyPrice("-3")
	check(`{"price":{"monthly":-3}}`, "price.monthly", err)
	check(`{"price":{"monthly":1,"currency":"usd"}}`, "price.currency", scenario.ValidateCurrency("usd"))
}
