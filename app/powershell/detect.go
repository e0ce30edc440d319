package powershell

import (
	"bytes"
	"strings"
)

// Source says which command produced a pasted or dropped text.
type Source string

// The sources Detect recognises.
const (
	// SourceUnknown: none of the commands RA Planner reads.
	SourceUnknown Source = ""
	// SourceScenario: an RA Planner scenario document (ra-planner/v1).
	SourceScenario Source = "scenario"
	// SourceSubscribedSkus: Get-MgSubscribedSku (SubscribedSkusCommand).
	SourceSubscribedSkus Source = "subscribed-skus"
	// SourceApplicationInstances: Get-CsOnlineApplicationInstance, as JSON or CSV.
	SourceApplicationInstances Source = "application-instances"
	// SourceAutoAttendants: Get-CsAutoAttendant (AutoAttendantsCommand).
	SourceAutoAttendants Source = "auto-attendants"
	// SourceCallQueues: Get-CsCallQueue (CallQueuesCommand).
	SourceCallQueues Source = "call-queues"
)

// Detect guesses which command produced data by the field names it holds,
// so that an administrator can paste any of them into one box. It reads the
// text as the decoders do (UTF-8 or UTF-16, with or without a byte order
// mark), looks at the first megabyte only, and matches field names without
// regard to case.
func Detect(data []byte) Source {
	text, err := decodeText(data)
	if err != nil {
		text = string(bytes.ToValidUTF8(data, nil))
	}
	if len(text) > 1<<20 {
		text = text[:1<<20]
	}
	s := strings.ToLower(text)
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(s, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has(`"ra-planner/v1"`) || (has(`"accounts"`) && has(`"subscriptions"`)):
		return SourceScenario
	case has("skupartnumber"):
		return SourceSubscribedSkus
	case has("defaultcallflow", "menuoptions", `"callflows"`):
		return SourceAutoAttendants
	case has("routingmethod", "overflowthreshold", "agentalerttime", "overflowaction", "timeoutaction"):
		return SourceCallQueues
	case has("applicationid") && has("userprincipalname", "objectid", "phonenumber"),
		has("userprincipalname") && has("objectid", "displayname"):
		return SourceApplicationInstances
	}
	return SourceUnknown
}
