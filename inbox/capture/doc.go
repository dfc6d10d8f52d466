// Package capture owns the capture address: recognising a recipient as the
// owner's capture address (ada+thanks@example.org, or an alias such as
// thanks@example.org) with the option detail riding on it, and turning that
// detail (ada+thanks.3d.noremind@, ada+thanks.friday9am@,
// ada+thanks.c42.k7f3q9@) into Options: a no-reply window or due time, flags,
// a card command token, and Notes for every option it could not understand.
//
// It is pure: no clock reads and no I/O; the caller passes now and the
// owner's time zone.
//
// # Address
//
// Match compares local part and domain ASCII case-insensitively. The
// capture's local part must be followed by the end of the local part, a dot
// or a plus: "ada+thanks.3d" and "ada+thanks+3d" match "ada+thanks" (a server
// that splits at the first plus delivers both to the same mailbox), but
// "ada+thanksgiving" does not.
//
// # Options
//
// The detail is split at dots (and pluses); empty options are skipped and
// matching is case-insensitive. Each option is one of:
//
//   - A duration <n><unit>, n in 1..999, unit m/min/minutes, h/hr/hours,
//     d/days, w/wk/weeks, also written 3-days or in-3-days. Minutes and hours
//     are exact: they set Window, and a 24h window is 24 real hours even
//     across a DST change. Days and weeks are calendar days in the owner's
//     zone: they set Due to the same local clock time n days (7n for weeks)
//     after now, so 3d from Friday 10:00 is Monday 10:00 local across a DST
//     change.
//   - A date, landing at 09:00 local unless it carries a time: today,
//     tomorrow, nextweek (next Monday), a weekday (monday or mon, optionally
//     next-monday: the next such day strictly after today, so friday on a
//     Friday is a week later), a month-day (dec3, 3dec, december3, dec-3rd:
//     the first such date still ahead, so one already past this year is next
//     year's, and feb29 the next leap day), or an ISO date 2026-12-01 (one not
//     ahead of now is a Note: it is in the past).
//   - A time on a date: friday9am, friday-9:30pm, dec3-17h, dec3-17h30,
//     2026-12-01-17:00, tomorrow-at-noon (a date ending in a digit needs a
//     "-" or "_" before its time). A time as the next option refines a date
//     without one: friday.9am is Friday 09:00.
//   - A time alone (5pm, 17:30, 17h30, noon; 17h alone is a duration): its
//     next occurrence after now.
//   - Natural language with "-" or "_" for spaces, understood by
//     github.com/olebedev/when as a fallback (next-monday-9am,
//     this-friday-afternoon, 3rd-of-march), with the same 09:00 default; every
//     word must be understood ("at", "on", "of", "the", "by" may be filler).
//   - noremind (also no-remind, noreminder, quiet): NoRemind. gave: Gave.
//   - A command token c<ID>.<token>, which takes two options: the card ID
//     (1 or more, digits) and its key [a-z0-9]{4,32}. A second command token
//     is a Note; the first one stays.
//
// Durations and dates both set the due time; when two options set it, the
// last wins and a Note says so, so at most one of Window and Due is set.
// Anything else becomes a Note quoting the option verbatim; nothing is
// silently dropped.
package capture
