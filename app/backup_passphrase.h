#pragma once
// The passphrase of an encrypted backup on the command line: never an
// argument (it would sit in the shell's history and in `ps`), asked on the
// terminal without echo, or read as one line of standard input when that is
// not a terminal (scripts: `hearth --import-json F < passfile`).
#include <string>

namespace hearth::app {

// A passphrase for the backup `file` being read. Throws std::runtime_error
// when none can be read (end of input).
std::string ask_backup_passphrase(const std::string& file);

// A new passphrase for the backup `file` being written: on a terminal it is
// asked twice and must match; refused unless passphrase_problem() accepts it.
std::string ask_new_backup_passphrase(const std::string& file);

} // namespace hearth::app
