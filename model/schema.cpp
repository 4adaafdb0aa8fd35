#include "schema.h"

#include <algorithm>
#include "search.h"

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <vector>

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
    // Guided exercises (model/exercise_session.h). The exercise's
    // steps live in a JSON definition (assets/exercises/); a session records
    // which definition (id + version) it ran, and a row per step run.
    //  - durations_json: the planned length of each step, {"share": ms, ...},
    //    as chosen at setup.
    //  - state: running / paused while under way; closing once the last step is
    //    done (ratings next); finished or ended_early once over. A session still
    //    running or paused at start-up was interrupted.
    //  - turn / step_index / step_seq: where the session is; the step timer is
    //    anchor_at + anchor_elapsed_ms like conflict_break.
    //  - exercise_step: one row per step run, loop repetitions included;
    //    outcome is NULL while the step runs, then 'next', 'got_it',
    //    'not_quite', 'back' or 'ended_early'.
    Migration{3, "guided exercises", R"sql(
CREATE TABLE exercise_session (
    id                  TEXT PRIMARY KEY,
    exercise_id         TEXT NOT NULL,
    exercise_version    INTEGER NOT NULL,
    topic               TEXT NOT NULL,
    source_break        TEXT REFERENCES conflict_break(id),
    first_speaker       TEXT NOT NULL REFERENCES partner(id),
    rounds              INTEGER NOT NULL CHECK (rounds > 0),
    durations_json      TEXT NOT NULL,
    state               TEXT NOT NULL
                        CHECK (state IN ('running', 'paused', 'closing', 'finished', 'ended_early')),
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
CREATE INDEX exercise_session_by_start ON exercise_session(started_at DESC);
CREATE INDEX exercise_session_by_state ON exercise_session(state);
CREATE TABLE exercise_step (
    id                  TEXT PRIMARY KEY,
    session_id          TEXT NOT NULL REFERENCES exercise_session(id),
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
CREATE TABLE exercise_rating (
    id                  TEXT PRIMARY KEY,
    session_id          TEXT NOT NULL REFERENCES exercise_session(id),
    partner             TEXT NOT NULL REFERENCES partner(id),
    felt_heard          INTEGER NOT NULL CHECK (felt_heard BETWEEN 1 AND 5),
    note                TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    UNIQUE (session_id, partner)
);
)sql"},
    // The quality-time planner (model/planner.h, model/idea_bank.h).
    //  - plan_kind / idea: built-in rows (stable ids from assets/) plus the
    //    couple's own; an idea the couple removes is hidden, not deleted.
    //  - plan: day + start_time are local ("2026-09-21", "19:00"); repeat is
    //    none / daily / weekly; weekdays is a bit mask (bit 0 Monday .. bit 6
    //    Sunday); interval_weeks is N in "every N weeks"; until is the last
    //    local day of a ritual (NULL = no end); sequence counts changes (the
    //    iCalendar SEQUENCE).
    //  - plan_occurrence: what differs on one occurrence, keyed by plan +
    //    original_day: a move (day / start_time), changes (NULL = as planned),
    //    the state and the shared memory note.
    //  - plan_rating: each partner's 1..5 for one occurrence.
    Migration{4, "quality-time planner", R"sql(
CREATE TABLE plan_kind (
    id          TEXT PRIMARY KEY,
    label       TEXT NOT NULL,
    builtin     INTEGER NOT NULL DEFAULT 0,
    sort_order  INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE TABLE idea (
    id              TEXT PRIMARY KEY,
    title           TEXT NOT NULL,
    kind_id         TEXT NOT NULL REFERENCES plan_kind(id),
    length_minutes  INTEGER NOT NULL CHECK (length_minutes > 0),
    description     TEXT NOT NULL DEFAULT '',
    builtin         INTEGER NOT NULL DEFAULT 0,
    sort_order      INTEGER NOT NULL DEFAULT 0,
    hidden          INTEGER NOT NULL DEFAULT 0,
    last_used_day   TEXT,
    times_used      INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE TABLE plan (
    id              TEXT PRIMARY KEY,
    title           TEXT NOT NULL,
    kind_id         TEXT NOT NULL REFERENCES plan_kind(id),
    day             TEXT NOT NULL,
    start_time      TEXT NOT NULL,
    length_minutes  INTEGER NOT NULL CHECK (length_minutes > 0),
    place           TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    suggested_by    TEXT REFERENCES partner(id),
    phones_away     INTEGER NOT NULL DEFAULT 0,
    repeat          TEXT NOT NULL DEFAULT 'none' CHECK (repeat IN ('none', 'daily', 'weekly')),
    weekdays        INTEGER NOT NULL DEFAULT 0,
    interval_weeks  INTEGER NOT NULL DEFAULT 1 CHECK (interval_weeks >= 1),
    until           TEXT,
    idea_id         TEXT REFERENCES idea(id),
    sequence        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX plan_by_day ON plan(day, start_time);
CREATE INDEX plan_by_repeat ON plan(repeat);
CREATE TABLE plan_occurrence (
    id              TEXT PRIMARY KEY,
    plan_id         TEXT NOT NULL REFERENCES plan(id),
    original_day    TEXT NOT NULL,
    day             TEXT,
    start_time      TEXT,
    title           TEXT,
    place           TEXT,
    notes           TEXT,
    length_minutes  INTEGER CHECK (length_minutes IS NULL OR length_minutes > 0),
    state           TEXT NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'done', 'skipped')),
    memory          TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (plan_id, original_day)
);
CREATE INDEX plan_occurrence_by_day ON plan_occurrence(day);
CREATE INDEX plan_occurrence_by_original ON plan_occurrence(original_day);
CREATE INDEX plan_occurrence_by_state ON plan_occurrence(state);
CREATE TABLE plan_rating (
    id              TEXT PRIMARY KEY,
    occurrence_id   TEXT NOT NULL REFERENCES plan_occurrence(id),
    partner         TEXT NOT NULL REFERENCES partner(id),
    stars           INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (occurrence_id, partner)
);
)sql"},
    // The weekly review (model/weekly_review.h): one row per ISO week reviewed.
    //  - week: the ISO week it is about, "2026-W39" (one review per week);
    //    step: where the flow is, 0..4; finished_at: NULL while under way.
    //  - issue_*: the one issue. source: where the topic came from (a break,
    //    a listening session, or new), its text copied; outcome: what was done
    //    (listened: issue_session is the session started; scheduled: a local
    //    issue_day + issue_time, or issue_plan; left). A removed plan leaves
    //    issue_plan NULL.
    //  - weekly_review_checkin: each partner's connection rating (1..10) and
    //    answer to "what can I do to make you feel loved this coming week?".
    //  - weekly_review_plan: the plans made during the review, in order; a
    //    removed plan drops out.
    Migration{5, "weekly review", R"sql(
CREATE TABLE weekly_review (
    id                  TEXT PRIMARY KEY,
    week                TEXT NOT NULL UNIQUE,
    step                INTEGER NOT NULL DEFAULT 0 CHECK (step BETWEEN 0 AND 4),
    started_at          TEXT NOT NULL,
    finished_at         TEXT,
    went_well_note      TEXT NOT NULL DEFAULT '',
    issue_source        TEXT NOT NULL DEFAULT 'none' CHECK (issue_source IN ('none', 'break', 'session', 'new')),
    issue_break         TEXT REFERENCES conflict_break(id),
    issue_from_session  TEXT REFERENCES exercise_session(id),
    issue_topic         TEXT NOT NULL DEFAULT '',
    issue_outcome       TEXT NOT NULL DEFAULT 'none'
                        CHECK (issue_outcome IN ('none', 'listened', 'scheduled', 'left')),
    issue_session       TEXT REFERENCES exercise_session(id),
    issue_day           TEXT,
    issue_time          TEXT,
    issue_plan          TEXT REFERENCES plan(id) ON DELETE SET NULL,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX weekly_review_by_finished ON weekly_review(finished_at);
CREATE TABLE weekly_review_checkin (
    id                  TEXT PRIMARY KEY,
    review_id           TEXT NOT NULL REFERENCES weekly_review(id),
    partner             TEXT NOT NULL REFERENCES partner(id),
    connection          INTEGER CHECK (connection IS NULL OR connection BETWEEN 1 AND 10),
    loved_answer        TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    UNIQUE (review_id, partner)
);
CREATE TABLE weekly_review_plan (
    id                  TEXT PRIMARY KEY,
    review_id           TEXT NOT NULL REFERENCES weekly_review(id),
    plan_id             TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    position            INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    UNIQUE (review_id, plan_id)
);
)sql"},
    // Deletions that travel with backups (docs/backup-format.md, "Deleting").
    //  - deleted_row: one row per deleted row, id "<table>/<row id>";
    //    updated_at is the updated_at of the copy that was deleted, so a copy
    //    edited later elsewhere wins over the deletion and an older one does not.
    //  - a trigger per table records every DELETE (cascades included) and
    //    forgets the deletion when the row is inserted again (undo, or a newer
    //    copy merged from a backup). `setting` rows are never deleted by the
    //    couple. A new table adds its two triggers in its own migration
    //    (tests/model/backup_test.cpp checks that every table has them).
    Migration{6, "deletions that travel with backups", R"sql(
CREATE TABLE deleted_row (
    id          TEXT PRIMARY KEY,
    table_name  TEXT NOT NULL,
    row_id      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE TRIGGER partner_deleted AFTER DELETE ON partner BEGIN
    INSERT INTO deleted_row(id, table_name, row_id, created_at, updated_at)
    VALUES('partner/' || OLD.id, 'partner', OLD.id, OLD.updated_at, OLD.updated_at)
    ON CONFLICT(id) DO UPDATE SET updated_at = max(updated_at, excluded.updated_at);
END;
CREATE TRIGGER partner_restored AFTER INSERT ON partner BEGIN
    DELETE FROM deleted_row WHERE id = 'partner/' || NEW.id;
END;
CREATE TRIGGER gratitude_category_deleted AFTER DELETE ON gratitude_category BEGIN
    INSERT INTO deleted_row(id, table_name, row_id, created_at, updated_at)
    VALUES('gratitude_category/' || OLD.id, 'gratitude_category', OLD.id, OLD.updated_at, OLD.updated_at)
    ON CONFLICT(id) DO UPDATE SET updated_at = max(updated_at, excluded.updated_at);
END;
CREATE TRIGGER gratitude_category_restored AFTER INSERT ON gratitude_category BEGIN
    DELETE FROM deleted_row WHERE id = 'gratitude_category/' || NEW.id;
END;
CREATE TRIGGER gratitude_deleted AFTER DELETE ON gratitude BEGIN
    INSERT INTO deleted_row(id, table_name, row_id, created_at, updated_at)
    VALUES('gratitude/' || OLD.id, 'gratitude', OLD.id, OLD.updated_at, OLD.updated_at)
    ON CONFLICT(id) DO UPDATE SET updated_at = max(updated_at, excluded.updated_at);
END;
CREATE TRIGGER gratitude_restored AFTER INSERT ON gratitude BEGIN
    DELETE FROM deleted_row WHERE id = 'gratitude/' || NEW.id;
END;
CREATE TRIGGER conflict_break_deleted AFTER DELETE ON conflict_break BEGIN
    INSERT INTO deleted_row(id, table_name, row_id, created_at, updated_at)
    VALUES('conflict_break/' || OLD.id, 'conflict_break', OLD.id, OLD.updated_at, OLD.updated_at)
    ON CONFLICT(id) DO UPDATE SET updated_at = max(updated_at, excluded.updated_at);
END;
CREATE TRIGGER conflict_break_restored AFTER INSERT ON conflict_break BEGIN
    DELETE FROM deleted_row WHERE id = 'conflict_break/' || NEW.id;
END;
CREATE TRIGGER exercise_session_deleted AFTER DELETE ON exercise_session BEGIN
    INSERT INTO deleted_row(id, table_name, row_id, created_at, updated_at)
    VALUES('exercise_session/' || OLD.id, 'exercise_session', OLD.id, OLD.updated_at, OLD.updated_at)
    ON CONFLICT(id) DO UPDATE SET updated_at = max(updated_at, excluded.updated_at);
END;
CREATE TRIGGER exercise_session_restored AFTER INSERT ON exercise_session BEGIN
    DELETE FROM deleted_row WHERE id = 'exercise_session/' || NEW.id;
END;
CREATE TRIGGER exercise_step_deleted AFTER DELETE ON exercise_step BEGIN
    INSERT INTO deleted_row(id, table_name, row_id, created_at, updated_at)
    VALUES('exercise_step/' || OLD.id, 'exercise_step', OLD.id, OLD.updated_at, OLD.updated_at)
    ON CONFLICT(id) DO UPDATE SET updated_at = max(updated_at, excluded.updated_at);
END;
CREATE TRIGGER exercise_step_restored AFTER INSERT ON exercise_step BEGIN
    DELETE FROM deleted_row WHERE id = 'exercise_step/' || NEW.id;
END;
CREATE TRIGGER exercise_rating_deleted AFTER DELETE ON exercise_rating BEGIN
    INSERT INTO deleted_row(id, table_name, row_id, created_at, updated_at)
    VALUES('exercise_rating/' || OLD.id, 'exercise_rating', OLD.id, OLD.updated_at, OLD.updated_at)
    ON CONFLICT(id) DO UPDATE SET updated_at = max(updated_at, excluded.updated_at);
END;
CREATE TRIGGER exercise_rating_restored AFTER INSERT ON exercise_rating BEGIN
    DELETE FROM deleted_row WHERE id = 'exercise_rating/' || NEW.id;
END;
CREATE TRIGGER plan_kind_deleted AFTER DELETE ON plan_kind BEGIN
    INSERT INTO deleted_row(id, table_name, row_id, created_at, updated_at)
    VALUES('plan_kind/' || OLD.id, 'plan_kind', OLD.id, OLD.updated_at, OLD.updated_at)
    ON CONFLICT(id) DO UPDATE SET updated_at = max(updated_at, excluded.updated_at);
END;
CREATE TRIGGER plan_kind_restored AFTER INSERT ON plan_kind BEGIN
    DELETE FROM deleted_row WHERE id = 'plan_kind/' || NEW.id;
END;
CREATE TRIGGER idea_deleted AFTER DELETE ON idea BEGIN
    INSERT INTO deleted_row(id, table_name, row_id, created_at, updated_at)
    VALUES('idea/' || OLD.id, 'idea', OLD.id, OLD.updated_at, OLD.updated_at)
    ON CONFLICT(id) DO UPDATE SET updated_at = max(updated_at, excluded.updated_at);
END;
CREATE TRIGGER idea_restored AFTER INSERT ON idea BEGIN
    DELETE FROM deleted_row WHERE id = 'idea/' || NEW.id;
END;
CREATE TRIGGER plan_deleted AFTER DELETE ON plan BEGIN
    INSERT INTO deleted_row(id, table_name, row_id, created_at, updated_at)
    VALUES('plan/' || OLD.id, 'plan', OLD.id, OLD.updated_at, OLD.updated_at)
    ON CONFLICT(id) DO UPDATE SET updated_at = max(updated_at, excluded.updated_at);
END;
CREATE TRIGGER plan_restored AFTER INSERT ON plan BEGIN
    DELETE FROM deleted_row WHERE id = 'plan/' || NEW.id;
END;
CREATE TRIGGER plan_occurrence_deleted AFTER DELETE ON plan_occurrence BEGIN
    INSERT INTO deleted_row(id, table_name, row_id, created_at, updated_at)
    VALUES('plan_occurrence/' || OLD.id, 'plan_occurrence', OLD.id, OLD.updated_at, OLD.updated_at)
    ON CONFLICT(id) DO UPDATE SET updated_at = max(updated_at, excluded.updated_at);
END;
CREATE TRIGGER plan_occurrence_restored AFTER INSERT ON plan_occurrence BEGIN
    DELETE FROM deleted_row WHERE id = 'plan_occurrence/' || NEW.id;
END;
CREATE TRIGGER plan_rating_deleted AFTER DELETE ON plan_rating BEGIN
    INSERT INTO deleted_row(id, table_name, row_id, created_at, updated_at)
    VALUES('plan_rating/' || OLD.id, 'plan_rating', OLD.id, OLD.updated_at, OLD.updated_at)
    ON CONFLICT(id) DO UPDATE SET updated_at = max(updated_at, excluded.updated_at);
END;
CREATE TRIGGER plan_rating_restored AFTER INSERT ON plan_rating BEGIN
    DELETE FROM deleted_row WHERE id = 'plan_rating/' || NEW.id;
END;
CREATE TRIGGER weekly_review_deleted AFTER DELETE ON weekly_review BEGIN
    INSERT INTO deleted_row(id, table_name, row_id, created_at, updated_at)
    VALUES('weekly_review/' || OLD.id, 'weekly_review', OLD.id, OLD.updated_at, OLD.updated_at)
    ON CONFLICT(id) DO UPDATE SET updated_at = max(updated_at, excluded.updated_at);
END;
CREATE TRIGGER weekly_review_restored AFTER INSERT ON weekly_review BEGIN
    DELETE FROM deleted_row WHERE id = 'weekly_review/' || NEW.id;
END;
CREATE TRIGGER weekly_review_checkin_deleted AFTER DELETE ON weekly_review_checkin BEGIN
    INSERT INTO deleted_row(id, table_name, row_id, created_at, updated_at)
    VALUES('weekly_review_checkin/' || OLD.id, 'weekly_review_checkin', OLD.id, OLD.updated_at, OLD.updated_at)
    ON CONFLICT(id) DO UPDATE SET updated_at = max(updated_at, excluded.updated_at);
END;
CREATE TRIGGER weekly_review_checkin_restored AFTER INSERT ON weekly_review_checkin BEGIN
    DELETE FROM deleted_row WHERE id = 'weekly_review_checkin/' || NEW.id;
END;
CREATE TRIGGER weekly_review_plan_deleted AFTER DELETE ON weekly_review_plan BEGIN
    INSERT INTO deleted_row(id, table_name, row_id, created_at, updated_at)
    VALUES('weekly_review_plan/' || OLD.id, 'weekly_review_plan', OLD.id, OLD.updated_at, OLD.updated_at)
    ON CONFLICT(id) DO UPDATE SET updated_at = max(updated_at, excluded.updated_at);
END;
CREATE TRIGGER weekly_review_plan_restored AFTER INSERT ON weekly_review_plan BEGIN
    DELETE FROM deleted_row WHERE id = 'weekly_review_plan/' || NEW.id;
END;
)sql"},
    // Conversation cards (model/decks.h). The shipped decks and their cards are
    // files (assets/decks/); only what the couple adds or does is stored.
    //  - card_deck / own_card: the couple's own decks and cards. own_card.deck_id
    //    is a shipped deck's id or a card_deck id (no foreign key: shipped decks
    //    are not rows).
    //  - card_key: "deck-id/card-id" for a shipped card, own_card.id for an own one.
    //  - card_mark: favourite / hidden per card. No UNIQUE on card_key, so two
    //    devices' rows merge; the newest row for a card wins.
    //  - card_talk: each time a card came up: kind draw (to talk about), day (the
    //    question of the day, for local `day`) or review (the weekly review's
    //    deeper card); the question as it read then; outcome open / skipped /
    //    talked, with the couple's note. Counting rows per kind and card is what
    //    keeps draws from repeating.
    //  - card_round: a guess-and-reveal round: the answerer's answer, the other's
    //    guess, and how close the answerer said it was (NULL until said).
    Migration{7, "conversation cards", R"sql(
CREATE TABLE card_deck (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    hidden      INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE TABLE own_card (
    id          TEXT PRIMARY KEY,
    deck_id     TEXT NOT NULL,
    question    TEXT NOT NULL,
    follow_up   TEXT NOT NULL DEFAULT '',
    depth       TEXT NOT NULL DEFAULT 'light' CHECK (depth IN ('light', 'deep')),
    tags        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE TABLE card_mark (
    id          TEXT PRIMARY KEY,
    card_key    TEXT NOT NULL,
    favourite   INTEGER NOT NULL DEFAULT 0,
    hidden      INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX card_mark_by_card ON card_mark(card_key);
CREATE TABLE card_talk (
    id          TEXT PRIMARY KEY,
    card_key    TEXT NOT NULL,
    deck_id     TEXT NOT NULL,
    question    TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('draw', 'day', 'review')),
    choice      TEXT NOT NULL DEFAULT '',
    day         TEXT NOT NULL,
    outcome     TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'skipped', 'talked')),
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX card_talk_by_kind ON card_talk(kind, card_key);
CREATE INDEX card_talk_by_day ON card_talk(day, kind);
CREATE INDEX card_talk_by_created ON card_talk(created_at);
CREATE TABLE card_round (
    id          TEXT PRIMARY KEY,
    talk_id     TEXT NOT NULL REFERENCES card_talk(id),
    answerer    TEXT NOT NULL REFERENCES partner(id),
    answer      TEXT NOT NULL,
    guess       TEXT NOT NULL,
    closeness   TEXT CHECK (closeness IS NULL OR closeness IN ('spot_on', 'close', 'partly', 'not_really')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX card_round_by_talk ON card_round(talk_id);
CREATE TRIGGER card_deck_deleted AFTER DELETE ON card_deck BEGIN
    INSERT INTO deleted_row(id, table_name, row_id, created_at, updated_at)
    VALUES('card_deck/' || OLD.id, 'card_deck', OLD.id, OLD.updated_at, OLD.updated_at)
    ON CONFLICT(id) DO UPDATE SET updated_at = max(updated_at, excluded.updated_at);
END;
CREATE TRIGGER card_deck_restored AFTER INSERT ON card_deck BEGIN
    DELETE FROM deleted_row WHERE id = 'card_deck/' || NEW.id;
END;
CREATE TRIGGER own_card_deleted AFTER DELETE ON own_card BEGIN
    INSERT INTO deleted_row(id, table_name, row_id, created_at, updated_at)
    VALUES('own_card/' || OLD.id, 'own_card', OLD.id, OLD.updated_at, OLD.updated_at)
    ON CONFLICT(id) DO UPDATE SET updated_at = max(updated_at, excluded.updated_at);
END;
CREATE TRIGGER own_card_restored AFTER INSERT ON own_card BEGIN
    DELETE FROM deleted_row WHERE id = 'own_card/' || NEW.id;
END;
CREATE TRIGGER card_mark_deleted AFTER DELETE ON card_mark BEGIN
    INSERT INTO deleted_row(id, table_name, row_id, created_at, updated_at)
    VALUES('card_mark/' || OLD.id, 'card_mark', OLD.id, OLD.updated_at, OLD.updated_at)
    ON CONFLICT(id) DO UPDATE SET updated_at = max(updated_at, excluded.updated_at);
END;
CREATE TRIGGER card_mark_restored AFTER INSERT ON card_mark BEGIN
    DELETE FROM deleted_row WHERE id = 'card_mark/' || NEW.id;
END;
CREATE TRIGGER card_talk_deleted AFTER DELETE ON card_talk BEGIN
    INSERT INTO deleted_row(id, table_name, row_id, created_at, updated_at)
    VALUES('card_talk/' || OLD.id, 'card_talk', OLD.id, OLD.updated_at, OLD.updated_at)
    ON CONFLICT(id) DO UPDATE SET updated_at = max(updated_at, excluded.updated_at);
END;
CREATE TRIGGER card_talk_restored AFTER INSERT ON card_talk BEGIN
    DELETE FROM deleted_row WHERE id = 'card_talk/' || NEW.id;
END;
CREATE TRIGGER card_round_deleted AFTER DELETE ON card_round BEGIN
    INSERT INTO deleted_row(id, table_name, row_id, created_at, updated_at)
    VALUES('card_round/' || OLD.id, 'card_round', OLD.id, OLD.updated_at, OLD.updated_at)
    ON CONFLICT(id) DO UPDATE SET updated_at = max(updated_at, excluded.updated_at);
END;
CREATE TRIGGER card_round_restored AFTER INSERT ON card_round BEGIN
    DELETE FROM deleted_row WHERE id = 'card_round/' || NEW.id;
END;
)sql"},
    // Search over the couple's text (model/search.h). search_doc: one row per
    // (kind, row, field) holding text, with its day, its id the day's julian
    // day number * 2^24 + the order written that day, so the index's rowid
    // order is newest-first by day (a page of hits needs no sort); `search` (FTS5, the
    // "hearth" tokenizer: unicode61 remove_diacritics 2 plus emoji tokens)
    // indexes search_doc.body. Triggers on every table with the couple's text
    // keep both in step; existing rows are indexed here. Derived data: backups
    // skip `search` and its *_-named tables, search_doc included, so they need
    // no deletion triggers.
    Migration{8, "search", R"sql(
CREATE TABLE search_doc (
    id          INTEGER PRIMARY KEY,  -- julian day number * 2^24 + order written that day
    kind        INTEGER NOT NULL,
    row_id      TEXT NOT NULL,
    field       TEXT NOT NULL,
    day         TEXT NOT NULL,
    body        TEXT NOT NULL,
    UNIQUE (kind, row_id, field)
);
CREATE VIRTUAL TABLE search USING fts5(body, content='search_doc', content_rowid='id',
    tokenize='hearth', prefix='1 2 3');
INSERT INTO search_doc(id, kind, row_id, field, day, body)
SELECT coalesce(CAST(julianday(day) AS INTEGER), 0) * 16777216
       + row_number() OVER (PARTITION BY day ORDER BY created, kind, row_id, field),
       kind, row_id, field, day, body FROM (
SELECT 0 AS kind, r.id AS row_id, 'text' AS field, r.day AS day, r.text AS body, r.created_at AS created FROM gratitude r WHERE coalesce(r.text, '') <> ''
UNION ALL SELECT 1 AS kind, r.id AS row_id, 'title' AS field, r.day AS day, r.title AS body, r.created_at AS created FROM plan r WHERE coalesce(r.title, '') <> ''
UNION ALL SELECT 1 AS kind, r.id AS row_id, 'notes' AS field, r.day AS day, r.notes AS body, r.created_at AS created FROM plan r WHERE coalesce(r.notes, '') <> ''
UNION ALL SELECT 1 AS kind, r.id AS row_id, 'place' AS field, r.day AS day, r.place AS body, r.created_at AS created FROM plan r WHERE coalesce(r.place, '') <> ''
UNION ALL SELECT 2 AS kind, r.id AS row_id, 'title' AS field, coalesce(r.day, r.original_day) AS day, r.title AS body, r.created_at AS created FROM plan_occurrence r WHERE coalesce(r.title, '') <> ''
UNION ALL SELECT 2 AS kind, r.id AS row_id, 'notes' AS field, coalesce(r.day, r.original_day) AS day, r.notes AS body, r.created_at AS created FROM plan_occurrence r WHERE coalesce(r.notes, '') <> ''
UNION ALL SELECT 2 AS kind, r.id AS row_id, 'place' AS field, coalesce(r.day, r.original_day) AS day, r.place AS body, r.created_at AS created FROM plan_occurrence r WHERE coalesce(r.place, '') <> ''
UNION ALL SELECT 2 AS kind, r.id AS row_id, 'memory' AS field, coalesce(r.day, r.original_day) AS day, r.memory AS body, r.created_at AS created FROM plan_occurrence r WHERE coalesce(r.memory, '') <> ''
UNION ALL SELECT 3 AS kind, r.id AS row_id, 'went_well_note' AS field, substr(r.started_at, 1, 10) AS day, r.went_well_note AS body, r.created_at AS created FROM weekly_review r WHERE coalesce(r.went_well_note, '') <> ''
UNION ALL SELECT 3 AS kind, r.id AS row_id, 'issue_topic' AS field, substr(r.started_at, 1, 10) AS day, r.issue_topic AS body, r.created_at AS created FROM weekly_review r WHERE coalesce(r.issue_topic, '') <> ''
UNION ALL SELECT 4 AS kind, r.id AS row_id, 'loved_answer' AS field, coalesce((SELECT substr(w.started_at, 1, 10) FROM weekly_review w WHERE w.id = r.review_id), substr(r.created_at, 1, 10)) AS day, r.loved_answer AS body, r.created_at AS created FROM weekly_review_checkin r WHERE coalesce(r.loved_answer, '') <> ''
UNION ALL SELECT 5 AS kind, r.id AS row_id, 'topic' AS field, substr(r.started_at, 1, 10) AS day, r.topic AS body, r.created_at AS created FROM conflict_break r WHERE coalesce(r.topic, '') <> ''
UNION ALL SELECT 6 AS kind, r.id AS row_id, 'topic' AS field, substr(r.started_at, 1, 10) AS day, r.topic AS body, r.created_at AS created FROM exercise_session r WHERE coalesce(r.topic, '') <> ''
UNION ALL SELECT 7 AS kind, r.id AS row_id, 'note' AS field, substr(r.created_at, 1, 10) AS day, r.note AS body, r.created_at AS created FROM exercise_rating r WHERE coalesce(r.note, '') <> ''
UNION ALL SELECT 8 AS kind, r.id AS row_id, 'question' AS field, r.day AS day, r.question AS body, r.created_at AS created FROM card_talk r WHERE coalesce(r.question, '') <> ''
UNION ALL SELECT 8 AS kind, r.id AS row_id, 'note' AS field, r.day AS day, r.note AS body, r.created_at AS created FROM card_talk r WHERE coalesce(r.note, '') <> ''
UNION ALL SELECT 9 AS kind, r.id AS row_id, 'answer' AS field, coalesce((SELECT t.day FROM card_talk t WHERE t.id = r.talk_id), substr(r.created_at, 1, 10)) AS day, r.answer AS body, r.created_at AS created FROM card_round r WHERE coalesce(r.answer, '') <> ''
UNION ALL SELECT 9 AS kind, r.id AS row_id, 'guess' AS field, coalesce((SELECT t.day FROM card_talk t WHERE t.id = r.talk_id), substr(r.created_at, 1, 10)) AS day, r.guess AS body, r.created_at AS created FROM card_round r WHERE coalesce(r.guess, '') <> '');
INSERT INTO search(search) VALUES('rebuild');
CREATE TRIGGER search_doc_added AFTER INSERT ON search_doc BEGIN
    INSERT INTO search(rowid, body) VALUES(NEW.id, NEW.body);
END;
CREATE TRIGGER search_doc_removed AFTER DELETE ON search_doc BEGIN
    INSERT INTO search(search, rowid, body) VALUES('delete', OLD.id, OLD.body);
END;
CREATE TRIGGER gratitude_search_added AFTER INSERT ON gratitude BEGIN
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           0, NEW.id, 'text', v.d, NEW.text
    FROM (SELECT NEW.day AS d, coalesce(CAST(julianday(NEW.day) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.text, '') <> '';
END;
CREATE TRIGGER gratitude_search_changed AFTER UPDATE OF text, day ON gratitude BEGIN
    DELETE FROM search_doc WHERE kind = 0 AND row_id = OLD.id;
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           0, NEW.id, 'text', v.d, NEW.text
    FROM (SELECT NEW.day AS d, coalesce(CAST(julianday(NEW.day) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.text, '') <> '';
END;
CREATE TRIGGER gratitude_search_removed AFTER DELETE ON gratitude BEGIN
    DELETE FROM search_doc WHERE kind = 0 AND row_id = OLD.id;
END;
CREATE TRIGGER plan_search_added AFTER INSERT ON plan BEGIN
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           1, NEW.id, 'title', v.d, NEW.title
    FROM (SELECT NEW.day AS d, coalesce(CAST(julianday(NEW.day) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.title, '') <> '';
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           1, NEW.id, 'notes', v.d, NEW.notes
    FROM (SELECT NEW.day AS d, coalesce(CAST(julianday(NEW.day) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.notes, '') <> '';
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           1, NEW.id, 'place', v.d, NEW.place
    FROM (SELECT NEW.day AS d, coalesce(CAST(julianday(NEW.day) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.place, '') <> '';
END;
CREATE TRIGGER plan_search_changed AFTER UPDATE OF title, notes, place, day ON plan BEGIN
    DELETE FROM search_doc WHERE kind = 1 AND row_id = OLD.id;
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           1, NEW.id, 'title', v.d, NEW.title
    FROM (SELECT NEW.day AS d, coalesce(CAST(julianday(NEW.day) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.title, '') <> '';
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           1, NEW.id, 'notes', v.d, NEW.notes
    FROM (SELECT NEW.day AS d, coalesce(CAST(julianday(NEW.day) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.notes, '') <> '';
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           1, NEW.id, 'place', v.d, NEW.place
    FROM (SELECT NEW.day AS d, coalesce(CAST(julianday(NEW.day) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.place, '') <> '';
END;
CREATE TRIGGER plan_search_removed AFTER DELETE ON plan BEGIN
    DELETE FROM search_doc WHERE kind = 1 AND row_id = OLD.id;
END;
CREATE TRIGGER plan_occurrence_search_added AFTER INSERT ON plan_occurrence BEGIN
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           2, NEW.id, 'title', v.d, NEW.title
    FROM (SELECT coalesce(NEW.day, NEW.original_day) AS d, coalesce(CAST(julianday(coalesce(NEW.day, NEW.original_day)) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.title, '') <> '';
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           2, NEW.id, 'notes', v.d, NEW.notes
    FROM (SELECT coalesce(NEW.day, NEW.original_day) AS d, coalesce(CAST(julianday(coalesce(NEW.day, NEW.original_day)) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.notes, '') <> '';
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           2, NEW.id, 'place', v.d, NEW.place
    FROM (SELECT coalesce(NEW.day, NEW.original_day) AS d, coalesce(CAST(julianday(coalesce(NEW.day, NEW.original_day)) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.place, '') <> '';
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           2, NEW.id, 'memory', v.d, NEW.memory
    FROM (SELECT coalesce(NEW.day, NEW.original_day) AS d, coalesce(CAST(julianday(coalesce(NEW.day, NEW.original_day)) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.memory, '') <> '';
END;
CREATE TRIGGER plan_occurrence_search_changed AFTER UPDATE OF title, notes, place, memory, day, original_day ON plan_occurrence BEGIN
    DELETE FROM search_doc WHERE kind = 2 AND row_id = OLD.id;
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           2, NEW.id, 'title', v.d, NEW.title
    FROM (SELECT coalesce(NEW.day, NEW.original_day) AS d, coalesce(CAST(julianday(coalesce(NEW.day, NEW.original_day)) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.title, '') <> '';
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           2, NEW.id, 'notes', v.d, NEW.notes
    FROM (SELECT coalesce(NEW.day, NEW.original_day) AS d, coalesce(CAST(julianday(coalesce(NEW.day, NEW.original_day)) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.notes, '') <> '';
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           2, NEW.id, 'place', v.d, NEW.place
    FROM (SELECT coalesce(NEW.day, NEW.original_day) AS d, coalesce(CAST(julianday(coalesce(NEW.day, NEW.original_day)) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.place, '') <> '';
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           2, NEW.id, 'memory', v.d, NEW.memory
    FROM (SELECT coalesce(NEW.day, NEW.original_day) AS d, coalesce(CAST(julianday(coalesce(NEW.day, NEW.original_day)) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.memory, '') <> '';
END;
CREATE TRIGGER plan_occurrence_search_removed AFTER DELETE ON plan_occurrence BEGIN
    DELETE FROM search_doc WHERE kind = 2 AND row_id = OLD.id;
END;
CREATE TRIGGER weekly_review_search_added AFTER INSERT ON weekly_review BEGIN
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           3, NEW.id, 'went_well_note', v.d, NEW.went_well_note
    FROM (SELECT substr(NEW.started_at, 1, 10) AS d, coalesce(CAST(julianday(substr(NEW.started_at, 1, 10)) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.went_well_note, '') <> '';
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           3, NEW.id, 'issue_topic', v.d, NEW.issue_topic
    FROM (SELECT substr(NEW.started_at, 1, 10) AS d, coalesce(CAST(julianday(substr(NEW.started_at, 1, 10)) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.issue_topic, '') <> '';
END;
CREATE TRIGGER weekly_review_search_changed AFTER UPDATE OF went_well_note, issue_topic, started_at ON weekly_review BEGIN
    DELETE FROM search_doc WHERE kind = 3 AND row_id = OLD.id;
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           3, NEW.id, 'went_well_note', v.d, NEW.went_well_note
    FROM (SELECT substr(NEW.started_at, 1, 10) AS d, coalesce(CAST(julianday(substr(NEW.started_at, 1, 10)) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.went_well_note, '') <> '';
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           3, NEW.id, 'issue_topic', v.d, NEW.issue_topic
    FROM (SELECT substr(NEW.started_at, 1, 10) AS d, coalesce(CAST(julianday(substr(NEW.started_at, 1, 10)) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.issue_topic, '') <> '';
END;
CREATE TRIGGER weekly_review_search_removed AFTER DELETE ON weekly_review BEGIN
    DELETE FROM search_doc WHERE kind = 3 AND row_id = OLD.id;
END;
CREATE TRIGGER weekly_review_checkin_search_added AFTER INSERT ON weekly_review_checkin BEGIN
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           4, NEW.id, 'loved_answer', v.d, NEW.loved_answer
    FROM (SELECT coalesce((SELECT substr(w.started_at, 1, 10) FROM weekly_review w WHERE w.id = NEW.review_id), substr(NEW.created_at, 1, 10)) AS d, coalesce(CAST(julianday(coalesce((SELECT substr(w.started_at, 1, 10) FROM weekly_review w WHERE w.id = NEW.review_id), substr(NEW.created_at, 1, 10))) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.loved_answer, '') <> '';
END;
CREATE TRIGGER weekly_review_checkin_search_changed AFTER UPDATE OF loved_answer ON weekly_review_checkin BEGIN
    DELETE FROM search_doc WHERE kind = 4 AND row_id = OLD.id;
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           4, NEW.id, 'loved_answer', v.d, NEW.loved_answer
    FROM (SELECT coalesce((SELECT substr(w.started_at, 1, 10) FROM weekly_review w WHERE w.id = NEW.review_id), substr(NEW.created_at, 1, 10)) AS d, coalesce(CAST(julianday(coalesce((SELECT substr(w.started_at, 1, 10) FROM weekly_review w WHERE w.id = NEW.review_id), substr(NEW.created_at, 1, 10))) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.loved_answer, '') <> '';
END;
CREATE TRIGGER weekly_review_checkin_search_removed AFTER DELETE ON weekly_review_checkin BEGIN
    DELETE FROM search_doc WHERE kind = 4 AND row_id = OLD.id;
END;
CREATE TRIGGER conflict_break_search_added AFTER INSERT ON conflict_break BEGIN
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           5, NEW.id, 'topic', v.d, NEW.topic
    FROM (SELECT substr(NEW.started_at, 1, 10) AS d, coalesce(CAST(julianday(substr(NEW.started_at, 1, 10)) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.topic, '') <> '';
END;
CREATE TRIGGER conflict_break_search_changed AFTER UPDATE OF topic, started_at ON conflict_break BEGIN
    DELETE FROM search_doc WHERE kind = 5 AND row_id = OLD.id;
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           5, NEW.id, 'topic', v.d, NEW.topic
    FROM (SELECT substr(NEW.started_at, 1, 10) AS d, coalesce(CAST(julianday(substr(NEW.started_at, 1, 10)) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.topic, '') <> '';
END;
CREATE TRIGGER conflict_break_search_removed AFTER DELETE ON conflict_break BEGIN
    DELETE FROM search_doc WHERE kind = 5 AND row_id = OLD.id;
END;
CREATE TRIGGER exercise_session_search_added AFTER INSERT ON exercise_session BEGIN
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           6, NEW.id, 'topic', v.d, NEW.topic
    FROM (SELECT substr(NEW.started_at, 1, 10) AS d, coalesce(CAST(julianday(substr(NEW.started_at, 1, 10)) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.topic, '') <> '';
END;
CREATE TRIGGER exercise_session_search_changed AFTER UPDATE OF topic, started_at ON exercise_session BEGIN
    DELETE FROM search_doc WHERE kind = 6 AND row_id = OLD.id;
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           6, NEW.id, 'topic', v.d, NEW.topic
    FROM (SELECT substr(NEW.started_at, 1, 10) AS d, coalesce(CAST(julianday(substr(NEW.started_at, 1, 10)) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.topic, '') <> '';
END;
CREATE TRIGGER exercise_session_search_removed AFTER DELETE ON exercise_session BEGIN
    DELETE FROM search_doc WHERE kind = 6 AND row_id = OLD.id;
END;
CREATE TRIGGER exercise_rating_search_added AFTER INSERT ON exercise_rating BEGIN
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           7, NEW.id, 'note', v.d, NEW.note
    FROM (SELECT substr(NEW.created_at, 1, 10) AS d, coalesce(CAST(julianday(substr(NEW.created_at, 1, 10)) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.note, '') <> '';
END;
CREATE TRIGGER exercise_rating_search_changed AFTER UPDATE OF note ON exercise_rating BEGIN
    DELETE FROM search_doc WHERE kind = 7 AND row_id = OLD.id;
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           7, NEW.id, 'note', v.d, NEW.note
    FROM (SELECT substr(NEW.created_at, 1, 10) AS d, coalesce(CAST(julianday(substr(NEW.created_at, 1, 10)) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.note, '') <> '';
END;
CREATE TRIGGER exercise_rating_search_removed AFTER DELETE ON exercise_rating BEGIN
    DELETE FROM search_doc WHERE kind = 7 AND row_id = OLD.id;
END;
CREATE TRIGGER card_talk_search_added AFTER INSERT ON card_talk BEGIN
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           8, NEW.id, 'question', v.d, NEW.question
    FROM (SELECT NEW.day AS d, coalesce(CAST(julianday(NEW.day) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.question, '') <> '';
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           8, NEW.id, 'note', v.d, NEW.note
    FROM (SELECT NEW.day AS d, coalesce(CAST(julianday(NEW.day) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.note, '') <> '';
END;
CREATE TRIGGER card_talk_search_changed AFTER UPDATE OF question, note, day ON card_talk BEGIN
    DELETE FROM search_doc WHERE kind = 8 AND row_id = OLD.id;
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           8, NEW.id, 'question', v.d, NEW.question
    FROM (SELECT NEW.day AS d, coalesce(CAST(julianday(NEW.day) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.question, '') <> '';
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           8, NEW.id, 'note', v.d, NEW.note
    FROM (SELECT NEW.day AS d, coalesce(CAST(julianday(NEW.day) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.note, '') <> '';
END;
CREATE TRIGGER card_talk_search_removed AFTER DELETE ON card_talk BEGIN
    DELETE FROM search_doc WHERE kind = 8 AND row_id = OLD.id;
END;
CREATE TRIGGER card_round_search_added AFTER INSERT ON card_round BEGIN
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           9, NEW.id, 'answer', v.d, NEW.answer
    FROM (SELECT coalesce((SELECT t.day FROM card_talk t WHERE t.id = NEW.talk_id), substr(NEW.created_at, 1, 10)) AS d, coalesce(CAST(julianday(coalesce((SELECT t.day FROM card_talk t WHERE t.id = NEW.talk_id), substr(NEW.created_at, 1, 10))) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.answer, '') <> '';
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           9, NEW.id, 'guess', v.d, NEW.guess
    FROM (SELECT coalesce((SELECT t.day FROM card_talk t WHERE t.id = NEW.talk_id), substr(NEW.created_at, 1, 10)) AS d, coalesce(CAST(julianday(coalesce((SELECT t.day FROM card_talk t WHERE t.id = NEW.talk_id), substr(NEW.created_at, 1, 10))) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.guess, '') <> '';
END;
CREATE TRIGGER card_round_search_changed AFTER UPDATE OF answer, guess ON card_round BEGIN
    DELETE FROM search_doc WHERE kind = 9 AND row_id = OLD.id;
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           9, NEW.id, 'answer', v.d, NEW.answer
    FROM (SELECT coalesce((SELECT t.day FROM card_talk t WHERE t.id = NEW.talk_id), substr(NEW.created_at, 1, 10)) AS d, coalesce(CAST(julianday(coalesce((SELECT t.day FROM card_talk t WHERE t.id = NEW.talk_id), substr(NEW.created_at, 1, 10))) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.answer, '') <> '';
    INSERT INTO search_doc(id, kind, row_id, field, day, body)
    SELECT v.b + 1 + coalesce((SELECT max(x.id) - v.b FROM search_doc x WHERE x.id > v.b AND x.id < v.b + 16777216), 0),
           9, NEW.id, 'guess', v.d, NEW.guess
    FROM (SELECT coalesce((SELECT t.day FROM card_talk t WHERE t.id = NEW.talk_id), substr(NEW.created_at, 1, 10)) AS d, coalesce(CAST(julianday(coalesce((SELECT t.day FROM card_talk t WHERE t.id = NEW.talk_id), substr(NEW.created_at, 1, 10))) AS INTEGER), 0) * 16777216 AS b) v
    WHERE coalesce(NEW.guess, '') <> '';
END;
CREATE TRIGGER card_round_search_removed AFTER DELETE ON card_round BEGIN
    DELETE FROM search_doc WHERE kind = 9 AND row_id = OLD.id;
END;
)sql"},
    // Search under 5 ms on ten years (issue 12): a word typed whole ("thank")
    // is a prefix query, and without a prefix index of its length FTS5 merges
    // the doclists of every term it starts (thank, thanks, thankful, ...) on
    // each query. Prefix indexes up to 6 characters make that one doclist read
    // (the index grows by about 40%). The table keeps its name, so the
    // search_doc triggers of migration 8 write to the new one; it is rebuilt
    // from search_doc and merged into one segment.
    Migration{9, "search prefixes", R"sql(
DROP TABLE search;
CREATE VIRTUAL TABLE search USING fts5(body, content='search_doc', content_rowid='id',
    tokenize='hearth', prefix='1 2 3 4 5 6');
INSERT INTO search(search) VALUES('rebuild');
INSERT INTO search(search) VALUES('optimize');
)sql"},
};

std::span<const Migration> migrations() { return kMigrations; }

int latest_schema_version() { return kMigrations.back().version; }

namespace {
// table -> its columns, in order.
using SchemaShape = std::map<std::string, std::vector<std::string>>;

SchemaShape shape_of(Database& db) {
    SchemaShape shape;
    std::vector<std::string> tables;
    {
        Statement st(db.raw(), "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        while (st.step()) tables.push_back(st.text(0));
    }
    for (const auto& t : tables) {
        Statement st(db.raw(), "SELECT name FROM pragma_table_info(?1)");
        st.bind(1, t);
        auto& cols = shape[t];
        while (st.step()) cols.push_back(st.text(0));
    }
    return shape;
}

void run_migrations(Database& db, int from, int target) {
    register_search_tokenizer(db);  // the search triggers need it on every connection that writes
    for (const auto& m : kMigrations) {
        if (m.version <= from || m.version > target) continue;
        Transaction tx(db);
        db.exec(m.sql);
        db.exec("PRAGMA user_version = " + std::to_string(m.version));
        tx.commit();
    }
}

// What the migrations make at `version`, built once in memory.
const SchemaShape& expected_shape(int version) {
    static std::mutex mutex;
    static std::map<int, SchemaShape> cache;
    std::lock_guard lock(mutex);
    auto it = cache.find(version);
    if (it == cache.end()) {
        Database scratch = Database::open_memory();
        run_migrations(scratch, 0, version);
        it = cache.emplace(version, shape_of(scratch)).first;
    }
    return it->second;
}
} // namespace

void check_schema(Database& db) {
    register_search_tokenizer(db);  // reading the search table needs it
    const int current = db.user_version();
    const std::string file = db.in_memory() ? "The in-memory database" : "The database " + db.name();
    if (current > latest_schema_version())
        throw DbError(file + " was written by a newer version of Hearth (schema " + std::to_string(current) +
                      ", this Hearth knows up to " + std::to_string(latest_schema_version()) +
                      "). Update Hearth to open it; the file was not changed.");
    if (current < 0) throw DbError(file + " has a schema version (" + std::to_string(current) + ") no Hearth writes; the file was not changed.");
    const SchemaShape found = shape_of(db);
    if (current == 0) {
        if (found.empty()) return;  // a new database
        std::string names;
        for (const auto& [table, cols] : found) names += (names.empty() ? "" : ", ") + table;
        throw DbError(file + " is not a Hearth database: it holds tables (" + names +
                      ") but no Hearth schema version. Hearth did not change it; give Hearth a new file with --db.");
    }
    std::vector<std::string> missing;
    for (const auto& [table, columns] : expected_shape(current)) {
        auto it = found.find(table);
        if (it == found.end()) {
            missing.push_back("the table " + table);
            continue;
        }
        for (const auto& c : columns)
            if (std::find(it->second.begin(), it->second.end(), c) == it->second.end())
                missing.push_back("the column " + table + "." + c);
    }
    if (missing.empty()) return;
    std::string list;
    for (std::size_t i = 0; i < missing.size() && i < 8; ++i) list += (i ? ", " : "") + missing[i];
    if (missing.size() > 8) list += " and " + std::to_string(missing.size() - 8) + " more";
    throw DbError(file + " is damaged: " + list + (missing.size() == 1 ? " is" : " are") + " missing (schema " +
                  std::to_string(current) + " has " + (missing.size() == 1 ? "it" : "them") +
                  "). Hearth did not change the file; restore it from a backup.");
}

void migrate(Database& db, int target) {
    if (target < 0) target = latest_schema_version();
    check_schema(db);
    db.use_wal();
    run_migrations(db, db.user_version(), target);
}

} // namespace hearth
