package powershell_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/raplanner/raplanner/app/catalog"
	"github.com/raplanner/raplanner/app/powershell"
	"github.com/raplanner/raplanner/app/scenario"
)

func readFixture(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", path))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// utf16LE encodes s as Windows PowerShell 5.1's Out-File does: UTF-16LE
// with a byte order mark.
func utf16LE(s string, bom bool) []byte {
	var out []byte
	if bom {
		out = append(out, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func utf16BE(s string) []byte {
	out := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u>>8), byte(u))
	}
	return out
}

// noteStrings renders notes for comparison.
func noteStrings(notes []powershell.Note) []string {
	var out []string
	for _, n := range notes {
		out = append(out, n.String())
	}
	return out
}

// checkNotes checks that each of want is a substring of a different note, in
// order, and that there are exactly len(want) notes.
func checkNotes(t *testing.T, notes []powershell.Note, want []string) {
	t.Helper()
	got := noteStrings(notes)
	if len(got) != len(want) {
		t.Errorf("%d notes, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
		return
	}
	for i, w := range want {
		if !strings.Contains(got[i], w) {
			t.Errorf("note %d = %q, want it to contain %q", i, got[i], w)
		}
	}
}

func TestParseSubscribedSkus(t *testing.T) {
	pascal := string(readFixture(t, "skus/pascal-array.json"))
	cases := []struct {
		name  string
		data  []byte
		want  []scenario.Subscription
		notes []string
		kinds map[string]catalog.Kind
		err   string
	}{
		{
			name: "array, PascalCase, PowerShell 7",
			data: []byte(pascal),
			want: []scenario.Subscription{
				{SKU: "PHONESYSTEM_VIRTUALUSER", Units: 25}, {SKU: "MCOEV", Units: 500}, {SKU: "SPE_E5", Units: 100},
				{SKU: "Microsoft_365_E5_(no_Teams)", Units: 40, Includes: scenario.IncludesPhoneSystem}, {SKU: "PHONESYSTEM_VIRTUALUSER_USGOV_GCCHIGH", Units: 5, Includes: scenario.IncludesResourceAccount},
			},
			notes: []string{
				"[3].ServicePlans: Microsoft_365_E5_(no_Teams) is not in RA Planner's catalog, but it includes Phone System (MCOEV): its 40 units",
				"[4].ServicePlans: PHONESYSTEM_VIRTUALUSER_USGOV_GCCHIGH is not in RA Planner's catalog; its service plan MCOEV_VIRTUALUSER_GOV makes it a resource account license",
				"left out 2 SKUs that neither include Phone System nor license resource accounts: FLOW_FREE, MCOPSTNC",
			},
			kinds: map[string]catalog.Kind{"Microsoft_365_E5_(no_Teams)": catalog.PhoneSystemUser, "PHONESYSTEM_VIRTUALUSER_USGOV_GCCHIGH": catalog.ResourceAccount},
		},
		{
			name: "one object",
			data: readFixture(t, "skus/single.json"),
			want: []scenario.Subscription{{SKU: "SPE_E5", Units: 120}},
		},
		{
			name:  "Graph REST, camelCase in a value wrapper",
			data:  readFixture(t, "skus/graph-camel.json"),
			want:  []scenario.Subscription{{SKU: "PHONESYSTEM_VIRTUALUSER", Units: 25}, {SKU: "SPE_E5", Units: 600}},
			notes: []string{"left out 1 SKU that neither includes Phone System nor licenses resource accounts: POWER_BI_STANDARD"},
		},
		{
			name: "default depth: service plans cut, warning before the JSON",
			data: readFixture(t, "skus/default-depth.json"),
			want: []scenario.Subscription{{SKU: "PHONESYSTEM_VIRTUALUSER", Units: 25}},
			notes: []string{
				"line 1: ignored the text before the JSON; it says the JSON was truncated: run the command again with a larger -Depth",
				"[1]: Microsoft_365_E5_(no_Teams) is not in RA Planner's catalog and its service plans are not in the input",
			},
		},
		{
			name: "missing and damaged fields",
			data: readFixture(t, "skus/problems.json"),
			want: []scenario.Subscription{{SKU: "STANDARDPACK", Units: 15}, {SKU: "PHONESYSTEM_VIRTUALUSER", Units: 25}, {SKU: "MCOTEAMS_ESSENTIALS", Units: 30}},
			notes: []string{
				"[0].SkuPartNumber: is missing",
				"[1].PrepaidUnits: is missing; MCOEV is skipped",
				"[2].PrepaidUnits.Enabled: is null; SPE_E5 is skipped",
				"[3].PrepaidUnits.Enabled: -4 cannot be negative; SPE_E3 is skipped",
				"[4].PrepaidUnits.Enabled: 2.5 is not a whole number; ENTERPRISEPACK is skipped",
				"[6].PrepaidUnits: was cut off by ConvertTo-Json; MCOCAP is skipped",
				"[7]: 42 is not in RA Planner's catalog",
				`[8]: is the text "System.Collections.Hashtable", not a subscribed SKU; skipped`,
				"[10]: phonesystem_virtualuser is listed again (first at [9]); this copy is skipped",
			},
		},
		{
			name: "Windows PowerShell 5.1 layout",
			data: readFixture(t, "skus/ps51.json"),
			want: []scenario.Subscription{{SKU: "SPE_E5", Units: 600}},
		},
		{
			name: "UTF-16LE with BOM (5.1 Out-File)",
			data: utf16LE(pascal, true),
			want: []scenario.Subscription{
				{SKU: "PHONESYSTEM_VIRTUALUSER", Units: 25}, {SKU: "MCOEV", Units: 500}, {SKU: "SPE_E5", Units: 100},
				{SKU: "Microsoft_365_E5_(no_Teams)", Units: 40, Includes: scenario.IncludesPhoneSystem}, {SKU: "PHONESYSTEM_VIRTUALUSER_USGOV_GCCHIGH", Units: 5, Includes: scenario.IncludesResourceAccount},
			},
			notes: []string{"Microsoft_365_E5_(no_Teams)", "PHONESYSTEM_VIRTUALUSER_USGOV_GCCHIGH", "FLOW_FREE, MCOPSTNC"},
		},
		{
			name: "UTF-16BE with BOM",
			data: utf16BE(`{"SkuPartNumber":"MCOEV","PrepaidUnits":{"Enabled":7}}`),
			want: []scenario.Subscription{{SKU: "MCOEV", Units: 7}},
		},
		{
			name: "UTF-16LE without BOM",
			data: utf16LE(`[{"SkuPartNumber":"MCOEV","PrepaidUnits":{"Enabled":7}}]`, false),
			want: []scenario.Subscription{{SKU: "MCOEV", Units: 7}},
		},
		{
			name: "UTF-8 BOM, units as text and exponent",
			data: []byte("\xEF\xBB\xBF[{\"skupartnumber\":\" SPE_E5 \",\"prepaidunits\":{\"enabled\":\"6e2\"}}]"),
			want: []scenario.Subscription{{SKU: "SPE_E5", Units: 600}},
		},
		{
			name:  "two pages pasted one after the other, then a prompt",
			data:  []byte("[{\"SkuPartNumber\":\"MCOEV\",\"PrepaidUnits\":{\"Enabled\":7}}]\n[{\"SkuPartNumber\":\"SPE_E5\",\"PrepaidUnits\":{\"Enabled\":9}}]\nPS C:\\> "),
			want:  []scenario.Subscription{{SKU: "MCOEV", Units: 7}, {SKU: "SPE_E5", Units: 9}},
			notes: []string{"line 3: ignored the text after the JSON"},
		},
		{
			name: "an empty array",
			data: []byte("[]"),
			want: []scenario.Subscription{},
		},
		{name: "empty input", data: nil, err: "the input is empty"},
		{name: "blank input", data: []byte(" \r\n "), err: "the input is empty"},
		{name: "not JSON", data: []byte("SkuPartNumber ConsumedUnits\n------------- -------------\nMCOEV 480"), err: "is not the JSON that Get-MgSubscribedSku"},
		{name: "cut off", data: []byte("[\n  {\"SkuPartNumber\": \"MCOEV\",\n"), err: "line 2: the JSON ends too early"},
		{name: "damaged", data: []byte("[\n  {\"SkuPartNumber\": \"MCOEV\",}\n]"), err: "line 2, column 29: the JSON is damaged"},
		{name: "a number", data: []byte("[1]x"), err: "the item has no SkuPartNumber: this is not the output of Get-MgSubscribedSku"},
		{name: "resource accounts pasted here", data: readFixture(t, "instances/array.json"), err: "none of the 4 items has a SkuPartNumber"},
		{
			name:  "a number among SKUs",
			data:  []byte(`[1, {"SkuPartNumber":"MCOEV","PrepaidUnits":{"Enabled":1}}]x`),
			want:  []scenario.Subscription{{SKU: "MCOEV", Units: 1}},
			notes: []string{"line 1: ignored the text after the JSON", "[0]: is a number"},
		},
		{name: "a bare string", data: []byte(`"System.Object[]"`), err: "is not the JSON that"},
		{name: "too large", data: make([]byte, powershell.MaxInputBytes+1), err: "the input is too large"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, notes, err := powershell.ParseSubscribedSkus(c.data)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want one containing %q", err, c.err)
				}
				if got != nil {
					t.Errorf("subscriptions %v with an error", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("subscriptions\n got %v\nwant %v", got, c.want)
			}
			checkNotes(t, notes, c.notes)
			if c.kinds != nil {
				if k := powershell.UnknownSKUKinds(notes); !reflect.DeepEqual(k, c.kinds) {
					t.Errorf("UnknownSKUKinds = %v, want %v", k, c.kinds)
				}
			}
			checkValid(t, &scenario.Document{Subscriptions: got})
		})
	}
}

// checkValid checks that a document passes scenario validation.
func checkValid(t testing.TB, d *scenario.Document) {
	t.Helper()
	if err := d.Validate(); err != nil {
		t.Fatalf("the result does not validate: %v", err)
	}
}

func TestParseSubscribedSkusManyNotes(t *testing.T) {
	var b strings.Builder
	b.WriteString("[")
	for i := 0; i < powershell.MaxNotes+12; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"SkuPartNumber":"MCOEV"}`)
	}
	b.WriteString("]")
	_, notes, err := powershell.ParseSubscribedSkus([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != powershell.MaxNotes+1 || notes[len(notes)-1].Message != "and 12 more notes" {
		t.Errorf("%d notes, last %q", len(notes), notes[len(notes)-1])
	}
}
