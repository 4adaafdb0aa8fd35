#include "backup_passphrase.h"

#include "backup_crypto.h"

#include <cstdio>
#include <iostream>
#include <stdexcept>

#ifndef _WIN32
#include <termios.h>
#include <unistd.h>
#endif

namespace hearth::app {

namespace {

bool on_terminal() {
#ifndef _WIN32
    return ::isatty(STDIN_FILENO) == 1;
#else
    return false;
#endif
}

// One line of standard input, echo off while a terminal types it.
std::string read_line(const std::string& prompt, bool terminal) {
    std::string line;
#ifndef _WIN32
    termios old{};
    const bool hide = terminal && ::tcgetattr(STDIN_FILENO, &old) == 0;
    if (terminal) {
        std::fputs(prompt.c_str(), stderr);
        std::fflush(stderr);
    }
    if (hide) {
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    const bool got = bool(std::getline(std::cin, line));
    if (hide) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        std::fputs("\n", stderr);
    }
#else
    if (terminal) std::fputs(prompt.c_str(), stderr);
    const bool got = bool(std::getline(std::cin, line));
#endif
    if (!got) throw std::runtime_error("no passphrase was given (standard input ended); nothing was done");
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

} // namespace

std::string ask_backup_passphrase(const std::string& file) {
    std::string p = read_line("Passphrase of " + file + ": ", on_terminal());
    if (p.empty()) throw std::runtime_error("Cannot read the backup " + file + ": it is encrypted and no passphrase was given; nothing was imported");
    return p;
}

std::string ask_new_backup_passphrase(const std::string& file) {
    const bool terminal = on_terminal();
    std::string p = read_line("New passphrase for " + file + " (at least 8 characters): ", terminal);
    if (auto why = passphrase_problem(p); !why.empty())
        throw std::runtime_error("Cannot write the backup " + file + ": " + why + "; nothing was written");
    if (terminal && read_line("The same passphrase again: ", terminal) != p)
        throw std::runtime_error("Cannot write the backup " + file + ": the two passphrases differ; nothing was written");
    return p;
}

} // namespace hearth::app
