package templates

import (
	"reflect"
	"strings"
	"unicode"
)

// Every string of a view comes from mail or from the owner, so Render
// shows it through visible first: a name that reads "Alice" twice (or a
// subject that reads backwards) cannot make a card, a nudge, a digest or a
// thank-you say what it does not. The rule is gratitude.Visible's; this
// package imports only the standard library, so it keeps a copy, and a
// test holds the two to the same characters.

// invisibleFormat is gratitude's invisibleFormat: the characters removed
// besides the bidi controls. See gratitude.Visible for what is kept and why.
var invisibleFormat = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x00AD, Hi: 0x00AD, Stride: 1},
		{Lo: 0x200B, Hi: 0x200B, Stride: 1},
		{Lo: 0x2060, Hi: 0x2064, Stride: 1},
		{Lo: 0x206A, Hi: 0x206F, Stride: 1},
		{Lo: 0xFEFF, Hi: 0xFEFF, Stride: 1},
		{Lo: 0xFFF9, Hi: 0xFFFB, Stride: 1},
	},
	R32: []unicode.Range32{{Lo: 0xE0000, Hi: 0xE007F, Stride: 1}},
}

// hidden reports a character visible removes (a tag only outside a flag).
func hidden(r rune) bool {
	return unicode.Is(unicode.Bidi_Control, r) || unicode.Is(invisibleFormat, r)
}

// visible is gratitude.Visible: s without bidi controls and invisible
// format characters, keeping the tags that spell a flag after U+1F3F4.
func visible(s string) string {
	if !strings.ContainsFunc(s, hidden) {
		return s
	}
	var b strings.Builder
	flag := false
	for _, r := range s {
		tag := r >= 0xE0000 && r <= 0xE007F
		switch {
		case tag && flag:
		case hidden(r):
			flag = false
			continue
		default:
			flag = r == '\U0001F3F4'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// shown returns a copy of view with visible applied to every string in
// it, however deep; the caller's view and its slices are left as they are.
func shown(view any) any {
	v := reflect.New(reflect.TypeOf(view)).Elem()
	v.Set(reflect.ValueOf(view))
	showValue(v)
	return v.Interface()
}

// showValue applies visible to the strings in v, copying slices first.
func showValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(visible(v.String()))
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() {
				showValue(f)
			}
		}
	case reflect.Slice:
		if v.Len() == 0 {
			return
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(c, v)
		for i := range c.Len() {
			showValue(c.Index(i))
		}
		v.Set(c)
	}
}
