// Package templates owns the messages gratitude writes: the embedded
// default templates (text/template for the subject and the plain text part,
// html/template for the optional HTML part), the overrides read from the
// owner's templates_dir, the view types each template is executed with, and
// the check that every template renders.
//
// Each template Name has a file <name>.txt, which defines the subject with
// {{define "subject"}}…{{end}} (except thanks.txt, below), and an optional
// <name>.html. Rendering never parses data as a template, escapes HTML,
// collapses the subject to one short line and tidies the text (see Render).
//
// Most messages go to the owner and are signed by gratitude. The thank-you
// (Thanks, thanks.txt and thanks.html) goes from the owner to one helper, in
// the owner's voice, and differs in three ways:
//   - It has no subject: it is always sent as "Re: " and the request's
//     subject, to stay in the thread; thanks.txt must not define one.
//   - It comes in variants, so that one person does not get the same words
//     twice in a row: thanks.txt defines {{define "variant-1"}}…{{end}} to
//     {{define "variant-N"}}…{{end}}, numbered from 1 without gaps, and
//     nothing outside the defines (shared snippets are defines too).
//     Render runs variant-(Variant % N + 1) in place of the file's body;
//     the caller rotates Variant, e.g. the number of thank-yous already
//     sent to that person. thanks.html defines the same variants, in the
//     same words; Load reports a variant one file has and the other lacks.
//     A thanks.txt without variants is one wording, used every time.
//   - Its two parts never disagree: a thanks.txt override without a
//     thanks.html drops the default HTML, and the thank-you is sent as
//     plain text.
//
// Templates may call, with times shown in the zone given to Load:
//
//	date T [NOW]      "Mon 23 Nov", with the year unless NOW is in the same year
//	datetime T [NOW]  "Mon 23 Nov 09:12", likewise
//	duration D        "5 hours", "1 day", "2 weeks" (rounded down)
//	afterAsking D     "within a minute of my asking", "only twenty minutes after I asked", "three days after I asked"
//	quote S           every line prefixed with "> "
//	clip N S          S on one line, cut at a word to N characters with "…"
//	first P           first name of a person, helper or draft (or of a name string), else the address
//	firsts PEOPLE     the first names of a list of people
//	join LIST         "Alice, Bob and Carol" from people or strings
//	plural N ONE MANY, number N ("three"), ordinal N ("second"), times N ("twice")
//	re S              "Re: S" unless S already starts so; trim S trims spaces; lower S
//	sentence S        S on one line, ending in "." unless it ends in . ! ? or …
//	greeted G W       the word W after greeting G: lower case after "" or a comma, else a capital
//
// and the shared snippets "greeting" (dot: a name), "reminder" (dot: a
// Reminder) and "signature" in text, and "open", "close", "greeting",
// "quote" and "reminder" in HTML (see default/common.txt and common.html).
//
// The package imports only the standard library and never reads the clock:
// every view carries the times it needs.
package templates
