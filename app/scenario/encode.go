package scenario

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// Encode writes d as compact canonical JSON: fields in a fixed order, no
// spaces, "format" always "ra-planner/v1", "subscriptions" and "accounts"
// always present (as [] when empty), empty optional fields left out and
// "<", ">" and "&" not escaped. Share links and autosave use it.
//
// Encode does not check d: a document that Decode returned encodes to a
// document that Decode accepts and returns deep-equal; for a document edited
// since, call Validate. Encode fails only for a nil document or a price that
// is not a finite number.
func Encode(d *Document) ([]byte, error) {
	return encode(d, false)
}

// EncodeIndent is Encode for files: the same JSON indented by two spaces,
// with a trailing newline.
func EncodeIndent(d *Document) ([]byte, error) {
	return encode(d, true)
}

func encode(d *Document, indent bool) ([]byte, error) {
	if d == nil {
		return nil, errors.New("scenario: cannot encode a nil document")
	}
	c := *d
	c.Format = Format
	if c.Subscriptions == nil {
		c.Subscriptions = []Subscription{}
	}
	if c.Accounts == nil {
		c.Accounts = []Account{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(&c); err != nil {
		return nil, fmt.Errorf("scenario: cannot encode the document: %w", err)
	}
	b := buf.Bytes()
	if !indent {
		b = bytes.TrimSuffix(b, []byte("\n"))
	}
	return b, nil
}

// Validate checks d as Decode would check its encoding, and returns nil or
// the problems as an Errors value. Use it before sharing or saving a document
// that was edited in place.
func (d *Document) Validate() error {
	data, err := Encode(d)
	if err != nil {
		return single(err.Error())
	}
	_, err = Decode(data)
	return err
}

// Clone returns a deep copy of d that shares no memory with it, so that the
// UI can edit a copy. Nil and empty slices stay nil and empty. Clone of nil
// is nil.
func (d *Document) Clone() *Document {
	if d == nil {
		return nil
	}
	c := *d
	c.Subscriptions = cloneSlice(d.Subscriptions)
	c.Accounts = cloneSlice(d.Accounts)
	for i := range c.Accounts {
		c.Accounts[i].RoutesTo = cloneSlice(c.Accounts[i].RoutesTo)
	}
	if d.Price != nil {
		p := *d.Price
		c.Price = &p
	}
	return &c
}

// cloneSlice copies s, keeping nil nil and empty empty.
func cloneSlice[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append(make([]T, 0, len(s)), s...)
}
