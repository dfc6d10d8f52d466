package daemon

import (
	"fmt"
	"os"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progressThreshold is the smallest initial sync worth a progress bar.
const progressThreshold = 2000

// newProgress returns a progress callback that draws a bar on stderr for
// large syncs, or nil when stderr is not a terminal.
func newProgress() func(mailbox string, done, total int) {
	if !term.IsTerminal(int(os.Stderr.Fd())) {
		return nil
	}
	bars := map[string]*progressbar.ProgressBar{}
	return func(mailbox string, done, total int) {
		if total < progressThreshold {
			return
		}
		bar := bars[mailbox]
		if bar == nil {
			bar = progressbar.NewOptions(total,
				progressbar.OptionSetWriter(os.Stderr),
				progressbar.OptionSetDescription(fmt.Sprintf("syncing %s", mailbox)),
				progressbar.OptionShowCount(),
				progressbar.OptionSetPredictTime(true),
				progressbar.OptionClearOnFinish())
			bars[mailbox] = bar
		}
		bar.Set(done)
	}
}
