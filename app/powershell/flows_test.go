package powershell_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/raplanner/raplanner/app/powershell"
	"github.com/raplanner/raplanner/app/scenario"
)

// The ids of the fixtures.
const (
	mainAA     = "f7a821dc-2d69-5ae8-8525-bcb4a4556093"
	afterAA    = "e1000000-0000-4000-8000-0000000000e1"
	salesCQ    = "9c000000-0000-4000-8000-0000000000c3"
	supportCQ  = "9c000000-0000-4000-8000-0000000000c5"
	helpdeskCQ = "9c000000-0000-4000-8000-0000000000c7"
	raMain     = "5e1d0000-0000-4000-8000-0000000000a1"
	raSales    = "5e1d0000-0000-4000-8000-0000000000b2"
	raSupport  = "5e1d0000-0000-4000-8000-0000000000b3"
	raAfter    = "5e1d0000-0000-4000-8000-0000000000a4"
)

func target(id string, kind powershell.TargetKind, path string) powershell.Target {
	return powershell.Target{ID: id, Kind: kind, Path: path}
}

func TestParseAutoAttendants(t *testing.T) {
	mainTargets := []powershell.Target{
		target(raSales, powershell.TargetResourceAccount, "[0].DefaultCallFlow.Menu.MenuOptions[0].CallTarget"),
		target(supportCQ, powershell.TargetVoiceApp, "[0].DefaultCallFlow.Menu.MenuOptions[1].CallTarget"),
		target(raAfter, powershell.TargetResourceAccount, "[0].CallFlows[0].Menu.MenuOptions[0].CallTarget"),
		target("tel:+14255550123", powershell.TargetPhone, "[0].Operator"),
	}
	cases := []struct {
		name  string
		data  []byte
		want  []powershell.VoiceApp
		notes []string
		err   string
	}{
		{
			name: "array, enums as numbers, -Depth 10",
			data: readFixture(t, "autoattendants/array.json"),
			want: []powershell.VoiceApp{
				{Identity: mainAA, Name: "Main AA", Type: aa, Path: "[0]", InstancesListed: true, ResourceAccounts: []string{raMain}, Targets: mainTargets},
				{Identity: afterAA, Name: "After hours AA", Type: aa, Path: "[1]", InstancesListed: true, ResourceAccounts: []string{raAfter},
					Targets: []powershell.Target{target("8521b0e3-51bd-4a4b-a8d6-b219a77a0a6a", powershell.TargetOther, "[1].DefaultCallFlow.Menu.MenuOptions[0].CallTarget")}},
			},
		},
		{
			name: "one object, -EnumsAsStrings, Id instead of Identity, upper case",
			data: readFixture(t, "autoattendants/enums-as-strings.json"),
			want: []powershell.VoiceApp{{Identity: mainAA, Name: "Main AA", Type: aa, Path: "", InstancesListed: true, ResourceAccounts: []string{raMain},
				Targets: []powershell.Target{
					target(raSales, powershell.TargetResourceAccount, "DefaultCallFlow.Menu.MenuOptions[0].CallTarget"),
					target(supportCQ, powershell.TargetVoiceApp, "DefaultCallFlow.Menu.MenuOptions[1].CallTarget"),
					target("aa000000-0000-4000-8000-000000000001", powershell.TargetUser, "DefaultCallFlow.Menu.MenuOptions[2].CallTarget"),
					target("tel:+14255550123", powershell.TargetPhone, "Operator"),
				}}},
		},
		{
			name: "default depth: the menu is cut off",
			data: readFixture(t, "autoattendants/default-depth.json"),
			want: []powershell.VoiceApp{{Identity: mainAA, Name: "Main AA", Type: aa, Path: "[0]", InstancesListed: true, ResourceAccounts: []string{raMain},
				Targets: []powershell.Target{target("tel:+14255550123", powershell.TargetPhone, "[0].Operator")}}},
			notes: []string{
				"line 1: ignored the text before the JSON; it says the JSON was truncated",
				"[0].DefaultCallFlow.Menu: was cut off by ConvertTo-Json's depth limit, so transfers below it are missing; run Get-CsAutoAttendant | ConvertTo-Json -Depth 10",
			},
		},
		{
			name: "missing fields, duplicates, unknown fields",
			data: readFixture(t, "autoattendants/problems.json"),
			want: []powershell.VoiceApp{
				{Name: "No identity AA", Type: aa, Path: "[0]", InstancesListed: true, ResourceAccounts: []string{"5e1d0000-0000-4000-8000-0000000000a9"},
					Targets: []powershell.Target{target("5e1d0000-0000-4000-8000-0000000000ff", powershell.TargetResourceAccount, "[0].DefaultCallFlow.Menu.MenuOptions[1].CallTarget")}},
				{Identity: "e2000000-0000-4000-8000-0000000000e2", Name: "No instances AA", Type: aa, Path: "[1]",
					Targets: []powershell.Target{
						target("9c000000-0000-4000-8000-0000000000ff", powershell.TargetVoiceApp, "[1].DefaultCallFlow.Menu.MenuOptions[0].CallTarget"),
						target("tel:+14255550000", powershell.TargetPhone, "[1].FutureField.Operator"),
					}},
			},
			notes: []string{
				"[0].Identity: is missing; transfers straight to this auto attendant (ConfigurationEndpoint) cannot be matched",
				"[0].ApplicationInstances[1]: must be the ObjectId of a resource account, not a number; ignored",
				"[0].DefaultCallFlow.Menu.MenuOptions[0].CallTarget.Id: is missing; this transfer target is ignored",
				"[1].ApplicationInstances: is missing; the resource accounts of this auto attendant are unknown",
				`[2]: auto attendant "e2000000-0000-4000-8000-0000000000e2" is listed again (first at [1]); this copy is skipped`,
				`[3]: is the text "Microsoft.Rtc.Management.Hosted.OAA.Models.AutoAttendant", not an auto attendant; skipped`,
			},
		},
		{
			name: "UTF-16 with BOM, two pages",
			data: utf16LE(`[{"Identity":"A1","ApplicationInstances":["R1"]}]`+"\r\n"+`[{"Identity":"A2","ApplicationInstances":null}]`, true),
			want: []powershell.VoiceApp{
				{Identity: "a1", Type: aa, Path: "[0]", InstancesListed: true, ResourceAccounts: []string{"r1"}},
				{Identity: "a2", Type: aa, Path: "[1]", InstancesListed: true},
			},
		},
		{name: "not JSON", data: []byte("Identity : f7a8\nName : Main AA"), err: "is not the JSON that Get-CsAutoAttendant | ConvertTo-Json -Depth 10 writes"},
		{
			name: "call queues pasted here",
			data: readFixture(t, "callqueues/numbers.json"),
			notes: []string{
				"RoutingMethod: this is a call queue, not an auto attendant; skipped",
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, notes, err := powershell.ParseAutoAttendants(c.data)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want one containing %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.VoiceApps, c.want) {
				t.Errorf("voice apps\n got %+v\nwant %+v", got.VoiceApps, c.want)
			}
			checkNotes(t, notes, c.notes)
		})
	}
}

