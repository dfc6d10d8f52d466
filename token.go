package gratitude

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base32"
	"strconv"
	"strings"
)

// tokenLen is the length of a card token: 12 base32 characters, 60 bits.
const tokenLen = 12

// CardToken is the secret part of a card's address: an HMAC of the card
// id with the account's key, so only the program (and the owner, who got
// the card) can know it, and a token never fits another card.
func CardToken(key []byte, cardID int64) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte("gratitude card " + strconv.FormatInt(cardID, 10)))
	enc := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(m.Sum(nil))
	return strings.ToLower(enc[:tokenLen])
}

// ValidCardToken reports, in constant time, whether token is the card's.
func ValidCardToken(key []byte, cardID int64, token string) bool {
	want := CardToken(key, cardID)
	return hmac.Equal([]byte(want), []byte(strings.ToLower(token)))
}

// CardAddress is the capture address with the card's id and token as
// options: ada+thanks@example.org → ada+thanks.c42.k7f3q9ab2xyz@example.org.
func CardAddress(capture string, cardID int64, token string) string {
	local, domain, ok := strings.Cut(capture, "@")
	if !ok {
		return capture
	}
	return local + ".c" + strconv.FormatInt(cardID, 10) + "." + token + "@" + domain
}
