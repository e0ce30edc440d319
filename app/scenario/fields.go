package scenario

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on single fields. The field validators below and Decode enforce them.
const (
	// MaxIDLength is the longest account id accepted, in characters.
	MaxIDLength = 64
	// MaxSKULength is the longest SKU accepted, in characters.
	MaxSKULength = 128
	// MaxUPNLength is the longest user principal name accepted, in characters.
	MaxUPNLength = 256
)

// The field validators below check one field the way Decode does, so that the
// UI can validate as the user types. Their error messages are the very text
// Decode reports for that field, without the path.

// ValidID reports whether s is a well-formed account id: 1 to MaxIDLength of
// the characters A–Z, a–z, 0–9, "_", "." and "-".
func ValidID(s string) bool {
	if len(s) == 0 || len(s) > MaxIDLength {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '_', c == '.', c == '-':
		default:
			return false
		}
	}
	return true
}

// ValidateID returns nil when s is a well-formed account id (see ValidID) and
// otherwise an error that says why not.
func ValidateID(s string) error {
	if s == "" {
		return errors.New("is empty; every account needs an id")
	}
	if ValidID(s) {
		return nil
	}
	if n := utf8.RuneCountInString(s); n > MaxIDLength {
		return fmt.Errorf("%s is not a valid id: it is %s characters long; at most %d are allowed", quote(s), formatCount(int64(n)), MaxIDLength)
	}
	return fmt.Errorf(`%s is not a valid id: use only letters A–Z and a–z, digits, "_", "." and "-"`, quote(s))
}

// ParseUnits parses a unit count as typed by the user, such as "600" or
// "1e3", and checks it with ValidateUnits. Surrounding spaces are ignored.
func ParseUnits(s string) (int64, error) {
	t := strings.TrimSpace(s)
	if !isJSONNumber(t) {
		return 0, fmt.Errorf("%s is not a number", quote(s))
	}
	return unitsFromNumber(t)
}

// ValidateUnits returns nil when n is an acceptable unit count: not negative
// and at most MaxUnits.
func ValidateUnits(n int64) error {
	s := strconv.FormatInt(n, 10)
	switch {
	case n < 0:
		return errNegative(s)
	case n > MaxUnits:
		return errTooManyUnits(s)
	}
	return nil
}

func errNegative(num string) error {
	return fmt.Errorf("%s cannot be negative", shorten(num))
}

func errTooManyUnits(num string) error {
	return fmt.Errorf("%s is more than %s, which is not a plausible count", shorten(num), formatCount(MaxUnits))
}

// unitsFromNumber converts a JSON number literal to a unit count. It works on
// the digits rather than through float64 or math/big, so that it is exact and
// cheap even for literals such as 1e999999999.
func unitsFromNumber(num string) (int64, error) {
	s := num
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	mant, exp := s, ""
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant, exp = s[:i], s[i+1:]
	}
	intPart, frac := mant, ""
	if i := strings.IndexByte(mant, '.'); i >= 0 {
		intPart, frac = mant[:i], mant[i+1:]
	}
	digits := intPart + frac
	point := len(intPart) // digits before the decimal point
	trimmed := strings.TrimLeft(digits, "0")
	point -= len(digits) - len(trimmed)
	digits = strings.TrimRight(trimmed, "0")
	if digits == "" {
		return 0, nil // zero, whatever its sign and exponent
	}
	if neg {
		return 0, errNegative(num)
	}
	// Exponent, clamped: anything beyond ±1e9 is absurd either way.
	e := 0
	expNeg := strings.HasPrefix(exp, "-")
	exp = strings.TrimLeft(exp, "+-")
	exp = strings.TrimLeft(exp, "0")
	if len(exp) > 9 {
		e = 1_000_000_000
	} else if exp != "" {
		e, _ = strconv.Atoi(exp)
	}
	if expNeg {
		e = -e
	}
	// The value is 0.digits × 10^intDigits.
	intDigits := point + e
	if len(digits) > intDigits {
		return 0, fmt.Errorf("%s is not a whole number", shorten(num))
	}
	if intDigits > len(strconv.Itoa(MaxUnits)) {
		return 0, errTooManyUnits(num)
	}
	n, _ := strconv.ParseInt(digits+strings.Repeat("0", intDigits-len(digits)), 10, 64)
	if n > MaxUnits {
		return 0, errTooManyUnits(num)
	}
	return n, nil
}

// isJSONNumber reports whether s is a number as JSON writes it.
func isJSONNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	digits := func() int {
		start := i
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		return i - start
	}
	switch n := digits(); {
	case n == 0:
		return false
	case n > 1 && s[i-n] == '0':
		return false // no leading zeros
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}