func TestParseCallQueues(t *testing.T) {
	cases := []struct {
		name  string
		data  []byte
		want  []powershell.VoiceApp
		notes []string
	}{
		{
			name: "-EnumsAsStrings: only forwarding actions count",
			data: readFixture(t, "callqueues/enums-as-strings.json"),
			want: []powershell.VoiceApp{
				{Identity: salesCQ, Name: "Sales CQ", Type: cq, Path: "[0]", InstancesListed: true, ResourceAccounts: []string{raSales},
					Targets: []powershell.Target{
						target("tel:+14255550199", powershell.TargetPhone, "[0].OverflowActionTarget"),
						target(mainAA, powershell.TargetVoiceApp, "[0].TimeoutActionTarget"),
					}},
				{Identity: supportCQ, Name: "Support CQ", Type: cq, Path: "[1]", InstancesListed: true, ResourceAccounts: []string{raSupport},
					Targets: []powershell.Target{target(helpdeskCQ, powershell.TargetVoiceApp, "[1].TimeoutActionTarget")}},
				{Identity: helpdeskCQ, Name: "IT help desk (internal)", Type: cq, Path: "[2]", InstancesListed: true},
			},
		},
		{
			name: "enums as numbers, *ActionTargetId fallback",
			data: readFixture(t, "callqueues/numbers.json"),
			want: []powershell.VoiceApp{
				{Identity: supportCQ, Name: "Support CQ", Type: cq, Path: "", InstancesListed: true, ResourceAccounts: []string{raSupport},
					Targets: []powershell.Target{
						target(helpdeskCQ, powershell.TargetUnknown, "TimeoutActionTarget"),
						target(raSales, powershell.TargetUnknown, "NoAgentActionTargetId"),
					}},
			},
		},
		{
			name:  "auto attendants pasted here",
			data:  readFixture(t, "autoattendants/enums-as-strings.json"),
			notes: []string{"DefaultCallFlow: this is an auto attendant, not a call queue; skipped"},
		},
		{
			name: "default depth, targets cut",
			data: []byte(`{"Identity":"q","ApplicationInstances":[],"OverflowAction":"Forward","OverflowActionTarget":"Microsoft.Rtc.Management.Hosted.Online.Models.CallableEntity"}`),
			want: []powershell.VoiceApp{{Identity: "q", Type: cq, InstancesListed: true}},
			notes: []string{
				"OverflowActionTarget: was cut off by ConvertTo-Json's depth limit, so transfers below it are missing; run Get-CsCallQueue | ConvertTo-Json -Depth 10",
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, notes, err := powershell.ParseCallQueues(c.data)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.VoiceApps, c.want) {
				t.Errorf("voice apps\n got %+v\nwant %+v", got.VoiceApps, c.want)
			}
			checkNotes(t, notes, c.notes)
		})
	}
}

