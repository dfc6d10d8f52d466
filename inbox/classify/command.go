package classify

import (
	"net/mail"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"gratitude"
	"gratitude/inbox/capture"
)

// Limits on what ParseCommands reads of one mail.
const (
	maxCommands    = 50       // commands per mail; the line after them is unknown
	maxCommandLine = 500      // bytes of one command line
	maxEditText    = 16 << 10 // bytes of an edit's new text
	maxCommandScan = 64 << 10 // bytes of the mail text looked at
	maxNameWords   = 4        // words of a helper's name
)

// verbs maps the first word of a command line, lower-cased, to its verb.
var verbs = map[string]gratitude.Verb{
	"resolve": gratitude.VerbResolve, "resolved": gratitude.VerbResolve, "done": gratitude.VerbResolve,
	"approve": gratitude.VerbApprove, "skip": gratitude.VerbSkip, "edit": gratitude.VerbEdit,
	"snooze": gratitude.VerbSnooze, "cancel": gratitude.VerbCancel, "status": gratitude.VerbStatus,
	"helped": gratitude.VerbHelped, "not-helped": gratitude.VerbNotHelped, "nothelped": gratitude.VerbNotHelped,
	"track": gratitude.VerbTrack,
}

// greetingRe matches a short greeting the owner may put above the commands.
var greetingRe = regexp.MustCompile(`(?i)^(hi|hello|hey|dear|hallo|moin|servus|bonjour|salut|hola|good (morning|afternoon|evening)|guten (morgen|tag|abend))([\s,!:.]|$)`)

// ParseCommands reads the commands at the top of the owner's mail text (plain text, as extracted by inbox/msgtext): the first non-quoted lines. It returns the commands in order and the lines it could not read as a command.
func ParseCommands(text string, now time.Time, loc *time.Location) (cmds []gratitude.Command, unknown []string) {
	// Reading stops at the first line that is not a command: the owner's
	// chatter or signature. That line is unknown when it is the first one
	// or starts like a command; a greeting above the first is skipped.
	ls := ownText(text)
	i := nextText(ls, 0)
	if i < len(ls) && isGreeting(ls[i]) {
		i = nextText(ls, i+1)
	}
	for ; i < len(ls); i = nextText(ls, i) {
		line := strings.TrimSpace(ls[i])
		if isDashes(line) || (len(cmds) > 0 && isBareDone(line)) {
			break // a signature, or "Done!" signing off under the commands
		}
		cmd, next, ok := parseCommand(ls, i, now, loc)
		if !ok || len(cmds) == maxCommands {
			if len(cmds) == 0 || ok || startsLikeCommand(line) {
				unknown = append(unknown, line)
			}
			break
		}
		cmds, i = append(cmds, cmd), next
	}
	return cmds, unknown
}

// nextText is the index of the first non-blank line from ls[i] on.
func nextText(ls []string, i int) int {
	for i < len(ls) && strings.TrimSpace(ls[i]) == "" {
		i++
	}
	return i
}

// isGreeting reports a short greeting line ("Hi,", "Hello gratitude,")
// that holds no command word ("Hi, approve" is not a greeting).
func isGreeting(line string) bool {
	line = strings.TrimSpace(line)
	words := strings.Fields(line)
	if !greetingRe.MatchString(line) || len(words) > 3 || strings.Contains(line, "?") {
		return false
	}
	for _, w := range words {
		if _, ok := verbs[strings.ToLower(strings.Trim(w, ",.!:;"))]; ok {
			return false
		}
	}
	return true
}

// isDashes reports the line "--" that ends an edit's text or starts a
// signature.
func isDashes(line string) bool { return strings.TrimSpace(line) == "--" }

// isBareDone reports a line that is only "done" (a closing under other
// commands, not a resolve).
func isBareDone(line string) bool {
	return strings.EqualFold(strings.TrimRight(strings.TrimSpace(line), ".! \t"), "done")
}

// startsLikeCommand reports whether line's first word is a command's.
func startsLikeCommand(line string) bool {
	_, _, ok := splitVerb(line)
	return ok
}

