package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// el builds the page's HTML elements: go-app's two generic element types
// (app.Elem and, for void elements, app.ElemSelfClosing) named by their
// tag, where go-app offers a type per tag. go-app compiles the methods of
// each of its types separately: the wasm was bigger by every type the page
// used (make bench measures it). The typed setters are one-line wrappers
// around the attribute they set; the page writes them with Attr. One of
// them differs from its generic namesake: a textarea's text is its "value"
// (go-app's Textarea().Text set that attribute, Elem's Text adds a child).
var el elements

type elements struct{}

func (elements) A() app.HTMLElem                { return app.Elem("a") }
func (elements) Button() app.HTMLElem           { return app.Elem("button") }
func (elements) Code() app.HTMLElem             { return app.Elem("code") }
func (elements) Details() app.HTMLElem          { return app.Elem("details") }
func (elements) Div() app.HTMLElem              { return app.Elem("div") }
func (elements) FieldSet() app.HTMLElem         { return app.Elem("fieldset") }
func (elements) Footer() app.HTMLElem           { return app.Elem("footer") }
func (elements) Form() app.HTMLElem             { return app.Elem("form") }
func (elements) H1() app.HTMLElem               { return app.Elem("h1") }
func (elements) H2() app.HTMLElem               { return app.Elem("h2") }
func (elements) H3() app.HTMLElem               { return app.Elem("h3") }
func (elements) H4() app.HTMLElem               { return app.Elem("h4") }
func (elements) Header() app.HTMLElem           { return app.Elem("header") }
func (elements) Label() app.HTMLElem            { return app.Elem("label") }
func (elements) Legend() app.HTMLElem           { return app.Elem("legend") }
func (elements) Li() app.HTMLElem               { return app.Elem("li") }
func (elements) Main() app.HTMLElem             { return app.Elem("main") }
func (elements) Nav() app.HTMLElem              { return app.Elem("nav") }
func (elements) Ol() app.HTMLElem               { return app.Elem("ol") }
func (elements) Option() app.HTMLElem           { return app.Elem("option") }
func (elements) P() app.HTMLElem                { return app.Elem("p") }
func (elements) Pre() app.HTMLElem              { return app.Elem("pre") }
func (elements) Section() app.HTMLElem          { return app.Elem("section") }
func (elements) Select() app.HTMLElem           { return app.Elem("select") }
func (elements) Span() app.HTMLElem             { return app.Elem("span") }
func (elements) Strong() app.HTMLElem           { return app.Elem("strong") }
func (elements) Summary() app.HTMLElem          { return app.Elem("summary") }
func (elements) TBody() app.HTMLElem            { return app.Elem("tbody") }
func (elements) THead() app.HTMLElem            { return app.Elem("thead") }
func (elements) Table() app.HTMLElem            { return app.Elem("table") }
func (elements) Td() app.HTMLElem               { return app.Elem("td") }
func (elements) Textarea() app.HTMLElem         { return app.Elem("textarea") }
func (elements) Th() app.HTMLElem               { return app.Elem("th") }
func (elements) Tr() app.HTMLElem               { return app.Elem("tr") }
func (elements) Ul() app.HTMLElem               { return app.Elem("ul") }
func (elements) Img() app.HTMLElemSelfClosing   { return app.ElemSelfClosing("img") }
func (elements) Input() app.HTMLElemSelfClosing { return app.ElemSelfClosing("input") }

// flag sets the boolean attribute name (checked, selected, disabled) of e
// to v. In the browser go-app sets the element's property, true or false.
// The prerendered HTML can only say true, by the attribute being there: a
// false one is left out of it (go-app writes checked="false", which HTML
// reads as checked).
func flag[E interface{ Attr(string, any) E }](e E, name string, v bool) E {
	if v || app.IsClient {
		return e.Attr(name, v)
	}
	return e
}
