// Package templates owns the messages gratitude writes to its owner: the
// embedded default templates (text/template for the subject and the plain
// text part, html/template for the optional HTML part), the overrides read
// from the owner's templates_dir, the view types each template is executed
// with, and the check that every template renders.
//
// Each template Name has a file <name>.txt, which must define the subject with
// {{define "subject"}}…{{end}}, and an optional <name>.html. Rendering never
// parses data as a template, escapes HTML, collapses the subject to one short
// line and tidies the text (see Render).
//
// Templates may call, with times shown in the zone given to Load:
//
//	date T [NOW]      "Mon 23 Nov", with the year unless NOW is in the same year
//	datetime T [NOW]  "Mon 23 Nov 09:12", likewise
//	duration D        "5 hours", "1 day", "2 weeks" (rounded down)
//	quote S           every line prefixed with "> "
//	first P           first name of a person (or of a name string), else the address
//	firsts PEOPLE     the first names of a list of people
//	join LIST         "Alice, Bob and Carol" from people or strings
//	plural N ONE MANY, number N ("three"), ordinal N ("second"), times N ("twice")
//	re S              "Re: S" unless S already starts so; trim S trims spaces
//
// and the shared snippets "greeting" (dot: a name), "reminder" (dot: a
// Reminder) and "signature" in text, and "open", "close", "greeting",
// "quote" and "reminder" in HTML (see default/common.txt and common.html).
//
// The package imports only the standard library and never reads the clock:
// every view carries the times it needs.
package templates
