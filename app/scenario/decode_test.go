package scenario_test

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/raplanner/raplanner/app/scenario"
)

const exampleJSON = `{
  "format": "ra-planner/v1",
  "edition": "virtual-user-2020",
  "subscriptions": [ {"sku": "SPE_E5", "units": 600}, {"sku": "PHONESYSTEM_VIRTUALUSER", "units": 85} ],
  "accounts": [
    {"id": "main", "name": "Main line", "type": "auto-attendant", "upn": "main@contoso.com",
     "phoneNumber": "+14255550100", "license": "virtual-user", "routesTo": ["sales", "support"]},
    {"id": "sales", "name": "Sales", "type": "call-queue"}
  ],
  "price": {"monthly": 8, "currency": "USD"}
}`

func exampleDoc() *scenario.Document {
	return &scenario.Document{
		Format:  scenario.Format,
		Edition: scenario.VirtualUser2020,
		Subscriptions: []scenario.Subscription{
			{SKU: "SPE_E5", Units: 600},
			{SKU: "PHONESYSTEM_VIRTUALUSER", Units: 85},
		},
		Accounts: []scenario.Account{
			{ID: "main", Name: "Main line", Type: scenario.AutoAttendant, UPN: "main@contoso.com",
				PhoneNumber: "+14255550100", License: scenario.VirtualUser, RoutesTo: []string{"sales", "support"}},
			{ID: "sales", Name: "Sales", Type: scenario.CallQueue},
		},
		Price: &scenario.Price{Monthly: 8, Currency: "USD"},
	}
}

func TestDecodeExample(t *testing.T) {
	got, err := scenario.Decode([]byte(exampleJSON))
	if err != nil {
		t.Fatal(err)
	}
	if want := exampleDoc(); !reflect.DeepEqual(got, want) {
		t.Errorf("Decode(example) =\n%#v\nwant\n%#v", got, want)
	}
}

// mustDecode decodes in, failing the test on error, and checks the round trip.
func mustDecode(t *testing.T, in string) *scenario.Document {
	t.Helper()
	d, err := scenario.Decode([]byte(in))
	if err != nil {
		t.Fatalf("Decode(%s): %v", in, err)
	}
	checkRoundTrip(t, d)
	return d
}

func checkRoundTrip(t testing.TB, d *scenario.Document) {
	t.Helper()
	for _, enc := range []func(*scenario.Document) ([]byte, error){scenario.Encode, scenario.EncodeIndent} {
		b, err := enc(d)
		if err != nil {
			t.Fatalf("Encode(%#v): %v", d, err)
		}
		d2, err := scenario.Decode(b)
		if err != nil {
			t.Fatalf("Decode(Encode(doc)) = %v\nencoding: %s", err, b)
		}
		if !reflect.DeepEqual(d, d2) {
			t.Fatalf("round trip changed the document:\n%#v\n%#v\nencoding: %s", d, d2, b)
		}
	}
}

// decodeErrors decodes in and returns its problems, failing if it is accepted.
func decodeErrors(t *testing.T, in string) scenario.Errors {
	t.Helper()
	d, err := scenario.Decode([]byte(in))
	if err == nil {
		t.Fatalf("Decode(%s) accepted the document: %#v", in, d)
	}
	if d != nil {
		t.Errorf("Decode(%s) returned a document along with an error", in)
	}
	var errs scenario.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("Decode(%s) error %T is not scenario.Errors", in, err)
	}
	if len(errs) == 0 {
		t.Fatalf("Decode(%s) returned empty Errors", in)
	}
	return errs
}

// hasProblem reports whether errs holds a problem at path whose message has
// every one of words.
func hasProblem(errs scenario.Errors, path string, words ...string) bool {
next:
	for _, e := range errs {
		if e.Path != path {
			continue
		}
		for _, w := range words {
			if !strings.Contains(e.Message, w) {
				continue next
			}
		}
		return true
	}
	return false
}

// doc wraps account and subscription JSON in a document.
func doc(subs, accts string) string {
	return `{"format":"ra-planner/v1","subscriptions":[` + subs + `],"accounts":[` + accts + `]}`
}

