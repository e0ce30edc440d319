package powershell

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"

	"github.com/raplanner/raplanner/app/scenario"
)

// The commands whose output ParseApplicationInstances reads.
const (
	ApplicationInstancesCommand    = "Get-CsOnlineApplicationInstance | ConvertTo-Json"
	ApplicationInstancesCSVCommand = "Get-CsOnlineApplicationInstance | Export-Csv -NoTypeInformation -Encoding UTF8 -Path ra.csv"
)

// The ApplicationId of a resource account says what it serves.
const (
	// AutoAttendantApplicationID marks a resource account of an auto attendant.
	AutoAttendantApplicationID = "ce933385-9390-45d1-9512-c8d228074e07"
	// CallQueueApplicationID marks a resource account of a call queue.
	CallQueueApplicationID = "11cd3e2e-fccb-42ad-ad00-878b93575e07"
)

// The fields of an application instance that the decoder reads.
const (
	fieldObjectID    = "ObjectId"
	fieldUPN         = "UserPrincipalName"
	fieldAppID       = "ApplicationId"
	fieldDisplayName = "DisplayName"
	fieldPhone       = "PhoneNumber"
)

var instanceFields = []string{fieldObjectID, fieldUPN, fieldAppID, fieldDisplayName, fieldPhone}

// ParseApplicationInstances reads the resource accounts of the tenant's auto
// attendants and call queues from the output of
//
//	Get-CsOnlineApplicationInstance | ConvertTo-Json
//
// (one object or an array) or of
//
//	Get-CsOnlineApplicationInstance | Export-Csv -NoTypeInformation -Encoding UTF8 -Path ra.csv
//
// (recognized by its header line; a "#TYPE" first line, quoted fields and
// "," or ";" as the delimiter are accepted).
//
// Each resource account becomes an account: the type from ApplicationId
// (AutoAttendantApplicationID or CallQueueApplicationID; any other is noted
// and skipped), the name from DisplayName, the UPN from UserPrincipalName and
// the number from PhoneNumber ("tel:+14255550100" becomes "+14255550100"; a
// number that is not E.164 is noted and left out). The account's id is the
// local part of its UPN, made a valid and unique id ("ra-main@contoso.com"
// becomes "ra-main"). The License of every account is left empty: the output
// does not say which license a resource account holds.
//
// objectIDs maps each resource account's ObjectId (in lower case) to the id
// of its account, for matching the routes of ParseAutoAttendants and
// ParseCallQueues (see Flows.Routes).
//
// Items without ApplicationId are skipped with a note; missing
// UserPrincipalName or ObjectId are noted. A UPN or ObjectId listed twice is
// kept once. The error is non-nil only when nothing can be read at all.
func ParseApplicationInstances(data []byte) (accounts []scenario.Account, objectIDs map[string]string, notes []Note, err error) {
	var c collector
	s, err := decodeText(data)
	if err != nil {
		return nil, nil, nil, err
	}
	var recs []instanceRecord
	if csvHeader(s) {
		recs, err = csvRecords(s, &c)
	} else {
		recs, err = jsonInstanceRecords(s, &c)
	}
	if err != nil {
		return nil, nil, c.result(), err
	}
	b := instanceBuilder{c: &c, objectIDs: make(map[string]string), upns: make(map[string]string), ids: make(map[string]bool)}
	for _, r := range recs {
		if len(b.accounts) >= scenario.MaxAccounts {
			c.at("", "only the first %d resource accounts are read", scenario.MaxAccounts)
			break
		}
		b.add(r)
	}
	if b.accounts == nil {
		b.accounts = []scenario.Account{}
	}
	return b.accounts, b.objectIDs, c.result(), nil
}

// instanceRecord is one resource account as read, from JSON or CSV.
type instanceRecord struct {
	// skip, when not empty, says why the record is not a resource account.
	skip string
	path string
	// get returns a field's text, or ok false when it is missing, empty or
	// of the wrong kind (which it notes).
	get func(field string) (value string, ok bool)
	// where returns the line and path to note a field at.
	where func(field string) (int, string)
}

