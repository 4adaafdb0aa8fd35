#include "passphrase_prompt.h"

#include "backup_crypto.h"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <stdexcept>

namespace hearth::app {

std::string ask_passphrase(const std::string& prompt) {
    const bool tty = ::isatty(STDIN_FILENO);
    termios old{};
    bool hidden = false;
    if (tty) {
        std::fprintf(stderr, "%s", prompt.c_str());
        std::fflush(stderr);
        if (::tcgetattr(STDIN_FILENO, &old) == 0) {
            termios quiet = old;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            quiet.c_lflag |= ECHONL;
            hidden = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
    }
    std::string line;
    const bool got = bool(std::getline(std::cin, line));
    if (hidden) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    if (!got) throw std::runtime_error("No passphrase was given (standard input ended); nothing was changed");
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

std::string ask_new_passphrase(const std::string& who) {
    std::string first = ask_passphrase("New passphrase" + who + " (at least 8 characters): ");
    if (auto why = passphrase_problem(first); !why.empty()) throw std::runtime_error("Cannot use that passphrase: " + why + "; nothing was changed");
    if (::isatty(STDIN_FILENO)) {
        std::string again = ask_passphrase("The same passphrase again: ");
        if (again != first) throw std::runtime_error("The two passphrases differ; nothing was changed");
    }
    return first;
}

std::string ask_backup_passphrase(const std::string& file) {
    std::string p = ask_passphrase("Passphrase of " + file + ": ");
    if (p.empty()) throw std::runtime_error("Cannot read the backup " + file + ": it is encrypted and no passphrase was given; nothing was imported");
    return p;
}

std::string ask_new_backup_passphrase(const std::string& file) {
    std::string p = ask_passphrase("New passphrase for " + file + " (at least 8 characters): ");
    if (auto why = passphrase_problem(p); !why.empty())
        throw std::runtime_error("Cannot write the backup " + file + ": " + why + "; nothing was written");
    if (::isatty(STDIN_FILENO) && ask_passphrase("The same passphrase again: ") != p)
        throw std::runtime_error("Cannot write the backup " + file + ": the two passphrases differ; nothing was written");
    return p;
}

} // namespace hearth::app
