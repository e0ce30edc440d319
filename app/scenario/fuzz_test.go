package scenario_test

import (
	"encoding/base64"
	"errors"
	"reflect"
	"testing"

	"github.com/raplanner/raplanner/app/scenario"
)

var fuzzSeeds = []string{
	exampleJSON,
	`{}`,
	`[]`,
	`null`,
	``,
	"\xEF\xBB\xBF{}",
	`{"format":"ra-planner/v1","subscriptions":[],"accounts":[]}`,
	`{"subscriptions":[{"sku":" A ","units":1e3},{"sku":"A","units":1000.0},{"sku":"B","units":-0}]}`,
	`{"subscriptions":[{"sku":"A","units":2.5},{"sku":"A","units":-1},{"sku":"A","units":"600"},{"sku":"A","units":1e99999}]}`,
	`{"accounts":[{"id":"a","type":"call-queue","phoneNumber":"tel:+1 (425) 555-0100","upn":" a@b ","routesTo":["a","a","b"]}]}`,
	`{"accounts":[{"id":"a","type":"ivr"},{"id":"a","type":"auto-attendant","name":"<script>","license":"none"}]}`,
	`{"accounts":[{"id":"a","type":"call-queue","routesTo":[]}],"price":{"monthly":-0.0,"currency":""}}`,
	`{"price":{"monthly":1e-400,"currency":"EUR"}}`,
	`{"price":{"monthly":999999.99999999999}}`,
	`{"edition":"resource-account-2024","accounts":[{"id":"x","type":"auto-attendant","name":"\ud800 \u0000 é"}]}`,
	`{"a":1,}`,
	`{"accounts":[`,
}

func FuzzDecode(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := scenario.Decode(data)
		if err != nil {
			if d != nil {
				t.Fatal("Decode returned a document and an error")
			}
			var errs scenario.Errors
			if !errors.As(err, &errs) || len(errs) == 0 || len(errs) > scenario.MaxErrors+1 {
				t.Fatalf("Decode error %T %v", err, err)
			}
			return
		}
		checkRoundTrip(t, d)
		if !reflect.DeepEqual(d.Clone(), d) {
			t.Fatal("Clone differs")
		}
	})
}

func FuzzDecodeFragment(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add("#plan=" + base64.RawURLEncoding.EncodeToString([]byte(s)))
	}
	f.Add("#plan=" + base64.StdEncoding.EncodeToString([]byte(exampleJSON)))
	f.Add("x=1&plan=e30%3D&y")
	f.Add("#plan=eyJ9===")
	f.Add("")
	f.Fuzz(func(t *testing.T, fragment string) {
		d, err := scenario.DecodeFragment(fragment)
		if err != nil {
			if d != nil {
				t.Fatal("DecodeFragment returned a document and an error")
			}
			return
		}
		frag, err := scenario.EncodeFragment(d)
		if err != nil {
			t.Fatalf("EncodeFragment: %v", err)
		}
		d2, err := scenario.DecodeFragment(frag)
		if err != nil {
			t.Fatalf("DecodeFragment(EncodeFragment(doc)): %v", err)
		}
		if !reflect.DeepEqual(d, d2) {
			t.Fatalf("fragment round trip changed the document:\n%#v\n%#v", d, d2)
		}
	})
}