func (r instanceRecord) note(c *collector, field, format string, args ...any) {
	line, path := r.where(field)
	c.line(line, path, format, args...)
}

// label names the record in messages: its UPN, display name or ObjectId.
func (r instanceRecord) label(values map[string]string) string {
	for _, f := range []string{fieldUPN, fieldDisplayName, fieldObjectID} {
		if v := strings.TrimSpace(values[f]); v != "" {
			return quote(v)
		}
	}
	return "this resource account"
}

type instanceBuilder struct {
	c         *collector
	accounts  []scenario.Account
	objectIDs map[string]string // lower-case ObjectId → account id
	upns      map[string]string // lower-case UPN → account id
	ids       map[string]bool
}

func (b *instanceBuilder) add(r instanceRecord) {
	c := b.c
	if r.skip != "" {
		c.at(r.path, "%s", r.skip)
		return
	}
	values := make(map[string]string, len(instanceFields))
	for _, f := range instanceFields {
		if v, ok := r.get(f); ok {
			values[f] = v
		}
	}
	label := r.label(values)
	appID, ok := values[fieldAppID]
	if !ok {
		r.note(c, fieldAppID, "is missing, so whether %s serves an auto attendant or a call queue is unknown; it is skipped", label)
		return
	}
	var a scenario.Account
	switch normalizeGUID(appID) {
	case AutoAttendantApplicationID:
		a.Type = scenario.AutoAttendant
	case CallQueueApplicationID:
		a.Type = scenario.CallQueue
	default:
		r.note(c, fieldAppID, "%s is neither the auto attendant (%s) nor the call queue (%s) application; %s is skipped",
			quote(appID), AutoAttendantApplicationID, CallQueueApplicationID, label)
		return
	}

	if raw, ok := values[fieldUPN]; ok && strings.TrimSpace(raw) != "" {
		upn, err := scenario.NormalizeUPN(raw)
		if err != nil {
			r.note(c, fieldUPN, "%v; the account is read without it", err)
		} else if first, dup := b.upns[strings.ToLower(upn)]; dup {
			r.note(c, fieldUPN, "%s is listed again (account %s); this copy is skipped", quote(upn), first)
			return
		} else {
			a.UPN = upn
		}
	} else {
		r.note(c, fieldUPN, "is missing; %s is read without a UPN, so the script cannot license it", label)
	}

	objectID := ""
	if raw, ok := values[fieldObjectID]; ok && strings.TrimSpace(raw) != "" {
		objectID = normalizeGUID(raw)
		if first, dup := b.objectIDs[objectID]; dup {
			r.note(c, fieldObjectID, "%s is listed again (account %s); this copy is skipped", quote(raw), first)
			return
		}
	} else {
		r.note(c, fieldObjectID, "is missing; calls that auto attendants and call queues transfer to %s cannot be matched", label)
	}

	if raw, ok := values[fieldDisplayName]; ok {
		name, cut := cleanName(raw, scenario.MaxNameLength)
		if cut {
			r.note(c, fieldDisplayName, "is longer than %d characters; it is shortened", scenario.MaxNameLength)
		}
		a.Name = name
	}

	if raw, ok := values[fieldPhone]; ok {
		n, err := scenario.NormalizePhoneNumber(raw)
		if err != nil {
			r.note(c, fieldPhone, "%v; %s is read without a number: enter it by hand", err, label)
		} else {
			a.PhoneNumber = n
		}
	}

	base := ""
	if a.UPN != "" {
		local, _, _ := strings.Cut(a.UPN, "@")
		base = idFrom(local)
	}
	if base == "" {
		base = idFrom(a.Name)
	}
	if base == "" {
		base = idFrom(objectID)
	}
	if base == "" {
		base = "ra"
	}
	a.ID = uniqueID(base, func(id string) bool { return b.ids[id] })
	b.ids[a.ID] = true
	if a.UPN != "" {
		b.upns[strings.ToLower(a.UPN)] = a.ID
	}
	if objectID != "" {
		b.objectIDs[objectID] = a.ID
	}
	b.accounts = append(b.accounts, a)
}