// splitVerb splits a command line, without trailing "." and "!", into its
// verb and arguments; ok is false when it does not start with a verb.
func splitVerb(line string) (verb gratitude.Verb, args []string, ok bool) {
	f := strings.Fields(strings.TrimRight(line, ".! \t"))
	if len(f) == 0 {
		return "", nil, false
	}
	word := strings.ToLower(f[0])
	if word == "not" && len(f) > 1 && strings.EqualFold(f[1], "helped") {
		word, f = "not-helped", f[1:]
	}
	// "Approve, thanks!" and "Resolved - thanks": what follows a comma or
	// a dash after the verb is the owner talking, not arguments.
	if trimmed := strings.TrimRight(word, ",;:"); trimmed != word || (len(f) > 1 && isDash(f[1])) {
		word, f = trimmed, f[:1]
	}
	verb, ok = verbs[word]
	return verb, f[1:], ok
}

func isDash(s string) bool { return s == "-" || s == "–" || s == "—" }

// parseCommand reads the command starting at ls[i]; next is the index of
// the line after it (after an edit's text).
func parseCommand(ls []string, i int, now time.Time, loc *time.Location) (cmd gratitude.Command, next int, ok bool) {
	line := strings.TrimSpace(ls[i])
	if len(line) > maxCommandLine {
		return cmd, i, false
	}
	if outcome, ok := resolvedWith(line); ok {
		return gratitude.Command{Verb: gratitude.VerbResolve, Text: outcome, Line: line}, i + 1, true
	}
	verb, args, ok := splitVerb(line)
	if !ok {
		return cmd, i, false
	}
	cmd = gratitude.Command{Verb: verb, Line: line}
	next = i + 1
	switch verb {
	case gratitude.VerbResolve, gratitude.VerbCancel, gratitude.VerbStatus:
		ok = len(args) == 0
	case gratitude.VerbApprove:
		cmd.Who, ok = approveWho(args)
	case gratitude.VerbSkip:
		cmd.Who, ok = helperWho(args)
	case gratitude.VerbEdit:
		cmd.Who, ok = helperWho(args)
		cmd.Text, next = editText(ls, i+1)
		ok = ok && cmd.Text != "" && len(cmd.Text) <= maxEditText
	case gratitude.VerbSnooze:
		cmd.Until, ok = snoozeUntil(args, now, loc)
	case gratitude.VerbHelped, gratitude.VerbNotHelped:
		cmd.Who, ok = address(strings.Join(args, " "))
	case gratitude.VerbTrack:
		cmd.Who, ok = trackWhich(args)
	}
	return cmd, next, ok
}

// resolvedWith reads "resolved: we took the flat in Kreuzberg": a resolve
// with what came of it, after a colon ("resolved, thanks!" is a resolve
// and the owner talking, as before).
func resolvedWith(line string) (outcome string, ok bool) {
	word, rest, found := strings.Cut(line, ":")
	if !found {
		return "", false
	}
	if v, known := verbs[strings.ToLower(strings.TrimSpace(word))]; !known || v != gratitude.VerbResolve {
		return "", false
	}
	outcome = strings.TrimSpace(rest)
	return outcome, outcome != "" && len(outcome) <= maxOutcome
}

// maxOutcome is the longest outcome a resolve takes, in bytes.
const maxOutcome = 300

// maxTrackItem is the highest item number track takes (a notice lists fewer).
const maxTrackItem = 999

// trackWhich reads track's optional item numbers ("track 2", "track 1, 3"),
// as the refusal notice numbers its items: "" (none, or "all") for every
// one it listed, else the numbers separated by spaces.
func trackWhich(args []string) (string, bool) {
	if len(args) == 0 || len(args) == 1 && strings.EqualFold(args[0], "all") {
		return "", true
	}
	var nums []string
	for _, a := range strings.FieldsFunc(strings.Join(args, " "), func(r rune) bool { return r == ',' || r == ' ' || r == '#' }) {
		n, err := strconv.Atoi(strings.TrimSuffix(a, "."))
		if err != nil || n < 1 || n > maxTrackItem {
			return "", false
		}
		nums = append(nums, strconv.Itoa(n))
	}
	return strings.Join(nums, " "), len(nums) > 0
}

