package scenario

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/raplanner/raplanner/app/i18n"
)

// MaxErrors is the largest number of problems Decode lists one by one. Any
// further problems are summed up in one last entry ("and 12 more problems").
const MaxErrors = 50

// FieldError is one problem found in a document.
type FieldError struct {
	// Path locates the problem, such as "accounts[3].phoneNumber" or
	// "subscriptions[0].units". It is empty for problems with the document as
	// a whole (syntax errors, size) and for the "and N more problems" entry.
	Path string
	// Message says what is wrong in plain English, without the path, such as
	// `"+1 (425) abc" is not a phone number`.
	Message string
}

// Error returns "path: message", or only the message when Path is empty.
func (e *FieldError) Error() string {
	if e.Path == "" {
		return e.Message
	}
	return e.Path + ": " + e.Message
}

// Errors lists every problem Decode found in a document, in document order.
// Decode returns its errors as an Errors value; use errors.As to get at the
// individual problems:
//
//	var problems scenario.Errors
//	if errors.As(err, &problems) { … }
type Errors []*FieldError

// Error returns the problems one per line.
func (e Errors) Error() string {
	var b strings.Builder
	for i, fe := range e {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(fe.Error())
	}
	return b.String()
}

// collector gathers problems, keeping at most MaxErrors of them.
type collector struct {
	errs  Errors
	extra int
}

func (c *collector) add(path, msg string) {
	if len(c.errs) >= MaxErrors {
		c.extra++
		return
	}
	c.errs = append(c.errs, &FieldError{Path: path, Message: msg})
}

func (c *collector) addf(path, format string, args ...any) {
	if len(c.errs) >= MaxErrors {
		c.extra++
		return
	}
	c.add(path, fmt.Sprintf(format, args...))
}

// addErr records a validator's error under path.
func (c *collector) addErr(path string, err error) {
	c.add(path, err.Error())
}

func (c *collector) failed() bool { return len(c.errs) > 0 }

// result returns the problems as an error, or nil when there are none.
func (c *collector) result() error {
	if len(c.errs) == 0 {
		return nil
	}
	errs := c.errs
	if c.extra > 0 {
		noun := "problems"
		if c.extra == 1 {
			noun = "problem"
		}
		errs = append(errs, &FieldError{Message: fmt.Sprintf("and %s more %s", formatCount(int64(c.extra)), noun)})
	}
	return errs
}

// single returns an Errors holding one document-wide problem.
func single(msg string) error {
	return Errors{{Message: msg}}
}

// maxQuoted is the longest value, in characters, that messages repeat in full.
const maxQuoted = 64

// quote returns s in double quotes for a message, shortened when long.
func quote(s string) string {
	n := 0
	for i := range s {
		if n == maxQuoted {
			q := strconv.Quote(s[:i])
			return q[:len(q)-1] + `…"`
		}
		n++
	}
	return strconv.Quote(s)
}

// shorten returns a number literal for a message, shortened when long.
func shorten(s string) string {
	if len(s) > maxQuoted {
		return s[:maxQuoted] + "…"
	}
	return s
}

// formatCount writes n with thousands separators: 10000000 → "10,000,000".
func formatCount(n int64) string { return i18n.EN.Int(n) }

// kind names the kind of JSON value raw holds, for type error messages.
func kind(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '"':
		return "text"
	case '{':
		return "an object"
	case '[':
		return "a list"
	case 't', 'f':
		return "true or false"
	case 'n':
		return "null"
	default:
		return "a number"
	}
}

// tooLong is the message for a text longer than max characters.
func tooLong(n, max int) string {
	return fmt.Sprintf("is %s characters long; at most %s are allowed", formatCount(int64(n)), formatCount(int64(max)))
}
