#pragma once
// The week a screen shows: this week at first, any earlier week one click
// back, never a week after this one.
#include "time_util.h"

namespace hearth {

class ShownWeek {
public:
    // Call before reading, with today's date; the first call shows this week.
    void set_today(Date today) {
        this_week_ = week_start(today);
        if (!monday_.ok()) monday_ = this_week_;
    }
    Date monday() const { return monday_; }
    bool is_this_week() const { return monday_ == this_week_; }
    bool can_go_later() const { return monday_ < this_week_; }
    void earlier() { monday_ = add_days(monday_, -7); }
    void later() {
        if (can_go_later()) monday_ = add_days(monday_, 7);
    }
    void back_to_this_week() { monday_ = this_week_; }
    Date this_week() const { return this_week_; }
    // Shows the week starting `monday`, never past this week.
    void show(Date monday) { monday_ = monday < this_week_ ? monday : this_week_; }

private:
    Date monday_{};
    Date this_week_{};
};

} // namespace hearth
