package powershell_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/raplanner/raplanner/app/powershell"
	"github.com/raplanner/raplanner/app/scenario"
)

const (
	aa = scenario.AutoAttendant
	cq = scenario.CallQueue
)

// contosoInstances is what testdata/instances/array.json holds.
var contosoInstances = []scenario.Account{
	{ID: "ra-mainaa", Name: "Main AA", Type: aa, UPN: "ra-mainaa@contoso.com", PhoneNumber: "+14255550100"},
	{ID: "ra-salescq", Name: "Sales CQ", Type: cq, UPN: "ra-salescq@contoso.com"},
	{ID: "ra-supportcq", Name: "Support CQ", Type: cq, UPN: "RA-SupportCQ@contoso.com", PhoneNumber: "+14255550102"},
	{ID: "ra-afterhours", Name: "After hours AA", Type: aa, UPN: "ra-afterhours@contoso.com"},
}

var contosoObjectIDs = map[string]string{
	"5e1d0000-0000-4000-8000-0000000000a1": "ra-mainaa",
	"5e1d0000-0000-4000-8000-0000000000b2": "ra-salescq",
	"5e1d0000-0000-4000-8000-0000000000b3": "ra-supportcq",
	"5e1d0000-0000-4000-8000-0000000000a4": "ra-afterhours",
}

