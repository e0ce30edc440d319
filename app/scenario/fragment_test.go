package scenario_test

import (
	"encoding/base64"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/raplanner/raplanner/app/scenario"
)

func TestFragmentRoundTrip(t *testing.T) {
	want := exampleDoc()
	want.Accounts[1].Name = "Ventes ~~~ ??? >>> ÿÿÿ"
	frag, err := scenario.EncodeFragment(want)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(frag, "plan=") || strings.ContainsAny(frag[5:], "=+/#&%") {
		t.Fatalf("EncodeFragment = %q", frag)
	}
	b64 := strings.TrimPrefix(frag, "plan=")
	std := base64.StdEncoding.EncodeToString(mustEncode(t, want))
	padded := base64.URLEncoding.EncodeToString(mustEncode(t, want))
	if !strings.Contains(std, "+") && !strings.Contains(std, "/") {
		t.Fatalf("the test needs a plan whose standard encoding has + or /: %s", std)
	}
	for _, f := range []string{
		frag,
		"#" + frag,
		"#plan=" + padded,
		"plan=" + strings.ReplaceAll(padded, "=", "%3D"),
		"plan=" + strings.ReplaceAll(padded, "=", "%3d"),
		"#plan=" + std,
		"plan=" + strings.ReplaceAll(std, "=", "%3D"),
		"#other=1&plan=" + b64,
		"#plan=" + b64 + "&view=diagram",
		"#a&b=&plan=" + b64 + "&plan=ignored",
	} {
		got, err := scenario.DecodeFragment(f)
		if err != nil {
			t.Errorf("DecodeFragment(%.40q…): %v", f, err)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("DecodeFragment(%.40q…) = %#v", f, got)
		}
	}
}

func mustEncode(t *testing.T, d *scenario.Document) []byte {
	t.Helper()
	b, err := scenario.Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeFragmentNoPlan(t *testing.T) {
	for _, f := range []string{"", "#", "#view=diagram", "#a=1&b=2", "plan", "#plan=", "#plan=&x=1", "#Plan=eyJ9", "#xplan=eyJ9"} {
		if _, err := scenario.DecodeFragment(f); !errors.Is(err, scenario.ErrNoPlan) {
			t.Errorf("DecodeFragment(%q) = %v, want ErrNoPlan", f, err)
		}
	}
}

func TestDecodeFragmentDamaged(t *testing.T) {
	frag, err := scenario.EncodeFragment(exampleDoc())
	if err != nil {
		t.Fatal(err)
	}
	b64 := strings.TrimPrefix(frag, "plan=")
	tests := []struct {
		name, fragment string
		words          []string
	}{
		{"bad character", "#plan=eyJ!mb3J", []string{"damaged", "'!'", "position 4"}},
		{"space", "#plan=eyJ mb3J", []string{"damaged", "' '", "position 4"}},
		{"non-ASCII", "#plan=eyJéb3J", []string{"damaged", "'é'", "position 4"}},
		{"other percent escape", "#plan=eyJ%20", []string{"damaged", "'%'", "position 4"}},
		{"text after padding", "#plan=eyJ9=x", []string{"damaged", "'x'", "position 6"}},
		{"too much padding", "#plan=eyJ9===", []string{"damaged", "too many"}},
		{"impossible length", "#plan=" + b64[:(len(b64)/4-1)*4+1], []string{"damaged", "cut off"}},
		{"truncated", "#plan=" + b64[:len(b64)/2], []string{"damaged", "ends too early"}},
		{"not JSON", "#plan=" + base64.RawURLEncoding.EncodeToString([]byte("hello, world")), []string{"damaged", "line 1, column 1", "invalid character 'h'"}},
		{"not a document", "#plan=" + base64.RawURLEncoding.EncodeToString([]byte(`{"accounts":[{"id":"a b","type":"call-queue"}]}`)), []string{"damaged", `accounts[0].id: "a b" is not a valid id`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := scenario.DecodeFragment(tt.fragment)
			if err == nil {
				t.Fatalf("DecodeFragment accepted: %#v", d)
			}
			if errors.Is(err, scenario.ErrNoPlan) {
				t.Fatalf("DecodeFragment = ErrNoPlan")
			}
			if !strings.HasPrefix(err.Error(), "the link's plan is damaged") {
				t.Errorf("error %q does not say the plan is damaged", err)
			}
			for _, w := range tt.words {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}

	// A plan that is there but not acceptable wraps Decode's errors.
	_, err = scenario.DecodeFragment(tests[len(tests)-1].fragment)
	var errs scenario.Errors
	if !errors.As(err, &errs) || errs[0].Path != "accounts[0].id" {
		t.Errorf("errors.As(%v) = %v", err, errs)
	}
}

func TestDecodeFragmentTooLarge(t *testing.T) {
	n := base64.RawURLEncoding.EncodedLen(scenario.MaxDocumentBytes)
	for _, size := range []int{n + 1, n + 10} {
		_, err := scenario.DecodeFragment("#plan=" + strings.Repeat("A", size))
		if err == nil || !strings.Contains(err.Error(), "too large") {
			t.Errorf("DecodeFragment(%d characters) = %v", size, err)
		}
	}
}
