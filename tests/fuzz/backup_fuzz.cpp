// libFuzzer target for the backup reader: any bytes given to the import either
// merge or are refused with a BackupError; nothing else may escape, crash,
// hang, leak or trip ASan/UBSan. Built only with -DHEARTH_FUZZ=ON and clang;
// run by scripts/fuzz.sh, seeded from tests/corpus/backups.
#include "backup.h"
#include "database.h"
#include "schema.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

// The target holds a couple (the corpus's partner ids) and an entry, so the
// merge meets rows of its own and not only an empty database.
hearth::Database target() {
    hearth::Database db = hearth::Database::open_memory();
    hearth::migrate(db);
    db.exec(R"sql(
INSERT INTO partner(id, slot, name, color, created_at, updated_at) VALUES
  ('11111111-1111-4111-8111-111111111111', 0, 'Maya', '#c45848', '2026-09-01T08:00:00.000Z', '2026-09-01T08:00:00.000Z'),
  ('22222222-2222-4222-8222-222222222222', 1, 'Sam', '#3a7ab4', '2026-09-01T08:00:00.000Z', '2026-09-01T08:00:00.000Z');
INSERT INTO gratitude(id, from_partner, to_partner, text, day, created_at, updated_at) VALUES
  ('aaaaaaaa-0000-4000-8000-000000000001', '11111111-1111-4111-8111-111111111111',
   '22222222-2222-4222-8222-222222222222', 'For the soup', '2026-09-01', '2026-09-01T08:00:00.000Z',
   '2026-09-01T08:00:00.000Z');
)sql");
    return db;
}

// Migrating is most of the cost of one run: copy a migrated template instead.
hearth::Database fresh_target() {
    static hearth::Database templ = target();
    hearth::Database db = hearth::Database::open_memory();
    sqlite3_backup* b = sqlite3_backup_init(db.raw(), "main", templ.raw(), "main");
    if (!b || sqlite3_backup_step(b, -1) != SQLITE_DONE) __builtin_trap();
    sqlite3_backup_finish(b);
    return db;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    hearth::Database db = fresh_target();
    try {
        hearth::import_backup_bytes(db, std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json");
    } catch (const hearth::BackupError&) {
        // A refusal is a correct answer.
    }
    return 0;
}
