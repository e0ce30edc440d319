package powershell_test

import (
	"fmt"
	"strconv"
	"strings"
)

// segKind is the kind of a piece of PowerShell source, as psLex reads it.
type segKind int

const (
	segCode segKind = iota
	segComment
	segSingle // single-quoted string: never expanded
	segDouble // double-quoted string: $variables and $(…) expand
)

type segment struct {
	kind segKind
	text string // for strings, the value; for code and comments, the source
	line int
}

// isSingleQuote reports whether PowerShell's tokenizer treats r as a single
// quote: the ASCII one and the typographic ones.
func isSingleQuote(r rune) bool {
	return r == '\'' || r == '\u2018' || r == '\u2019' || r == '\u201A' || r == '\u201B'
}

func isDoubleQuote(r rune) bool {
	return r == '"' || r == '\u201C' || r == '\u201D' || r == '\u201E'
}

// psLex splits PowerShell source into code, comments and strings, the way
// PowerShell's tokenizer does for the subset of the language a generated
// script uses (no here-strings, no block comments). It fails on an
// unterminated string.
func psLex(src string) ([]segment, error) {
	rs := []rune(src)
	var out []segment
	var code strings.Builder
	line, codeLine := 1, 1
	flush := func() {
		if code.Len() > 0 {
			out = append(out, segment{segCode, code.String(), codeLine})
			code.Reset()
		}
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '#':
			flush()
			j := i
			for j < len(rs) && rs[j] != '\n' && rs[j] != '\r' {
				j++
			}
			out = append(out, segment{segComment, string(rs[i:j]), line})
			i = j - 1
		case isSingleQuote(r):
			flush()
			start := line
			var v strings.Builder
			j := i + 1
			for ; ; j++ {
				if j >= len(rs) {
					return nil, fmt.Errorf("line %d: unterminated single-quoted string", start)
				}
				if rs[j] == '\n' {
					line++
				}
				if isSingleQuote(rs[j]) {
					if j+1 < len(rs) && isSingleQuote(rs[j+1]) {
						v.WriteRune(rs[j])
						j++
						continue
					}
					break
				}
				v.WriteRune(rs[j])
			}
			out = append(out, segment{segSingle, v.String(), start})
			i = j
		case isDoubleQuote(r):
			flush()
			start := line
			var v strings.Builder
			j := i + 1
			for ; ; j++ {
				if j >= len(rs) {
					return nil, fmt.Errorf("line %d: unterminated double-quoted string", start)
				}
				if rs[j] == '\n' {
					line++
				}
				if rs[j] == '`' && j+1 < len(rs) {
					v.WriteRune(rs[j+1])
					j++
					continue
				}
				if isDoubleQuote(rs[j]) {
					if j+1 < len(rs) && isDoubleQuote(rs[j+1]) {
						v.WriteRune(rs[j])
						j++
						continue
					}
					break
				}
				v.WriteRune(rs[j])
			}
			out = append(out, segment{segDouble, v.String(), start})
			i = j
		default:
			if code.Len() == 0 {
				codeLine = line
			}
			if r == '\n' {
				line++
			}
			code.WriteRune(r)
		}
	}
	flush()
	return out, nil
}

// psEval evaluates an expression that psLiteral writes: '…', or
// ('…' + [char]0x… + …). It fails on anything else.
func psEval(expr string) (string, error) {
	segs, err := psLex(expr)
	if err != nil {
		return "", err
	}
	if len(segs) == 1 && segs[0].kind == segSingle {
		return segs[0].text, nil
	}
	if len(segs) < 2 || segs[0].kind != segCode || strings.TrimSpace(segs[0].text) != "(" {
		return "", fmt.Errorf("%q: not a literal", expr)
	}
	var b strings.Builder
	var high rune
	expectTerm := true
	for _, s := range segs[1:] {
		switch s.kind {
		case segSingle:
			if !expectTerm {
				return "", fmt.Errorf("%q: two terms without +", expr)
			}
			b.WriteString(s.text)
			expectTerm = false
		case segCode:
			for _, tok := range strings.Fields(s.text) {
				switch {
				case tok == "+" && !expectTerm:
					expectTerm = true
				case tok == ")" && !expectTerm:
				case strings.HasPrefix(tok, "[char]0x") && expectTerm:
					n, err := strconv.ParseUint(strings.TrimSuffix(tok[len("[char]0x"):], ")"), 16, 16)
					if err != nil {
						return "", fmt.Errorf("%q: bad char %q", expr, tok)
					}
					r := rune(n)
					switch {
					case 0xD800 <= r && r < 0xDC00:
						high = r
					case 0xDC00 <= r && r < 0xE000:
						b.WriteRune((high-0xD800)<<10 + (r - 0xDC00) + 0x10000)
					default:
						b.WriteRune(r)
					}
					expectTerm = false
				default:
					return "", fmt.Errorf("%q: unexpected %q", expr, tok)
				}
			}
		default:
			return "", fmt.Errorf("%q: unexpected segment %v", expr, s)
		}
	}
	if !strings.HasSuffix(strings.TrimSpace(expr), ")") {
		return "", fmt.Errorf("%q: unclosed", expr)
	}
	return b.String(), nil
}