// approveWho reads approve's optional helper: none or "all" for every
// pending draft.
func approveWho(args []string) (string, bool) {
	if len(args) == 0 || len(args) == 1 && strings.EqualFold(args[0], "all") {
		return "", true
	}
	return helperWho(args)
}

// helperWho reads a helper named by address (lower-cased) or by name (as
// written, at most a few words of letters).
func helperWho(args []string) (string, bool) {
	who := strings.Join(args, " ")
	if strings.Contains(who, "@") {
		return address(who)
	}
	if len(args) == 0 || len(args) > maxNameWords || strings.EqualFold(who, "all") {
		return "", false
	}
	for _, w := range args {
		if !isNameWord(w) {
			return "", false
		}
	}
	return who, true
}

// isNameWord reports a word of a person's name: letters, digits, and the
// apostrophes, hyphens and dots names carry, with at least one letter.
func isNameWord(w string) bool {
	letter := false
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			letter = true
		case unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || strings.ContainsRune("'’-.", r):
		default:
			return false
		}
	}
	return letter
}

// address reads one mail address ("carol@example.org", also with a name
// or in angle brackets) and returns it lower-cased.
func address(s string) (string, bool) {
	if s == "" || !utf8.ValidString(s) {
		return "", false
	}
	a, err := mail.ParseAddress(s)
	if err != nil || !strings.Contains(a.Address, "@") {
		return "", false
	}
	return strings.ToLower(a.Address), true
}

// editText is the new text under an edit line starting at ls[i]: up to a
// "--" line (next is the line after it) or the end of ls. Line ends are
// "\n", inner blank lines are kept, the whole is trimmed.
func editText(ls []string, i int) (text string, next int) {
	j := i
	for j < len(ls) && !isDashes(ls[j]) {
		j++
	}
	body := make([]string, 0, j-i)
	for _, l := range ls[i:j] {
		body = append(body, strings.TrimRightFunc(l, unicode.IsSpace))
	}
	return strings.TrimSpace(strings.Join(body, "\n")), min(j+1, len(ls))
}

// snoozeFillers may open a snooze's argument: "snooze for 3d", "snooze
// until friday".
var snoozeFillers = map[string]bool{"for": true, "until": true, "till": true, "til": true}

// snoozeUntil reads a snooze's argument with the capture address's option
// syntax, its words joined by "-": "next monday 9am" is next-monday-9am.
// Exactly one due time must be understood and nothing else.
func snoozeUntil(args []string, now time.Time, loc *time.Location) (time.Time, bool) {
	if len(args) > 1 && snoozeFillers[strings.ToLower(args[0])] {
		args = args[1:]
	}
	arg := strings.Join(args, "-")
	if arg == "" || strings.ContainsAny(arg, ".+") {
		return time.Time{}, false // option separators: one option only
	}
	o := capture.ParseOptions(arg, now, loc)
	if len(o.Notes) > 0 || o.NoRemind || o.Gave || o.CardID != 0 {
		return time.Time{}, false
	}
	if loc == nil {
		loc = now.Location()
	}
	switch {
	case !o.Due.IsZero():
		return o.Due, true
	case o.Window > 0:
		return now.Add(o.Window).In(loc), true
	}
	return time.Time{}, false
}