func TestDecodeErrors(t *testing.T) {
	const aa = `{"id":"main","type":"auto-attendant"}`
	tests := []struct {
		name  string
		in    string
		path  string
		words []string
	}{
		// The document as a whole.
		{"empty", ``, "", []string{"empty"}},
		{"blank", " \n\t", "", []string{"empty"}},
		{"bom only", "\xEF\xBB\xBF", "", []string{"empty"}},
		{"list", `[]`, "", []string{"must be a JSON object", "list"}},
		{"null", `null`, "", []string{"must be a JSON object", "null"}},
		{"number", `42`, "", []string{"must be a JSON object", "number"}},
		{"text", `"plan"`, "", []string{"must be a JSON object", "text"}},
		{"syntax", "{\n  \"format\": \"ra-planner/v1\",\n  \"accounts\": [}\n}", "", []string{"line 3, column 16", "invalid character '}'"}},
		{"trailing comma", "{\n  \"subscriptions\": [],\n}", "", []string{"line 3, column 1", "comma after the last item"}},
		{"trailing comma in list", `{"accounts": [1, 2, ]}`, "", []string{"line 1, column 21", "comma after the last item"}},
		{"truncated", "{\n  \"accounts\": [", "", []string{"line 2, column 16", "ends too early"}},
		{"two values", `{} {}`, "", []string{"line 1, column 4", "after top-level value"}},
		{"column counts characters", `{"name": "é€😀" x}`, "", []string{"line 1, column 16", "invalid character 'x'"}},
		{"non-ASCII character", "{\n  é: 1}", "", []string{"line 2, column 3", "invalid character 'é' looking for beginning of object key string"}},
		{"bom and syntax", "\xEF\xBB\xBF{x}", "", []string{"line 1, column 2", "invalid character 'x'"}},

		// A declaration of what an unknown SKU includes.
		{"includes unknown value", `{"subscriptions":[{"sku":"X","units":1,"includes":"teams"}]}`, "subscriptions[0].includes", []string{`"teams"`, `"phone-system"`}},
		{"includes not text", `{"subscriptions":[{"sku":"X","units":1,"includes":true}]}`, "subscriptions[0].includes", []string{"must be"}},

		// format and edition.
		{"format v2", `{"format":"ra-planner/v2"}`, "format", []string{`"ra-planner/v2"`, `"ra-planner/v1"`}},
		{"format empty", `{"format":""}`, "format", []string{`""`, "ra-planner/v1"}},
		{"format number", `{"format":1}`, "format", []string{"must be", "ra-planner/v1", "not a number"}},
		{"edition unknown", `{"edition":"virtual-user-2019"}`, "edition", []string{`"virtual-user-2019"`, `"virtual-user-2020"`, `"resource-account-2022"`, `"resource-account-2024"`}},
		{"edition case", `{"edition":"Virtual-User-2020"}`, "edition", []string{`"Virtual-User-2020" must be`}},
		{"edition list", `{"edition":[]}`, "edition", []string{"must be text", "not a list"}},

		// subscriptions.
		{"subscriptions object", `{"subscriptions":{}}`, "subscriptions", []string{"must be a list of subscriptions", "not an object"}},
		{"subscription null", doc(`null`, ``), "subscriptions[0]", []string{"must be an object", "null"}},
		{"subscription list", doc(`[]`, ``), "subscriptions[0]", []string{"must be an object", "list"}},
		{"sku missing", doc(`{"units":1}`, ``), "subscriptions[0].sku", []string{"missing"}},
		{"sku empty", doc(`{"sku":"  ","units":1}`, ``), "subscriptions[0].sku", []string{"empty"}},
		{"sku number", doc(`{"sku":5,"units":1}`, ``), "subscriptions[0].sku", []string{"must be text", "not a number"}},
		{"sku long", doc(`{"sku":"`+strings.Repeat("S", 129)+`","units":1}`, ``), "subscriptions[0].sku", []string{"129 characters", "at most 128"}},
		{"units missing", doc(`{"sku":"A"}`, ``), "subscriptions[0].units", []string{"missing"}},
		{"units negative", doc(`{"sku":"A","units":-5}`, ``), "subscriptions[0].units", []string{"-5 cannot be negative"}},
		{"units negative one", doc(`{"sku":"A","units":1},{"sku":"A","units":-1}`, ``), "subscriptions[1].units", []string{"-1 cannot be negative"}},
		{"units fraction", doc(`{"sku":"A","units":1},{"sku":"A","units":2.5}`, ``), "subscriptions[1].units", []string{"2.5 is not a whole number"}},
		{"units small exponent", doc(`{"sku":"A","units":1e-3}`, ``), "subscriptions[0].units", []string{"1e-3 is not a whole number"}},
		{"units huge exponent", doc(`{"sku":"A","units":1e999999999999}`, ``), "subscriptions[0].units", []string{"is more than 10,000,000"}},
		{"units too many", doc(`{"sku":"A","units":1},{"sku":"A","units":1},{"sku":"A","units":12000000}`, ``), "subscriptions[2].units", []string{"12000000 is more than 10,000,000, which is not a plausible count"}},
		{"units just too many", doc(`{"sku":"A","units":10000001}`, ``), "subscriptions[0].units", []string{"more than 10,000,000"}},
		{"units string", doc(`{"sku":"A","units":"600"}`, ``), "subscriptions[0].units", []string{"must be a whole number", `not the text "600"`}},
		{"units bool", doc(`{"sku":"A","units":true}`, ``), "subscriptions[0].units", []string{"must be a whole number", "true or false"}},

		// accounts.
		{"accounts text", `{"accounts":"main"}`, "accounts", []string{"must be a list of accounts", "not text"}},
		{"account number", doc(``, `1`), "accounts[0]", []string{"must be an object", "number"}},
		{"id missing", doc(``, `{"type":"call-queue"}`), "accounts[0].id", []string{"missing"}},
		{"id null", doc(``, `{"id":null,"type":"call-queue"}`), "accounts[0].id", []string{"missing"}},
		{"id empty", doc(``, `{"id":"","type":"call-queue"}`), "accounts[0].id", []string{"missing"}},
		{"id number", doc(``, `{"id":7,"type":"call-queue"}`), "accounts[0].id", []string{"must be text", "number"}},
		{"id space", doc(``, `{"id":"main line","type":"call-queue"}`), "accounts[0].id", []string{`"main line" is not a valid id`}},
		{"id unicode", doc(``, `{"id":"café","type":"call-queue"}`), "accounts[0].id", []string{`"café" is not a valid id`}},
		{"id long", doc(``, `{"id":"`+strings.Repeat("a", 65)+`","type":"call-queue"}`), "accounts[0].id", []string{"65 characters", "at most 64"}},
		{"id duplicate", doc(``, `{"id":"main","type":"call-queue"},{"id":"a","type":"call-queue"},{"id":"b","type":"call-queue"},{"id":"c","type":"call-queue"},{"id":"main","type":"call-queue"}`),
			"accounts[4].id", []string{`"main" is used by accounts[0] too`}},
		{"name long", doc(``, `{"id":"a","type":"call-queue","name":"`+strings.Repeat("é", 257)+`"}`), "accounts[0].name", []string{"257 characters", "at most 256"}},
		{"name object", doc(``, `{"id":"a","type":"call-queue","name":{}}`), "accounts[0].name", []string{"must be text", "object"}},
		{"type missing", doc(``, `{"id":"a"}`), "accounts[0].type", []string{"missing", `"auto-attendant" or "call-queue"`}},
		{"type ivr", doc(``, aa+`,{"id":"b","type":"ivr"}`), "accounts[1].type", []string{`"ivr" must be "auto-attendant" or "call-queue"`}},
		{"type number", doc(``, `{"id":"a","type":1}`), "accounts[0].type", []string{"must be", "not a number"}},
		{"upn no at", doc(``, `{"id":"a","type":"call-queue","upn":"main"}`), "accounts[0].upn", []string{`"main" is not a valid UPN`}},
		{"upn two ats", doc(``, `{"id":"a","type":"call-queue","upn":"a@b@c"}`), "accounts[0].upn", []string{"not a valid UPN"}},
		{"upn empty local", doc(``, `{"id":"a","type":"call-queue","upn":"@contoso.com"}`), "accounts[0].upn", []string{"not a valid UPN"}},
		{"upn empty domain", doc(``, `{"id":"a","type":"call-queue","upn":"main@"}`), "accounts[0].upn", []string{"not a valid UPN"}},
		{"upn space", doc(``, `{"id":"a","type":"call-queue","upn":"main line@contoso.com"}`), "accounts[0].upn", []string{"not a valid UPN"}},
		{"upn long", doc(``, `{"id":"a","type":"call-queue","upn":"a@`+strings.Repeat("b", 255)+`"}`), "accounts[0].upn", []string{"257 characters", "at most 256"}},
		{"phone letters", doc(``, aa+`,{"id":"b","type":"call-queue"},{"id":"c","type":"call-queue"},{"id":"d","type":"call-queue","phoneNumber":"+1 (425) abc"}`),
			"accounts[3].phoneNumber", []string{`"+1 (425) abc" is not a phone number`}},
		{"phone extension", doc(``, `{"id":"a","type":"call-queue","phoneNumber":"tel:+14255550100;ext=12"}`), "accounts[0].phoneNumber", []string{"extension", "not accepted"}},
		{"phone number type", doc(``, `{"id":"a","type":"call-queue","phoneNumber":14255550100}`), "accounts[0].phoneNumber", []string{"must be text", "not a number"}},
		{"license unknown", doc(``, `{"id":"a","type":"call-queue","license":"e5"}`), "accounts[0].license", []string{`"e5" must be "none", "virtual-user" or "phone-system"`}},
		{"routesTo text", doc(``, aa+`,{"id":"b","type":"call-queue"},{"id":"c","type":"call-queue","routesTo":"main"}`), "accounts[2].routesTo", []string{"must be a list of account ids"}},
		{"routesTo object", doc(``, `{"id":"a","type":"call-queue","routesTo":{}}`), "accounts[0].routesTo", []string{"must be a list of account ids", "object"}},
		{"routesTo bad id", doc(``, `{"id":"a","type":"call-queue","routesTo":["b","c","d e"]}`), "accounts[0].routesTo[2]", []string{`"d e" is not a valid id`}},
		{"routesTo empty id", doc(``, `{"id":"a","type":"call-queue","routesTo":[""]}`), "accounts[0].routesTo[0]", []string{"empty"}},
		{"routesTo number", doc(``, `{"id":"a","type":"call-queue","routesTo":[1]}`), "accounts[0].routesTo[0]", []string{"must be an account id", "number"}},
		{"routesTo null item", doc(``, `{"id":"a","type":"call-queue","routesTo":[null]}`), "accounts[0].routesTo[0]", []string{"must be an account id", "null"}},

		// price.
		{"price list", `{"price":[]}`, "price", []string{"must be an object", "list"}},
		{"price monthly missing", `{"price":{"currency":"USD"}}`, "price.monthly", []string{"missing"}},
		{"price negative", `{"price":{"monthly":-3}}`, "price.monthly", []string{"-3 cannot be negative"}},
		{"price too high", `{"price":{"monthly":1000000.01}}`, "price.monthly", []string{"more than 1,000,000"}},
		{"price overflow", `{"price":{"monthly":1e400}}`, "price.monthly", []string{"more than 1,000,000"}},
		{"price negative overflow", `{"price":{"monthly":-1e400}}`, "price.monthly", []string{"cannot be negative"}},
		{"price text", `{"price":{"monthly":"8"}}`, "price.monthly", []string{"must be a number", `"8"`}},
		{"currency lower", `{"price":{"monthly":8,"currency":"usd"}}`, "price.currency", []string{`"usd" is not a currency code`}},
		{"currency long", `{"price":{"monthly":8,"currency":"EURO"}}`, "price.currency", []string{`"EURO" is not a currency code`}},
		{"currency number", `{"price":{"monthly":8,"currency":978}}`, "price.currency", []string{"must be text", "number"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := decodeErrors(t, tt.in)
			if !hasProblem(errs, tt.path, tt.words...) {
				t.Errorf("Decode(%s):\n%v\nwant a problem at %q with %q", tt.in, errs, tt.path, tt.words)
			}
		})
	}
}

