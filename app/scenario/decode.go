package scenario

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxDocumentBytes is the size of the largest document Decode accepts: 32 MiB.
const MaxDocumentBytes = 32 << 20

// bom is the UTF-8 byte order mark some editors put at the start of files.
const bom = "\xEF\xBB\xBF"

// fromUTF16 returns data as UTF-8 when it starts with a UTF-16 byte order
// mark (Windows Notepad's "Unicode"), else data itself.
func fromUTF16(data []byte) []byte {
	if len(data) < 2 {
		return data
	}
	var order binary.ByteOrder
	switch {
	case data[0] == 0xFF && data[1] == 0xFE:
		order = binary.LittleEndian
	case data[0] == 0xFE && data[1] == 0xFF:
		order = binary.BigEndian
	default:
		return data
	}
	units := make([]uint16, 0, len(data)/2)
	for i := 2; i+1 < len(data); i += 2 {
		units = append(units, order.Uint16(data[i:]))
	}
	return []byte(string(utf16.Decode(units)))
}

// Decode reads a scenario document, checks it and returns it normalized.
//
// Decode is strict about meaning and gentle about damage: it reports every
// problem it finds (up to MaxErrors, then a count), each with its path and a
// message an administrator understands, such as
//
//	accounts[3].phoneNumber: "+1 (425) abc" is not a phone number
//
// The error is always an Errors value; use errors.As to list the problems. A
// document with any problem is never returned, so a caller never applies half
// of one.
//
// Decode skips a leading UTF-8 byte order mark, ignores fields it does not
// know (later versions may add optional ones) and treats null like an absent
// field. It normalizes what it returns: Format is always Format; SKUs and UPNs
// are trimmed; phone numbers are in E.164 form (see NormalizePhoneNumber);
// duplicate ids in a RoutesTo list are removed, keeping the first; -0 prices
// are 0. Subscriptions and Accounts are never nil; RoutesTo is nil when empty;
// Edition, License and Price are left empty (nil) when the document names
// none. Encode writes back exactly what Decode returned.
func Decode(data []byte) (*Document, error) {
	if len(data) > MaxDocumentBytes {
		return nil, single(fmt.Sprintf("the document is too large (%s); at most %s is accepted", formatSize(len(data)), formatSize(MaxDocumentBytes)))
	}
	data = fromUTF16(data)
	data = bytes.TrimPrefix(data, []byte(bom))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, single("the document is empty")
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return nil, single(syntaxMessage(data, syn))
		}
		return nil, single(fmt.Sprintf("the document must be a JSON object ({ … }), not %s", kind(data)))
	}
	if top == nil { // the document is null
		return nil, single("the document must be a JSON object ({ … }), not null")
	}

	var c collector
	doc := &Document{Format: Format}
	if s, st := c.str("format", top["format"], `the text "`+Format+`"`); st == present && s != Format {
		c.addf("format", "%s is not a format this version of RA Planner reads; it reads %q", quote(s), Format)
	}
	if s, st := c.str("edition", top["edition"], "text"); st == present && s != "" {
		if e := Edition(s); e.Valid() {
			doc.Edition = e
		} else {
			c.addErr("edition", errEdition(s))
		}
	}
	doc.Subscriptions = c.subscriptions(top["subscriptions"])
	doc.Accounts = c.accounts(top["accounts"])
	doc.Price = c.price(top["price"])

	if err := c.result(); err != nil {
		return nil, err
	}
	return doc, nil
}

// state says whether an optional field was there.
type state int

const (
	absent  state = iota // missing or null
	present              // there and of the right kind
	wrong                // there but of the wrong kind (already reported)
)

func isNull(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) == 0 || string(raw) == "null"
}

// str reads a text field; what names the expected value in the type error.
func (c *collector) str(path string, raw json.RawMessage, what string) (string, state) {
	if isNull(raw) {
		return "", absent
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		c.addf(path, "must be %s, not %s", what, kind(raw))
		return "", wrong
	}
	return s, present
}

// list reads a list field.
func (c *collector) list(path string, raw json.RawMessage, what string) ([]json.RawMessage, state) {
	if isNull(raw) {
		return nil, absent
	}
	var l []json.RawMessage
	if err := json.Unmarshal(raw, &l); err != nil {
		c.addf(path, "must be %s, not %s", what, kind(raw))
		return nil, wrong
	}
	return l, present
}

