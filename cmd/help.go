package cmd

import (
	"strings"

	"github.com/spf13/cobra"
)

// newHelpCmd replaces cobra's help command, which prints the root's help
// and exits 0 for a topic it does not know: `errcode help nope` is a usage
// error that lists the topics.
func newHelpCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "help [command|topic]",
		Short: "Help about any command or topic",
		Long:  "Help about any command, or the topics exit-codes and environment.",
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []cobra.Completion
			for _, sub := range helpTopics(c.Root()) {
				if strings.HasPrefix(sub.Name(), toComplete) {
					out = append(out, cobra.CompletionWithDesc(sub.Name(), sub.Short))
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			root := c.Root()
			target, rest, err := root.Find(args)
			if err != nil || target == nil || len(rest) > 0 || (len(args) > 0 && target == root) {
				var names []string
				for _, sub := range helpTopics(root) {
					names = append(names, sub.Name())
				}
				return usageErr([]string{"help topics: " + strings.Join(names, ", ")},
					"unknown help topic %q", strings.Join(args, " "))
			}
			target.InitDefaultHelpFlag()
			target.InitDefaultVersionFlag()
			return target.Help()
		},
	}
}

// helpTopics returns the commands and topics errcode help knows.
func helpTopics(root *cobra.Command) []*cobra.Command {
	var out []*cobra.Command
	for _, sub := range root.Commands() {
		if sub.IsAvailableCommand() || sub.IsAdditionalHelpTopicCommand() {
			out = append(out, sub)
		}
	}
	return out
}

// addHelpTopics adds `errcode help exit-codes` and `errcode help environment`.
func addHelpTopics(root *cobra.Command) {
	root.SetHelpCommand(newHelpCmd())
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
     number of arguments, unknown help topic, more than 1,000 queries or a
     pattern over 256 characters, unreadable input file; or output that
     cannot be written (a full disk, > /dev/full)

Diagnostics go to standard error as "errcode: error: ..." followed by
"errcode: hint: ..." lines; standard output carries results only.`,
	})
	root.AddCommand(&cobra.Command{
		Use:   "environment",
		Short: "Environment variables errcode reads",
		Long: `ERRCODE_LANG        default language: en or zh (--lang wins); like --lang
                    it takes any case and a region (zh-CN, zh_TW, en-US);
                    another value (fr) is ignored with a warning on stderr
LC_ALL, LC_MESSAGES, LANG
                    read in that order when ERRCODE_LANG is unset (or
                    ignored); a value starting with "zh" (zh_CN.UTF-8)
                    means Chinese, anything else English
NO_COLOR            non-empty: never colour (https://no-color.org)
CLICOLOR            0: no colour
CLICOLOR_FORCE      non-empty and not 0: colour even when output is piped
TERM                dumb: no colour
COLUMNS             terminal width when it cannot be read from the terminal
ERRCODE_FORCE_TTY   lay out standard output as for a terminal (aligned tables,
                    wrapped text) even when piped, without colour unless
                    asked for; a number sets the width
TENCENTCLOUD_SECRET_ID
                    parse checks it (never prints it) when explaining
                    AuthFailure.SecretIdNotFound and AuthFailure.InvalidSecretId

--color=always|never overrides NO_COLOR, CLICOLOR and CLICOLOR_FORCE.`,
	})
}
