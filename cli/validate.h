/* validate.h — the `dyad validate` subcommand (cli/validate.c). */
#ifndef DYAD_CLI_VALIDATE_H
#define DYAD_CLI_VALIDATE_H
extern const char VALIDATE_HELP[];
/* argv[0] is "validate"; returns the exit status. */
int dyad_cmd_validate(int argc, char **argv);
#endif
