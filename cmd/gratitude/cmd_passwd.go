package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"gratitude/internal/web"

	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// minPassword is the shortest password `passwd` accepts.
const minPassword = 12

func newPasswdCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "passwd",
		Short: "Make a password hash for http.password_hash (asked twice, or read from stdin)",
		Long: "Ask for a password twice (or read one line from stdin) and print its argon2id hash,\n" +
			"to put in http.password_hash. The password itself is never stored.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			pw, err := readPassword(cmd.InOrStdin(), cmd.ErrOrStderr())
			if err != nil {
				return &exitError{exitUsage, err}
			}
			if len([]rune(pw)) < minPassword {
				return &exitError{exitUsage, fmt.Errorf("passwd: use at least %d characters; a passphrase of four words is easy to type", minPassword)}
			}
			fmt.Fprintln(cmd.OutOrStdout(), web.HashPassword(pw))
			fmt.Fprintln(cmd.ErrOrStderr(), "Put this in your config as http.password_hash (quote it: it holds $ signs).")
			return nil
		},
	}
}

// readPassword asks twice on a terminal, or reads one line from in.
func readPassword(in io.Reader, prompt io.Writer) (string, error) {
	f, ok := in.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		line, err := bufio.NewReader(in).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", err
		}
		return strings.TrimRight(line, "\r\n"), nil
	}
	ask := func(q string) (string, error) {
		fmt.Fprint(prompt, q)
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(prompt)
		return string(b), err
	}
	pw, err := ask("Password: ")
	if err != nil {
		return "", err
	}
	again, err := ask("Again: ")
	if err != nil {
		return "", err
	}
	if pw != again {
		return "", errors.New("passwd: the two passwords differ")
	}
	return pw, nil
}
