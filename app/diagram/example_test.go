package diagram_test

import (
	"fmt"

	"github.com/raplanner/raplanner/app/diagram"
)

// The diagram of the licensing docs: calls from the PSTN reach the main auto
// attendant, which nests two auto attendants and two call queues. One of the
// queues sends overflow calls back to the main auto attendant.
func Example() {
	nodes := []diagram.Node{
		{ID: "main-aa", Entry: true, Out: []int{1, 2, 3, 4}},
		{ID: "aa2"},
		{ID: "cq-sales", Out: []int{0}},
		{ID: "aa3"},
		{ID: "cq-service"},
	}
	lay := diagram.Layered(nodes, diagram.Options{})

	fmt.Printf("svg %v × %v\n", lay.Width, lay.Height)
	for i, b := range lay.Nodes {
		fmt.Printf("%-10s layer %d at (%v, %v)\n", nodes[i].ID, b.Layer, b.X, b.Y)
	}
	for _, e := range lay.Edges {
		// In the UI: <path d={e.Path()} marker-end="url(#arrow)"/>, dashed when e.Back.
		fmt.Printf("%s → %s back=%v: %s\n", nodes[e.From].ID, nodes[e.To].ID, e.Back, e.Path())
	}
	// Output:
	// svg 920 × 248
	// main-aa    layer 0 at (360, 24)
	// aa2        layer 1 at (24, 160)
	// cq-sales   layer 1 at (248, 160)
	// aa3        layer 1 at (472, 160)
	// cq-service layer 1 at (696, 160)
	// main-aa → aa2 back=false: M460 88 C460 124 124 124 124 160
	// main-aa → cq-sales back=false: M460 88 C460 124 348 124 348 160
	// main-aa → aa3 back=false: M460 88 C460 124 572 124 572 160
	// main-aa → cq-service back=false: M460 88 C460 124 796 124 796 160
	// cq-sales → main-aa back=true: M448 201.6 L454 201.6 C457.3 201.6 460 198.9 460 195.6 L460 130 C460 126.7 462.7 124 466 124 L566 124 C569.3 124 572 121.3 572 118 L572 52.4 C572 49.1 569.3 46.4 566 46.4 L560 46.4
}
