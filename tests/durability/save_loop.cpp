// For scripts/durability.sh: saves appreciations one by one, as the window does,
// and checks a database after a kill -9.
//
//   hearth_durability save DB [COUNT]  saves "save 1", "save 2", ... (forever, or
//                                      COUNT of them), printing each number once
//                                      its save has returned (is committed)
//   hearth_durability check DB         prints "integrity ok" (or SQLite's
//                                      complaints), "saves N contiguous|gaps"
//                                      and "rows t1=n1 t2=n2 ..." for every table
// An encrypted database is opened with the passphrase in
// HEARTH_DURABILITY_PASSPHRASE (scripts/durability-encrypted.sh).
#include "cipher_vfs.h"
#include "clock.h"
#include "encryption.h"
#include "hearth_model.h"
#include "time_util.h"

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

using namespace hearth;

namespace {
std::shared_ptr<const SecretKey> key_for(const char* path) {
    if (!is_encrypted_file(path)) return nullptr;
    const char* pass = std::getenv("HEARTH_DURABILITY_PASSPHRASE");
    auto key = unlock_database(path, pass ? pass : "");
    if (!key) throw std::runtime_error("wrong HEARTH_DURABILITY_PASSPHRASE");
    return key;
}

int save(const char* path, long count) {
    SystemClock clock;
    Model m(open_couple_database(path, key_for(path)), clock, HEARTH_ASSETS);
    if (!m.couple.is_set_up()) m.couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180});
    long n = 0;
    {
        auto& st = m.db.prepare("SELECT count(*) FROM gratitude WHERE text LIKE 'save %'");
        st.step();
        n = st.integer(0);
        st.reset();
    }
    for (long i = 0; count < 0 || i < count; ++i) {
        GratitudeDraft d;
        d.from_slot = int(i % 2);
        d.text = "save " + std::to_string(++n);
        d.day = local_date(clock.now());
        auto r = m.gratitude.add(d);
        if (!r.ok()) {
            std::fprintf(stderr, "save refused: %s\n", r.error.c_str());
            return 1;
        }
        std::printf("%ld\n", n);
        std::fflush(stdout);
    }
    return 0;
}

int check(const char* path) {
    sqlite3* db = nullptr;
    std::shared_ptr<const SecretKey> key;
    try {
        key = key_for(path);
    } catch (const std::exception& e) {
        std::printf("cannot unlock: %s\n", e.what());
        return 1;
    }
    std::optional<cipher::KeyLoan> loan;
    if (key) loan.emplace(key->derive(kCoupleFileKey));
    const std::string target = loan ? loan->uri(path) : std::string(path);
    if (sqlite3_open_v2(target.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, nullptr) != SQLITE_OK) {
        std::printf("cannot open: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    sqlite3_exec(db, "PRAGMA temp_store=MEMORY", nullptr, nullptr, nullptr);
    auto rows = [&](const std::string& sql) {
        std::vector<std::vector<std::string>> out;
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
            out.push_back({std::string("error: ") + sqlite3_errmsg(db)});
            return out;
        }
        while (sqlite3_step(st) == SQLITE_ROW) {
            std::vector<std::string> row;
            for (int i = 0; i < sqlite3_column_count(st); ++i) {
                auto t = sqlite3_column_text(st, i);
                row.emplace_back(t ? reinterpret_cast<const char*>(t) : "");
            }
            out.push_back(std::move(row));
        }
        sqlite3_finalize(st);
        return out;
    };
    std::string integrity;
    for (auto& r : rows("PRAGMA integrity_check")) integrity += (integrity.empty() ? "" : "; ") + r[0];
    std::printf("integrity %s\n", integrity.c_str());
    auto saves = rows("SELECT count(*), coalesce(max(CAST(substr(text, 6) AS INTEGER)), 0) FROM gratitude WHERE text LIKE 'save %'");
    if (!saves.empty() && saves[0].size() == 2)
        std::printf("saves %s %s\n", saves[0][0].c_str(), saves[0][0] == saves[0][1] ? "contiguous" : "gaps");
    std::string counts;
    for (auto& t : rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"))
        counts += " " + t[0] + "=" + rows("SELECT count(*) FROM \"" + t[0] + "\"")[0][0];
    std::printf("rows%s\n", counts.c_str());
    sqlite3_close(db);
    return integrity == "ok" ? 0 : 1;
}
} // namespace

int main(int argc, char** argv) {
    if (argc >= 3 && std::string(argv[1]) == "save") {
        try {
            return save(argv[2], argc >= 4 ? std::atol(argv[3]) : -1);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "%s\n", e.what());
            return 1;
        }
    }
    if (argc == 3 && std::string(argv[1]) == "check") return check(argv[2]);
    std::fprintf(stderr, "usage: hearth_durability save DB [COUNT] | check DB\n");
    return 2;
}