func TestDecodeErrorFormat(t *testing.T) {
	_, err := scenario.Decode([]byte(doc(`{"sku":"A","units":-5}`, `{"id":"main","type":"ivr"}`)))
	want := "subscriptions[0].units: -5 cannot be negative\n" +
		`accounts[0].type: "ivr" must be "auto-attendant" or "call-queue"`
	if err == nil || err.Error() != want {
		t.Errorf("error =\n%v\nwant\n%s", err, want)
	}
	var errs scenario.Errors
	if !errors.As(err, &errs) || len(errs) != 2 || errs[0].Path != "subscriptions[0].units" || errs[0].Message != "-5 cannot be negative" {
		t.Errorf("errors.As: %#v", errs)
	}
}

func TestDecodeCollectsAllProblems(t *testing.T) {
	errs := decodeErrors(t, `{"format":"x","edition":"y","subscriptions":[{"sku":"A","units":-1}],
		"accounts":[{"id":"a b","type":"ivr","phoneNumber":"abc"}],"price":{"monthly":-1}}`)
	for _, path := range []string{"format", "edition", "subscriptions[0].units", "accounts[0].id", "accounts[0].type", "accounts[0].phoneNumber", "price.monthly"} {
		if !hasProblem(errs, path) {
			t.Errorf("no problem reported at %s:\n%v", path, errs)
		}
	}
}

