#include "time_util.h"

#include <cstdio>
#include <ctime>

namespace hearth {
using namespace std::chrono;

std::string format_utc(WallTime t) {
    auto ms = time_point_cast<milliseconds>(t);
    auto day = floor<days>(ms);
    year_month_day ymd{day};
    hh_mm_ss hms{ms - day};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", int(ymd.year()),
                  unsigned(ymd.month()), unsigned(ymd.day()), int(hms.hours().count()),
                  int(hms.minutes().count()), int(hms.seconds().count()),
                  int(hms.subseconds().count()));
    return buf;
}

bool in_supported_range(Date d) {
    return d.ok() && int(d.year()) >= kFirstYear && int(d.year()) <= kLastYear;
}

static bool digits(std::string_view s, size_t pos, size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

std::optional<Date> parse_date(std::string_view s) {
    int y, m, d;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    if (!digits(s, 0, 4, y) || !digits(s, 5, 2, m) || !digits(s, 8, 2, d)) return std::nullopt;
    Date date{year{y}, month{unsigned(m)}, day{unsigned(d)}};
    if (!in_supported_range(date)) return std::nullopt;
    return date;
}

std::optional<WallTime> parse_utc(std::string_view s) {
    // YYYY-MM-DDTHH:MM:SS[.mmm]Z
    if (s.size() < 20) return std::nullopt;
    auto date = parse_date(s.substr(0, 10));
    int h, mi, se, ms = 0;
    if (!date || s[10] != 'T' || s[13] != ':' || s[16] != ':') return std::nullopt;
    if (!digits(s, 11, 2, h) || !digits(s, 14, 2, mi) || !digits(s, 17, 2, se)) return std::nullopt;
    size_t pos = 19;
    if (s[pos] == '.') {
        if (!digits(s, pos + 1, 3, ms)) return std::nullopt;
        pos += 4;
    }
    if (pos + 1 != s.size() || s[pos] != 'Z' || h > 23 || mi > 59 || se > 60) return std::nullopt;
    return sys_days{*date} + hours{h} + minutes{mi} + seconds{se} + milliseconds{ms};
}

static std::tm local_tm(WallTime t) {
    std::time_t tt = system_clock::to_time_t(t);
    std::tm tm{};
#ifdef _WIN32
    localtime_s(&tm, &tt);
#else
    localtime_r(&tt, &tm);
#endif
    return tm;
}

Date local_date(WallTime t) {
    std::tm tm = local_tm(t);
    return Date{year{tm.tm_year + 1900}, month{unsigned(tm.tm_mon + 1)}, day{unsigned(tm.tm_mday)}};
}

std::string local_clock_time(WallTime t) {
    std::tm tm = local_tm(t);
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", tm.tm_hour, tm.tm_min);
    return buf;
}

WallTime local_midnight(Date d) {
    std::tm tm{};
    tm.tm_year = int(d.year()) - 1900;
    tm.tm_mon = int(unsigned(d.month())) - 1;
    tm.tm_mday = int(unsigned(d.day()));
    tm.tm_isdst = -1;
    return system_clock::from_time_t(std::mktime(&tm));
}

std::optional<WallTime> local_time_on(Date d, std::string_view s) {
    auto colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() != colon + 3) return std::nullopt;
    int h, m;
    if (!digits(s, 0, colon, h) || !digits(s, colon + 1, 2, m) || h > 23 || m > 59) return std::nullopt;
    std::tm tm{};
    tm.tm_year = int(d.year()) - 1900;
    tm.tm_mon = int(unsigned(d.month())) - 1;
    tm.tm_mday = int(unsigned(d.day()));
    tm.tm_hour = h;
    tm.tm_min = m;
    tm.tm_isdst = -1;
    return system_clock::from_time_t(std::mktime(&tm));
}

std::string format_date(Date d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()),
                  unsigned(d.day()));
    return buf;
}

std::string format_day_human(Date d) {
    static const char* wd[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* mo[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    weekday w{sys_days{d}};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s %u %s %d", wd[w.c_encoding()], unsigned(d.day()),
                  mo[unsigned(d.month()) - 1], int(d.year()));
    return buf;
}

Date add_days(Date d, int n) { return Date{sys_days{d} + days{n}}; }

int days_between(Date from, Date to) { return int((sys_days{to} - sys_days{from}).count()); }

Date week_start(Date d) {
    weekday w{sys_days{d}};
    return add_days(d, -int(w.iso_encoding() - 1));
}

IsoWeek iso_week(Date d) {
    // The ISO year is the year of the week's Thursday.
    Date thursday = add_days(week_start(d), 3);
    int y = int(thursday.year());
    Date jan1{year{y}, January, day{1}};
    return IsoWeek{y, days_between(jan1, thursday) / 7 + 1};
}

Date iso_week_monday(IsoWeek w) {
    Date jan4{year{w.year}, January, day{4}};
    return add_days(week_start(jan4), (w.week - 1) * 7);
}

int iso_weeks_in_year(int y) { return iso_week(Date{year{y}, December, day{28}}).week; }

std::string format_iso_week(IsoWeek w) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-W%02d", w.year, w.week);
    return buf;
}

std::optional<IsoWeek> parse_iso_week(std::string_view s) {
    int y, w;
    if (s.size() != 8 || s[4] != '-' || s[5] != 'W') return std::nullopt;
    if (!digits(s, 0, 4, y) || !digits(s, 6, 2, w)) return std::nullopt;
    if (y < kFirstYear || y > kLastYear) return std::nullopt;
    if (w < 1 || w > iso_weeks_in_year(y)) return std::nullopt;
    return IsoWeek{y, w};
}

} // namespace hearth