// normalizeGUID trims spaces and braces and lower-cases a GUID-like id.
func normalizeGUID(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "{")
	s = strings.TrimSuffix(s, "}")
	return strings.ToLower(strings.TrimSpace(s))
}

// idFrom makes an account id out of s: lower case, characters other than
// a–z, 0–9, "_", "." and "-" replaced by "-", runs of "-" collapsed, no "-"
// or "." at the ends, at most scenario.MaxIDLength characters. It returns ""
// when nothing is left.
func idFrom(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		ok := 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '_' || r == '.' || r == '-'
		if !ok || r == '-' {
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = true
			continue
		}
		dash = false
		b.WriteRune(r)
	}
	id := b.String()
	if len(id) > scenario.MaxIDLength {
		id = id[:scenario.MaxIDLength]
	}
	return strings.Trim(id, "-.")
}

// uniqueID returns base, or base with "-2", "-3" … appended (base shortened
// to keep the id within scenario.MaxIDLength), the first that taken rejects.
func uniqueID(base string, taken func(string) bool) string {
	if !taken(base) {
		return base
	}
	for n := 2; ; n++ {
		suffix := fmt.Sprintf("-%d", n)
		b := base
		if len(b)+len(suffix) > scenario.MaxIDLength {
			b = b[:scenario.MaxIDLength-len(suffix)]
		}
		if id := b + suffix; !taken(id) {
			return id
		}
	}
}

// jsonInstanceRecords reads the JSON output of Get-CsOnlineApplicationInstance.
func jsonInstanceRecords(s string, c *collector) ([]instanceRecord, error) {
	if jsonStart(s) < 0 && formatList().MatchString(s) {
		return nil, fmt.Errorf("this is the list PowerShell prints on screen, which cannot be read reliably; run %s and paste what it prints", ApplicationInstancesCommand)
	}
	items, err := jsonItems(s, ApplicationInstancesCommand, c)
	if err != nil {
		var nj *noJSONError
		if errors.As(err, &nj) {
			err = fmt.Errorf("the input is neither the JSON of %s nor the CSV file of Export-Csv", ApplicationInstancesCommand)
		}
		return nil, err
	}
	if len(items) > 0 && !anyHas(items, fieldAppID, fieldUPN, fieldObjectID) {
		return nil, fmt.Errorf("%s ApplicationId, UserPrincipalName or ObjectId: this is not the output of %s", noneHas(len(items)), ApplicationInstancesCommand)
	}
	var recs []instanceRecord
	for _, it := range items {
		o, ok := asObj(it.v, it.path)
		if !ok {
			recs = append(recs, instanceRecord{path: it.path, skip: "is " + describe(it.v) + ", not a resource account; skipped"})
			continue
		}
		paths := make(map[string]string)
		recs = append(recs, instanceRecord{
			path: it.path,
			get: func(f string) (string, bool) {
				v, st, path := c.text(o, f)
				paths[f] = path
				return v, st == present && strings.TrimSpace(v) != ""
			},
			where: func(f string) (int, string) {
				if p, ok := paths[f]; ok {
					return 0, p
				}
				return 0, o.sub(f)
			},
		})
	}
	return recs, nil
}

