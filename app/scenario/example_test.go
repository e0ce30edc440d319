package scenario_test

import (
	"errors"
	"fmt"

	"github.com/raplanner/raplanner/app/scenario"
)

func ExampleDecode() {
	doc, err := scenario.Decode([]byte(`{
	  "format": "ra-planner/v1",
	  "subscriptions": [{"sku": "SPE_E5", "units": 600}],
	  "accounts": [
	    {"id": "main", "type": "auto-attendant", "phoneNumber": "tel:+1 (425) 555-0100", "routesTo": ["sales"]},
	    {"id": "sales", "type": "call-queue"}
	  ]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.EditionOrDefault(), doc.Subscriptions[0].SKU, doc.Subscriptions[0].Units)
	for _, a := range doc.Accounts {
		fmt.Printf("%s %s %q %s\n", a.ID, a.Type, a.PhoneNumber, a.LicenseOrDefault())
	}

	// A damaged document: every problem, with its path.
	_, err = scenario.Decode([]byte(`{
	  "subscriptions": [{"sku": "SPE_E5", "units": -5}],
	  "accounts": [
	    {"id": "main", "type": "ivr", "phoneNumber": "+1 (425) abc"},
	    {"id": "main", "type": "call-queue"}
	  ]
	}`))
	var problems scenario.Errors
	if errors.As(err, &problems) {
		for _, p := range problems {
			fmt.Println(p.Path, "→", p.Message)
		}
	}
	// Output:
	// virtual-user-2020 SPE_E5 600
	// main auto-attendant "+14255550100" none
	// sales call-queue "" none
	// subscriptions[0].units → -5 cannot be negative
	// accounts[0].type → "ivr" must be "auto-attendant" or "call-queue"
	// accounts[0].phoneNumber → "+1 (425) abc" is not a phone number
	// accounts[1].id → "main" is used by accounts[0] too
}

func ExampleEncodeFragment() {
	doc := &scenario.Document{
		Subscriptions: []scenario.Subscription{{SKU: "SPE_E5", Units: 600}},
		Accounts:      []scenario.Account{{ID: "main", Type: scenario.AutoAttendant}},
	}
	fragment, err := scenario.EncodeFragment(doc)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("https://example.com/#" + fragment)

	back, err := scenario.DecodeFragment("#" + fragment)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(back.Accounts[0].ID, back.Subscriptions[0].Units)

	_, err = scenario.DecodeFragment("#view=diagram")
	fmt.Println(errors.Is(err, scenario.ErrNoPlan))
	// Output:
	// https://example.com/#plan=eyJmb3JtYXQiOiJyYS1wbGFubmVyL3YxIiwic3Vic2NyaXB0aW9ucyI6W3sic2t1IjoiU1BFX0U1IiwidW5pdHMiOjYwMH1dLCJhY2NvdW50cyI6W3siaWQiOiJtYWluIiwidHlwZSI6ImF1dG8tYXR0ZW5kYW50In1dfQ
	// main 600
	// true
}
