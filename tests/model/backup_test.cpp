// Backups: export every table, merge by id, refuse anything doubtful unchanged.
#include "backup.h"
#include "file_read.h"
#include "json_read.h"
#include "hearth_model.h"
#include "schema.h"
#include "time_util.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#ifndef _WIN32
#include <sys/stat.h>
#endif

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace hearth;
namespace fs = std::filesystem;
using test::slurp;

namespace {

const WallTime kStart{std::chrono::seconds{1'790'000'000}};  // Monday 2026-09-21 14:13:20 UTC
const fs::path kCorpus = fs::path(HEARTH_TEST_CORPUS_DIR) / "backups";

// The names in a folder, sorted.
std::vector<std::string> listing(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

void spit(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
}

struct Fixture {
    FakeClock clock;
    Model m;
    explicit Fixture(bool with_couple = true, WallTime start = kStart)
        : clock(start), m(Database::open_memory(), clock, HEARTH_TEST_ASSETS_DIR) {
        if (with_couple) REQUIRE(m.couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180}).ok());
    }
    std::string thank(int from_slot, const std::string& text, int day_offset = 0) {
        GratitudeDraft d;
        d.from_slot = from_slot;
        d.text = text;
        d.day = add_days(local_date(clock.now()), day_offset);
        auto r = m.gratitude.add(d);
        REQUIRE(r.ok());
        clock.advance(std::chrono::seconds{1});
        return r.id;
    }
    nlohmann::json tables() { return backup_json(m.db, clock)["tables"]; }
};

// The message of the BackupError `f` throws ("" when it throws nothing).
template <class F>
std::string refusal(F&& f) {
    try {
        f();
    } catch (const BackupError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("A backup holds every table in the documented envelope", "[backup]") {
    Fixture a;
    a.thank(0, "For the soup");
    a.m.settings.set(setting::break_floor_minutes, 15);
    auto j = backup_json(a.m.db, a.clock);
    CHECK(j["format"] == "hearth-backup");
    CHECK(j["format_version"] == 1);
    CHECK(j["schema_version"] == latest_schema_version());
    CHECK(j["exported_at"] == format_utc(a.clock.now()));
    // Every table of the schema, found by asking the database, not from a list.
    std::set<std::string> names, expected;
    for (const auto& [name, rows] : j["tables"].items()) names.insert(name);
    auto& st = a.m.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'");
    while (st.step()) expected.insert(st.text(0));
    // The search index (model/search.h) is derived data: the FTS table and its *_ tables stay out.
    std::erase_if(expected, [](const std::string& n) { return n == "search" || n.rfind("search_", 0) == 0; });
    CHECK(names == expected);
    CHECK(names.count("gratitude") == 1);
    CHECK(names.count("setting") == 1);
    CHECK(j["tables"]["partner"].size() == 2);
    CHECK(j["tables"]["gratitude"].size() == 1);
    const auto& g = j["tables"]["gratitude"][0];
    CHECK(g["text"] == "For the soup");
    CHECK(g["shared_in_review"].is_number_integer());
    CHECK(g["category_id"].is_null());
    CHECK(j["tables"]["partner"][0]["slot"].is_number_integer());
}

TEST_CASE("Export, import into an empty database, export again: the same tables", "[backup]") {
    test::TempDir dir;
    Fixture a;
    a.thank(0, "For the soup");
    a.thank(1, "For fixing the bike", -3);
    a.m.settings.set(setting::break_floor_minutes, 15);
    auto little = a.m.categories.add("Little things");
    REQUIRE(little.ok());
    // "gratitude" comes before "gratitude_category" in the file: the entry
    // refers to a category merged after it, which deferred foreign keys allow.
    GratitudeDraft d;
    d.from_slot = 1;
    d.text = "For remembering the stamps";
    d.day = local_date(a.clock.now());
    d.category_id = little.id;
    REQUIRE(a.m.gratitude.add(d).ok());
    export_backup(a.m.db, a.clock, dir / "backup.json");
    CHECK(listing(dir.path()) == std::vector<std::string>{"backup.json"});

    Fixture b(false);
    auto r = import_backup(b.m.db, dir / "backup.json");
    CHECK(r.inserted == 2 + 3 + 1 + 1);  // partners, gratitude, setting, the new category
    CHECK(r.updated == 0);
    // The built-in rows both databases share: categories, plan kinds and ideas.
    CHECK(r.unchanged == 6 + int(b.m.plan_kinds.all().size() + b.m.ideas.all().size()));
    CHECK(b.tables() == a.tables());

    b.m.reload();
    REQUIRE(b.m.couple.is_set_up());
    CHECK(b.m.couple.partner(0).name == "Maya");
    CHECK(b.m.couple.partner(0).id == a.m.couple.partner(0).id);
    CHECK(b.m.settings.get(setting::break_floor_minutes) == 15);
}

TEST_CASE("Two exports of the same content differ only in exported_at", "[backup]") {
    test::TempDir dir;
    Fixture a;
    a.thank(0, "For the soup");
    export_backup(a.m.db, a.clock, dir / "one.json");
    a.clock.advance(std::chrono::hours{5});
    export_backup(a.m.db, a.clock, dir / "two.json");
    auto one = nlohmann::json::parse(slurp(dir / "one.json"));
    auto two = nlohmann::json::parse(slurp(dir / "two.json"));
    CHECK(one["exported_at"] != two["exported_at"]);
    one.erase("exported_at");
    two.erase("exported_at");
    CHECK(one == two);
    // Readable at a glance: the file says what it is first.
    CHECK(slurp(dir / "one.json").rfind("{\n  \"format\": \"hearth-backup\"", 0) == 0);
}

TEST_CASE("Importing the same file twice adds nothing", "[backup]") {
    test::TempDir dir;
    Fixture a;
    a.thank(0, "For the soup");
    a.thank(1, "For the walk");
    export_backup(a.m.db, a.clock, dir / "backup.json");

    Fixture b(false);
    auto first = import_backup(b.m.db, dir / "backup.json");
    CHECK(first.inserted == 4);
    auto after_first = b.tables();
    auto second = import_backup(b.m.db, dir / "backup.json");
    CHECK(second.inserted == 0);
    CHECK(second.updated == 0);
    CHECK(second.unchanged == first.inserted + first.unchanged);
    CHECK(b.tables() == after_first);

    // Into the database it came from: nothing either.
    auto home = import_backup(a.m.db, dir / "backup.json");
    CHECK(home.inserted == 0);
    CHECK(home.updated == 0);
}

TEST_CASE("On import the newer updated_at wins and the older copy is kept", "[backup]") {
    test::TempDir dir;
    Fixture a;
    std::string soup = a.thank(0, "For the soup");
    std::string walk = a.thank(1, "For the walk");
    export_backup(a.m.db, a.clock, dir / "v1.json");

    Fixture b(false);
    b.clock.advance(std::chrono::minutes{1});
    import_backup(b.m.db, dir / "v1.json");
    b.m.reload();

    // Each side edits a different entry later on.
    a.clock.advance(std::chrono::hours{1});
    b.clock.advance(std::chrono::hours{2});
    auto edit = [](Fixture& f, const std::string& id, const std::string& text) {
        auto e = f.m.gratitude.get(id);
        REQUIRE(e);
        GratitudeDraft d{e->from_slot, text, e->day, e->category_id, e->shared_in_review};
        REQUIRE(f.m.gratitude.update(id, d).ok());
    };
    edit(a, soup, "For the soup, and for staying up late");
    edit(b, walk, "For the long walk by the river");
    edit(b, soup, "For the soup (edited on the laptop, earlier)");
    // b's soup edit is later in b's clock but a's edit must win only if newer:
    // make a's soup edit the newest of all.
    a.clock.advance(std::chrono::hours{3});
    edit(a, soup, "For the soup, the final words");
    export_backup(a.m.db, a.clock, dir / "v2.json");

    auto r = import_backup(b.m.db, dir / "v2.json");
    CHECK(r.inserted == 0);
    CHECK(r.updated == 1);
    CHECK(b.m.gratitude.get(soup)->text == "For the soup, the final words");  // backup newer: replaced
    CHECK(b.m.gratitude.get(walk)->text == "For the long walk by the river");  // ours newer: kept

    // And back the other way: b's walk edit is newer than a's copy.
    export_backup(b.m.db, b.clock, dir / "v3.json");
    auto back = import_backup(a.m.db, dir / "v3.json");
    CHECK(back.updated == 1);
    CHECK(a.m.gratitude.get(walk)->text == "For the long walk by the river");
    CHECK(a.tables() == b.tables());
}

TEST_CASE("Text survives a backup byte for byte, emoji and all", "[backup]") {
    test::TempDir dir;
    Fixture a(false);
    const std::string zoe = "Zo\xC3\xAB";                              // Zoë
    const std::string text = "Merci \xF0\x9F\x98\x80 for \xE2\x80\x9Ctoday\xE2\x80\x9D \xE2\x80\x94 "
                             "caf\xC3\xA9, na\xC3\xAFve, \xE5\xBF\x83, \xF0\x9F\x91\xA9\xE2\x80\x8D\xE2\x9D\xA4"
                             "\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x91\xA8";  // 😀 “ ” — é ï 心 👩‍❤️‍👨
    REQUIRE(a.m.couple.set_up(zoe, Rgb{1, 2, 3}, "S\xC3\xB8ren", Rgb{4, 5, 6}).ok());
    std::string id = a.thank(0, text);
    export_backup(a.m.db, a.clock, dir / "unicode.json");
    const std::string file = slurp(dir / "unicode.json");
    CHECK(file.find("\xF0\x9F\x98\x80") != std::string::npos);  // written as UTF-8, not \ud83d\ude00

    Fixture b(false);
    import_backup(b.m.db, dir / "unicode.json");
    b.m.reload();
    auto e = b.m.gratitude.get(id);
    REQUIRE(e);
    CHECK(e->text == text);
    CHECK(b.m.couple.partner(0).name == zoe);
    CHECK(b.m.couple.partner(1).name == "S\xC3\xB8ren");
    CHECK(b.tables() == a.tables());
}

TEST_CASE("Broken, foreign and mismatched backups are refused and change nothing", "[backup]") {
    struct Case {
        const char* file;
        const char* expect;
    };
    // Every file in tests/corpus/backups and the words its refusal must contain.
    const std::vector<Case> cases = {
        {"empty.json", "the file is empty"},
        {"not-json.json", "not valid JSON at byte 1"},
        {"truncated.json", "the file ends too early at byte"},
        {"invalid-utf8.json", "invalid UTF-8 text at byte"},
        {"top-level-array.json", "expected a JSON object at the top level, found an array"},
        {"foreign-package.json", "not a Hearth backup"},
        {"no-format-field.json", "not a Hearth backup (it has no \"format\""},
        {"wrong-format-name.json", "format: expected \"hearth-backup\", found \"hearth-export\""},
        {"format-version-99.json", "unsupported backup format version 99"},
        {"schema-version-999.json", "written by a newer Hearth (schema_version 999"},
        {"schema-version-0.json", "schema_version: expected a schema version from 1 to"},
        {"schema-version-negative.json", "found -3"},
        {"schema-version-string.json", "schema_version: expected an integer, found a string"},
        {"tables-not-object.json", "tables: expected an object, found an array"},
        {"unknown-table.json", "tables.mood: unknown table"},
        {"missing-table.json", "tables.setting: missing"},
        {"rows-not-array.json", "tables.setting: expected an array of rows, found an object"},
        {"row-not-object.json", "tables.gratitude[2]: expected an object, found a string"},
        {"wrong-type-text.json", "tables.gratitude[1].text: expected a string, found a number"},
        {"wrong-type-integer-as-string.json", "tables.partner[1].slot: expected an integer, found a string"},
        {"wrong-type-boolean.json", "tables.gratitude_category[0].builtin: expected an integer, found a boolean"},
        {"wrong-type-fraction.json", "tables.gratitude[0].shared_in_review: expected an integer, found a number with a fraction"},
        {"missing-column.json", "tables.gratitude[0]: missing column \"day\""},
        {"extra-column.json", "tables.gratitude[0].mood: unknown column"},
        {"null-in-not-null.json", "tables.gratitude[1].text: expected a string, found null"},
        {"bad-updated-at.json", "tables.setting[0].updated_at: expected a UTC time"},
        {"duplicate-id.json", "appears twice in the backup (first at tables.gratitude[0])"},
        {"duplicate-slot.json", "UNIQUE constraint failed: partner.slot"},
        {"check-constraint.json", "tables.gratitude[0] (id \"aaaaaaaa-0000-4000-8000-000000000001\"): the row breaks a rule"},
        {"foreign-key.json", "from_partner refers to partner.id \"99999999-9999-4999-8999-999999999999\", which is neither in the backup nor in this database"},
        {"different-couple.json", "this backup belongs to a different couple: Alex & Jo"},
    };
    REQUIRE(cases.size() >= 12);

    // Every broken file in the corpus is listed above, and every listed file exists.
    std::set<std::string> listed, present;
    for (const auto& c : cases) listed.insert(c.file);
    for (const auto& e : fs::directory_iterator(kCorpus))
        if (e.is_regular_file()) present.insert(e.path().filename().string());
    CHECK(listed == present);

    // The target: a couple and their entries, from the corpus's one good backup.
    Fixture t(false);
    auto base = import_backup(t.m.db, kCorpus / "good" / "base.json");
    REQUIRE(base.inserted == 2 + 1 + 2);  // partners, setting, gratitude ("words" is built in)
    t.m.reload();
    REQUIRE(t.m.couple.is_set_up());
    t.thank(0, "Written here, after the backup");
    const auto before = t.tables();

    for (const auto& c : cases) {
        SECTION(c.file) {
            const fs::path path = kCorpus / c.file;
            std::string message = refusal([&] { import_backup(t.m.db, path); });
            INFO(message);
            CHECK_FALSE(message.empty());
            CHECK(message.find(path.string()) != std::string::npos);
            CHECK(message.find(c.expect) != std::string::npos);
            CHECK(t.tables() == before);
        }
    }
}

TEST_CASE("The merge is all or nothing even when the problem is found last", "[backup]") {
    // foreign-key.json only fails at the foreign-key check, after its good rows
    // were written inside the transaction: those are rolled back too.
    Fixture t(false);
    const auto empty = t.tables();
    std::string message = refusal([&] { import_backup(t.m.db, kCorpus / "foreign-key.json"); });
    CHECK(message.find("which is neither in the backup nor in this database") != std::string::npos);
    CHECK(t.tables() == empty);
    // The good file still imports afterwards: nothing was left half done.
    CHECK(import_backup(t.m.db, kCorpus / "good" / "base.json").inserted == 5);
}

TEST_CASE("A backup of the same couple merges even into a database with entries of its own", "[backup]") {
    test::TempDir dir;
    Fixture a;
    a.thank(0, "Written on the desktop");
    export_backup(a.m.db, a.clock, dir / "desktop.json");

    Fixture b(false);
    import_backup(b.m.db, dir / "desktop.json");
    b.m.reload();
    std::string laptop = b.thank(1, "Written on the laptop");
    export_backup(b.m.db, b.clock, dir / "laptop.json");

    auto r = import_backup(a.m.db, dir / "laptop.json");
    CHECK(r.inserted == 1);
    CHECK(a.m.gratitude.get(laptop)->text == "Written on the laptop");
    CHECK(a.tables() == b.tables());
}

TEST_CASE("Only schema versions this Hearth knows are accepted", "[backup]") {
    Fixture a;
    a.thank(0, "For the soup");
    auto j = backup_json(a.m.db, a.clock);
    Fixture b(false);
    const auto before = b.tables();

    for (int bad : {0, -1, latest_schema_version() + 1}) {
        auto k = j;
        k["schema_version"] = bad;
        std::string message = refusal([&] { import_backup_json(b.m.db, k, "old.json"); });
        INFO(message);
        CHECK(message.rfind("old.json: ", 0) == 0);
        if (bad > latest_schema_version()) CHECK(message.find("written by a newer Hearth") != std::string::npos);
        else CHECK(message.find("expected a schema version from 1") != std::string::npos);
        CHECK(b.tables() == before);
    }
    // A backup from every version up to the latest is staged at its own
    // schema and upgraded by the migrations.
    for (int v = migrations().front().version; v <= latest_schema_version(); ++v) {
        INFO("schema_version " << v);
        Database scratch = Database::open_memory();
        migrate(scratch, v);
        std::set<std::string> at_v;
        auto& st = scratch.prepare("SELECT name FROM sqlite_master WHERE type = 'table'");
        while (st.step()) at_v.insert(st.text(0));
        auto k = j;
        k["schema_version"] = v;
        for (auto it = k["tables"].begin(); it != k["tables"].end();) {
            if (at_v.count(it.key())) ++it;
            else it = k["tables"].erase(it);  // tables added later hold nothing here
        }
        Fixture c(false);
        CHECK(import_backup_json(c.m.db, k, "ok.json").inserted == 3);  // two partners, one entry
        CHECK(c.tables() == a.tables());
    }
}

TEST_CASE("A backup from an older schema is upgraded on import", "[backup]") {
    // The corpus's good backup was written at schema 1.
    const auto file = kCorpus / "good" / "base.json";
    REQUIRE(nlohmann::json::parse(slurp(file))["schema_version"] == 1);
    Fixture t(false);
    auto r = import_backup(t.m.db, file);
    CHECK(r.inserted == 5);
    auto j = backup_json(t.m.db, t.clock);
    CHECK(j["schema_version"] == latest_schema_version());
    CHECK(j["tables"]["gratitude"].size() == 2);
    t.m.reload();
    REQUIRE(t.m.couple.is_set_up());
    CHECK(t.m.couple.partner(1).name == "Sam");
    // And it merges like any other: a second time adds nothing.
    auto again = import_backup(t.m.db, file);
    CHECK(again.inserted == 0);
    CHECK(again.updated == 0);
}

TEST_CASE("A backup that cannot be read is named in the refusal", "[backup]") {
    test::TempDir dir;
    Fixture t;
    std::string missing = refusal([&] { import_backup(t.m.db, dir / "nowhere.json"); });
    CHECK(missing.find((dir / "nowhere.json").string()) != std::string::npos);
    CHECK(missing.find("No such file") != std::string::npos);
    std::string folder = refusal([&] { import_backup(t.m.db, dir.path()); });
    CHECK(folder.find("it is a folder") != std::string::npos);
}

TEST_CASE("Export never leaves a partial file behind", "[backup]") {
    test::TempDir dir;
    Fixture a;
    a.thank(0, "For the soup");

    SECTION("into a folder that does not exist") {
        const fs::path target = dir / "no-such-folder" / "backup.json";
        std::string message = refusal([&] { export_backup(a.m.db, a.clock, target); });
        INFO(message);
        CHECK(message.find(target.string()) != std::string::npos);
        CHECK_FALSE(fs::exists(dir / "no-such-folder"));
        CHECK(listing(dir.path()).empty());
    }
    SECTION("over a folder") {
        fs::create_directory(dir / "backup.json");
        std::string message = refusal([&] { export_backup(a.m.db, a.clock, dir / "backup.json"); });
        CHECK(message.find((dir / "backup.json").string()) != std::string::npos);
        CHECK(listing(dir.path()) == std::vector<std::string>{"backup.json"});
        CHECK(fs::is_directory(dir / "backup.json"));
    }
    SECTION("over an older backup, which is replaced whole") {
        spit(dir / "backup.json", std::string(100000, 'x'));
        export_backup(a.m.db, a.clock, dir / "backup.json");
        CHECK(listing(dir.path()) == std::vector<std::string>{"backup.json"});
        auto j = nlohmann::json::parse(slurp(dir / "backup.json"));
        CHECK(j["tables"] == a.tables());
    }
}

TEST_CASE("Text that is not UTF-8 stops an export with the row named", "[backup]") {
    test::TempDir dir;
    Fixture a;
    a.m.db.prepare("INSERT INTO setting(key, value, created_at, updated_at) VALUES(?1, ?2, ?3, ?3)")
        .bind(1, "edited.elsewhere").bind(2, std::string("caf\xC3\x28")).bind(3, format_utc(a.clock.now())).run();
    std::string message = refusal([&] { export_backup(a.m.db, a.clock, dir / "backup.json"); });
    INFO(message);
    CHECK(message.find((dir / "backup.json").string()) != std::string::npos);
    CHECK(message.find("table setting row \"edited.elsewhere\": column value holds text that is not valid UTF-8") !=
          std::string::npos);
    CHECK(listing(dir.path()).empty());
}

TEST_CASE("A backup holds no draft, window size, theme or last panel, and an old one brings none in", "[backup]") {
    test::TempDir dir;
    Fixture a;
    a.thank(0, "For the soup");
    a.m.settings.set(setting::theme, "dark");
    a.m.settings.set(setting::window_width, 900);
    a.m.settings.set(setting::last_panel, "planner");
    a.m.device.set_draft("gratitude", "A secret half-sentence");
    export_backup(a.m.db, a.clock, dir / "backup.json");
    std::ifstream in(dir / "backup.json");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    CHECK(text.find("A secret half-sentence") == std::string::npos);
    CHECK(text.find("window.width") == std::string::npos);
    CHECK(text.find("ui.theme") == std::string::npos);
    CHECK(text.find("ui.last_panel") == std::string::npos);

    // A backup written before the device store carried them in `setting`.
    auto j = nlohmann::json::parse(text);
    j["tables"]["setting"].push_back({{"key", "draft.gratitude"}, {"value", "old draft"},
                                       {"created_at", "2026-01-01T00:00:00.000Z"}, {"updated_at", "2026-01-01T00:00:00.000Z"}});
    j["tables"]["setting"].push_back({{"key", "window.width"}, {"value", "640"},
                                       {"created_at", "2026-01-01T00:00:00.000Z"}, {"updated_at", "2026-01-01T00:00:00.000Z"}});
    std::ofstream(dir / "old.json") << j.dump();
    Fixture b(false);
    import_backup(b.m.db, dir / "old.json");
    b.m.reload();
    auto& st = b.m.db.prepare("SELECT count(*) FROM setting WHERE key IN ('draft.gratitude', 'window.width')");
    REQUIRE(st.step());
    CHECK(st.integer(0) == 0);
    CHECK(b.m.device.draft("gratitude").empty());
}

// ---------------------------------------------------------------------------
// Files that are not backups at all: never hang, never exhaust memory, and
// every refusal names the file.

#ifndef _WIN32
TEST_CASE("A FIFO or a device is refused at once and by name", "[backup][files]") {
    test::TempDir dir;
    Fixture t;
    const auto before = t.tables();
    const fs::path fifo = dir / "backup.json";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string message = refusal([&] { import_backup(t.m.db, fifo); });  // must not wait for a writer
    INFO(message);
    CHECK(message.find(fifo.string()) != std::string::npos);
    CHECK(message.find("named pipe (FIFO), not a regular file") != std::string::npos);

    std::string zero = refusal([&] { import_backup(t.m.db, "/dev/zero"); });
    INFO(zero);
    CHECK(zero.find("/dev/zero") != std::string::npos);
    CHECK(zero.find("character device, not a regular file") != std::string::npos);

    // A link to /dev/zero is judged by what it points at.
    fs::create_symlink("/dev/zero", dir / "link.json");
    std::string link = refusal([&] { import_backup(t.m.db, dir / "link.json"); });
    CHECK(link.find((dir / "link.json").string()) != std::string::npos);
    CHECK(link.find("not a regular file") != std::string::npos);
    CHECK(t.tables() == before);
}
#endif

TEST_CASE("A file larger than any backup is refused before it is read", "[backup][files]") {
    test::TempDir dir;
    Fixture t;
    const fs::path big = dir / "huge.json";
    spit(big, "{");
    fs::resize_file(big, kMaxBackupBytes + 1);  // sparse: costs no disk
    std::string message = refusal([&] { import_backup(t.m.db, big); });
    INFO(message);
    CHECK(message.find(big.string()) != std::string::npos);
    CHECK(message.find("larger than 64 MiB") != std::string::npos);

    // The shared reader on its own: regular files within the bound are read whole.
    spit(dir / "small.json", "{\"a\": 1}");
    CHECK(read_regular_file(dir / "small.json", 100) == "{\"a\": 1}");
    CHECK_THROWS_AS(read_regular_file(dir / "small.json", 4), FileReadError);
    CHECK_THROWS_AS(read_regular_file(dir / "missing.json", 100), FileReadError);
}

TEST_CASE("Deep nesting is refused with a message and no crash", "[backup][json]") {
    test::TempDir dir;
    Fixture t;
    const auto before = t.tables();
    // "format" nested 200,000 deep used to overflow the stack while the
    // message quoting it was built.
    const std::string deep = "{\"format\": " + std::string(200000, '[') + std::string(200000, ']') + "}";
    spit(dir / "deep.json", deep);
    std::string message = refusal([&] { import_backup(t.m.db, dir / "deep.json"); });
    INFO(message);
    CHECK(message.find((dir / "deep.json").string()) != std::string::npos);
    CHECK(message.find("nested deeper than 64 levels at byte 75") != std::string::npos);
    CHECK(t.tables() == before);

    // The shared parser: 64 levels pass, 65 do not, brackets in strings do not count.
    CHECK(parse_json_bounded(std::string(64, '[') + std::string(64, ']')).is_array());
    CHECK_THROWS_AS(parse_json_bounded(std::string(65, '[') + std::string(65, ']')), JsonTooDeep);
    CHECK(parse_json_bounded("[\"" + std::string(1000, '[') + "\\\"{\"]").size() == 1);
    CHECK(json_nesting_depth(R"({"a": [{"b": "]]]"}, []]})") == 3);
}

TEST_CASE("Any failure while reading a backup names the file", "[backup][files]") {
    Fixture t;
    // Whatever goes wrong below the backup code (here: JSON that is fine but
    // whose rows are not), the message starts with the file's name.
    nlohmann::json j = backup_json(t.m.db, t.clock);
    j["tables"]["gratitude"] = nlohmann::json::array({nlohmann::json::object({{"id", nullptr}})});
    std::string message = refusal([&] { import_backup_json(t.m.db, j, "/media/usb/backup.json"); });
    CHECK(message.rfind("/media/usb/backup.json: ", 0) == 0);
}

// ---------------------------------------------------------------------------
// Times and durations out of range

namespace {

// A backup of `a` with one field of one row replaced, imported into `t`.
std::string import_with(Fixture& a, Fixture& t, const std::string& table, const std::string& field,
                        const nlohmann::json& value) {
    auto j = backup_json(a.m.db, a.clock);
    auto& rows = j["tables"][table];
    REQUIRE_FALSE(rows.empty());
    rows.back()[field] = value;
    return refusal([&] { import_backup_json(t.m.db, j, "odd.json"); });
}

} // namespace

TEST_CASE("A row stamped 1500 does not replace a 2026 edit", "[backup][time]") {
    Fixture a;
    std::string id = a.thank(0, "For the soup");
    auto j = backup_json(a.m.db, a.clock);
    Fixture b(false);
    import_backup_json(b.m.db, j, "v1.json");
    b.m.reload();
    a.clock.advance(std::chrono::hours{1});
    auto e = a.m.gratitude.get(id);
    REQUIRE(a.m.gratitude.update(id, GratitudeDraft{e->from_slot, "For the soup, edited in 2026", e->day, e->category_id, false}).ok());
    auto old = backup_json(b.m.db, b.clock);
    for (auto& row : old["tables"]["gratitude"]) {
        row["text"] = "Written in 1500";
        row["updated_at"] = "1500-01-01T00:00:00.000Z";  // wrapped to 2084 before the fix
    }
    const auto before = a.tables();
    std::string message = refusal([&] { import_backup_json(a.m.db, old, "old.json"); });
    INFO(message);
    CHECK(message.find("old.json: tables.gratitude[0].updated_at: expected a UTC time") != std::string::npos);
    CHECK(message.find("(row id \"" + id + "\")") != std::string::npos);
    CHECK(message.find("1970") != std::string::npos);
    CHECK(a.tables() == before);
    CHECK(a.m.gratitude.get(id)->text == "For the soup, edited in 2026");
}

TEST_CASE("Every time and day and duration in a backup is range-checked", "[backup][time]") {
    Fixture a;
    a.thank(0, "For the soup");
    PlanDraft p;
    p.title = "Dinner out";
    p.day = add_days(local_date(a.clock.now()), -1);
    auto plan = a.m.planner.add(p);
    REQUIRE(plan.ok());
    REQUIRE(a.m.planner.mark_done(plan.id, p.day).ok());
    BreakRequest br;
    br.minutes = 20;
    REQUIRE(a.m.breaks.start(br).ok());
    REQUIRE(a.m.reviews.start_this_week().ok());

    struct Case {
        const char* table;
        const char* field;
        nlohmann::json value;
        const char* expect;
    };
    const std::vector<Case> cases = {
        {"gratitude", "created_at", "2263-01-01T00:00:00.000Z", "].created_at: expected a UTC time from 1970"},
        {"gratitude", "day", "0001-01-01", "].day: expected a day from 1970-01-01 to 2199-12-31"},
        {"plan", "day", "0001-01-01", ".day: expected a day"},
        {"plan", "until", "9999-12-31", ".until: expected a day"},
        {"plan", "start_time", "25:00", ".start_time: expected a time of day"},
        {"plan", "length_minutes", 9223372036854775807LL, ".length_minutes: expected minutes from 0 to 10080"},
        {"plan_occurrence", "original_day", "1600-02-29", ".original_day: expected a day"},
        {"conflict_break", "planned_ms", 9223372036854775807LL, ".planned_ms: expected milliseconds from 0 to"},
        {"conflict_break", "paused_total_ms", -5, ".paused_total_ms: expected milliseconds from 0 to"},
        {"conflict_break", "return_at", "1500-01-01T00:00:00.000Z", ".return_at: expected a UTC time"},
        {"weekly_review", "week", "9999-W01", ".week: expected an ISO week"},
        {"plan", "interval_weeks", 1000000000, ".interval_weeks: expected weeks from 0 to 52"},
    };
    for (const auto& c : cases) {
        DYNAMIC_SECTION(c.table << "." << c.field) {
            Fixture t(false);
            const auto before = t.tables();
            std::string message = import_with(a, t, c.table, c.field, c.value);
            INFO(message);
            CHECK(message.rfind(std::string("odd.json: tables.") + c.table + "[", 0) == 0);
            CHECK(message.find(std::string(c.field) + ": expected") != std::string::npos);
            CHECK(message.find("(row id \"") != std::string::npos);
            CHECK(message.find(c.expect) != std::string::npos);
            CHECK(t.tables() == before);
        }
    }
}

// ---------------------------------------------------------------------------
// Two computers exchanging backups

namespace {

// Exports both, then imports each into the other: both orders at once.
void exchange(Fixture& a, Fixture& b) {
    auto from_a = backup_json(a.m.db, a.clock);
    auto from_b = backup_json(b.m.db, b.clock);
    import_backup_json(b.m.db, from_a, "from-a.json");
    import_backup_json(a.m.db, from_b, "from-b.json");
    a.m.reload();
    b.m.reload();
}

// A second computer set up from `a`'s backup.
void set_up_from(Fixture& a, Fixture& b) {
    import_backup_json(b.m.db, backup_json(a.m.db, a.clock), "setup.json");
    b.m.reload();
    REQUIRE(b.m.couple.is_set_up());
}

int64_t count_rows(Fixture& f, const std::string& sql) {
    auto& st = f.m.db.prepare(sql);
    REQUIRE(st.step());
    int64_t n = st.integer(0);
    st.reset();
    return n;
}

} // namespace

TEST_CASE("Rows that are one per natural key merge by that key and never jam", "[backup][merge]") {
    Fixture a;
    PlanDraft p;
    p.title = "Dinner out";
    p.day = add_days(local_date(a.clock.now()), -1);
    auto plan = a.m.planner.add(p);
    REQUIRE(plan.ok());
    Fixture b(false);
    set_up_from(a, b);

    // On each computer: the same occurrence done, the same week's review
    // started, each with its own random id for the new rows.
    a.clock.advance(std::chrono::minutes{5});
    b.clock.advance(std::chrono::minutes{7});
    REQUIRE(a.m.planner.mark_done(plan.id, p.day).ok());
    REQUIRE(b.m.planner.mark_done(plan.id, p.day).ok());
    REQUIRE(a.m.planner.set_memory(plan.id, p.day, "The little place by the river").ok());
    REQUIRE(a.m.planner.rate(plan.id, p.day, 0, 5).ok());
    REQUIRE(b.m.planner.rate(plan.id, p.day, 0, 4).ok());
    REQUIRE(b.m.planner.rate(plan.id, p.day, 1, 3).ok());
    auto ra = a.m.reviews.start_this_week();
    auto rb = b.m.reviews.start_this_week();
    REQUIRE(ra.ok());
    REQUIRE(rb.ok());
    REQUIRE(ra.id != rb.id);
    REQUIRE(a.m.reviews.set_connection(ra.id, 0, 8).ok());
    REQUIRE(b.m.reviews.set_connection(rb.id, 1, 6).ok());
    REQUIRE(b.m.reviews.set_loved_answer(rb.id, 0, "A walk on Sunday").ok());

    // Both ways at once: the imports succeed ...
    REQUIRE_NOTHROW(exchange(a, b));
    // ... and both computers now hold the same content.
    CHECK(a.tables() == b.tables());
    CHECK(count_rows(a, "SELECT count(*) FROM plan_occurrence") == 1);
    CHECK(count_rows(a, "SELECT count(*) FROM weekly_review") == 1);
    CHECK(count_rows(a, "SELECT count(*) FROM plan_rating") == 2);
    // The newest edit of each row won: a's memory, b's later ratings.
    auto occ = a.tables()["plan_occurrence"][0];
    CHECK(occ["state"] == "done");
    auto rating_of = [&](Fixture& f, int slot) {
        auto& st = f.m.db.prepare("SELECT stars FROM plan_rating r JOIN partner p ON p.id = r.partner WHERE p.slot = ?1");
        st.bind(1, slot);
        REQUIRE(st.step());
        auto v = st.integer(0);
        st.reset();
        return v;
    };
    CHECK(rating_of(a, 0) == 4);
    CHECK(rating_of(a, 1) == 3);
    auto review = a.m.reviews.for_week(iso_week(local_date(a.clock.now())));
    REQUIRE(review);
    CHECK(review->checkin[1].connection == 6);
    CHECK(review->checkin[0].loved_answer == "A walk on Sunday");

    // Later exchanges keep working, both ways, and add nothing.
    a.clock.advance(std::chrono::minutes{10});
    REQUIRE(a.m.planner.set_memory(plan.id, p.day, "The little place by the river, again").ok());
    REQUIRE_NOTHROW(exchange(a, b));
    CHECK(a.tables() == b.tables());
    auto again = import_backup_json(a.m.db, backup_json(b.m.db, b.clock), "again.json");
    CHECK(again.inserted == 0);
    CHECK(again.updated == 0);
}

TEST_CASE("The order of exchange does not matter", "[backup][merge]") {
    // Three computers from one backup; each starts the same week's review.
    Fixture a;
    Fixture b(false), c(false);
    set_up_from(a, b);
    set_up_from(a, c);
    REQUIRE(a.m.reviews.start_this_week().ok());
    b.clock.advance(std::chrono::minutes{1});
    REQUIRE(b.m.reviews.start_this_week().ok());
    c.clock.advance(std::chrono::minutes{2});
    REQUIRE(c.m.reviews.start_this_week().ok());
    const auto ja = backup_json(a.m.db, a.clock), jb = backup_json(b.m.db, b.clock), jc = backup_json(c.m.db, c.clock);
    // x gets b then c; y (a copy of a) gets c then b.
    Fixture x(false), y(false);
    import_backup_json(x.m.db, ja, "a.json");
    import_backup_json(y.m.db, ja, "a.json");
    import_backup_json(x.m.db, jb, "b.json");
    import_backup_json(x.m.db, jc, "c.json");
    import_backup_json(y.m.db, jc, "c.json");
    import_backup_json(y.m.db, jb, "b.json");
    CHECK(x.tables() == y.tables());
    CHECK(x.tables()["weekly_review"].size() == 1);
}

TEST_CASE("A deleted appreciation does not come back from an older backup", "[backup][merge]") {
    Fixture a;
    std::string keep = a.thank(0, "For the soup");
    std::string gone = a.thank(1, "For the walk");
    const auto older = backup_json(a.m.db, a.clock);
    Fixture b(false);
    set_up_from(a, b);

    a.clock.advance(std::chrono::minutes{1});
    REQUIRE(a.m.gratitude.remove(gone));
    // Its own older backup does not bring it back ...
    import_backup_json(a.m.db, older, "older.json");
    a.m.reload();
    CHECK_FALSE(a.m.gratitude.get(gone));
    CHECK(a.m.gratitude.get(keep));
    // ... nor does the other computer's copy, and the deletion travels there.
    REQUIRE_NOTHROW(exchange(a, b));
    CHECK_FALSE(a.m.gratitude.get(gone));
    CHECK_FALSE(b.m.gratitude.get(gone));
    CHECK(b.m.gratitude.get(keep));
    CHECK(a.tables() == b.tables());

    // Removed and brought back with undo: it stays, here and there.
    REQUIRE(a.m.gratitude.remove(keep));
    REQUIRE(a.m.gratitude.undo_remove() == keep);
    REQUIRE_NOTHROW(exchange(a, b));
    CHECK(a.m.gratitude.get(keep));
    CHECK(b.m.gratitude.get(keep));
    CHECK(a.tables() == b.tables());
}

TEST_CASE("An entry edited elsewhere after the copy that was deleted comes back", "[backup][merge]") {
    Fixture a;
    std::string id = a.thank(0, "For the soup");
    Fixture b(false);
    set_up_from(a, b);
    a.clock.advance(std::chrono::minutes{1});
    REQUIRE(a.m.gratitude.remove(id));
    b.clock.advance(std::chrono::minutes{2});
    auto e = b.m.gratitude.get(id);
    REQUIRE(b.m.gratitude.update(id, GratitudeDraft{e->from_slot, "For the soup, and the bread", e->day, e->category_id, false}).ok());
    // Deleting never silently wins over words written on the other computer.
    REQUIRE_NOTHROW(exchange(a, b));
    REQUIRE(a.m.gratitude.get(id));
    CHECK(a.m.gratitude.get(id)->text == "For the soup, and the bread");
    CHECK(a.tables() == b.tables());
}

TEST_CASE("A removed plan travels with its occurrences and ratings", "[backup][merge]") {
    Fixture a;
    PlanDraft p;
    p.title = "Dinner out";
    p.day = add_days(local_date(a.clock.now()), -1);
    auto plan = a.m.planner.add(p);
    REQUIRE(a.m.planner.mark_done(plan.id, p.day).ok());
    REQUIRE(a.m.planner.rate(plan.id, p.day, 0, 5).ok());
    Fixture b(false);
    set_up_from(a, b);
    a.clock.advance(std::chrono::minutes{1});
    REQUIRE(a.m.planner.remove(plan.id));
    REQUIRE_NOTHROW(exchange(a, b));
    CHECK_FALSE(b.m.planner.get(plan.id));
    CHECK(count_rows(b, "SELECT count(*) FROM plan_occurrence") == 0);
    CHECK(count_rows(b, "SELECT count(*) FROM plan_rating") == 0);
    CHECK(a.tables() == b.tables());
}

TEST_CASE("Restoring into a fresh install gives back what the backup holds for built-in rows", "[backup][merge]") {
    Fixture a;
    const auto ideas = a.m.ideas.all();
    REQUIRE(ideas.size() >= 2);
    const std::string used = ideas[0].id, hidden = ideas[1].id;
    a.clock.advance(std::chrono::hours{1});
    a.m.ideas.mark_used(used, local_date(a.clock.now()));
    a.m.ideas.mark_used(used, local_date(a.clock.now()));
    REQUIRE(a.m.ideas.remove(hidden));
    const auto category = a.m.categories.all().front().id;
    a.m.db.prepare("UPDATE gratitude_category SET label = 'Kind words', updated_at = ?2 WHERE id = ?1")
        .bind(1, category).bind(2, format_utc(a.clock.now())).run();
    const auto backup = backup_json(a.m.db, a.clock);

    // A new computer, set up a month later: its built-ins are seeded "now".
    Fixture fresh(false, kStart + std::chrono::hours{24 * 30});
    import_backup_json(fresh.m.db, backup, "restore.json");
    fresh.m.reload();
    auto idea = fresh.m.ideas.get(used);
    REQUIRE(idea);
    CHECK(idea->times_used == 2);
    CHECK(idea->last_used == local_date(a.clock.now()));
    CHECK_FALSE(fresh.m.ideas.get(hidden));  // hidden ideas are not listed
    CHECK(fresh.m.categories.label_of(category) == "Kind words");
    CHECK(fresh.tables() == a.tables());

    // Built-ins nobody touched are left as the backup has them too, and a
    // built-in used on the new computer afterwards keeps that use.
    fresh.m.ideas.mark_used(used, local_date(fresh.clock.now()));
    import_backup_json(fresh.m.db, backup, "restore.json");
    fresh.m.reload();
    CHECK(fresh.m.ideas.get(used)->times_used == 3);
}

TEST_CASE("Every table records its deletions, so a new table cannot forget to", "[backup][merge]") {
    Fixture a;
    std::set<std::string> tables, with_triggers;
    {
        auto& st = a.m.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'");
        while (st.step()) tables.insert(st.text(0));
    }
    auto& st = a.m.db.prepare("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' GROUP BY tbl_name "
                              "HAVING sum(name = tbl_name || '_deleted') = 1 AND sum(name = tbl_name || '_restored') = 1");
    while (st.step()) with_triggers.insert(st.text(0));
    tables.erase("setting");      // settings are overwritten, never deleted
    tables.erase("deleted_row");  // the record itself
    // The search index is derived data, rebuilt by triggers, never in a backup.
    std::erase_if(tables, [](const std::string& n) { return n == "search" || n.rfind("search_", 0) == 0; });
    CHECK(with_triggers == tables);
}

TEST_CASE("A row deleted here that the backup's rows still refer to comes back", "[backup][merge]") {
    Fixture a;
    auto little = a.m.categories.add("Little things");
    REQUIRE(little.ok());
    Fixture b(false);
    set_up_from(a, b);
    // Deleted here (categories have no delete yet: as another tool or a later
    // Hearth would) while the other computer files an entry under it.
    a.clock.advance(std::chrono::minutes{1});
    a.m.db.prepare("DELETE FROM gratitude_category WHERE id = ?1").bind(1, little.id).run();
    GratitudeDraft d;
    d.from_slot = 0;
    d.text = "For the stamps";
    d.day = local_date(b.clock.now());
    d.category_id = little.id;
    REQUIRE(b.m.gratitude.add(d).ok());
    REQUIRE_NOTHROW(exchange(a, b));
    CHECK(a.m.categories.label_of(little.id) == "Little things");
    CHECK(b.m.categories.label_of(little.id) == "Little things");
    CHECK(a.tables() == b.tables());
}

TEST_CASE("Every good backup of the corpus (the fuzz seeds) imports, twice", "[backup]") {
    for (const auto& e : fs::directory_iterator(kCorpus / "good")) {
        DYNAMIC_SECTION(e.path().filename().string()) {
            Fixture t(false);
            auto r = import_backup(t.m.db, e.path());
            CHECK(r.inserted > 0);
            auto again = import_backup(t.m.db, e.path());
            CHECK(again.inserted == 0);
            CHECK(again.updated == 0);
        }
    }
}

TEST_CASE("A break that came back on time survives a backup round trip", "[backup]") {
    // returned_on_time is a yes/no whose name ends like a time of day.
    test::TempDir dir;
    Fixture a;
    BreakRequest r;
    r.minutes = 20;
    auto id = a.m.breaks.start(r);
    REQUIRE(id.ok());
    a.clock.advance(std::chrono::minutes(21));
    a.m.breaks.tick();
    REQUIRE(a.m.breaks.come_back(id.id).ok());
    export_backup(a.m.db, a.clock, dir / "b.json");
    Fixture b(false);
    CHECK(import_backup(b.m.db, dir / "b.json").inserted > 0);
}
