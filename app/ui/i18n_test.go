package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/raplanner/raplanner/app/advice"
	"github.com/raplanner/raplanner/app/catalog"
	"github.com/raplanner/raplanner/app/examples"
	"github.com/raplanner/raplanner/app/i18n"
	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

// textMethods take text the user sees.
var textMethods = map[string]bool{"Text": true, "Title": true, "Placeholder": true, "Alt": true, "Label": true}

// TestNoHardCodedText fails on any string literal with a letter that reaches
// the page without the message catalog: an argument of Text, Title,
// Placeholder, Alt or Label, of app.Text, of Aria("label", …), or a status or
// alert message; and on any literal key given to t or n that the catalog lacks.
func TestNoHardCodedText(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	keys := map[string]bool{}
	for _, k := range i18n.Keys() {
		keys[string(k)] = true
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok || len(n.Args) == 0 {
					return true
				}
				method := sel.Sel.Name
				switch {
				case method == "t" || method == "n":
					if lit, ok := n.Args[0].(*ast.BasicLit); ok {
						if k, _ := strconv.Unquote(lit.Value); !keys[k] {
							t.Errorf("%s: key %q is not in the message catalog", fset.Position(lit.Pos()), k)
						}
					}
				case textMethods[method]:
					checkLiteral(t, fset, n.Args[0], method)
				case method == "Aria" && len(n.Args) == 2:
					if lit, ok := n.Args[0].(*ast.BasicLit); ok && lit.Value == `"label"` {
						checkLiteral(t, fset, n.Args[1], "Aria label")
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if sel, ok := lhs.(*ast.SelectorExpr); ok && (sel.Sel.Name == "alert" || sel.Sel.Name == "status") && i < len(n.Rhs) {
						checkLiteral(t, fset, n.Rhs[i], sel.Sel.Name)
					}
				}
			}
			return true
		})
	}
}

// checkLiteral fails when e is, or concatenates, a string literal with a letter.
func checkLiteral(t *testing.T, fset *token.FileSet, e ast.Expr, where string) {
	t.Helper()
	ast.Inspect(e, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && (sel.Sel.Name == "t" || sel.Sel.Name == "n") {
				return false // the catalog's
			}
		}
		lit, ok := n.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return true
		}
		s, _ := strconv.Unquote(lit.Value)
		if strings.IndexFunc(s, unicode.IsLetter) >= 0 {
			t.Errorf("%s: %s gets the hard-coded text %q: use the message catalog", fset.Position(lit.Pos()), where, s)
		}
		return true
	})
}

// TestKeysOfEveryValue checks that the catalog words every value the page
// builds a key from: kinds of finding, steps, effects, reasons, plans,
// licenses, editions, examples and SKU notes.
func TestKeysOfEveryValue(t *testing.T) {
	var want []string
	for _, k := range advice.Kinds {
		want = append(want, "finding."+string(k))
	}
	for _, s := range advice.StepKinds {
		want = append(want, "step."+string(s))
	}
	for _, e := range []advice.Effect{advice.EffectNoLicense, advice.EffectRemoveAccountToSave, advice.EffectNoAccount} {
		want = append(want, "finding.redesign.effect."+string(e))
	}
	for _, m := range (advice.Metrics{}).List() {
		want = append(want, "advice.metric."+m.Name)
	}
	for _, r := range []licensing.Reason{licensing.ReasonPhoneNumber, licensing.ReasonEveryAccount, licensing.ReasonEntryPoint, licensing.ReasonNestedNoNumber, licensing.ReasonNoNumber} {
		want = append(want, "why."+r.String())
	}
	for _, p := range []licensing.Plan{licensing.PlanFree, licensing.PlanPaid, licensing.PlanNone, licensing.PlanNoAccount} {
		want = append(want, "plan.short."+p.String(), "legend."+p.String())
	}
	for _, l := range []scenario.License{scenario.NoLicense, scenario.VirtualUser, scenario.PhoneSystem} {
		want = append(want, "holds."+string(l))
	}
	for _, e := range scenario.Editions {
		want = append(want, "edition."+string(e)+".title", "edition."+string(e)+".dates", "edition."+string(e)+".summary")
	}
	for _, e := range examples.All {
		want = append(want, "example."+e.Name, "example."+e.Name+".title")
	}
	for _, s := range catalog.All() {
		if s.Note != "" {
			want = append(want, "sku.note."+s.Note)
		}
	}
	keys := i18n.Keys()
	for _, k := range want {
		if !slices.Contains(keys, i18n.Key(k)) {
			t.Errorf("the message catalog lacks %q", k)
		}
	}
}
