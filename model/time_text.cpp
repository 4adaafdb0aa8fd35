#include "time_text.h"

#include <algorithm>
#include <cstdio>

namespace hearth {

std::string format_hh_mm(int minute_of_day) {
    int m = std::clamp(minute_of_day, 0, 24 * 60 - 1);
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", m / 60, m % 60);
    return buf;
}

std::optional<int> parse_hh_mm(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    auto colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() - colon - 1 != 2) return std::nullopt;
    auto digits = [](std::string_view d, int& out) {
        out = 0;
        for (char c : d) {
            if (c < '0' || c > '9') return false;
            out = out * 10 + (c - '0');
        }
        return true;
    };
    int h = 0, m = 0;
    if (!digits(s.substr(0, colon), h) || !digits(s.substr(colon + 1), m) || h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

std::string format_length(int minutes) {
    minutes = std::max(minutes, 0);
    char buf[48];
    if (minutes < 60) std::snprintf(buf, sizeof buf, "%d min", minutes);
    else if (minutes < 24 * 60) {
        if (minutes % 60) std::snprintf(buf, sizeof buf, "%d h %02d", minutes / 60, minutes % 60);
        else std::snprintf(buf, sizeof buf, "%d h", minutes / 60);
    } else {
        int days = minutes / (24 * 60), hours = (minutes % (24 * 60)) / 60;
        if (hours) std::snprintf(buf, sizeof buf, "%d day%s %d h", days, days == 1 ? "" : "s", hours);
        else std::snprintf(buf, sizeof buf, "%d day%s", days, days == 1 ? "" : "s");
    }
    return buf;
}

std::string format_time_spent(int minutes) {
    minutes = std::max(minutes, 0);
    char buf[32];
    if (minutes >= 60) std::snprintf(buf, sizeof buf, "%d h %02d", minutes / 60, minutes % 60);
    else std::snprintf(buf, sizeof buf, "%d min", minutes);
    return buf;
}

std::string format_days_ago(int days) {
    if (days == 0) return "today";
    if (days == 1) return "yesterday";
    return std::to_string(days) + " days ago";
}

std::string format_seconds_prose(int s) {
    char buf[64];
    if (s % 60 == 0) std::snprintf(buf, sizeof buf, "%d minute%s", s / 60, s == 60 ? "" : "s");
    else std::snprintf(buf, sizeof buf, "%d second%s", s, s == 1 ? "" : "s");
    return buf;
}

std::string format_countdown(int64_t s) {
    if (s < 0) s = 0;
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", (long long)(s / 3600), (long long)(s / 60 % 60), (long long)(s % 60));
    else std::snprintf(buf, sizeof buf, "%02lld:%02lld", (long long)(s / 60), (long long)(s % 60));
    return buf;
}

} // namespace hearth
