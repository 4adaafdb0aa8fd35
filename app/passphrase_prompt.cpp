#include "passphrase_prompt.h"

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
    std::string first = ask_passphrase("New passphrase" + who + ": ");
    if (first.empty()) throw std::runtime_error("A passphrase cannot be empty; nothing was changed");
    if (::isatty(STDIN_FILENO)) {
        std::string again = ask_passphrase("The same passphrase again: ");
        if (again != first) throw std::runtime_error("The two passphrases differ; nothing was changed");
    }
    return first;
}

} // namespace hearth::app