// formatList matches the "Name : value" lines of PowerShell's list view.
// It is compiled on first use: compiling it at start cost the page a few
// milliseconds before its first render.
var formatList = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?mi)^\s*(ObjectId|UserPrincipalName|ApplicationId)\s+:`)
})

// csvHeader reports whether s is CSV: its first line is "#TYPE …" or a
// header naming an application instance field, and not JSON.
func csvHeader(s string) bool {
	first := firstLine(s)
	switch {
	case strings.HasPrefix(strings.ToUpper(first), "#TYPE"):
		return true
	case strings.HasPrefix(first, "{"), strings.HasPrefix(first, "["):
		return false
	}
	if !strings.ContainsAny(first, ",;\t") {
		return false
	}
	lower := strings.ToLower(first)
	for _, f := range []string{fieldObjectID, fieldUPN, fieldAppID, fieldPhone} {
		if strings.Contains(lower, strings.ToLower(f)) {
			return true
		}
	}
	return false
}

// firstLine returns the first line of s that is not blank, trimmed.
func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if t := strings.Trim(l, " \t\r\uFEFF"); t != "" {
			return t
		}
	}
	return ""
}

// csvRecords reads the CSV written by Export-Csv: an optional "#TYPE" line,
// a header and one record per resource account, columns matched by name.
func csvRecords(s string, c *collector) ([]instanceRecord, error) {
	// Blank out a "#TYPE" line rather than remove it, so that the reader's
	// line numbers stay those of the input (it skips empty lines).
	lines := strings.SplitAfter(s, "\n")
	for i, l := range lines {
		t := strings.Trim(l, " \t\r\n\uFEFF")
		if t == "" {
			continue
		}
		if strings.HasPrefix(strings.ToUpper(t), "#TYPE") {
			lines[i] = "\n"
		}
		break
	}
	s = strings.Join(lines, "")
	r := csv.NewReader(strings.NewReader(s))
	r.Comma = delimiter(firstLine(s))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("the CSV header cannot be read: %v", err)
	}
	headerLine, _ := r.FieldPos(0)
	cols := make(map[string]int)
	for j, h := range header {
		name := strings.ToLower(strings.Trim(h, " \t\uFEFF\""))
		if _, dup := cols[name]; !dup {
			cols[name] = j
		}
	}
	if _, ok := cols[strings.ToLower(fieldAppID)]; !ok {
		return nil, fmt.Errorf("line %d: the CSV has no ApplicationId column, so auto attendants cannot be told from call queues; export every column (%s)", headerLine, ApplicationInstancesCSVCommand)
	}
	for _, f := range []string{fieldUPN, fieldObjectID} {
		if _, ok := cols[strings.ToLower(f)]; !ok {
			c.line(headerLine, f, "the CSV has no such column")
		}
	}
	var recs []instanceRecord
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				c.line(pe.Line, "", "the CSV is damaged here: %v; this record is skipped", pe.Err)
				continue
			}
			c.at("", "the CSV cannot be read further: %v", err)
			break
		}
		line, _ := r.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		values := make(map[string]string)
		fieldLines := make(map[string]int)
		for _, f := range instanceFields {
			j, ok := cols[strings.ToLower(f)]
			if !ok || j >= len(rec) {
				continue
			}
			fieldLines[f], _ = r.FieldPos(j)
			if v := rec[j]; strings.TrimSpace(v) != "" {
				values[f] = v
			}
		}
		ir := instanceRecord{
			get: func(f string) (string, bool) {
				v, ok := values[f]
				return v, ok
			},
			where: func(f string) (int, string) {
				if l, ok := fieldLines[f]; ok {
					return l, f
				}
				return line, f
			},
		}
		recs = append(recs, ir)
	}
	return recs, nil
}

// delimiter picks the CSV delimiter of a header line: the most frequent of
// ",", ";" and tab outside quotes, "," when there is none.
func delimiter(header string) rune {
	counts := map[rune]int{}
	inQuotes := false
	for _, r := range header {
		switch {
		case r == '"':
			inQuotes = !inQuotes
		case !inQuotes && (r == ',' || r == ';' || r == '\t'):
			counts[r]++
		}
	}
	best := ','
	for _, r := range []rune{';', '\t'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}
