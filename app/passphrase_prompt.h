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

} // namespace hearth::app
