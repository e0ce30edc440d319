package powershell

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"github.com/raplanner/raplanner/app/scenario"
)

// The commands whose output ParseAutoAttendants and ParseCallQueues read.
const (
	AutoAttendantsCommand = "Get-CsAutoAttendant | ConvertTo-Json -Depth 10"
	CallQueuesCommand     = "Get-CsCallQueue | ConvertTo-Json -Depth 10"
)

// Flows is the call routing of a tenant's auto attendants and call queues as
// read by ParseAutoAttendants and ParseCallQueues: for each of them, its
// resource accounts and where it transfers calls. Routes turns it into the
// routesTo lists of a scenario.
type Flows struct {
	// VoiceApps lists the auto attendants and call queues, in input order.
	VoiceApps []VoiceApp
}

// VoiceApp is one auto attendant or call queue.
type VoiceApp struct {
	// Identity is its configuration id (Identity, or Id in older output),
	// in lower case; ConfigurationEndpoint targets name it.
	Identity string
	// Name is its name.
	Name string
	// Type is scenario.AutoAttendant or scenario.CallQueue.
	Type scenario.AccountType
	// Path locates it in the input, such as "[3]".
	Path string
	// InstancesListed reports whether the input had its ApplicationInstances.
	// When it did and ResourceAccounts is empty, the auto attendant or call
	// queue has no resource account: it is reached only directly.
	InstancesListed bool
	// ResourceAccounts lists the ObjectIds, in lower case, of its resource
	// accounts (ApplicationInstances).
	ResourceAccounts []string
	// Targets lists where it transfers calls, each id once, in the order
	// found: menu options of the default and the other call flows and the
	// operator of an auto attendant, the overflow, timeout and no-agent
	// targets of a call queue.
	Targets []Target
}

// TargetKind says what a transfer target is, as its Type field (a name or,
// without -EnumsAsStrings, a number) and its Id say.
type TargetKind string

// The kinds of target.
const (
	// TargetResourceAccount is a resource account (Type ApplicationEndpoint):
	// Id is the resource account's ObjectId.
	TargetResourceAccount TargetKind = "ApplicationEndpoint"
	// TargetVoiceApp is an auto attendant or call queue reached directly,
	// without a resource account (Type ConfigurationEndpoint): Id is its
	// Identity.
	TargetVoiceApp TargetKind = "ConfigurationEndpoint"
	// TargetPhone is an external phone number: Id is "tel:+…".
	TargetPhone TargetKind = "Phone"
	// TargetUser is a user.
	TargetUser TargetKind = "User"
	// TargetOther is anything else, such as shared voicemail.
	TargetOther TargetKind = "Other"
	// TargetUnknown is a target whose Type is missing or not understood; its
	// Id decides.
	TargetUnknown TargetKind = ""
)

// Target is one transfer target of an auto attendant or call queue.
type Target struct {
	// ID is the target's Id; GUIDs are in lower case.
	ID string
	// Kind is what its Type says it is.
	Kind TargetKind
	// Path locates it in the input, such as
	// "[0].DefaultCallFlow.Menu.MenuOptions[1].CallTarget".
	Path string
}

// ParseAutoAttendants reads the tenant's auto attendants from the output of
//
//	Get-CsAutoAttendant | ConvertTo-Json -Depth 10
//
// For each auto attendant: its Identity (or Id), Name, ApplicationInstances
// (the ObjectIds of its resource accounts) and the CallTarget of every menu
// option of its DefaultCallFlow and CallFlows, and its Operator. Target types
// are read as names (-EnumsAsStrings) or numbers. Get-CsAutoAttendant
// returns at most 100 auto attendants per call: pages pasted one after the
// other ("-First 100", then "-Skip 100") are joined.
//
// Missing fields are noted. A part of the output that ConvertTo-Json cut off
// at its -Depth is noted, with the advice to use -Depth 10. The error is
// non-nil only when the input holds no JSON at all.
func ParseAutoAttendants(data []byte) (Flows, []Note, error) {
	return parseVoiceApps(data, scenario.AutoAttendant, AutoAttendantsCommand)
}

