#pragma once
// State of this machine, apart from the couple's data: window geometry, the last
// panel, what a screen shows, and text typed but not yet saved (drafts). It lives
// in its own small SQLite file beside the couple's database (`<db>.device`),
// owner-only, and is never exported, imported or merged: a backup holds the
// couple's data only (docs/backup-format.md).
//
// Drafts are written on every keystroke, so the file runs WAL with
// synchronous=NORMAL: a commit is in the WAL (the OS's page cache) before it
// returns, which survives kill -9 of Hearth without an fsync per keystroke; only
// a power cut can lose the last few keystrokes of a draft, never saved data.
#include "database.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace hearth {

class DeviceStore {
public:
    // The store beside a couple's database file (created owner-only when absent).
    static std::filesystem::path path_for(const std::filesystem::path& couple_db);
    // `file_key`: when the couple's database is encrypted, so is this file (drafts are their words).
    static DeviceStore open_file(const std::filesystem::path& path, std::shared_ptr<const SecretKey> file_key = nullptr);
    // For --demo and tests: nothing reaches the disk.
    static DeviceStore in_memory();

    std::optional<std::string> get(std::string_view key) const;
    void set(std::string_view key, std::string_view value);
    void remove(std::string_view key);

    // Drafts: text being typed that is not saved yet. An empty text removes it.
    std::string draft(std::string_view key) const;
    void set_draft(std::string_view key, std::string_view text);

    const std::string& name() const { return db_.name(); }
    Database& raw_db() { return db_; }  // for tests

private:
    explicit DeviceStore(Database db);
    Database db_;
    std::map<std::string, std::string, std::less<>> values_;
};

}  // namespace hearth
