// Package i18n holds RA Planner's message catalog in English and Italian
// and formats numbers, money and plurals the way each language writes them.
//
// Every string the page shows is a Key of the catalog: a message has its
// English and its Italian text side by side, so a key cannot exist in one
// language only. A message may hold placeholders {1}, {2}… for the
// arguments of T, and {n} for the count of N. A plural message holds the
// singular and the plural form separated by "|": "{n} license|{n} licenses".
// Microsoft's product names stay as Microsoft's documentation in each
// language has them (the Italian documentation keeps the English SKU names).
package i18n

import (
	"math"
	"strconv"
	"strings"
)

// Lang is a language of the page.
type Lang string

// The languages.
const (
	EN Lang = "en"
	IT Lang = "it"
)

// Langs lists the languages, the default first.
var Langs = []Lang{EN, IT}

// Key names a message of the catalog.
type Key string

// Parse returns the language of a BCP 47 tag such as "it", "it-IT" or
// "en-GB", and whether it is one of Langs.
func Parse(tag string) (Lang, bool) {
	base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
	base, _, _ = strings.Cut(base, "_")
	for _, l := range Langs {
		if string(l) == base {
			return l, true
		}
	}
	return EN, false
}

// Preferred returns the first language of tags (the browser's
// navigator.languages, most preferred first) that the page speaks, or EN.
func Preferred(tags []string) Lang {
	for _, t := range tags {
		if l, ok := Parse(t); ok {
			return l
		}
	}
	return EN
}

// Name returns the language's name in that language.
func (l Lang) Name() string {
	if l == IT {
		return "Italiano"
	}
	return "English"
}

// text returns the raw message of key in l; a key missing from the
// catalog comes back as itself, so that a mistake shows on the page.
func (l Lang) text(key Key) string {
	m, ok := catalog[key]
	if !ok {
		return string(key)
	}
	if l == IT {
		return m.it
	}
	return m.en
}

// T returns the message key in l with {1}, {2}… replaced by args.
func (l Lang) T(key Key, args ...string) string {
	return fill(l.text(key), args, "")
}

// N returns the singular or plural form of message key for the count n,
// with {n} replaced by n written in l and {1}, {2}… by args.
func (l Lang) N(key Key, n int64, args ...string) string {
	s := l.text(key)
	one, other, ok := strings.Cut(s, "|")
	if ok {
		s = other
		if n == 1 {
			s = one
		}
	}
	return fill(s, args, l.Int(n))
}

func fill(s string, args []string, n string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		name := s[i+1 : i+j]
		switch k, err := strconv.Atoi(name); {
		case name == "n":
			b.WriteString(n)
		case err == nil && k >= 1 && k <= len(args):
			b.WriteString(args[k-1])
		default:
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
}

// separators returns the thousands and decimal separators of l.
func (l Lang) separators() (thousands, decimal string) {
	if l == IT {
		return ".", ","
	}
	return ",", "."
}

// Int writes n with the thousands separator of l: 1,234 or 1.234.
func (l Lang) Int(n int64) string {
	th, _ := l.separators()
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(th)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// MB writes a size in megabytes (10⁶ bytes) with one decimal, in the way
// of l: "6.0 MB" or "6,0 MB".
func (l Lang) MB(bytes int64) string {
	_, dec := l.separators()
	tenths := (bytes + 50_000) / 100_000
	return l.Int(tenths/10) + dec + strconv.FormatInt(tenths%10, 10) + " MB"
}

// symbols are the currency signs written instead of the ISO code.
var symbols = map[string]string{"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}

// Money writes an amount with two decimals in the way of l: "$1,234.50",
// "€8.00" in English; "1.234,50 €", "8,00 $" in Italian. A currency without
// a common sign is written as its code ("1,234.50 CHF"); an empty currency
// is left out.
func (l Lang) Money(v float64, currency string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		v = 0
	}
	neg := v < 0
	cents := int64(math.Round(math.Abs(v) * 100))
	_, dec := l.separators()
	s := l.Int(cents/100) + dec + strconv.FormatInt(100+cents%100, 10)[1:]
	if neg {
		s = "-" + s
	}
	sym, ok := symbols[currency]
	switch {
	case currency == "":
		return s
	case ok && l == EN:
		if neg {
			return "-" + sym + s[1:]
		}
		return sym + s
	case ok:
		return s + "\u00a0" + sym
	default:
		return s + "\u00a0" + currency
	}
}

// Keys returns every key of the catalog (for tests and tools).
func Keys() []Key {
	out := make([]Key, 0, len(catalog))
	for k := range catalog {
		out = append(out, k)
	}
	return out
}

// msg is one message in both languages.
type msg struct{ en, it string }