// ParseCallQueues reads the tenant's call queues from the output of
//
//	Get-CsCallQueue | ConvertTo-Json -Depth 10
//
// For each call queue: its Identity (or Id), Name, ApplicationInstances (the
// ObjectIds of its resource accounts) and its OverflowActionTarget,
// TimeoutActionTarget and NoAgentActionTarget (or any other *ActionTarget),
// each only when its action forwards the call. Otherwise as
// ParseAutoAttendants.
func ParseCallQueues(data []byte) (Flows, []Note, error) {
	return parseVoiceApps(data, scenario.CallQueue, CallQueuesCommand)
}

// JoinFlows returns the voice apps of all fs in one Flows, such as the auto
// attendants and the call queues of a tenant. A voice app whose Identity was
// already seen is left out.
func JoinFlows(fs ...Flows) Flows {
	var out Flows
	seen := make(map[string]bool)
	for _, f := range fs {
		for _, v := range f.VoiceApps {
			if v.Identity != "" {
				if seen[v.Identity] {
					continue
				}
				seen[v.Identity] = true
			}
			out.VoiceApps = append(out.VoiceApps, v)
		}
	}
	return out
}

func parseVoiceApps(data []byte, typ scenario.AccountType, command string) (Flows, []Note, error) {
	var c collector
	s, err := decodeText(data)
	if err != nil {
		return Flows{}, nil, err
	}
	items, err := jsonItems(s, command, &c)
	if err != nil {
		return Flows{}, c.result(), err
	}
	what, aWhat := "auto attendant", "an auto attendant"
	if typ == scenario.CallQueue {
		what, aWhat = "call queue", "a call queue"
	}
	var f Flows
	seen := make(map[string]string)
	for _, it := range items {
		if len(f.VoiceApps) >= scenario.MaxAccounts {
			c.at("", "only the first %d are read", scenario.MaxAccounts)
			break
		}
		o, ok := asObj(it.v, it.path)
		if !ok {
			c.at(it.path, "is %s, not %s; skipped", describe(it.v), aWhat)
			continue
		}
		if other, key := otherKind(o, typ); key != "" {
			c.at(o.sub(key), "this is %s, not %s; skipped", other, aWhat)
			continue
		}
		v := VoiceApp{Type: typ, Path: it.path}
		id, st, idPath := c.text(o, "Identity")
		if st == absent {
			id, st, _ = c.text(o, "Id")
		}
		if st == present && strings.TrimSpace(id) != "" {
			v.Identity = normalizeGUID(id)
		} else {
			c.at(idPath, "is missing; transfers straight to this %s (ConfigurationEndpoint) cannot be matched", what)
		}
		if name, st, _ := c.text(o, "Name"); st == present {
			v.Name, _ = cleanName(name, scenario.MaxNameLength)
		}
		if v.Identity != "" {
			if first, dup := seen[v.Identity]; dup {
				c.at(o.path, "%s %s is listed again (first at %s); this copy is skipped", what, quote(v.Identity), pathOrTop(first))
				continue
			}
			seen[v.Identity] = o.path
		}
		v.InstancesListed, v.ResourceAccounts = instances(o, what, command, &c)
		w := walker{c: &c, command: command, seen: make(map[string]bool), typ: typ}
		w.object(o)
		v.Targets = w.targets
		f.VoiceApps = append(f.VoiceApps, v)
	}
	return f, c.result(), nil
}

// otherKind tells a call queue pasted where auto attendants belong, and the
// reverse, by a field only the other has: it returns what the item is and
// the field, or "" when nothing says so.
func otherKind(o obj, typ scenario.AccountType) (string, string) {
	if typ == scenario.AutoAttendant {
		if _, _, hasFlow := o.get("DefaultCallFlow"); !hasFlow {
			for _, k := range []string{"RoutingMethod", "OverflowAction", "AgentAlertTime"} {
				if key, _, ok := o.get(k); ok {
					return "a call queue", key
				}
			}
		}
		return "", ""
	}
	for _, k := range []string{"DefaultCallFlow", "CallFlows", "Operator"} {
		if key, _, ok := o.get(k); ok {
			return "an auto attendant", key
		}
	}
	return "", ""
}

