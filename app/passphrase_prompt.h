#pragma once
// Asking for a passphrase on the command line: on a terminal without echo
// (termios), else one line from standard input (scripts, tests). Never from an
// argument, which every user of the machine can read in the process list.
#include <string>

namespace hearth::app {

// Prints `prompt` on standard error and reads one line; throws when standard
// input ends before a line.
std::string ask_passphrase(const std::string& prompt);
// A new passphrase: asked twice on a terminal (they must match), once otherwise.
std::string ask_new_passphrase(const std::string& who);

// The passphrase of the encrypted backup `file` being read (never empty).
std::string ask_backup_passphrase(const std::string& file);
// A new passphrase for the backup `file` being written, checked by
// passphrase_problem() (model/backup_crypto.h); asked twice on a terminal.
std::string ask_new_backup_passphrase(const std::string& file);

} // namespace hearth::app