// contosoFlows reads the auto attendant and call queue fixtures.
func contosoFlows(t testing.TB) powershell.Flows {
	t.Helper()
	aas, _, err := powershell.ParseAutoAttendants(readFixture(t, "autoattendants/array.json"))
	if err != nil {
		t.Fatal(err)
	}
	cqs, _, err := powershell.ParseCallQueues(readFixture(t, "callqueues/enums-as-strings.json"))
	if err != nil {
		t.Fatal(err)
	}
	return powershell.JoinFlows(aas, cqs)
}

func TestFlowsRoutes(t *testing.T) {
	f := contosoFlows(t)
	cases := []struct {
		name  string
		ids   map[string]string
		want  map[string][]string
		notes []string
	}{
		{
			name: "every resource account known, the help desk queue has an account without one",
			ids: map[string]string{raMain: "main", raSales: "sales", raSupport: "support", raAfter: "after",
				helpdeskCQ: "helpdesk"},
			want: map[string][]string{
				"main":     {"sales", "support", "after"},
				"after":    {},
				"sales":    {"main"},
				"support":  {"helpdesk"},
				"helpdesk": {},
			},
		},
		{
			name: "missing resource accounts are noted",
			ids:  map[string]string{raMain: "main", raSupport: "support"},
			want: map[string][]string{"main": {"support"}, "support": {}},
			notes: []string{
				`[1].ApplicationInstances: resource account "5e1d0000-0000-4000-8000-0000000000a4" of auto attendant "After hours AA" is not among the resource accounts read`,
				`[0].ApplicationInstances: resource account "5e1d0000-0000-4000-8000-0000000000b2" of call queue "Sales CQ" is not among the resource accounts read`,
				`[0].DefaultCallFlow.Menu.MenuOptions[0].CallTarget: auto attendant "Main AA" transfers to resource account "5e1d0000-0000-4000-8000-0000000000b2", which is not among the resource accounts read`,
				`[0].CallFlows[0].Menu.MenuOptions[0].CallTarget: auto attendant "Main AA" transfers to resource account "5e1d0000-0000-4000-8000-0000000000a4"`,
				`[1].TimeoutActionTarget: call queue "Support CQ" transfers to call queue "IT help desk (internal)", which has no account in the plan`,
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, notes := f.Routes(c.ids)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("routes\n got %v\nwant %v", got, c.want)
			}
			checkNotes(t, notes, c.notes)
		})
	}
}

func TestJoinFlows(t *testing.T) {
	a := powershell.Flows{VoiceApps: []powershell.VoiceApp{{Identity: "x", Name: "first"}, {Name: "no identity"}}}
	b := powershell.Flows{VoiceApps: []powershell.VoiceApp{{Identity: "x", Name: "again"}, {Name: "no identity"}, {Identity: "y"}}}
	got := powershell.JoinFlows(a, b)
	var names []string
	for _, v := range got.VoiceApps {
		names = append(names, v.Name+"/"+v.Identity)
	}
	if want := []string{"first/x", "no identity/", "no identity/", "/y"}; !reflect.DeepEqual(names, want) {
		t.Errorf("JoinFlows = %v, want %v", names, want)
	}
	if got := powershell.JoinFlows(); got.VoiceApps != nil {
		t.Errorf("JoinFlows() = %v", got)
	}
	var _ scenario.AccountType = got.VoiceApps[0].Type
}