// instances reads ApplicationInstances, the ObjectIds of a voice app's
// resource accounts.
func instances(o obj, what, command string, c *collector) (bool, []string) {
	key, v, ok := o.get("ApplicationInstances")
	path := o.sub(key)
	var ids []string
	switch t := v.(type) {
	case nil:
		if ok {
			return true, nil // null: an empty list
		}
		c.at(path, "is missing; the resource accounts of this %s are unknown", what)
		return false, nil
	case []any:
		for i, el := range t {
			s, isText := el.(string)
			if !isText || strings.TrimSpace(s) == "" {
				c.at(index(path, i), "must be the ObjectId of a resource account, not %s; ignored", describe(el))
				continue
			}
			ids = append(ids, normalizeGUID(s))
		}
		return true, ids
	case string:
		// One id where a list belongs: ConvertTo-Json unrolls a list of one
		// only in hand-made output, but accept it.
		if isCut(t) {
			c.at(path, "was cut off by ConvertTo-Json's depth limit; run %s", command)
			return false, nil
		}
		return true, []string{normalizeGUID(t)}
	}
	c.at(path, "must be a list of ObjectIds, not %s; ignored", describe(v))
	return false, nil
}

// walker collects the transfer targets of one voice app.
type walker struct {
	c       *collector
	command string
	typ     scenario.AccountType
	targets []Target
	seen    map[string]bool
	cutSeen bool
}

// priority lists the keys visited first, in this order, so that targets come
// in a natural order: default call flow, other call flows, operator.
var priority = []string{"DefaultCallFlow", "CallFlows", "Menu", "MenuOptions", "CallTarget", "Operator",
	"OverflowActionTarget", "TimeoutActionTarget", "NoAgentActionTarget"}

// structural names keys whose values are objects or lists: a string there
// means ConvertTo-Json cut the output at its depth.
var structural = map[string]bool{"defaultcallflow": true, "callflows": true, "menu": true, "menuoptions": true,
	"calltarget": true, "operator": true}

func isTargetKey(k string) bool {
	l := strings.ToLower(k)
	return l == "calltarget" || l == "operator" || strings.HasSuffix(l, "actiontarget")
}

func isStructural(k string) bool {
	return structural[strings.ToLower(k)] || isTargetKey(k)
}

