package powershell

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/raplanner/raplanner/app/catalog"
)

// MaxInputBytes is the size of the largest input a decoder reads: 32 MiB.
const MaxInputBytes = 32 << 20

// MaxNotes is the largest number of notes a decoder lists one by one. Any
// further notes are summed up in one last note ("and 12 more notes").
const MaxNotes = 100

// Note is something a decoder noticed and worked around, or a fact the user
// should be told, such as a skipped item, a missing field or how an unknown
// SKU was classified.
type Note struct {
	// Line is the 1-based line of the input the note is about (CSV rows,
	// text around the JSON), or 0.
	Line int
	// Path locates the value: in JSON input a path such as
	// "[2].PrepaidUnits.Enabled" or "value[0].skuPartNumber", in CSV input
	// the column name. It is empty for the input as a whole.
	Path string
	// Message says what was noticed, in plain English, without the path.
	Message string
	// SKU is set only on notes that classify a SKU the catalog does not
	// know: its part number.
	SKU string
	// Kind is, on those notes, what the SKU's service plans make it:
	// catalog.PhoneSystemUser (it includes Phone System) or
	// catalog.ResourceAccount (it is a resource account license).
	Kind catalog.Kind
}

// String returns the note as one line: "line 3, PhoneNumber: message",
// "[2].PrepaidUnits: message" or only the message.
func (n Note) String() string {
	var where []string
	if n.Line > 0 {
		where = append(where, "line "+strconv.Itoa(n.Line))
	}
	if n.Path != "" {
		where = append(where, n.Path)
	}
	if len(where) == 0 {
		return n.Message
	}
	return strings.Join(where, ", ") + ": " + n.Message
}

// UnknownSKUKinds collects the classifications that ParseSubscribedSkus
// reports in its notes: part number → catalog.PhoneSystemUser or
// catalog.ResourceAccount, for SKUs the catalog does not know.
func UnknownSKUKinds(notes []Note) map[string]catalog.Kind {
	m := make(map[string]catalog.Kind)
	for _, n := range notes {
		if n.SKU != "" {
			m[n.SKU] = n.Kind
		}
	}
	return m
}

// collector gathers notes up to MaxNotes.
type collector struct {
	notes   []Note
	dropped int
}

func (c *collector) add(n Note) {
	if len(c.notes) >= MaxNotes {
		c.dropped++
		return
	}
	c.notes = append(c.notes, n)
}

func (c *collector) at(path, format string, args ...any) {
	c.add(Note{Path: path, Message: fmt.Sprintf(format, args...)})
}

func (c *collector) line(line int, path, format string, args ...any) {
	c.add(Note{Line: line, Path: path, Message: fmt.Sprintf(format, args...)})
}

func (c *collector) result() []Note {
	out := c.notes
	switch c.dropped {
	case 0:
	case 1:
		out = append(out, Note{Message: "and 1 more note"})
	default:
		out = append(out, Note{Message: fmt.Sprintf("and %d more notes", c.dropped)})
	}
	return out
}

// decodeText turns the input into UTF-8 text. It removes a UTF-8 byte order
// mark, decodes UTF-16 (with a byte order mark, as Windows PowerShell 5.1's
// Out-File writes it, or without one when the text starts with an ASCII
// character) and replaces invalid UTF-8 with U+FFFD.
func decodeText(data []byte) (string, error) {
	if len(data) > MaxInputBytes {
		return "", fmt.Errorf("the input is too large (%d bytes); at most %d MiB is read", len(data), MaxInputBytes>>20)
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return utf16Text(data[2:], false), nil
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return utf16Text(data[2:], true), nil
	case len(data) >= 2 && data[0] != 0 && data[0] < utf8.RuneSelf && data[1] == 0:
		return utf16Text(data, false), nil
	case len(data) >= 2 && data[0] == 0 && data[1] != 0 && data[1] < utf8.RuneSelf:
		return utf16Text(data, true), nil
	}
	return strings.ToValidUTF8(string(data), "\uFFFD"), nil
}

func utf16Text(b []byte, bigEndian bool) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	s := string(utf16.Decode(u))
	return strings.TrimPrefix(s, "\uFEFF")
}

// lineAt returns the 1-based line of the byte offset off of s.
func lineAt(s string, off int) int {
	if off > len(s) {
		off = len(s)
	}
	return strings.Count(s[:off], "\n") + 1
}

