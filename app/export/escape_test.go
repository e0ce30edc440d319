package export

import (
	"encoding/xml"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestEscapeMatchesEncodingXML checks the hand-written escaper against
// encoding/xml's EscapeText, which it replaces to keep the WebAssembly small.
func TestEscapeMatchesEncodingXML(t *testing.T) {
	cases := []string{"", "plain", `<b>"Quoted" & 'single'</b>`, "tab\there\nnew\rline", "\x00\x01\x7f", "bad \xff utf8", "\uFFFD real", "\uFFFE\uFFFF", "emoji 😀 עברית"}
	rng := rand.New(rand.NewPCG(7, 9))
	alphabet := []rune{'a', '<', '>', '&', '"', '\'', '\t', '\n', '\r', 0, 0x1F, 0xD7FF, 0xE000, 0xFFFD, 0xFFFE, 0x10000, 'é'}
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(12) {
			if rng.IntN(10) == 0 {
				b.WriteByte(byte(0x80 + rng.IntN(0x80))) // invalid UTF-8
				continue
			}
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		var want strings.Builder
		_ = xml.EscapeText(&want, []byte(s))
		var got strings.Builder
		escape(&got, s)
		if got.String() != want.String() {
			t.Fatalf("escape(%q) = %q, encoding/xml gives %q", s, got.String(), want.String())
		}
	}
}
