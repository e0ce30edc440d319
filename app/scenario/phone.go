package scenario

import (
	"fmt"
	"strings"
	"unicode"
)

// NormalizePhoneNumber turns a phone number as people write it into E.164
// form: "tel:+1 (425) 555-0100" becomes "+14255550100".
//
// It removes a leading "tel:" (in any case), spaces, dashes, dots and the
// brackets ()[]. What is left must be "+" followed by 2 to 15 digits, the
// first of which is not 0. A blank s yields "" (no number) and no error.
// Extensions (";ext=…"), national forms ("(425) 555-0100") and the "00"
// international prefix are rejected with a message that says what to write
// instead.
func NormalizePhoneNumber(s string) (string, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return "", nil
	}
	if len(t) >= 4 && strings.EqualFold(t[:4], "tel:") {
		t = t[4:]
	}
	if strings.Contains(t, ";") || strings.Contains(strings.ToLower(t), "ext") {
		return "", fmt.Errorf("%s has an extension or other \";\" part, which is not accepted: give the number only", quote(s))
	}
	n := strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r), r == '.', r == '(', r == ')', r == '[', r == ']',
			r == '-', '\u2010' <= r && r <= '\u2015', r == '\u2212':
			return -1
		}
		return r
	}, t)
	plus := strings.HasPrefix(n, "+")
	digits := strings.TrimPrefix(n, "+")
	if digits == "" || strings.IndexFunc(digits, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return "", fmt.Errorf("%s is not a phone number", quote(s))
	}
	switch {
	case !plus && strings.HasPrefix(digits, "00"):
		return "", fmt.Errorf("%s must be in international form: write + instead of the leading 00", quote(s))
	case !plus:
		return "", fmt.Errorf("%s must be in international form: + and the country code, such as +1 or +44", quote(s))
	case digits[0] == '0':
		return "", fmt.Errorf("%s is not a phone number: a country code never starts with 0", quote(s))
	case len(digits) < 2:
		return "", fmt.Errorf("%s is too short to be a phone number", quote(s))
	case len(digits) > 15:
		return "", fmt.Errorf("%s has %d digits, but a phone number has at most 15", quote(s), len(digits))
	}
	return n, nil
}
