package markup

import (
	"html"
	"strings"
	"testing"
)

func TestBuilder(t *testing.T) {
	tests := []struct {
		name  string
		build func(m *Builder)
		want  string
	}{
		{"empty", func(m *Builder) {}, ""},
		{"element with attributes", func(m *Builder) {
			m.Elem("span", "Sales", "class", "kind", "data-account", "sales")
		}, `<span class="kind" data-account="sales">Sales</span>`},
		{"boolean attribute", func(m *Builder) {
			m.Open("input", "type", "checkbox", "checked")
		}, `<input type="checkbox" checked>`},
		{"nested", func(m *Builder) {
			m.Open("li").Elem("b", "1").Text(" free").Close("li")
		}, `<li><b>1</b> free</li>`},
		{"markup in text is text", func(m *Builder) {
			m.Elem("p", `<script>alert("x")</script> & 'co'`)
		}, `<p>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;co&#39;</p>`},
		{"a value cannot leave its quotes", func(m *Builder) {
			m.Open("g", "id", `x" onclick="alert(1)`)
		}, `<g id="x&#34; onclick=&#34;alert(1)">`},
		{"unicode and right-to-left text as is", func(m *Builder) {
			m.Elem("text", "مركز الاتصال · Zürich")
		}, `<text>مركز الاتصال · Zürich</text>`},
	}
	for _, tt := range tests {
		var m Builder
		tt.build(&m)
		if got := m.String(); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, got, tt.want)
		}
		if m.Len() != len(tt.want) {
			t.Errorf("%s: Len %d, want %d", tt.name, m.Len(), len(tt.want))
		}
	}
}

// FuzzEscape checks that any text and any attribute value stay inside their
// element and their quotes, and read back as they were written.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "Sales", `"><script>alert(1)</script>`, "a&amp;b", "'", "\x00\xff", "مركز"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var m Builder
		m.Elem("span", s, "title", s)
		out := m.String()
		const pre, mid, post = `<span title="`, `">`, `</span>`
		if !strings.HasPrefix(out, pre) || !strings.HasSuffix(out, post) {
			t.Fatalf("%q: the element is broken: %s", s, out)
		}
		inner := strings.TrimSuffix(strings.TrimPrefix(out, pre), post)
		value, text, ok := strings.Cut(inner, mid)
		if !ok {
			t.Fatalf("%q: no end of the start tag: %s", s, out)
		}
		for _, part := range []string{value, text} {
			if strings.ContainsAny(part, `<>"'`) {
				t.Errorf("%q: unescaped markup in %q", s, part)
			}
			if got := html.UnescapeString(part); got != s {
				t.Errorf("%q: reads back as %q", s, got)
			}
		}
	})
}
