#pragma once
// The one date picker: ◀ day ▶ and a "Go to today" button. Either typed
// ("◀ 2026-09-22 ▶ Tuesday  Go to today", the text in a DateDraft) or stepped only
// ("◀ Tue 22 Sep 2026 ▶  Go to today", optionally never past a latest day).
#include "date_draft.h"

#include <optional>

namespace hearth::ui::kit {

// Typed or stepped; `today` is where "Go to today" goes. Returns true when a button
// changed the day (typing updates `date` as it goes).
bool date_field(const char* id, DateDraft& date, Date today);

// Stepped only. With `latest`, the day never moves past it. Returns true on change.
bool date_field(const char* id, Date& day, Date today, std::optional<Date> latest = std::nullopt);

} // namespace hearth::ui::kit
