// Exercise and deck folders (assets/ and --exercises / --decks DIR) hold files
// anyone can put there: a FIFO, a link to a device or a file nested 200,000
// deep is named and skipped at once, the other files still load.
#include "deck_definition.h"
#include "exercise_definition.h"
#include "json_read.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <functional>
#include <future>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace hearth;
namespace fs = std::filesystem;

namespace {

const fs::path kAssets = fs::path(HEARTH_TEST_ASSETS_DIR);

// A folder with one good file copied from the shipped ones, a FIFO, a link
// to /dev/zero and a file nested 200,000 deep, all named *.json.
struct HostileFolder {
    test::TempDir dir;
    explicit HostileFolder(const fs::path& good) {
        fs::copy_file(good, dir / "a-good.json");
        REQUIRE(::mkfifo((dir / "fifo.json").c_str(), 0600) == 0);
        fs::create_symlink("/dev/zero", dir / "zero.json");
        std::ofstream(dir / "deep.json") << std::string(200'000, '[') << std::string(200'000, ']');
    }
    fs::path path() const { return dir.path(); }
    // Should the reader block on the FIFO, a writer lets it go on (so the test
    // fails instead of hanging).
    void unblock() const {
        int fd = ::open((dir / "fifo.json").c_str(), O_WRONLY | O_NONBLOCK);
        if (fd >= 0) ::close(fd);
    }
};

template <class Load>
Load load_with_watchdog(const HostileFolder& folder, std::function<Load()> load) {
    auto started = std::chrono::steady_clock::now();
    auto f = std::async(std::launch::async, load);
    if (f.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
        FAIL_CHECK("the reader blocked on the FIFO");
        folder.unblock();
    }
    auto out = f.get();
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
    return out;
}

template <class Problems>
std::string problem_of(const Problems& problems, const std::string& file) {
    for (const auto& p : problems)
        if (p.file.filename() == file) return p.describe();
    return "(no problem reported for " + file + ")";
}

} // namespace

TEST_CASE("An exercise folder's FIFO, /dev/zero link and 200,000-deep file are named and skipped at once",
          "[exercise][files]") {
    HostileFolder folder(kAssets / "exercises" / "reflect-and-clarify.json");
    auto load = load_with_watchdog<ExerciseLoad>(folder, [&] { return load_exercises({folder.path()}); });
    REQUIRE(load.definitions.size() == 1);
    CHECK(load.definitions[0].id == "reflect-and-clarify");
    CHECK(load.problems.size() == 3);
    CHECK_THAT(problem_of(load.problems, "fifo.json"), Catch::Contains("fifo.json") && Catch::Contains("FIFO"));
    CHECK_THAT(problem_of(load.problems, "zero.json"),
               Catch::Contains("zero.json") && Catch::Contains("character device"));
    CHECK_THAT(problem_of(load.problems, "deep.json"), Catch::Contains("deep.json") && Catch::Contains("nested deeper"));

    // The same through the model, as --exercises DIR adds it (there the good
    // file's id is the shipped one's: a fourth problem).
    test::TestModel t;
    t.model.exercises.add_dir(folder.path());
    CHECK(t.model.exercises.problems().size() == 4);
    CHECK_THAT(problem_of(t.model.exercises.problems(), "fifo.json"), Catch::Contains("FIFO"));
    CHECK_THAT(problem_of(t.model.exercises.problems(), "a-good.json"), Catch::Contains("already used"));
}

TEST_CASE("A deck folder's FIFO, /dev/zero link and 200,000-deep file are named and skipped at once",
          "[decks][files]") {
    HostileFolder folder(kAssets / "decks" / "play.json");
    auto load = load_with_watchdog<DeckLoad>(folder, [&] { return load_decks({folder.path()}); });
    REQUIRE(load.decks.size() == 1);
    CHECK(load.problems.size() == 3);
    CHECK_THAT(problem_of(load.problems, "fifo.json"), Catch::Contains("fifo.json") && Catch::Contains("FIFO"));
    CHECK_THAT(problem_of(load.problems, "zero.json"),
               Catch::Contains("zero.json") && Catch::Contains("character device"));
    CHECK_THAT(problem_of(load.problems, "deep.json"), Catch::Contains("deep.json") && Catch::Contains("nested deeper"));
}

TEST_CASE("A definition too large to be one is refused without reading it all", "[exercise][decks][files]") {
    test::TempDir dir;
    {
        std::ofstream big(dir / "big.json");
        big << "{\"id\": \"" << std::string(5 << 20, 'a') << "\"}";
    }
    auto ex = load_exercises({dir.path()});
    REQUIRE(ex.problems.size() == 1);
    CHECK_THAT(ex.problems[0].describe(), Catch::Contains("big.json") && Catch::Contains("larger than"));
    auto decks = load_decks({dir.path()});
    REQUIRE(decks.problems.size() == 1);
    CHECK_THAT(decks.problems[0].describe(), Catch::Contains("larger than"));
}

TEST_CASE("Shipped asset files are read bounded: a FIFO or a deep file is refused by name", "[files]") {
    test::TempDir dir;
    REQUIRE(::mkfifo((dir / "ideas.json").c_str(), 0600) == 0);
    std::ofstream(dir / "plan_kinds.json") << "{\"kinds\": " << std::string(100'000, '[') << "}";
    try {
        read_json_asset(dir / "ideas.json");
        FAIL("a FIFO was read");
    } catch (const std::runtime_error& e) {
        CHECK_THAT(e.what(), Catch::Contains("ideas.json") && Catch::Contains("FIFO"));
    }
    try {
        read_json_asset(dir / "plan_kinds.json");
        FAIL("a 100,000-deep file was parsed");
    } catch (const std::runtime_error& e) {
        CHECK_THAT(e.what(), Catch::Contains("plan_kinds.json") && Catch::Contains("nested deeper"));
    }
    // A model on such an assets folder refuses to start with the file's name.
    fs::copy(kAssets, dir / "assets", fs::copy_options::recursive);
    fs::remove(dir / "assets" / "ideas.json");
    REQUIRE(::mkfifo((dir / "assets" / "ideas.json").c_str(), 0600) == 0);
    FakeClock clock{test::fixed_start()};
    try {
        Model m(Database::open_memory(), clock, dir / "assets");
        FAIL("the model started on a FIFO for ideas.json");
    } catch (const std::runtime_error& e) {
        CHECK_THAT(e.what(), Catch::Contains("ideas.json"));
    }
}