// object reads an object, reporting null too as a type error.
func (c *collector) object(path string, raw json.RawMessage, what string) (map[string]json.RawMessage, bool) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		c.addf(path, "must be %s, not %s", what, kind(raw))
		return nil, false
	}
	return m, true
}

// number reads a number field, returning the literal.
func (c *collector) number(path string, raw json.RawMessage, what string) (string, state) {
	if isNull(raw) {
		return "", absent
	}
	raw = bytes.TrimSpace(raw)
	if k := kind(raw); k != "a number" {
		if k == "text" {
			var s string
			_ = json.Unmarshal(raw, &s)
			c.addf(path, "must be %s, not the text %s", what, quote(s))
		} else {
			c.addf(path, "must be %s, not %s", what, k)
		}
		return "", wrong
	}
	return string(raw), present
}

func (c *collector) subscriptions(raw json.RawMessage) []Subscription {
	subs := []Subscription{}
	l, st := c.list("subscriptions", raw, "a list of subscriptions")
	if st != present {
		return subs
	}
	if len(l) > MaxSubscriptions {
		c.addf("subscriptions", "has %s rows; at most %s are accepted", formatCount(int64(len(l))), formatCount(MaxSubscriptions))
		return subs
	}
	for i, el := range l {
		p := "subscriptions[" + strconv.Itoa(i) + "]"
		m, ok := c.object(p, el, `an object with "sku" and "units"`)
		if !ok {
			continue
		}
		var sub Subscription
		switch s, st := c.str(p+".sku", m["sku"], `text, such as "SPE_E5"`); st {
		case absent:
			c.add(p+".sku", `is missing; give the SKU's part number, such as "SPE_E5"`)
		case present:
			if t, err := NormalizeSKU(s); err != nil {
				c.addErr(p+".sku", err)
			} else {
				sub.SKU = t
			}
		}
		switch num, st := c.number(p+".units", m["units"], "a whole number"); st {
		case absent:
			c.add(p+".units", "is missing; give the number of units purchased")
		case present:
			if n, err := unitsFromNumber(num); err != nil {
				c.addErr(p+".units", err)
			} else {
				sub.Units = n
			}
		}
		if s, st := c.str(p+".includes", m["includes"], `"phone-system" or "resource-account"`); st == present {
			if inc := Includes(s); inc.Valid() {
				sub.Includes = inc
			} else {
				c.add(p+".includes", strconv.Quote(s)+` must be "phone-system" or "resource-account"`)
			}
		}
		subs = append(subs, sub)
	}
	return subs
}

func (c *collector) accounts(raw json.RawMessage) []Account {
	accts := []Account{}
	l, st := c.list("accounts", raw, "a list of accounts")
	if st != present {
		return accts
	}
	if len(l) > MaxAccounts {
		c.addf("accounts", "has %s accounts; at most %s are accepted", formatCount(int64(len(l))), formatCount(MaxAccounts))
		return accts
	}
	accts = make([]Account, 0, len(l))
	first := make(map[string]int, len(l)) // id → index of its first use
	for i, el := range l {
		p := "accounts[" + strconv.Itoa(i) + "]"
		m, ok := c.object(p, el, "an object describing an auto attendant or call queue")
		if !ok {
			continue
		}
		var a Account

		switch s, st := c.str(p+".id", m["id"], "text"); {
		case st == absent || st == present && s == "":
			c.add(p+".id", "is missing; every account needs an id")
		case st == present:
			if err := ValidateID(s); err != nil {
				c.addErr(p+".id", err)
			} else if j, dup := first[s]; dup {
				c.addf(p+".id", "%s is used by accounts[%d] too", quote(s), j)
			} else {
				first[s] = i
				a.ID = s
			}
		}

		if s, st := c.str(p+".name", m["name"], "text"); st == present {
			if err := ValidateName(s); err != nil {
				c.addErr(p+".name", err)
			} else {
				a.Name = s
			}
		}

		switch s, st := c.str(p+".type", m["type"], oneOf(AutoAttendant, CallQueue)); st {
		case absent:
			c.addf(p+".type", "is missing; it must be %s", oneOf(AutoAttendant, CallQueue))
		case present:
			if t := AccountType(s); t.Valid() {
				a.Type = t
			} else {
				c.addErr(p+".type", errAccountType(s))
			}
		}

		if s, st := c.str(p+".upn", m["upn"], "text"); st == present {
			if u, err := NormalizeUPN(s); err != nil {
				c.addErr(p+".upn", err)
			} else {
				a.UPN = u
			}
		}

		if s, st := c.str(p+".phoneNumber", m["phoneNumber"], `text, such as "+14255550100"`); st == present {
			if n, err := NormalizePhoneNumber(s); err != nil {
				c.addErr(p+".phoneNumber", err)
			} else {
				a.PhoneNumber = n
			}
		}

		if s, st := c.str(p+".license", m["license"], oneOf(NoLicense, VirtualUser, PhoneSystem)); st == present && s != "" {
			if l := License(s); l.Valid() {
				a.License = l
			} else {
				c.addErr(p+".license", errLicense(s))
			}
		}

		a.RoutesTo = c.routes(p+".routesTo", m["routesTo"])
		accts = append(accts, a)
	}
	return accts
}

