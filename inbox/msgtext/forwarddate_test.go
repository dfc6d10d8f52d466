package msgtext

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	utc := func(h, m, s int) time.Time { return time.Date(2026, 11, 23, h, m, s, 0, time.UTC) }
	tests := []struct {
		name, in string
		want     time.Time // compared as instants; zero means unparseable
	}{
		{"RFC5322", "Mon, 23 Nov 2026 11:05:00 +0100", utc(10, 5, 0)},
		{"RFC5322WithZoneComment", "Mon, 23 Nov 2026 10:05:00 +0000 (UTC)", utc(10, 5, 0)},
		{"Gmail", "Mon, Nov 23, 2026 at 10:05 AM", utc(10, 5, 0)},
		{"GmailPM", "Mon, Nov 23, 2026 at 10:05 PM", utc(22, 5, 0)},
		{"GmailNoon", "Mon, Nov 23, 2026 at 12:30 PM", utc(12, 30, 0)},
		{"GmailMidnight", "Mon, Nov 23, 2026 at 12:30 AM", utc(0, 30, 0)},
		{"Outlook", "Monday, November 23, 2026 10:05 AM", utc(10, 5, 0)},
		{"OutlookUK", "23 November 2026 10:05", utc(10, 5, 0)},
		{"OutlookWithDirectionMarks", "\u200eMonday, November 23, 2026 10:05 AM\u200e", utc(10, 5, 0)},
		{"GmailGerman", "Mo., 23. Nov. 2026 um 10:05 Uhr", utc(10, 5, 0)},
		{"OutlookGerman", "Montag, 23. November 2026 10:05", utc(10, 5, 0)},
		{"GermanMaerz", "Di., 3. März 2026 um 10:05 Uhr", time.Date(2026, 3, 3, 10, 5, 0, 0, time.UTC)},
		{"GmailFrench", "lun. 23 nov. 2026 à 10:05", utc(10, 5, 0)},
		{"OutlookFrench", "lundi 23 novembre 2026 10:05", utc(10, 5, 0)},
		{"FrenchTuesdayIsNotMarch", "mar. 24 nov. 2026 à 10:05", time.Date(2026, 11, 24, 10, 5, 0, 0, time.UTC)},
		{"FrenchDecemberAccent", "mer. 2 déc. 2026 à 10:05", time.Date(2026, 12, 2, 10, 5, 0, 0, time.UTC)},
		{"GmailSpanish", "lun, 23 nov 2026 a las 10:05", utc(10, 5, 0)},
		{"OutlookSpanish", "lunes, 23 de noviembre de 2026 10:05", utc(10, 5, 0)},
		{"Apple", "23 November 2026 at 11:05:00 GMT+1", utc(10, 5, 0)},
		{"AppleUS", "November 23, 2026 at 5:05:00 AM EST", utc(10, 5, 0)},
		{"AppleGerman", "23. November 2026 um 11:05:00 MEZ", utc(10, 5, 0)},
		{"AppleSpanish", "23 de noviembre de 2026, 11:05:00 GMT+1", utc(10, 5, 0)},
		{"ThunderbirdGerman", "23.11.26 10:05", utc(10, 5, 0)},
		{"ThunderbirdUS", "11/23/26 10:05 AM", utc(10, 5, 0)},
		{"ThunderbirdDayFirstSlashes", "23/11/2026 10:05", utc(10, 5, 0)},
		{"ISO", "2026-11-23 10:05", utc(10, 5, 0)},
		{"OffsetWithColon", "23 Nov 2026 15:35 UTC+05:30", utc(10, 5, 0)},
		{"DateOnly", "23 November 2026", utc(0, 0, 0)},
		{"Garbage", "next Tuesday after lunch", time.Time{}},
		{"NoYear", "Mon, Nov 23 at 10:05", time.Time{}},
		{"ImpossibleDay", "31 November 2026", time.Time{}},
		{"Empty", "", time.Time{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := parseDate(tc.in)
			if !got.Equal(tc.want) {
				t.Errorf("parseDate(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestParseDateSaysWhetherTheZoneWasPrinted(t *testing.T) {
	for in, zoned := range map[string]bool{
		"Mon, 23 Nov 2026 10:05:00 +0100":    true,
		"23 November 2026 at 10:05:00 GMT+1": true,
		"Mon, Nov 23, 2026 at 10:05 AM":      false,
		"Montag, 23. November 2026 10:05":    false,
		"Monday, November 23, 2026 10:05 AM": false,
		"lun. 23 nov. 2026 à 10:05 CET":      true,
		"not a date":                         false,
	} {
		if _, got := parseDate(in); got != zoned {
			t.Errorf("parseDate(%q) zoned = %v, want %v", in, got, zoned)
		}
	}
}
