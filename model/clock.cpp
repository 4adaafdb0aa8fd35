#include "clock.h"

#include <fstream>

#ifdef __linux__
#include <time.h>
#endif

namespace hearth {

SteadyTime SystemClock::boot() const {
#ifdef __linux__
    timespec ts{};
    if (clock_gettime(CLOCK_BOOTTIME, &ts) == 0)
        return SteadyTime(std::chrono::duration_cast<SteadyTime::duration>(std::chrono::seconds(ts.tv_sec) +
                                                                          std::chrono::nanoseconds(ts.tv_nsec)));
#endif
    return steady();
}

std::string SystemClock::boot_id() const {
#ifdef __linux__
    // Read once: it cannot change while the process runs.
    static const std::string id = [] {
        std::ifstream in("/proc/sys/kernel/random/boot_id");
        std::string line;
        std::getline(in, line);
        return line.size() == 36 ? line : std::string();
    }();
    return id;
#else
    return {};
#endif
}

BootMark boot_mark(const Clock& clock) {
    return {clock.boot_id(),
            std::chrono::duration_cast<std::chrono::milliseconds>(clock.boot().time_since_epoch()).count()};
}

std::optional<int64_t> ms_since(const Clock& clock, const BootMark& mark) {
    if (mark.boot_id.empty() || mark.boot_id != clock.boot_id()) return std::nullopt;
    const int64_t d = boot_mark(clock).boot_ms - mark.boot_ms;
    return d < 0 ? 0 : d;
}

} // namespace hearth
