package licensing

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/raplanner/raplanner/app/scenario"
)

// The account index must agree with a map from id to first position, for
// tables whose slots keep many hash bits (few accounts) or few (many).
func TestAccountIndex(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 2, 9, 1_000, 70_000} {
		accounts := make([]scenario.Account, n)
		want := map[string]int{}
		for i := range accounts {
			// About one id in five repeats an earlier one.
			id := fmt.Sprintf("ra-%d", rng.IntN(max(1, n*4/5)))
			if i%97 == 0 {
				id = ""
			}
			accounts[i].ID = id
			if _, dup := want[id]; !dup {
				want[id] = i
			}
		}
		x := newAccountIndex(accounts)
		for id, i := range want {
			if got, ok := x.lookup(id); !ok || got != i {
				t.Fatalf("%d accounts: lookup(%q) = %d, %v; want %d (its first account)", n, id, got, ok, i)
			}
		}
		for _, id := range []string{"ra--1", "RA-1", "ra-1 ", fmt.Sprintf("ra-%d", n)} {
			if got, ok := x.lookup(id); ok {
				t.Errorf("%d accounts: lookup(%q) found account %d, no account has that id", n, id, got)
			}
		}
	}
}

// The plan and reason codes are the page's data-plan hooks, the CSV
// export's columns and the message keys: they must not change.
func TestCodes(t *testing.T) {
	tests := []struct {
		got  fmt.Stringer
		want string
	}{
		{PlanFree, "free"}, {PlanPaid, "paid"}, {PlanNone, "none"}, {PlanNoAccount, "no-account"},
		{Plan(0), ""}, {Plan(200), ""},
		{ReasonPhoneNumber, "phone-number"}, {ReasonEveryAccount, "every-account"},
		{ReasonEntryPoint, "entry-point"}, {ReasonNestedNoNumber, "nested-no-number"},
		{ReasonNoNumber, "no-number"}, {Reason(0), ""}, {Reason(200), ""},
	}
	for _, tt := range tests {
		if s := tt.got.String(); s != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.got, s, tt.want)
		}
	}
	b, err := json.Marshal(AccountPlan{Reason: ReasonEntryPoint, Planned: PlanPaid})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"Index":0,"RoutedFrom":0,"HasNumber":false,"AnswersDirectly":false,"NeedsResourceAccount":false,"NeedsLicense":false,"Reason":"entry-point","Planned":"paid"}`; string(b) != want {
		t.Errorf("JSON of a plan = %s, want %s", b, want)
	}
}

// An account holding a license the scenario format does not know (only a
// document built in code can) is planned like one holding none.
func TestUnknownHeldLicense(t *testing.T) {
	d := &scenario.Document{
		Edition:       scenario.ResourceAccount2022,
		Subscriptions: []scenario.Subscription{{SKU: "MCOEV", Units: 1}},
		Accounts: []scenario.Account{
			{ID: "a", License: "teams-premium"},
			{ID: "b", License: scenario.PhoneSystem},
		},
	}
	r := Compute(d)
	if p := r.Accounts[0]; p.Planned != PlanFree || p.Holds() != scenario.NoLicense {
		t.Errorf("account holding an unknown license: planned %s holding %s, want free holding none", p.Planned, p.Holds())
	}
	if r.Totals.FreeAssigned != 2 || r.Totals.PaidNeeded != 0 {
		t.Errorf("assigned %d free, %d paid; want 2 free", r.Totals.FreeAssigned, r.Totals.PaidNeeded)
	}
}