func (c *collector) routes(path string, raw json.RawMessage) []string {
	l, st := c.list(path, raw, "a list of account ids")
	if st != present {
		return nil
	}
	var ids []string
	seen := make(map[string]bool, len(l))
	for j, el := range l {
		p := path + "[" + strconv.Itoa(j) + "]"
		var s string
		if k := kind(el); k != "text" || json.Unmarshal(el, &s) != nil {
			c.addf(p, "must be an account id (text), not %s", k)
			continue
		}
		if s == "" {
			c.add(p, "is empty; give the id of an account")
			continue
		}
		if err := ValidateID(s); err != nil {
			c.addErr(p, err)
			continue
		}
		if !seen[s] {
			seen[s] = true
			ids = append(ids, s)
		}
	}
	return ids
}

func (c *collector) price(raw json.RawMessage) *Price {
	if isNull(raw) {
		return nil
	}
	m, ok := c.object("price", raw, `an object with "monthly" and, optionally, "currency"`)
	if !ok {
		return nil
	}
	pr := &Price{}
	switch num, st := c.number("price.monthly", m["monthly"], "a number"); st {
	case absent:
		c.add("price.monthly", "is missing; give the price of one license per month")
	case present:
		if f, err := priceFromNumber(num); err != nil {
			c.addErr("price.monthly", err)
		} else {
			pr.Monthly = f
		}
	}
	if s, st := c.str("price.currency", m["currency"], `text, such as "USD"`); st == present {
		if err := ValidateCurrency(s); err != nil {
			c.addErr("price.currency", err)
		} else {
			pr.Currency = s
		}
	}
	return pr
}

// syntaxMessage explains a JSON syntax error with its line and column.
func syntaxMessage(data []byte, syn *json.SyntaxError) string {
	off := int(syn.Offset)
	if off > len(data) {
		off = len(data)
	}
	if off >= len(data) && syn.Error() == "unexpected end of JSON input" {
		line, col := position(data, len(data))
		return fmt.Sprintf("line %d, column %d: the document ends too early; it may have been cut off", line, col)
	}
	// The scanner stops just after the offending byte.
	at := off - 1
	if at < 0 {
		at = 0
	}
	line, col := position(data, at)
	what := syn.Error()
	if at < len(data) && data[at] >= utf8.RuneSelf && strings.HasPrefix(what, "invalid character '") {
		// The scanner names the first byte of a multi-byte character; name the character.
		r, _ := utf8.DecodeRune(data[at:])
		if _, rest, ok := strings.Cut(what[len("invalid character '"):], "'"); ok {
			what = "invalid character " + strconv.QuoteRune(r) + rest
		}
	}
	msg := fmt.Sprintf("line %d, column %d: %s", line, col, what)
	if at < len(data) && (data[at] == '}' || data[at] == ']') {
		if prev := bytes.TrimRight(data[:at], " \t\r\n"); len(prev) > 0 && prev[len(prev)-1] == ',' {
			msg += " (JSON does not allow a comma after the last item)"
		}
	}
	return msg
}

// position returns the 1-based line and column (in characters) of data[off].
func position(data []byte, off int) (line, col int) {
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return bytes.Count(data[:off], []byte{'\n'}) + 1, utf8.RuneCount(data[start:off]) + 1
}

// formatSize writes a byte count for a message.
func formatSize(n int) string {
	const mib = 1 << 20
	if n%mib == 0 {
		return fmt.Sprintf("%d MiB", n/mib)
	}
	return fmt.Sprintf("%.1f MiB", math.Ceil(float64(n)/mib*10)/10)
}
