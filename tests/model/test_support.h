#pragma once
// Shared by the model tests: a fake clock at a fixed moment, an in-memory model
// with a couple set up, and temporary files that clean up after themselves.
#include "hearth_model.h"

#include <chrono>
#include <filesystem>
#include <random>
#include <string>

namespace hearth::test {

// Monday 2026-09-21 14:13:20 UTC: the first day of ISO week 2026-W39.
inline WallTime fixed_start() { return WallTime{std::chrono::seconds{1'790'000'000}}; }

struct TestModel {
    FakeClock clock{fixed_start()};
    Model model{Database::open_memory(), clock, HEARTH_TEST_ASSETS_DIR};
    explicit TestModel(bool with_couple = true) {
        if (with_couple) model.couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180});
    }
};

class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() / ("hearth-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ec);
        std::filesystem::remove_all(path_, ec);
    }
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

} // namespace hearth::test
