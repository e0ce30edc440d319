package export_test

import (
	"fmt"
	"strings"

	"github.com/raplanner/raplanner/app/diagram"
	"github.com/raplanner/raplanner/app/examples"
	"github.com/raplanner/raplanner/app/export"
	"github.com/raplanner/raplanner/app/licensing"
)

// The documentation's diagram as a Mermaid flowchart, ready for a wiki.
func ExampleMermaid() {
	d := examples.DocDiagram()
	fmt.Print(export.Mermaid(d, licensing.Compute(d), export.EnglishLabels()))
	// Output:
	// flowchart TD
	//   pstn(("PSTN"))
	//   n0["Main auto attendant<br/>AA · +14255550100<br/>FREE"]
	//   n1["Auto attendant 2<br/>AA<br/>NO LICENSE"]
	//   n2(["Sales<br/>CQ · +14255550103<br/>FREE"])
	//   n3["Auto attendant 3<br/>AA<br/>NO LICENSE"]
	//   n4(["Service<br/>CQ · +14255550105<br/>FREE"])
	//   pstn --> n0
	//   pstn --> n2
	//   pstn --> n4
	//   n0 --> n1
	//   n0 --> n2
	//   n0 --> n3
	//   n0 --> n4
	//   classDef entry fill:#ffffff,stroke:#55566b,color:#1d1d2c
	//   class pstn entry
	//   classDef free fill:#e3f4ea,stroke:#1f7a4d,color:#1d1d2c
	//   class n0,n2,n4 free
	//   classDef nolicense fill:#e6ebf5,stroke:#3d4f7a,color:#1d1d2c
	//   class n1,n3 nolicense
}

// The per-account plan as CSV for Excel: a byte order mark, CRLF line ends,
// and a formula-like name neutralised with an apostrophe.
func ExampleCSV() {
	d := examples.DocDiagram()
	d.Accounts[2].Name = "=Sales"
	b := export.CSV(d, licensing.Compute(d), export.EnglishLabels())
	s := strings.TrimPrefix(string(b), "\uFEFF")
	for _, line := range strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")[:4] {
		fmt.Println(line)
	}
	// Output:
	// ID,Name,Type,UPN,Phone number,Holds today,Planned,Reason code,Why
	// ra1,Main auto attendant,auto-attendant,ra1@contoso.com,+14255550100,none,free,phone-number,Has a phone number: needs a license before the number can be assigned.
	// ra2,Auto attendant 2,auto-attendant,ra2@contoso.com,,none,none,nested-no-number,Nested without a phone number: no license needed.
	// ra3,'=Sales,call-queue,ra3@contoso.com,+14255550103,none,free,phone-number,Has a phone number: needs a license before the number can be assigned.
}

// The diagram as a standalone SVG file, from the layout the page draws.
func ExampleSVG() {
	d := examples.DocDiagram()
	r := licensing.Compute(d)
	l := diagram.Layered(diagram.Accounts(d, r), diagram.Options{})
	svg := string(export.SVG(d, r, l, export.EnglishLabels()))
	fmt.Println(strings.Split(svg, "\n")[1])
	fmt.Println(strings.Count(svg, "data-account="), "nodes")
	// Output:
	// <svg xmlns="http://www.w3.org/2000/svg" class="diagram" width="920" height="404" viewBox="0 0 920 404">
	// 5 nodes
}