// NormalizeSKU trims the spaces around a SKU and checks that something is
// left and that it is at most MaxSKULength characters long. Any other SKU is
// accepted, including ones the catalog does not know.
func NormalizeSKU(s string) (string, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return "", errors.New(`is empty; give the SKU's part number, such as "SPE_E5"`)
	}
	if n := utf8.RuneCountInString(t); n > MaxSKULength {
		return "", errors.New(tooLong(n, MaxSKULength))
	}
	return t, nil
}

// ValidateName returns nil when s is an acceptable account name: any text of
// at most MaxNameLength characters.
func ValidateName(s string) error {
	if n := utf8.RuneCountInString(s); n > MaxNameLength {
		return errors.New(tooLong(n, MaxNameLength))
	}
	return nil
}

// NormalizeUPN trims the spaces around a user principal name and checks that
// it looks like name@domain: one "@" with something on both sides, no spaces,
// at most MaxUPNLength characters. An empty UPN is accepted (unknown).
func NormalizeUPN(s string) (string, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return "", nil
	}
	if n := utf8.RuneCountInString(t); n > MaxUPNLength {
		return "", errors.New(tooLong(n, MaxUPNLength))
	}
	local, domain, ok := strings.Cut(t, "@")
	if !ok || local == "" || domain == "" || strings.Contains(domain, "@") ||
		strings.IndexFunc(t, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
		return "", fmt.Errorf("%s is not a valid UPN: it must look like name@contoso.com", quote(s))
	}
	return t, nil
}

// ParseMonthlyPrice parses a monthly price as typed by the user, such as "8"
// or "7.50", and checks it with ValidateMonthlyPrice. Surrounding spaces are
// ignored.
func ParseMonthlyPrice(s string) (float64, error) {
	t := strings.TrimSpace(s)
	if !isJSONNumber(t) {
		return 0, fmt.Errorf("%s is not a number", quote(s))
	}
	return priceFromNumber(t)
}

// ValidateMonthlyPrice returns nil when f is an acceptable monthly price: a
// number from 0 to MaxMonthlyPrice.
func ValidateMonthlyPrice(f float64) error {
	return checkPrice(f, strconv.FormatFloat(f, 'g', -1, 64))
}

func priceFromNumber(num string) (float64, error) {
	// The literal is well formed, so the only possible error is ErrRange:
	// ±Inf for huge values (rejected below), ±0 for tiny ones (fine).
	f, _ := strconv.ParseFloat(num, 64)
	if err := checkPrice(f, num); err != nil {
		return 0, err
	}
	return f + 0, nil // + 0 turns -0 into 0
}

func checkPrice(f float64, num string) error {
	switch {
	case math.IsNaN(f):
		return errors.New("is not a number")
	case f < 0:
		return errNegative(num)
	case f > MaxMonthlyPrice:
		return fmt.Errorf("%s is more than %s, which is not a plausible price", shorten(num), formatCount(MaxMonthlyPrice))
	}
	return nil
}

// ValidateCurrency returns nil when s is empty (no currency given) or has the
// shape of an ISO 4217 code: three capital letters, such as "USD" or "EUR".
// Codes are not checked against the ISO list.
func ValidateCurrency(s string) error {
	if s == "" {
		return nil
	}
	if len(s) == 3 && isUpper(s[0]) && isUpper(s[1]) && isUpper(s[2]) {
		return nil
	}
	return fmt.Errorf(`%s is not a currency code: use three capital letters, such as "USD" or "EUR"`, quote(s))
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

// Valid reports whether t is AutoAttendant or CallQueue.
func (t AccountType) Valid() bool {
	return t == AutoAttendant || t == CallQueue
}

// Valid reports whether l is NoLicense, VirtualUser or PhoneSystem. The empty
// License, which means NoLicense, is not Valid: use LicenseOrDefault.
func (l License) Valid() bool {
	return l == NoLicense || l == VirtualUser || l == PhoneSystem
}

// oneOf lists quoted choices: `"a", "b" or "c"`.
func oneOf[T ~string](choices ...T) string {
	var b strings.Builder
	for i, c := range choices {
		switch {
		case i == 0:
		case i == len(choices)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(string(c)))
	}
	return b.String()
}

func errEdition(s string) error {
	return fmt.Errorf("%s must be %s", quote(s), oneOf(Editions...))
}

func errAccountType(s string) error {
	return fmt.Errorf("%s must be %s", quote(s), oneOf(AutoAttendant, CallQueue))
}

func errLicense(s string) error {
	return fmt.Errorf("%s must be %s", quote(s), oneOf(NoLicense, VirtualUser, PhoneSystem))
}