func TestParseApplicationInstances(t *testing.T) {
	cases := []struct {
		name      string
		data      []byte
		want      []scenario.Account
		objectIDs map[string]string
		notes     []string
		err       string
	}{
		{
			name:      "array",
			data:      readFixture(t, "instances/array.json"),
			want:      contosoInstances,
			objectIDs: contosoObjectIDs,
		},
		{
			name:      "one object",
			data:      readFixture(t, "instances/single.json"),
			want:      contosoInstances[:1],
			objectIDs: map[string]string{"5e1d0000-0000-4000-8000-0000000000a1": "ra-mainaa"},
		},
		{
			name: "CSV with #TYPE, CRLF and quoted fields (Windows PowerShell 5.1)",
			data: readFixture(t, "instances/ps51-type.csv"),
			want: []scenario.Account{
				{ID: "ra-mainaa", Name: "Main AA", Type: aa, UPN: "ra-mainaa@contoso.com", PhoneNumber: "+14255550100"},
				{ID: "ra-salescq", Name: `Sales, "East" CQ`, Type: cq, UPN: "ra-salescq@contoso.com"},
				{ID: "ra-z-rich", Name: "Z?rich CQ", Type: cq, UPN: "ra-z?rich@contoso.com", PhoneNumber: "+41445550100"},
			},
			objectIDs: map[string]string{
				"5e1d0000-0000-4000-8000-0000000000a1": "ra-mainaa",
				"5e1d0000-0000-4000-8000-0000000000b2": "ra-salescq",
				"5e1d0000-0000-4000-8000-0000000000c9": "ra-z-rich",
			},
		},
		{
			name: "CSV with ; and a UTF-8 BOM (PowerShell 7, -Delimiter ';')",
			data: readFixture(t, "instances/semicolon-bom.csv"),
			want: []scenario.Account{
				{ID: "ra-mainaa", Name: "Zentrale; Zürich", Type: aa, UPN: "ra-mainaa@contoso.com", PhoneNumber: "+41445550100"},
				{ID: "ra-salescq", Name: "Verkauf", Type: cq, UPN: "ra-salescq@contoso.com"},
			},
			objectIDs: map[string]string{
				"5e1d0000-0000-4000-8000-0000000000a1": "ra-mainaa",
				"5e1d0000-0000-4000-8000-0000000000b2": "ra-salescq",
			},
		},
		{
			name: "CSV as UTF-16 (5.1 Export-Csv -Encoding Unicode)",
			data: utf16LE(string(readFixture(t, "instances/ps51-type.csv")), true),
			want: []scenario.Account{
				{ID: "ra-mainaa", Name: "Main AA", Type: aa, UPN: "ra-mainaa@contoso.com", PhoneNumber: "+14255550100"},
				{ID: "ra-salescq", Name: `Sales, "East" CQ`, Type: cq, UPN: "ra-salescq@contoso.com"},
				{ID: "ra-z-rich", Name: "Z?rich CQ", Type: cq, UPN: "ra-z?rich@contoso.com", PhoneNumber: "+41445550100"},
			},
			objectIDs: map[string]string{
				"5e1d0000-0000-4000-8000-0000000000a1": "ra-mainaa",
				"5e1d0000-0000-4000-8000-0000000000b2": "ra-salescq",
				"5e1d0000-0000-4000-8000-0000000000c9": "ra-z-rich",
			},
		},
		{
			name: "CSV without ObjectId column, unquoted, with a broken quote",
			data: readFixture(t, "instances/missing-columns.csv"),
			want: []scenario.Account{
				{ID: "ra-mainaa", Name: "Main AA", Type: aa, UPN: "ra-mainaa@contoso.com"},
				{ID: "ra-cq", Name: `Broken "quote CQ`, Type: cq, UPN: "ra-cq@contoso.com"},
			},
			objectIDs: map[string]string{},
			notes: []string{
				"line 1, ObjectId: the CSV has no such column",
				`line 2, ObjectId: is missing; calls that auto attendants and call queues transfer to "ra-mainaa@contoso.com" cannot be matched`,
				"line 3, ObjectId: is missing",
			},
		},
		{
			name: "unknown ApplicationId, missing and damaged fields, duplicates",
			data: readFixture(t, "instances/problems.json"),
			want: []scenario.Account{
				{ID: "no-upn-aa", Name: "No UPN AA", Type: aa},
				{ID: "ra-ext", Name: "Extension CQ", Type: cq, UPN: "ra-ext@contoso.com"},
				{ID: "ra-noobject", Name: "No ObjectId", Type: cq, UPN: "ra-noobject@contoso.com"},
				{ID: "line-1-line-2", Name: "Line 1 Line 2", Type: aa},
				{ID: "ra-mainaa", Name: "Main AA", Type: aa, UPN: "ra-mainaa@contoso.com"},
				{ID: "ra-mainaa-2", Name: "Main AA (Fabrikam)", Type: aa, UPN: "ra-mainaa@fabrikam.com"},
			},
			objectIDs: map[string]string{
				"5e1d0000-0000-4000-8000-0000000000d3": "no-upn-aa",
				"5e1d0000-0000-4000-8000-0000000000d4": "ra-ext",
				"5e1d0000-0000-4000-8000-0000000000d8": "line-1-line-2",
				"5e1d0000-0000-4000-8000-0000000000d9": "ra-mainaa",
				"5e1d0000-0000-4000-8000-0000000000da": "ra-mainaa-2",
			},
			notes: []string{
				`[0].ApplicationId: "341e195c-b261-4b05-8ba5-dd4a89b1f3e7" is neither the auto attendant`,
				`[1].ApplicationId: is missing, so whether "ra-noapp@contoso.com" serves an auto attendant or a call queue is unknown; it is skipped`,
				`[2].UserPrincipalName: is missing; "No UPN AA" is read without a UPN`,
				`[3].PhoneNumber: "tel:+14255550100;ext=123" has an extension`,
				`[4].ObjectId: "5e1d0000-0000-4000-8000-0000000000d4" is listed again (account ra-ext); this copy is skipped`,
				`[5].UserPrincipalName: "RA-EXT@contoso.com" is listed again (account ra-ext); this copy is skipped`,
				`[6].ObjectId: is missing`,
				`[6].PhoneNumber: "4255550100" must be in international form`,
				`[7].UserPrincipalName: "not a upn" is not a valid UPN`,
				`[7].PhoneNumber: "14255550100" must be in international form`,
				`[10]: is a number, not a resource account; skipped`,
			},
		},
		{
			name:      "camelCase and braces",
			data:      []byte(`{"objectId":"{5E1D0000-0000-4000-8000-0000000000A1}","userPrincipalName":" ra@contoso.com ","applicationId":"{CE933385-9390-45D1-9512-C8D228074E07}","displayName":null,"phoneNumber":""}`),
			want:      []scenario.Account{{ID: "ra", Type: aa, UPN: "ra@contoso.com"}},
			objectIDs: map[string]string{"5e1d0000-0000-4000-8000-0000000000a1": "ra"},
		},
		{
			name: "wrong kinds",
			data: []byte(`[{"ObjectId":["x"],"UserPrincipalName":{"a":1},"ApplicationId":"ce933385-9390-45d1-9512-c8d228074e07","DisplayName":true}]`),
			want: []scenario.Account{{ID: "ra", Type: aa}},
			notes: []string{
				"[0].ObjectId: must be text, not a list; ignored",
				"[0].UserPrincipalName: must be text, not an object; ignored",
				"[0].DisplayName: must be text, not true/false; ignored",
				"[0].UserPrincipalName: is missing",
				"[0].ObjectId: is missing",
			},
			objectIDs: map[string]string{},
		},
		{name: "CSV without ApplicationId", data: readFixture(t, "instances/no-appid.csv"), err: "line 1: the CSV has no ApplicationId column"},
		{name: "the console's list view", data: readFixture(t, "instances/format-list.txt"), err: "this is the list PowerShell prints on screen"},
		{name: "text", data: []byte("hello"), err: "neither the JSON of Get-CsOnlineApplicationInstance | ConvertTo-Json nor the CSV"},
		{name: "empty", data: []byte(""), err: "the input is empty"},
		{name: "subscriptions pasted here", data: readFixture(t, "skus/single.json"), err: "the item has no ApplicationId, UserPrincipalName or ObjectId"},
		{name: "an empty array", data: []byte("[]"), want: []scenario.Account{}, objectIDs: map[string]string{}},
		{name: "CSV header only", data: []byte("#TYPE x\n\"ObjectId\",\"ApplicationId\"\n"), want: []scenario.Account{}, objectIDs: map[string]string{},
			notes: []string{"line 2, UserPrincipalName: the CSV has no such column"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, objectIDs, notes, err := powershell.ParseApplicationInstances(c.data)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want one containing %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("accounts\n got %+v\nwant %+v", got, c.want)
			}
			if !reflect.DeepEqual(objectIDs, c.objectIDs) {
				t.Errorf("objectIDs\n got %v\nwant %v", objectIDs, c.objectIDs)
			}
			checkNotes(t, notes, c.notes)
			checkValid(t, &scenario.Document{Accounts: got})
		})
	}
}

