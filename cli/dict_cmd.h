/* dict_cmd.h — the `dyad dict` subcommand (cli/dict_cmd.c). */
#ifndef DYAD_CLI_DICT_CMD_H
#define DYAD_CLI_DICT_CMD_H
extern const char DICT_HELP[];
/* argv[0] is "dict"; returns the exit status. */
int dyad_cmd_dict(int argc, char **argv);
#endif