// Where the owner's own text ends and quoted or forwarded material starts.
var (
	// attributionStartRe matches the first words of a reply attribution,
	// which clients may wrap over up to three lines.
	attributionStartRe = regexp.MustCompile(`(?i)^(on|am|le|el|il|em|op)\s`)
	// attributionRe matches a whole attribution: "On <date>, Ada <a@b>
	// wrote:", "Am <date> schrieb Ada <a@b>:", "Le <date>, Ada a écrit :",
	// "El <date>, Ada escribió:", "Ada <a@b> schrieb am <date>:".
	attributionRe = regexp.MustCompile(`(?i)^((on|am|le|el|il|em|op)\s.*\s(wrote|schrieb|a\s+écrit|escribió|ha\s+scritto|escreveu|schreef)(\s.*)?|\S.*\s(wrote|schrieb)\s+am\s.*)\s?:$`)
	// markerRe matches a dashed marker ("-----Original Message-----",
	// "---------- Forwarded message ---------") or Outlook's rule.
	markerRe = regexp.MustCompile(`^(-{3,}.*-{3,}|_{10,})$`)
	// mobileSignatureRe matches the line a phone or mail app adds.
	mobileSignatureRe = regexp.MustCompile(`(?i)^(sent from my \S|sent from (outlook|mail|yahoo mail|proton mail)\b|get outlook for (ios|android)|von meinem \S+( \S+)? gesendet|gesendet von meinem \S|envoyé de mon \S|enviado desde mi \S)`)
	// headerFromRe and headerDateRe match the first lines of a quoted
	// header block ("From: … / Sent: …", "Von: … / Gesendet: …").
	headerFromRe = regexp.MustCompile(`(?i)^\*?(from|von|de|da|van)\s?\*?:`)
	headerDateRe = regexp.MustCompile(`(?i)^\*?(sent|date|gesendet|datum|envoyé|enviado|fecha|data|inviato|verzonden)\s?\*?:`)
)

// ownText returns the lines of text the owner wrote: those before the first
// quoted line, reply attribution, forward or original-message marker,
// quoted header block or phone signature.
func ownText(text string) []string {
	if len(text) > maxCommandScan {
		text = text[:maxCommandScan]
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	ls := strings.Split(strings.ReplaceAll(text, "\r", "\n"), "\n")
	for i := range ls {
		if endsOwnText(ls, i) {
			return ls[:i]
		}
	}
	return ls
}

// endsOwnText reports whether ls[i] starts material the owner did not
// write.
func endsOwnText(ls []string, i int) bool {
	line := strings.TrimSpace(ls[i])
	if len(line) > 2*maxCommandLine {
		return false
	}
	return isQuoted(ls[i]) || markerRe.MatchString(line) || mobileSignatureRe.MatchString(line) ||
		attributionAt(ls, i) || headerBlockAt(ls, i)
}

// isQuoted reports a line quoted with ">".
func isQuoted(line string) bool {
	return strings.HasPrefix(strings.TrimLeft(line, " \t"), ">")
}

// attributionAt reports a reply attribution at ls[i]: a known form, perhaps
// wrapped over three lines, or any line ending in ":" above quoted lines.
func attributionAt(ls []string, i int) bool {
	joined := strings.TrimSpace(ls[i])
	if strings.HasSuffix(joined, ":") && quotedBelow(ls, i+1) {
		return true
	}
	for n := 1; n <= 3 && len(joined) <= 2*maxCommandLine; n++ {
		if attributionRe.MatchString(joined) {
			return true
		}
		if n == 1 && !attributionStartRe.MatchString(joined) || i+n >= len(ls) {
			return false
		}
		next := strings.TrimSpace(ls[i+n])
		if next == "" || isQuoted(next) {
			return false
		}
		joined += " " + next
	}
	return false
}

// quotedBelow reports whether the first non-blank line from ls[i] on is
// quoted.
func quotedBelow(ls []string, i int) bool {
	i = nextText(ls, i)
	return i < len(ls) && isQuoted(ls[i])
}

// headerBlockAt reports a quoted header block at ls[i]: a From line with a
// Sent or Date line in the few lines under it.
func headerBlockAt(ls []string, i int) bool {
	if !headerFromRe.MatchString(strings.TrimSpace(ls[i])) {
		return false
	}
	for j := i + 1; j < len(ls) && j <= i+5; j++ {
		if headerDateRe.MatchString(strings.TrimSpace(ls[j])) {
			return true
		}
	}
	return false
}