func TestParseApplicationInstancesUniqueIDs(t *testing.T) {
	long := strings.Repeat("a", 70)
	var b strings.Builder
	b.WriteString("[")
	for i, upn := range []string{long + "@x.com", long + "@y.com", long + "@z.com", "ra@x.com", "RA@y.com", "ra-2@x.com", "é@x.com", "'@x.com"} {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"ObjectId":"o%d","UserPrincipalName":%q,"ApplicationId":%q}`, i, upn, powershell.CallQueueApplicationID)
	}
	b.WriteString("]")
	got, _, _, err := powershell.ParseApplicationInstances([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range got {
		ids = append(ids, a.ID)
	}
	want := []string{strings.Repeat("a", 64), strings.Repeat("a", 62) + "-2", strings.Repeat("a", 62) + "-3", "ra", "ra-2", "ra-2-2", "o6", "o7"}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("ids\n got %q\nwant %q", ids, want)
	}
	checkValid(t, &scenario.Document{Accounts: got})
}

func TestIDFrom(t *testing.T) {
	cases := []struct{ in, want string }{
		{"ra-mainaa", "ra-mainaa"},
		{"RA_Main.AA", "ra_main.aa"},
		{"Zentrale; Zürich", "zentrale-z-rich"},
		{"--a--b--", "a-b"},
		{"...", ""},
		{"é", ""},
		{"$(Stop-Computer)", "stop-computer"},
		{strings.Repeat("ab", 40), strings.Repeat("ab", 32)},
	}
	for _, c := range cases {
		if got := powershell.IDFrom(c.in); got != c.want {
			t.Errorf("IDFrom(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