func TestDecodeCapsProblems(t *testing.T) {
	var accts []string
	for range 120 {
		accts = append(accts, `{"id":"x y","type":"call-queue"}`)
	}
	errs := decodeErrors(t, doc(``, strings.Join(accts, ",")))
	if len(errs) != scenario.MaxErrors+1 {
		t.Fatalf("got %d problems, want %d", len(errs), scenario.MaxErrors+1)
	}
	if last := errs[len(errs)-1]; last.Path != "" || last.Message != "and 70 more problems" {
		t.Errorf("last problem = %q %q", last.Path, last.Message)
	}
}

func TestDecodeLimits(t *testing.T) {
	t.Run("too many accounts", func(t *testing.T) {
		in := doc(``, strings.TrimSuffix(strings.Repeat(`{},`, scenario.MaxAccounts+1), ","))
		errs := decodeErrors(t, in)
		if len(errs) != 1 || !hasProblem(errs, "accounts", "100,001 accounts", "at most 100,000") {
			t.Errorf("got %v", errs)
		}
	})
	t.Run("max accounts", func(t *testing.T) {
		var b strings.Builder
		for i := range scenario.MaxAccounts {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"id":"a%d","type":"call-queue"}`, i)
		}
		d := mustDecode(t, doc(``, b.String()))
		if len(d.Accounts) != scenario.MaxAccounts {
			t.Errorf("got %d accounts", len(d.Accounts))
		}
	})
	t.Run("too many subscriptions", func(t *testing.T) {
		in := doc(strings.TrimSuffix(strings.Repeat(`{},`, scenario.MaxSubscriptions+1), ","), ``)
		errs := decodeErrors(t, in)
		if len(errs) != 1 || !hasProblem(errs, "subscriptions", "1,001 rows", "at most 1,000") {
			t.Errorf("got %v", errs)
		}
	})
	t.Run("too large", func(t *testing.T) {
		in := make([]byte, scenario.MaxDocumentBytes+1)
		errs := decodeErrors(t, string(in))
		if !hasProblem(errs, "", "too large", "32.1 MiB", "at most 32 MiB") {
			t.Errorf("got %v", errs)
		}
	})
}

func TestDecodeAccepts(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want *scenario.Document
	}{
		{"empty object", `{}`, &scenario.Document{Format: scenario.Format, Subscriptions: []scenario.Subscription{}, Accounts: []scenario.Account{}}},
		{"nulls are absent", `{"format":null,"edition":null,"subscriptions":null,"accounts":null,"price":null}`,
			&scenario.Document{Format: scenario.Format, Subscriptions: []scenario.Subscription{}, Accounts: []scenario.Account{}}},
		{"bom", "\xEF\xBB\xBF" + `{"edition":"resource-account-2024"}`,
			&scenario.Document{Format: scenario.Format, Edition: scenario.ResourceAccount2024, Subscriptions: []scenario.Subscription{}, Accounts: []scenario.Account{}}},
		{"unknown fields ignored", `{"future":{"x":[1,2]},"subscriptions":[{"sku":"A","units":1,"note":"x"}],"accounts":[{"id":"a","type":"call-queue","color":"red"}],"price":{"monthly":1,"tax":2}}`,
			&scenario.Document{Format: scenario.Format, Subscriptions: []scenario.Subscription{{SKU: "A", Units: 1}},
				Accounts: []scenario.Account{{ID: "a", Type: scenario.CallQueue}}, Price: &scenario.Price{Monthly: 1}}},
		{"units forms", doc(`{"sku":" SPE_E5 ","units":1e3},{"sku":"SPE_E5","units":1000.0},{"sku":"MCOEV","units":0},{"sku":"X","units":-0},{"sku":"Y","units":10000000},{"sku":"Z","units":12.5e1},{"sku":"W","units":0.5e1}`, ``),
			&scenario.Document{Format: scenario.Format, Subscriptions: []scenario.Subscription{
				{SKU: "SPE_E5", Units: 1000}, {SKU: "SPE_E5", Units: 1000}, {SKU: "MCOEV", Units: 0}, {SKU: "X", Units: 0}, {SKU: "Y", Units: 10_000_000}, {SKU: "Z", Units: 125}, {SKU: "W", Units: 5},
			}, Accounts: []scenario.Account{}}},
		{"account normalization", doc(``, `{"id":"A.b_c-9","type":"auto-attendant","name":"<b>Ventes</b> مبيعات 📞","upn":"  aa@contoso.com ","phoneNumber":"tel:+1 (425) 555-0100","license":"none","routesTo":["A.b_c-9","q","q","nowhere","A.b_c-9"]},{"id":"q","type":"call-queue","phoneNumber":"","license":"","routesTo":[],"upn":"","name":""}`),
			&scenario.Document{Format: scenario.Format, Subscriptions: []scenario.Subscription{}, Accounts: []scenario.Account{
				{ID: "A.b_c-9", Type: scenario.AutoAttendant, Name: "<b>Ventes</b> مبيعات 📞", UPN: "aa@contoso.com", PhoneNumber: "+14255550100", License: scenario.NoLicense, RoutesTo: []string{"A.b_c-9", "q", "nowhere"}},
				{ID: "q", Type: scenario.CallQueue},
			}}},
		{"name at limit", doc(``, `{"id":"a","type":"call-queue","name":"`+strings.Repeat("😀", 256)+`"}`),
			&scenario.Document{Format: scenario.Format, Subscriptions: []scenario.Subscription{}, Accounts: []scenario.Account{{ID: "a", Type: scenario.CallQueue, Name: strings.Repeat("😀", 256)}}}},
		{"price forms", `{"price":{"monthly":-0,"currency":""}}`,
			&scenario.Document{Format: scenario.Format, Subscriptions: []scenario.Subscription{}, Accounts: []scenario.Account{}, Price: &scenario.Price{}}},
		{"price max", `{"price":{"monthly":1e6,"currency":"EUR"}}`,
			&scenario.Document{Format: scenario.Format, Subscriptions: []scenario.Subscription{}, Accounts: []scenario.Account{}, Price: &scenario.Price{Monthly: 1e6, Currency: "EUR"}}},
		{"empty edition", `{"edition":""}`, &scenario.Document{Format: scenario.Format, Subscriptions: []scenario.Subscription{}, Accounts: []scenario.Account{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustDecode(t, tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Decode(%s) =\n%#v\nwant\n%#v", tt.in, got, tt.want)
			}
		})
	}
}

func TestDecodeNegativeZeroPrice(t *testing.T) {
	d := mustDecode(t, `{"price":{"monthly":-0.0}}`)
	if b, _ := scenario.Encode(d); !bytes.Contains(b, []byte(`"monthly":0}`)) {
		t.Errorf("Encode wrote %s", b)
	}
}

func TestEncode(t *testing.T) {
	d := mustDecode(t, exampleJSON)
	got, err := scenario.Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"format":"ra-planner/v1","edition":"virtual-user-2020","subscriptions":[{"sku":"SPE_E5","units":600},{"sku":"PHONESYSTEM_VIRTUALUSER","units":85}],` +
		`"accounts":[{"id":"main","name":"Main line","type":"auto-attendant","upn":"main@contoso.com","phoneNumber":"+14255550100","license":"virtual-user","routesTo":["sales","support"]},` +
		`{"id":"sales","name":"Sales","type":"call-queue"}],"price":{"monthly":8,"currency":"USD"}}`
	if string(got) != want {
		t.Errorf("Encode =\n%s\nwant\n%s", got, want)
	}

	ind, err := scenario.EncodeIndent(d)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(ind, []byte("{\n  \"format\": \"ra-planner/v1\",\n  \"edition\"")) || !bytes.HasSuffix(ind, []byte("}\n")) {
		t.Errorf("EncodeIndent =\n%s", ind)
	}

	// The zero Document encodes with the format and empty lists.
	got, err = scenario.Encode(&scenario.Document{})
	if err != nil || string(got) != `{"format":"ra-planner/v1","subscriptions":[],"accounts":[]}` {
		t.Errorf("Encode(zero) = %s, %v", got, err)
	}
	// No HTML escaping.
	d.Accounts[0].Name = "<b>&</b>"
	if got, _ := scenario.Encode(d); !bytes.Contains(got, []byte(`"<b>&</b>"`)) {
		t.Errorf("Encode escaped HTML: %s", got)
	}
	if _, err := scenario.Encode(nil); err == nil {
		t.Error("Encode(nil) succeeded")
	}
}

func TestValidate(t *testing.T) {
	d := exampleDoc()
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	d.Accounts[1].ID = "main"
	d.Subscriptions[0].Units = -1
	var errs scenario.Errors
	if err := d.Validate(); !errors.As(err, &errs) || !hasProblem(errs, "accounts[1].id", "used by accounts[0]") || !hasProblem(errs, "subscriptions[0].units", "negative") {
		t.Errorf("Validate = %v", err)
	}
}

func TestClone(t *testing.T) {
	orig := exampleDoc()
	c := orig.Clone()
	if !reflect.DeepEqual(orig, c) {
		t.Fatalf("Clone differs:\n%#v\n%#v", orig, c)
	}
	c.Subscriptions[0].Units = 1
	c.Accounts[0].RoutesTo[0] = "changed"
	c.Accounts[0].RoutesTo = append(c.Accounts[0].RoutesTo, "more")
	c.Accounts[1].Name = "changed"
	c.Price.Monthly = 99
	c.Accounts = append(c.Accounts, scenario.Account{ID: "new"})
	if !reflect.DeepEqual(orig, exampleDoc()) {
		t.Errorf("editing the clone changed the original:\n%#v", orig)
	}

	// nil stays nil, empty stays empty.
	empty := &scenario.Document{Subscriptions: []scenario.Subscription{}, Accounts: []scenario.Account{{RoutesTo: []string{}}}}
	if c := empty.Clone(); !reflect.DeepEqual(c, empty) || c.Subscriptions == nil || c.Accounts[0].RoutesTo == nil {
		t.Errorf("Clone(empty) = %#v", c)
	}
	if c := (&scenario.Document{}).Clone(); c.Subscriptions != nil || c.Accounts != nil || c.Price != nil {
		t.Errorf("Clone(zero) = %#v", c)
	}
	if (*scenario.Document)(nil).Clone() != nil {
		t.Error("Clone(nil) != nil")
	}
}

func TestDecodeIncludes(t *testing.T) {
	d, err := scenario.Decode([]byte(`{"subscriptions":[{"sku":"CONTOSO_VOICE","units":40,"includes":"phone-system"},{"sku":"X","units":1,"includes":"resource-account"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if d.Subscriptions[0].Includes != scenario.IncludesPhoneSystem || d.Subscriptions[1].Includes != scenario.IncludesResourceAccount {
		t.Errorf("includes decoded as %+v", d.Subscriptions)
	}
	b, _ := scenario.Encode(d)
	if !strings.Contains(string(b), `"includes":"phone-system"`) {
		t.Errorf("encoded without the declaration: %s", b)
	}
}

func TestDecodeUTF16(t *testing.T) {
	const doc = `{"subscriptions":[{"sku":"MCOEV","units":12}],"accounts":[{"id":"a","name":"Centralino è","type":"auto-attendant"}]}`
	for _, le := range []bool{true, false} {
		b := []byte{0xFE, 0xFF}
		if le {
			b = []byte{0xFF, 0xFE}
		}
		for _, r := range doc {
			hi, lo := byte(r>>8), byte(r)
			if le {
				b = append(b, lo, hi)
			} else {
				b = append(b, hi, lo)
			}
		}
		d, err := scenario.Decode(b)
		if err != nil {
			t.Fatalf("UTF-16 (little endian %v): %v", le, err)
		}
		if d.Accounts[0].Name != "Centralino è" || d.Subscriptions[0].Units != 12 {
			t.Errorf("UTF-16 decoded as %+v", d)
		}
	}
}
