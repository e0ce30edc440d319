package advice_test

import (
	"fmt"

	"github.com/raplanner/raplanner/app/advice"
	"github.com/raplanner/raplanner/app/examples"
	"github.com/raplanner/raplanner/app/licensing"
)

func Example() {
	d := examples.Contoso()
	a := advice.Advise(d, licensing.Compute(d))
	for _, m := range a.Metrics.List() {
		fmt.Printf("%s=%d\n", m.Name, m.Value)
	}
	for _, f := range a.Findings {
		fmt.Println(f.Kind, len(f.Accounts), "accounts")
	}
	redesign := a.Of(advice.KindRedesign)[0]
	c := redesign.Redesign.Candidates[0]
	fmt.Printf("dropping %s's number alone saves %d paid license\n", d.Accounts[c.Account].ID, c.Saving.PaidLicenses)
	buy := a.Of(advice.KindBuy)[0]
	for _, s := range buy.Steps[:6] {
		fmt.Println(s)
	}
	// Output:
	// switch-to-free=0
	// licenses-to-release=0
	// redesign-saving=5
	// free-to-buy=85
	// orphans=0
	// redesign 80 accounts
	// buy 90 accounts
	// health-number-without-license 90 accounts
	// dropping cq-01-1's number alone saves 1 paid license
	// billing
	// purchase-services
	// add-ons
	// select-product sku=PHONESYSTEM_VIRTUALUSER
	// buy sku=PHONESYSTEM_VIRTUALUSER quantity=85
	// select-product sku=MCOEV
}
