// Package markup writes fragments of HTML and SVG as text, escaping every
// text and attribute value.
//
// The planner mounts such a fragment in one piece (go-app's app.Raw): the
// browser parses it natively. Built element by element instead, every
// element, attribute and text costs the page calls from Go into JavaScript,
// each with a string to copy and a reference to track; on the first render
// those calls, not the browser, take most of the time.
//
// Tag and attribute names are written as given: they must be constants of
// the calling code, never input. Values and text can be anything.
package markup

// Builder accumulates a fragment. The zero value is an empty fragment; the
// methods return the builder so that calls chain.
type Builder struct {
	buf []byte
}

// Open writes a start tag with its attributes, given as name, value pairs.
// A last name with no value is written alone (a boolean attribute).
func (m *Builder) Open(tag string, attrs ...string) *Builder {
	m.buf = append(m.buf, '<')
	m.buf = append(m.buf, tag...)
	for i := 0; i < len(attrs); i += 2 {
		m.buf = append(m.buf, ' ')
		m.buf = append(m.buf, attrs[i]...)
		if i+1 < len(attrs) {
			m.buf = append(m.buf, '=', '"')
			m.buf = appendEscaped(m.buf, attrs[i+1])
			m.buf = append(m.buf, '"')
		}
	}
	m.buf = append(m.buf, '>')
	return m
}

// Close writes an end tag.
func (m *Builder) Close(tag string) *Builder {
	m.buf = append(m.buf, '<', '/')
	m.buf = append(m.buf, tag...)
	m.buf = append(m.buf, '>')
	return m
}

// Text writes text, escaped.
func (m *Builder) Text(s string) *Builder {
	m.buf = appendEscaped(m.buf, s)
	return m
}

// Elem writes a whole element holding text: <tag attrs>text</tag>.
func (m *Builder) Elem(tag, text string, attrs ...string) *Builder {
	return m.Open(tag, attrs...).Text(text).Close(tag)
}

// Len returns the length of the fragment in bytes.
func (m *Builder) Len() int { return len(m.buf) }

// String returns the fragment.
func (m *Builder) String() string { return string(m.buf) }

// appendEscaped appends s with the five characters that can end a text or
// a quoted attribute value, or start a tag or a reference, escaped.
func appendEscaped(buf []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		default:
			continue
		}
		buf = append(buf, s[last:i]...)
		buf = append(buf, esc...)
		last = i + 1
	}
	return append(buf, s[last:]...)
}
