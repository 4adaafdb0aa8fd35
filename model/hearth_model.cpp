#include "hearth_model.h"

#include "schema.h"

namespace hearth {

Database Model::migrated(Database db) {
    migrate(db);
    return db;
}

Model::Model(Database database, const Clock& c, const std::filesystem::path& assets, DeviceStore device_store, OpenDatabase open_snapshot)
    : clock(c),
      assets_dir(assets),
      db(migrated(std::move(database))),
      device(std::move(device_store)),
      settings(db, device, clock),
      couple(db, clock),
      categories(db, clock),
      gratitude(db, clock, couple, categories),
      breaks(db, clock, couple, settings, &device),
      exercises({assets_dir / "exercises"}),
      sessions(db, clock, couple, exercises, breaks),
      plan_kinds(db, clock),
      ideas(db, clock, plan_kinds),
      planner(db, clock, couple, plan_kinds, ideas),
      reviews(db, clock, couple, gratitude, breaks),
      decks(db, clock, couple, {assets_dir / "decks"}),
      snapshots(db, clock, std::move(open_snapshot)),
      break_time(db.name(), db.encrypted(), breaks, clock),
      looks_file(db.name(), db.encrypted(), settings) {
    settings.move_device_keys_out();
    categories.seed_builtin(assets_dir);
    plan_kinds.seed_builtin(assets_dir);
    ideas.seed_builtin(assets_dir);
    break_time.sync();  // a break that ran out while Hearth was closed: its file goes
}

void Model::reload() {
    settings.reload();
    settings.move_device_keys_out();  // an import of an old backup may bring some
    couple.reload();
    categories.reload();
    gratitude.invalidate();
    breaks.reload();
    sessions.reload();
    plan_kinds.reload();
    ideas.reload();
    planner.reload();
    reviews.reload();
    decks.reload();
}

} // namespace hearth
