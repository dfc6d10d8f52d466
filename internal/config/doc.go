// Package config owns gratitude's configuration file: finding it (Find),
// reading and validating it (Load, Parse), the commented starter file that
// `gratitude init` writes (Starter), and the parsed forms the rest of the
// program uses (durations, schedules, quiet hours, secrets, time zone).
//
// Key names are a stable interface: scripts and the documented example
// (config.example.yaml at the repository root) rely on them. Every problem
// in a file is reported at once, each with its dotted key path, in an
// *Errors value. Passwords are held in Secret values that never print.
package config
