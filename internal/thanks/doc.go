// Package thanks owns closing the loop: it carries out the owner's commands
// by email once they provably come from the owner (a copy in Sent, a
// card's token address, or trusted DKIM), writes a thank-you draft for each
// helper of a resolved request, shows the drafts to the owner (in Drafts,
// and on an approval card), and queues the approved ones to be sent from
// the owner's address. The rules are the root package's, the words the
// templates', delivery the outbox's.
package thanks
