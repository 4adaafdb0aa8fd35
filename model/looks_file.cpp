#include "looks_file.h"

#include "atomic_file.h"
#include "file_read.h"

#include <charconv>

namespace hearth {

namespace {

// "name value..." on one line; each line must be there, in this order.
constexpr std::string_view kTheme = "theme ";
constexpr std::string_view kTextSize = "text-size ";
constexpr std::string_view kWindow = "window ";

// The line at `text` starting with `prefix`, its rest in `value`; `text` moves past it.
bool take_line(std::string_view& text, std::string_view prefix, std::string_view& value) {
    const size_t end = text.find('\n');
    if (end == std::string_view::npos) return false;
    std::string_view line = text.substr(0, end);
    if (!line.starts_with(prefix)) return false;
    value = line.substr(prefix.size());
    text.remove_prefix(end + 1);
    return true;
}

bool take_int(std::string_view& text, int& out) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    if (ec != std::errc() || end == text.data()) return false;
    text.remove_prefix(size_t(end - text.data()));
    return true;
}

} // namespace

Looks looks_of(const Settings& s) {
    return Looks{s.get(setting::theme), s.get(setting::text_size), s.get(setting::window_width),
                 s.get(setting::window_height)};
}

void apply_looks(Settings& s, const Looks& l) {
    s.set(setting::theme, l.theme);
    s.set(setting::text_size, l.text_size);
    s.set(setting::window_width, l.window_width);
    s.set(setting::window_height, l.window_height);
}

std::filesystem::path looks_file_for(const std::filesystem::path& couple_db) { return couple_db.string() + ".looks"; }

std::string format_looks(const Looks& l) {
    return std::string(kTheme) + l.theme + "\n" + std::string(kTextSize) + std::to_string(l.text_size) + "\n" +
           std::string(kWindow) + std::to_string(l.window_width) + " " + std::to_string(l.window_height) + "\n";
}

std::optional<Looks> parse_looks(std::string_view text) {
    Looks l;
    std::string_view theme, size, window;
    if (!take_line(text, kTheme, theme) || !take_line(text, kTextSize, size) || !take_line(text, kWindow, window) ||
        !text.empty())
        return std::nullopt;
    if (theme != "light" && theme != "dark") return std::nullopt;
    l.theme = std::string(theme);
    if (!take_int(size, l.text_size) || !size.empty()) return std::nullopt;
    if (!take_int(window, l.window_width) || !window.starts_with(' ')) return std::nullopt;
    window.remove_prefix(1);
    if (!take_int(window, l.window_height) || !window.empty()) return std::nullopt;
    return l;
}

std::optional<Looks> read_looks(const std::filesystem::path& couple_db) {
    auto text = read_side_file(looks_file_for(couple_db), 256);  // ours is three short lines
    return text ? parse_looks(*text) : std::nullopt;
}

LooksFile::LooksFile(const std::string& db_name, bool encrypted, const Settings& settings) : settings_(settings) {
    if (encrypted && !db_name.empty() && db_name != ":memory:") file_ = looks_file_for(db_name);
}

std::string LooksFile::sync() {
    if (file_.empty()) return {};
    Looks now;
    try {
        now = looks_of(settings_);
    } catch (const std::exception& e) {
        return e.what();
    }
    if (written_ == now) return {};
    if (auto why = write_file_atomically(file_, format_looks(now)); !why.empty())
        return "Could not write " + file_.string() + ": " + why;
    written_ = now;
    return {};
}

} // namespace hearth
