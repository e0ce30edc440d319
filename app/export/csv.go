package export

import (
	"bytes"
	"encoding/csv"
	"strings"

	"github.com/raplanner/raplanner/app/licensing"
	"github.com/raplanner/raplanner/app/scenario"
)

// bom is the UTF-8 byte order mark: with it Excel reads the file as UTF-8
// instead of the ANSI code page.
const bom = "\uFEFF"

// CSV writes the per-account plan of d as CSV (RFC 4180, UTF-8 with a byte
// order mark, CRLF line ends, also inside quoted cells): a header row of labels, then one row per
// account in document order with the columns id, name, type, UPN, phone
// number, license held today, planned license, reason code and a sentence
// that explains the reason. Type, held license, plan and reason are the
// codes of the scenario and licensing packages ("call-queue", "virtual-user",
// "free", "phone-number"), the same in every language; the last column is in
// the words of labels.
//
// r is the plan of d; when it is nil or belongs to another document, CSV
// computes it. A cell that a spreadsheet would take for a formula (one that
// starts with =, +, -, @, a tab or a carriage return) is prefixed with an
// apostrophe, except a phone number in E.164 form ("+14255550100"), which is
// written as it is. Invalid UTF-8 and NUL characters become U+FFFD.
func CSV(d *scenario.Document, r *licensing.Result, labels Labels) []byte {
	d, r = plans(d, r)
	l := labels.filled()
	var b bytes.Buffer
	b.WriteString(bom)
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	// A csv.Writer on a bytes.Buffer fails only with an invalid Comma, so
	// the errors of Write are not checked.
	_ = w.Write(safeRow(
		l.ColumnID, l.ColumnName, l.ColumnType, l.ColumnUPN, l.ColumnPhoneNumber,
		l.ColumnHolds, l.ColumnPlanned, l.ColumnReason, l.ColumnWhy,
	))
	for i := range d.Accounts {
		a, p := &d.Accounts[i], r.Accounts[i]
		row := safeRow(
			a.ID, a.Name, string(a.Type), a.UPN, "",
			string(a.LicenseOrDefault()), p.Planned.String(), p.Reason.String(), l.why(p, r.Edition),
		)
		row[4] = phoneCell(a.PhoneNumber)
		_ = w.Write(row)
	}
	w.Flush()
	return b.Bytes()
}

// safeRow neutralises every cell of a row.
func safeRow(cells ...string) []string {
	for i, c := range cells {
		cells[i] = safeCell(c)
	}
	return cells
}

// safeCell makes s valid UTF-8 without NUL (both become U+FFFD), and
// prefixes with an apostrophe a cell that a spreadsheet would read as a
// formula (CSV injection): one that starts with =, +, -, @, a tab or a
// carriage return.
func safeCell(s string) string {
	s = validText(s)
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// phoneCell writes a phone number as it is when it is a "+" followed by
// digits only, which a spreadsheet cannot run; anything else is neutralised
// like every other cell.
func phoneCell(s string) string {
	if isE164(s) {
		return s
	}
	return safeCell(s)
}

// validText replaces invalid UTF-8 and NUL characters with U+FFFD.
func validText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "\uFFFD")
	}
	return s
}

// isE164 reports whether s matches ^\+[0-9]+$.
func isE164(s string) bool {
	if len(s) < 2 || s[0] != '+' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
