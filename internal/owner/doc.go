// Package owner carries out the owner's actions on requests and their
// thank-you drafts: resolve, cancel, snooze, helped, not helped, approve,
// skip and edit; and filing a person's addresses together (Linker).
// Every channel the owner acts through (command mail, the command line,
// the web page) is a thin adapter over Service and Linker, so an action
// means the same whichever way it comes.
package owner
