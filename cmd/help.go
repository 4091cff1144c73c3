package cmd

import "github.com/spf13/cobra"

// addHelpTopics adds `errcode help exit-codes` and `errcode help environment`.
func addHelpTopics(root *cobra.Command) {
	root.AddCommand(&cobra.Command{
		Use:   "exit-codes",
		Short: "Exit statuses and what they mean",
		Long: `errcode exits like grep:

  0  found: every code given resolved (lookup, explain), the listing is not
     empty (list), at least one error was found in the input (parse)
  1  nothing found: an unknown code (even one explained through its parent
     class, and even if other codes on the same command line resolved), an
     empty listing, or no error in the input
  2  usage or input error: unknown command or flag, bad flag value, wrong
     number of arguments, unreadable input file

Diagnostics go to standard error as "errcode: error: ..." followed by
"errcode: hint: ..." lines; standard output carries results only.`,
	})
	root.AddCommand(&cobra.Command{
		Use:   "environment",
		Short: "Environment variables errcode reads",
		Long: `ERRCODE_LANG        default language: en or zh (--lang wins)
LC_ALL, LC_MESSAGES, LANG
                    read in that order when ERRCODE_LANG is unset; a value
                    starting with "zh" (zh_CN.UTF-8) means Chinese
NO_COLOR            non-empty: never colour (https://no-color.org)
CLICOLOR            0: no colour
CLICOLOR_FORCE      non-empty and not 0: colour even when output is piped
TERM                dumb: no colour
COLUMNS             terminal width when it cannot be read from the terminal
ERRCODE_FORCE_TTY   lay out standard output as for a terminal (aligned tables,
                    wrapped text) even when piped; a number sets the width
TENCENTCLOUD_SECRET_ID
                    parse checks it (never prints it) when explaining
                    AuthFailure.SecretIdNotFound and AuthFailure.InvalidSecretId

--color=always|never overrides NO_COLOR, CLICOLOR and CLICOLOR_FORCE.`,
	})
}
