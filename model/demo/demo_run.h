#pragma once
// How the demo is written: the couple's months (or years) are replayed through
// the public model API on a FakeClock, so every row is stamped, validated and
// shaped by the same code as in the window (the 10-minute grace for coming
// back from a break, a session's step runs, a review's step...).
//
// A DemoRun lends the target model's connection to a second Model built on
// its own FakeClock (the target's clock cannot be moved), collects what
// happens as timed actions, then plays them in order of time, advancing the
// clock to each; an action may move the clock on itself (a break's countdown,
// a session's steps). The clock only moves forward: an action due while the
// one before was still going (a note written during a review) happens just
// after it. When the run ends, the connection goes back and the target
// reloads. Everything is one transaction: a failure leaves nothing behind.
//
// Determinism: one std::mt19937 seeded from the caller, and our own uniform
// and shuffle (the standard distributions differ between standard
// libraries); actions run in a fixed order (time, then when scheduled).
#include "demo_texts.h"
#include "hearth_model.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace hearth::demo {

using namespace std::chrono;

// Throws when the model refused something the demo meant to write.
void must(const SaveResult& r, const char* what);

class DemoRun {
public:
    // `start`: when the story begins (the clock's first reading).
    DemoRun(Model& target, unsigned seed, WallTime start);
    ~DemoRun();  // gives the connection back and reloads the target
    DemoRun(const DemoRun&) = delete;
    DemoRun& operator=(const DemoRun&) = delete;

    Model& model() { return *model_; }
    FakeClock& clock() { return clock_; }
    const DemoTexts& texts() const { return texts_; }
    const WallTime now;     // the target's "now": nothing is written after it
    const Date today;

    // `action` runs with the clock at `t` (or just after the action before).
    void at(WallTime t, std::function<void()> action);
    // Actions made only as the clock reaches them (the long history's
    // hundred thousand notes need not all wait in memory): `next_time` says
    // when the next one is due (nullopt: none left), `run_next` runs it.
    struct Stream {
        std::function<std::optional<WallTime>()> next_time;
        std::function<void()> run_next;
    };
    void stream(Stream s);
    // Plays every scheduled action and stream, in order of time.
    void play();
    // Time passes during an action.
    void pass(milliseconds d) { clock_.advance(d); }

    // Random numbers, the same on every standard library.
    int uniform(int lo, int hi) {
        if (hi <= lo) return lo;
        uint64_t span = uint64_t(hi - lo) + 1;
        return lo + int((uint64_t(rng_()) * span) >> 32);
    }
    bool chance(double p) { return double(rng_()) < p * 4294967296.0; }
    template <class T>
    void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[std::size_t(uniform(0, int(i) - 1))]);
    }
    template <class T>
    const T& pick(const std::vector<T>& v) { return v.at(std::size_t(uniform(0, int(v.size()) - 1))); }
    WallTime jitter(WallTime t) { return t + seconds{uniform(0, 59)} + milliseconds{uniform(0, 999)}; }
    // Never after now: a moment that would be is pulled back to just before it.
    WallTime not_after_now(WallTime t, minutes margin = minutes{1}) const { return t > now - margin ? now - margin : t; }

private:
    struct Action {
        WallTime t;
        uint64_t seq;
        std::function<void()> run;
    };
    Model& target_;
    FakeClock clock_;
    std::unique_ptr<Model> model_;
    DemoTexts texts_;
    std::mt19937 rng_;
    std::vector<Action> actions_;
    std::vector<Stream> streams_;
    uint64_t next_seq_ = 0;
    bool playing_ = false;
};

// What one part of the story leaves for the others. Ids are filled in when
// the action that creates the thing has run.
struct Story {
    std::array<std::string, 2> partner_ids;
    std::string own_category_id;

    // Weekly reviews held, by the reviewed week's Monday: when each began.
    std::map<Date, WallTime> review_at;
    // Appreciations written so far, by week (Monday), for the review to read aloud.
    std::map<Date, std::vector<std::string>> week_entries;
    double share_chance = 0.9;  // how many of a week's notes are read aloud in its review

    struct BreakInfo {
        std::string id;                     // the chain's first break (once started)
        std::string topic;
        WallTime start;
    };
    std::vector<BreakInfo> breaks;          // in texts().past_breaks order

    struct SessionInfo {
        std::string id;                     // once run
        std::string topic;
        bool from_break = false;
        bool talked_through = false;
        bool in_review = false;
        WallTime start;
        std::optional<WallTime> end;        // once over
    };
    std::vector<std::unique_ptr<SessionInfo>> sessions;   // in order of start

    // Plans made in a review (by the reviewed week's Monday): each maker adds
    // its plan and returns the id, which the review then lists.
    std::map<Date, std::vector<std::function<std::string()>>> plans_made_in_review;
    // A listening session held during a review (on its topic), by the reviewed week's Monday.
    struct HeldSession {
        SessionInfo* info = nullptr;
        std::function<void()> run;          // runs it from the clock's now
    };
    std::map<Date, HeldSession> session_in_review;
};

// The category a line suggests, now and then left blank as people do.
std::optional<std::string> category_of(DemoRun& run, const Story& story, const Line& line);

} // namespace hearth::demo
