package scenario

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// ErrNoPlan is returned by DecodeFragment when the fragment holds no plan
// (no "plan=" part, or an empty one): there is nothing to load, as opposed to
// a plan that is there but damaged.
var ErrNoPlan = errors.New("the link holds no plan")

// fragmentKey is the key of the fragment part that holds the plan.
const fragmentKey = "plan"

// EncodeFragment returns the URL fragment (without "#") that carries d in a
// share link: "plan=" followed by the base64url encoding, without padding, of
// Encode(d).
func EncodeFragment(d *Document) (string, error) {
	data, err := Encode(d)
	if err != nil {
		return "", err
	}
	return fragmentKey + "=" + base64.RawURLEncoding.EncodeToString(data), nil
}

// DecodeFragment reads the plan from a URL fragment such as "#plan=eyJm…".
//
// The leading "#" is optional. The fragment may hold several parts separated
// by "&"; the first "plan=" part is used. Padding is optional, the standard
// base64 alphabet ("+" and "/") is accepted as well as base64url, and so is
// "=" percent-encoded as "%3D".
//
// DecodeFragment returns ErrNoPlan when there is no plan to load. Every other
// error starts "the link's plan is damaged" or "the link's plan is too large";
// when the plan decodes but is not an acceptable document, the error wraps
// Decode's Errors (use errors.As).
func DecodeFragment(fragment string) (*Document, error) {
	fragment = strings.TrimPrefix(fragment, "#")
	value, found := "", false
	for part := range strings.SplitSeq(fragment, "&") {
		if v, ok := strings.CutPrefix(part, fragmentKey+"="); ok {
			value, found = v, true
			break
		}
	}
	if !found || value == "" {
		return nil, ErrNoPlan
	}
	maxEncoded := base64.RawURLEncoding.EncodedLen(MaxDocumentBytes)
	if len(value) > maxEncoded+len("%3D%3D") {
		return nil, errPlanTooLarge
	}
	clean, err := cleanBase64(value)
	if err != nil {
		return nil, err
	}
	if len(clean) > maxEncoded {
		return nil, errPlanTooLarge
	}
	if len(clean)%4 == 1 {
		return nil, errors.New("the link's plan is damaged: it has been cut off or changed (its length is impossible)")
	}
	data, err := base64.RawURLEncoding.DecodeString(clean)
	if err != nil {
		return nil, fmt.Errorf("the link's plan is damaged: %v", err)
	}
	doc, err := Decode(data)
	if err != nil {
		return nil, fmt.Errorf("the link's plan is damaged: %w", err)
	}
	return doc, nil
}

var errPlanTooLarge = fmt.Errorf("the link's plan is too large: a plan holds at most %s", formatSize(MaxDocumentBytes))

// cleanBase64 turns a plan value into unpadded base64url, or says which
// character is out of place. Positions count from 1 in the value as given.
func cleanBase64(v string) (string, error) {
	var b strings.Builder
	b.Grow(len(v))
	pad := 0
	for i := 0; i < len(v); {
		at := i + 1
		c := v[i]
		if c == '%' && i+3 <= len(v) && strings.EqualFold(v[i+1:i+3], "3D") {
			c = '='
			i += 2
		}
		i++
		switch {
		case c == '=':
			pad++
			if pad > 2 {
				return "", fmt.Errorf("the link's plan is damaged: too many \"=\" at its end (position %d)", at)
			}
			continue
		case pad > 0:
			return "", fmt.Errorf("the link's plan is damaged: the character %q at position %d comes after the closing \"=\"", firstRune(v[at-1:]), at)
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-', c == '_':
		case c == '+':
			c = '-'
		case c == '/':
			c = '_'
		default:
			return "", fmt.Errorf("the link's plan is damaged: the character %q at position %d does not belong in a plan", firstRune(v[at-1:]), at)
		}
		b.WriteByte(c)
	}
	return b.String(), nil
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
