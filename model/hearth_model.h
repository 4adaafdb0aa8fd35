#pragma once
// Everything the app knows, on one database connection. The window, the tests,
// the benchmark and the command-line verbs all use this same object.
#include "break_time_file.h"
#include "looks_file.h"
#include "breaks.h"
#include "clock.h"
#include "couple.h"
#include "database.h"
#include "decks.h"
#include "device_store.h"
#include "exercise_definition.h"
#include "exercise_session.h"
#include "gratitude.h"
#include "gratitude_categories.h"
#include "idea_bank.h"
#include "planner.h"
#include "settings.h"
#include "snapshots.h"
#include "weekly_review.h"

#include <filesystem>

namespace hearth {

class Model {
public:
    // Migrates `db` to the latest schema and seeds the shipped categories from
    // assets_dir. Throws DbError / std::runtime_error with a message for the user.
    // `device` is this machine's store (window, last panel, drafts); in memory
    // unless the app opens the one beside the database file.
    // `open_snapshot` opens every connection to a snapshot file (model/snapshots.h);
    // by default as `db` was opened (an encrypted database's key).
    Model(Database db, const Clock& clock, const std::filesystem::path& assets_dir,
          DeviceStore device = DeviceStore::in_memory(), OpenDatabase open_snapshot = {});
    Model(const Model&) = delete;
    Model& operator=(const Model&) = delete;

    // Re-reads cached state after the database changed underneath (an import).
    void reload();

    const Clock& clock;
    const std::filesystem::path assets_dir;
    Database db;
    DeviceStore device;            // never in a backup: see device_store.h
    Settings settings;
    Couple couple;
    GratitudeCategories categories;
    GratitudeLog gratitude;
    Breaks breaks;
    Exercises exercises;           // assets_dir/"exercises" (+ add_dir for --exercises DIR)
    ExerciseSessions sessions;
    PlanKinds plan_kinds;          // assets_dir/"plan_kinds.json" + the couple's own
    IdeaBank ideas;                // assets_dir/"ideas.json" + the couple's own
    Planner planner;
    WeeklyReviews reviews;
    Decks decks;                   // assets_dir/"decks" (+ add_dir for --decks DIR) + the couple's own
    Snapshots snapshots;           // automatic backups beside the database file (none in memory)
    BreakTimeFile break_time;      // a running break's time for the unlock screen (encrypted only)
    LooksFile looks_file;          // theme, text and window size for the unlock screen (encrypted only)

private:
    static Database migrated(Database db);
};

} // namespace hearth