// jsonStart finds where the JSON starts: the first line whose text starts
// with "{" or "[". It returns -1 when there is none.
func jsonStart(s string) int {
	for off := 0; off < len(s); {
		end := strings.IndexByte(s[off:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += off
		}
		line := s[off:end]
		trimmed := strings.TrimLeft(line, " \t\r\uFEFF")
		if strings.HasPrefix(trimmed, "{") || strings.HasPrefix(trimmed, "[") {
			return off + len(line) - len(trimmed)
		}
		off = end + 1
	}
	return -1
}

// item is one object of the input and where it is.
type item struct {
	path string
	v    any
}

// noJSONError is the error of jsonItems when the text holds no JSON at all.
type noJSONError struct{ command string }

func (e *noJSONError) Error() string {
	return "the input is not the JSON that " + e.command + " writes"
}

// jsonItems reads the JSON in s and returns its items: the elements of a
// top-level array, the elements of the "value" array of a Graph wrapper
// object, or a top-level object itself. Several JSON values in a row (pages
// pasted one after the other) are joined. what names the command for
// messages.
func jsonItems(s string, what string, c *collector) ([]item, error) {
	start := jsonStart(s)
	if start < 0 {
		if strings.TrimSpace(s) == "" {
			return nil, errors.New("the input is empty")
		}
		return nil, &noJSONError{what}
	}
	if before := strings.TrimSpace(s[:start]); before != "" {
		msg := "ignored the text before the JSON"
		if strings.Contains(strings.ToLower(before), "truncated") {
			msg += `; it says the JSON was truncated: run the command again with a larger -Depth (` + what + `)`
		}
		c.line(1, "", "%s", msg)
	}
	dec := json.NewDecoder(strings.NewReader(s[start:]))
	dec.UseNumber()
	var items []item
	end := start // the end of the last value read
	for n := 0; ; n++ {
		var v any
		err := dec.Decode(&v)
		if err == io.EOF {
			break
		}
		if err != nil {
			off := start + int(dec.InputOffset())
			var syn *json.SyntaxError
			if errors.As(err, &syn) {
				off = start + int(syn.Offset)
			}
			if n == 0 {
				return nil, jsonError(s, off, err)
			}
			rest := strings.TrimLeft(s[end:], " \t\r\n")
			at := lineAt(s, len(s)-len(rest))
			if strings.HasPrefix(rest, "{") || strings.HasPrefix(rest, "[") {
				c.line(at, "", "ignored the JSON from here on: %s", jsonError(s, off, err))
			} else {
				c.line(at, "", "ignored the text after the JSON")
			}
			break
		}
		end = start + int(dec.InputOffset())
		switch t := v.(type) {
		case []any:
			for _, el := range t {
				items = append(items, item{path: "[" + strconv.Itoa(len(items)) + "]", v: el})
			}
		case map[string]any:
			o := obj{m: t}
			if key, val, ok := o.get("value"); ok {
				if l, isList := val.([]any); isList {
					for i, el := range l {
						items = append(items, item{path: key + "[" + strconv.Itoa(i) + "]", v: el})
					}
					break
				}
			}
			items = append(items, item{path: "", v: t})
		default:
			if n == 0 {
				return nil, fmt.Errorf("the input is %s, not the objects that %s writes", describe(v), what)
			}
		}
	}
	return items, nil
}

// jsonError explains a JSON error at byte offset off of s.
func jsonError(s string, off int, err error) error {
	if off > len(s) {
		off = len(s)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "unexpected end") {
		last := len(strings.TrimRight(s, " \t\r\n"))
		return fmt.Errorf("line %d: the JSON ends too early; it may have been cut off when copied", lineAt(s, last))
	}
	at := off - 1
	if at < 0 {
		at = 0
	}
	start := strings.LastIndexByte(s[:at], '\n') + 1
	col := utf8.RuneCountInString(s[start:at]) + 1
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "json: ")
	return fmt.Errorf("line %d, column %d: the JSON is damaged: %s", lineAt(s, at), col, msg)
}

// obj is a JSON object whose keys are matched without regard to case.
type obj struct {
	m    map[string]any
	path string
}

// get returns the value of the key that equals name, or else of the first
// key (in sorted order) that equals it without regard to case. ok is false
// when there is no such key; v is nil when the value is null.
func (o obj) get(name string) (key string, v any, ok bool) {
	if v, ok := o.m[name]; ok {
		return name, v, true
	}
	var keys []string
	for k := range o.m {
		if strings.EqualFold(k, name) {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return name, nil, false
	}
	sort.Strings(keys)
	return keys[0], o.m[keys[0]], true
}

// sub returns the path of key below o.
func (o obj) sub(key string) string {
	if o.path == "" {
		return key
	}
	return o.path + "." + key
}

// index returns the path of element i of a list at path.
func index(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// asObj returns v as an object at path.
func asObj(v any, path string) (obj, bool) {
	m, ok := v.(map[string]any)
	return obj{m: m, path: path}, ok
}

// describe names the kind of a JSON value for messages.
func describe(v any) string {
	switch t := v.(type) {
	case nil:
		return "null"
	case bool:
		return "true/false"
	case json.Number:
		return "a number"
	case string:
		return "the text " + quote(t)
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return "an unexpected value"
}

// quote quotes s for a message, shortened when long.
func quote(s string) string {
	const max = 60
	if utf8.RuneCountInString(s) > max {
		r := []rune(s)
		s = string(r[:max]) + "…"
	}
	return strconv.Quote(s)
}

// isCut reports whether v is what ConvertTo-Json writes in place of an object
// or a list below its -Depth: a type name or a "@{…}" rendering.
func isCut(v any) bool {
	s, ok := v.(string)
	if !ok {
		return false
	}
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "System.") || strings.HasPrefix(s, "Microsoft.") || strings.HasPrefix(s, "@{")
}

// state says whether a field was there.
type state int

const (
	absent  state = iota // missing or null
	present              // there and of the right kind
	wrong                // there but of the wrong kind (already noted)
)

// text reads a text field: a JSON string, or a number (taken as its text).
// A value of another kind is noted and reported as wrong.
func (c *collector) text(o obj, name string) (string, state, string) {
	key, v, _ := o.get(name)
	path := o.sub(key)
	switch t := v.(type) {
	case nil:
		return "", absent, path
	case string:
		return t, present, path
	case json.Number:
		return t.String(), present, path
	}
	c.at(path, "must be text, not %s; ignored", describe(v))
	return "", wrong, path
}

// cleanName makes an imported display name acceptable to the scenario:
// valid UTF-8, no control characters, at most scenario.MaxNameLength
// characters. It reports whether it had to shorten it.
func cleanName(s string, max int) (string, bool) {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= max {
		return s, false
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:max])), true
}
