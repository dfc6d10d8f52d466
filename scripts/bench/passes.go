package main

import "fmt"

// quietPass runs `run --once` and checks that it found nothing to do.
func (b *bench) quietPass(cfg string) (run, error) {
	r, err := b.runOnce(cfg)
	if err == nil && r.New+r.Drafted+r.Reminders+r.Sent > 0 {
		err = fmt.Errorf("a pass that should find nothing to do did: %+v", r.pass)
	}
	return r, err
}

// pairs runs quiet passes with cfgA then with cfgB, steadyPasses times at
// least.
func (b *bench) pairs(cfgA, cfgB string) ([]run, []run, error) {
	var as, bs []run
	for range max(b.o.rounds, steadyPasses) {
		a, err := b.quietPass(cfgA)
		if err != nil {
			return nil, nil, err
		}
		z, err := b.quietPass(cfgB)
		if err != nil {
			return nil, nil, err
		}
		as, bs = append(as, a), append(bs, z)
	}
	return as, bs, nil
}

// passes runs quiet passes steadyPasses times at least, after an untimed
// one that creates the database and starts its clocks.
func (b *bench) passes(cfg string) ([]run, error) {
	if _, err := b.runOnce(cfg); err != nil {
		return nil, err
	}
	var runs []run
	for range max(b.o.rounds, steadyPasses) {
		r, err := b.quietPass(cfg)
		if err != nil {
			return nil, err
		}
		runs = append(runs, r)
	}
	return runs, nil
}

// onePerPass delivers one message in no tracked thread to the user's
// INBOX before each of o.rounds passes.
func (b *bench) onePerPass(cfg, user string) ([]run, error) {
	var runs []run
	for i := range b.o.rounds {
		if err := b.dc.Deliver(user, "INBOX", realisticMail(3_000_000+i)); err != nil {
			return nil, fmt.Errorf("deliver: %w", err)
		}
		r, err := b.runOnce(cfg)
		if err != nil {
			return nil, err
		}
		runs = append(runs, r)
	}
	return runs, nil
}
