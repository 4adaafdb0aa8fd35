#include "schema.h"

#include <array>
#include <string>

namespace hearth {

// The one schema. Conventions every table follows, so backups merge by id:
//  - a stable random id (UUID text) as PRIMARY KEY (settings use their key);
//  - created_at and updated_at, UTC "YYYY-MM-DDTHH:MM:SS.mmmZ";
//  - calendar days as local "YYYY-MM-DD" text.
// Never edit a shipped migration: append a new one.
static constexpr std::array kMigrations{
    Migration{1, "couple, settings, gratitude log", R"sql(
CREATE TABLE partner (
    id          TEXT PRIMARY KEY,
    slot        INTEGER NOT NULL UNIQUE CHECK (slot IN (0, 1)),
    name        TEXT NOT NULL,
    color       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE TABLE setting (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE TABLE gratitude_category (
    id          TEXT PRIMARY KEY,
    label       TEXT NOT NULL,
    builtin     INTEGER NOT NULL DEFAULT 0,
    sort_order  INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE TABLE gratitude (
    id               TEXT PRIMARY KEY,
    from_partner     TEXT NOT NULL REFERENCES partner(id),
    to_partner       TEXT NOT NULL REFERENCES partner(id),
    text             TEXT NOT NULL,
    day              TEXT NOT NULL,
    category_id      TEXT REFERENCES gratitude_category(id),
    shared_in_review INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK (from_partner <> to_partner)
);
CREATE INDEX gratitude_by_day ON gratitude(day DESC, created_at DESC);
CREATE INDEX gratitude_by_from ON gratitude(from_partner, day);
)sql"},
    // Conflict breaks (model/breaks.h). Lengths and elapsed times in
    // milliseconds, so a return time given as a clock time is kept exactly.
    //  - planned_ms: the length asked for; extended_ms: added by "extend".
    //  - return_at: the agreed return time (moves with pause and extend).
    //  - anchor_at / anchor_elapsed_ms: at anchor_at (UTC) the countdown had run
    //    anchor_elapsed_ms; a restart derives remaining time from these.
    //  - follow_up_of: a "more time" break points at the chain's first break,
    //    whose topic and start (for the 24-hour limit) the chain shares.
    //  - actual_ms: countdown time that ran (paused time excluded), once ended.
    //  - returned_on_time: NULL until they are back (and for 'continued').
    Migration{2, "conflict breaks", R"sql(
CREATE TABLE conflict_break (
    id                  TEXT PRIMARY KEY,
    caller_partner      TEXT NOT NULL REFERENCES partner(id),
    topic               TEXT,
    topic_status        TEXT NOT NULL DEFAULT 'none'
                        CHECK (topic_status IN ('none', 'open', 'talked_through', 'dismissed')),
    topic_resolved_at   TEXT,
    follow_up_of        TEXT REFERENCES conflict_break(id),
    planned_ms          INTEGER NOT NULL CHECK (planned_ms > 0),
    extended_ms         INTEGER NOT NULL DEFAULT 0 CHECK (extended_ms >= 0),
    started_at          TEXT NOT NULL,
    return_at           TEXT NOT NULL,
    state               TEXT NOT NULL
                        CHECK (state IN ('running', 'paused', 'expired', 'ended_early', 'returned', 'continued')),
    anchor_at           TEXT NOT NULL,
    anchor_elapsed_ms   INTEGER NOT NULL DEFAULT 0,
    paused_at           TEXT,
    paused_total_ms     INTEGER NOT NULL DEFAULT 0,
    ended_at            TEXT,
    actual_ms           INTEGER,
    ended_while_closed  INTEGER NOT NULL DEFAULT 0,
    returned_at         TEXT,
    returned_on_time    INTEGER,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX conflict_break_by_start ON conflict_break(started_at DESC);
CREATE INDEX conflict_break_by_state ON conflict_break(state);
CREATE INDEX conflict_break_by_topic ON conflict_break(topic_status);
)sql"},
    // Guided listening exercises (model/exercise_session.h). The exercise's
    // steps live in a JSON definition (assets/exercises/); a session records
    // which definition (id + version) it ran, and a row per step run.
    //  - durations_json: the planned length of each step, {"share": ms, ...},
    //    as chosen at setup.
    //  - state: running / paused while under way; finished or ended_early once
    //    over. A session still running or paused at start-up was interrupted.
    //  - turn / step_index / step_seq: where the session is; the step timer is
    //    anchor_at + anchor_elapsed_ms like conflict_break.
    //  - listening_step: one row per step run, loop repetitions included;
    //    outcome is NULL while the step runs, then 'next', 'got_it',
    //    'not_quite', 'back' or 'ended_early'.
    Migration{3, "listening exercises", R"sql(
CREATE TABLE listening_session (
    id                  TEXT PRIMARY KEY,
    exercise_id         TEXT NOT NULL,
    exercise_version    INTEGER NOT NULL,
    topic               TEXT NOT NULL,
    source_break        TEXT REFERENCES conflict_break(id),
    first_speaker       TEXT NOT NULL REFERENCES partner(id),
    rounds              INTEGER NOT NULL CHECK (rounds > 0),
    durations_json      TEXT NOT NULL,
    state               TEXT NOT NULL
                        CHECK (state IN ('running', 'paused', 'finished', 'ended_early')),
    turn                INTEGER NOT NULL DEFAULT 0,
    step_index          INTEGER NOT NULL DEFAULT 0,
    step_seq            INTEGER NOT NULL DEFAULT 0,
    anchor_at           TEXT NOT NULL,
    anchor_elapsed_ms   INTEGER NOT NULL DEFAULT 0,
    paused_at           TEXT,
    clarify_loops       INTEGER NOT NULL DEFAULT 0,
    topic_talked_through INTEGER NOT NULL DEFAULT 0,
    started_at          TEXT NOT NULL,
    ended_at            TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX listening_session_by_start ON listening_session(started_at DESC);
CREATE INDEX listening_session_by_state ON listening_session(state);
CREATE TABLE listening_step (
    id                  TEXT PRIMARY KEY,
    session_id          TEXT NOT NULL REFERENCES listening_session(id),
    seq                 INTEGER NOT NULL,
    turn                INTEGER NOT NULL,
    step_id             TEXT NOT NULL,
    speaker             TEXT NOT NULL REFERENCES partner(id),
    listener            TEXT NOT NULL REFERENCES partner(id),
    planned_ms          INTEGER NOT NULL,
    actual_ms           INTEGER,
    outcome             TEXT CHECK (outcome IN ('next', 'got_it', 'not_quite', 'back', 'ended_early')),
    started_at          TEXT NOT NULL,
    ended_at            TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    UNIQUE (session_id, seq)
);
CREATE TABLE listening_rating (
    id                  TEXT PRIMARY KEY,
    session_id          TEXT NOT NULL REFERENCES listening_session(id),
    partner             TEXT NOT NULL REFERENCES partner(id),
    felt_heard          INTEGER NOT NULL CHECK (felt_heard BETWEEN 1 AND 5),
    note                TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    UNIQUE (session_id, partner)
);
)sql"},
};

std::span<const Migration> migrations() { return kMigrations; }

int latest_schema_version() { return kMigrations.back().version; }

void migrate(Database& db, int target) {
    if (target < 0) target = latest_schema_version();
    int current = db.user_version();
    if (current > latest_schema_version())
        throw DbError("The database " + db.name() + " was written by a newer version of Hearth (schema " +
                      std::to_string(current) + ", this Hearth knows up to " +
                      std::to_string(latest_schema_version()) +
                      "). Update Hearth to open it; the file was not changed.");
    for (const auto& m : kMigrations) {
        if (m.version <= current || m.version > target) continue;
        Transaction tx(db);
        db.exec(m.sql);
        db.exec("PRAGMA user_version = " + std::to_string(m.version));
        tx.commit();
    }
}

} // namespace hearth
