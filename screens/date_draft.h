#pragma once
// A day being typed as YYYY-MM-DD: the day last understood, the text as typed,
// and why the text is not a day (empty when it is).
#include "time_util.h"

#include <string>

namespace hearth {

struct DateDraft {
    Date day{};
    std::string text;
    std::string error;

    void set(Date d) {
        day = d;
        text = format_date(d);
        error.clear();
    }
    // After the text changed: the day it names, or the reason it is not one
    // (the day stays the last one understood).
    void typed() {
        if (auto d = parse_date(text)) {
            day = *d;
            error.clear();
        } else {
            error = "Type the day as year-month-day, like 2026-09-25.";
        }
    }
};

} // namespace hearth
