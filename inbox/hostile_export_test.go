package inbox

import "bytes"

// The sync engine's per-message fetch limits, for the black-box tests of
// hostile mail (hostile_test.go), which cut their input as a fetch does.
const (
	// FetchHeaderLimit is how many bytes of the selected header fields one
	// message's header FETCH keeps.
	FetchHeaderLimit = maxHeaderBytes
	// FetchBodyLimit is how many bytes of a message a body FETCH asks for
	// and keeps.
	FetchBodyLimit = maxBodyBytes
)

// FetchedHeaderBlock is what a header FETCH keeps of a header block (all of
// it, or its start and end when it is longer than FetchHeaderLimit).
func FetchedHeaderBlock(block []byte) []byte {
	raw, err := readHeaderBlock(bytes.NewReader(block))
	if err != nil {
		panic(err) // a bytes.Reader does not fail
	}
	return raw
}
