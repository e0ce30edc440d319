package markup_test

import (
	"fmt"

	"github.com/raplanner/raplanner/app/markup"
)

func ExampleBuilder() {
	var m markup.Builder
	m.Open("li", "class", "account").
		Elem("span", "CQ", "class", "kind").
		Text(" Sales & <Support>").
		Close("li")
	fmt.Println(m.String())
	// Output: <li class="account"><span class="kind">CQ</span> Sales &amp; &lt;Support&gt;</li>
}
