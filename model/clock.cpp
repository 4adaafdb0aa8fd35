#include "clock.h"

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

} // namespace hearth
