package classify

// capturedIn is captured, and true too for any message read from the
// capture folder: the server filed it there because it was sent to the
// capture address, though no header may say so. The detail is the
// headers' when they show it, else "".
func (r *Rules) capturedIn(m *msg) (string, bool) {
	if detail, ok := r.captured(m); ok {
		return detail, true
	}
	return "", r.Owner.CaptureFolder != "" && m.Mailbox == r.Owner.CaptureFolder
}