// keys returns the keys of o in visiting order.
func (o obj) keys() []string {
	done := make(map[string]bool, len(o.m))
	var out []string
	for _, p := range priority {
		if k, _, ok := o.get(p); ok && !done[k] {
			done[k] = true
			out = append(out, k)
		}
	}
	var rest []string
	for k := range o.m {
		if !done[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

func (w *walker) object(o obj) {
	for _, k := range o.keys() {
		v := o.m[k]
		path := o.sub(k)
		switch {
		case isTargetKey(k):
			w.target(o, k, v, path)
		case strings.HasSuffix(strings.ToLower(k), "actiontargetid"):
			w.targetID(o, k, v, path)
		default:
			w.value(k, v, path)
		}
	}
}

func (w *walker) value(key string, v any, path string) {
	switch t := v.(type) {
	case map[string]any:
		w.object(obj{m: t, path: path})
	case []any:
		for i, el := range t {
			w.value(key, el, index(path, i))
		}
	case string:
		if isStructural(key) && isCut(t) {
			w.cut(path)
		}
	}
}

func (w *walker) cut(path string) {
	if w.cutSeen {
		return
	}
	w.cutSeen = true
	w.c.at(path, "was cut off by ConvertTo-Json's depth limit, so transfers below it are missing; run %s", w.command)
}

// target reads a CallTarget, Operator or *ActionTarget object.
func (w *walker) target(parent obj, key string, v any, path string) {
	switch t := v.(type) {
	case nil:
		return
	case string:
		if isCut(t) {
			w.cut(path)
		}
		return
	case []any:
		for i, el := range t {
			w.target(parent, key, el, index(path, i))
		}
		return
	case map[string]any:
		if !w.forwards(parent, key) {
			return
		}
		o := obj{m: t, path: path}
		id, st, idPath := w.c.text(o, "Id")
		if st != present || strings.TrimSpace(id) == "" {
			if st == absent {
				w.c.at(idPath, "is missing; this transfer target is ignored")
			}
			return
		}
		_, typ, _ := o.get("Type")
		w.add(Target{ID: targetID(id), Kind: w.kind(id, typ), Path: path})
	}
}

// targetID reads an *ActionTargetId string, used only when the
// *ActionTarget object beside it does not give the target.
func (w *walker) targetID(parent obj, key string, v any, path string) {
	s, ok := v.(string)
	if !ok || strings.TrimSpace(s) == "" {
		return
	}
	objKey := key[:len(key)-len("Id")]
	if _, t, ok := parent.get(objKey); ok {
		if m, isObj := t.(map[string]any); isObj {
			if _, id, _ := (obj{m: m}).get("Id"); id != nil {
				return
			}
		}
	}
	if !w.forwards(parent, objKey) {
		return
	}
	w.add(Target{ID: targetID(s), Kind: w.kind(s, nil), Path: path})
}

func (w *walker) add(t Target) {
	if w.seen[t.ID] {
		return
	}
	w.seen[t.ID] = true
	w.targets = append(w.targets, t)
}

// forwards reports whether the action that goes with a call queue's
// *ActionTarget forwards the call (or is unknown); a target left over beside
// a Disconnect, Queue or voicemail action is not a transfer.
func (w *walker) forwards(parent obj, key string) bool {
	l := strings.ToLower(key)
	if !strings.HasSuffix(l, "actiontarget") {
		return true
	}
	action := key[:len(key)-len("Target")]
	_, v, ok := parent.get(action)
	if !ok {
		return true
	}
	switch t := v.(type) {
	case string:
		return strings.EqualFold(strings.TrimSpace(t), "Forward")
	case json.Number:
		n, err := strconv.Atoi(t.String())
		if err != nil {
			return true
		}
		// Enum values in the order of the cmdlet documentation:
		// OverflowAction/TimeoutAction: Disconnect(WithBusy) 0, Forward 1, …;
		// NoAgentAction: Queue 0, Disconnect 1, Forward 2, ….
		if strings.HasPrefix(l, "noagent") {
			return n >= 2
		}
		return n >= 1
	}
	return true
}

// targetID normalizes a target id: GUIDs in lower case, phone numbers as given.
func targetID(id string) string {
	id = strings.TrimSpace(id)
	if strings.HasPrefix(strings.ToLower(id), "tel:") {
		return id
	}
	return normalizeGUID(id)
}

// kind classifies a target by its Id and Type.
func (w *walker) kind(id string, typ any) TargetKind {
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(id)), "tel:") {
		return TargetPhone
	}
	switch t := typ.(type) {
	case string:
		switch strings.ToLower(strings.TrimSpace(t)) {
		case "applicationendpoint":
			return TargetResourceAccount
		case "configurationendpoint", "organizationalautoattendant", "huntgroup":
			return TargetVoiceApp
		case "phone", "externalpstn":
			return TargetPhone
		case "user":
			return TargetUser
		case "":
			return TargetUnknown
		}
		if n, err := strconv.Atoi(strings.TrimSpace(t)); err == nil {
			return w.kindNumber(n)
		}
		return TargetOther
	case json.Number:
		if n, err := strconv.Atoi(t.String()); err == nil {
			return w.kindNumber(n)
		}
	}
	return TargetUnknown
}

// kindNumber maps the CallableEntityType numbers of auto attendant targets:
// User 0, OrganizationalAutoAttendant 1, HuntGroup 2 (both retired),
// ApplicationEndpoint 3, ExternalPstn 4, SharedVoicemail 5,
// ConfigurationEndpoint 6. The numbers of call queue targets are not
// documented: there the Id alone decides.
func (w *walker) kindNumber(n int) TargetKind {
	if w.typ != scenario.AutoAttendant {
		return TargetUnknown
	}
	switch n {
	case 0:
		return TargetUser
	case 1, 2, 6:
		return TargetVoiceApp
	case 3:
		return TargetResourceAccount
	case 4:
		return TargetPhone
	case 5:
		return TargetOther
	}
	return TargetUnknown
}

// Routes resolves the flows into routes between accounts. ids maps to
// account ids the ObjectId of each resource account (as
// ParseApplicationInstances returns it) and, for an auto attendant or call
// queue without a resource account, its Identity; keys are in lower case.
//
// A target that is a resource account routes to that account; a target that
// is an auto attendant or call queue reached directly (ConfigurationEndpoint)
// routes to each of its accounts. Phone numbers, users and voicemail are not
// routes. The result has an entry, maybe empty, for every account of a voice
// app in f: routes are listed once each, in the order found, never to the
// account itself. Targets that should be accounts but are not found in ids
// are noted.
func (f Flows) Routes(ids map[string]string) (map[string][]string, []Note) {
	var c collector
	byIdentity := make(map[string]int, len(f.VoiceApps))
	for i, v := range f.VoiceApps {
		if v.Identity != "" {
			if _, dup := byIdentity[v.Identity]; !dup {
				byIdentity[v.Identity] = i
			}
		}
	}
	own := make([][]string, len(f.VoiceApps))
	for i, v := range f.VoiceApps {
		for _, ra := range v.ResourceAccounts {
			if id, ok := ids[ra]; ok {
				own[i] = appendOnce(own[i], id)
			} else {
				c.at(v.Path+".ApplicationInstances", "resource account %s of %s is not among the resource accounts read (%s)", quote(ra), appLabel(v), ApplicationInstancesCommand)
			}
		}
		if len(v.ResourceAccounts) == 0 && v.Identity != "" {
			if id, ok := ids[v.Identity]; ok {
				own[i] = appendOnce(own[i], id)
			}
		}
	}
	routes := make(map[string][]string)
	for i, v := range f.VoiceApps {
		for _, a := range own[i] {
			if _, ok := routes[a]; !ok {
				routes[a] = []string{}
			}
		}
		var to []string
		for _, t := range v.Targets {
			if j, ok := byIdentity[t.ID]; ok {
				if len(own[j]) == 0 {
					c.at(t.Path, "%s transfers to %s, which has no account in the plan", appLabel(v), appLabel(f.VoiceApps[j]))
				}
				for _, id := range own[j] {
					to = appendOnce(to, id)
				}
				continue
			}
			if id, ok := ids[t.ID]; ok {
				to = appendOnce(to, id)
				continue
			}
			switch t.Kind {
			case TargetResourceAccount:
				c.at(t.Path, "%s transfers to resource account %s, which is not among the resource accounts read (%s)", appLabel(v), quote(t.ID), ApplicationInstancesCommand)
			case TargetVoiceApp:
				c.at(t.Path, "%s transfers to auto attendant or call queue %s, which is not among those read (%s; %s)", appLabel(v), quote(t.ID), AutoAttendantsCommand, CallQueuesCommand)
			}
		}
		for _, a := range own[i] {
			for _, id := range to {
				if id != a {
					routes[a] = appendOnce(routes[a], id)
				}
			}
		}
	}
	return routes, c.result()
}

func appLabel(v VoiceApp) string {
	what := "auto attendant"
	if v.Type == scenario.CallQueue {
		what = "call queue"
	}
	switch {
	case v.Name != "":
		return what + " " + quote(v.Name)
	case v.Identity != "":
		return what + " " + quote(v.Identity)
	}
	return what + " at " + pathOrTop(v.Path)
}

func appendOnce(l []string, s string) []string {
	for _, x := range l {
		if x == s {
			return l
		}
	}
	return append(l, s)
}
