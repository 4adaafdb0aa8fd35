#pragma once
// Settings' editor of one catalog (appreciation categories or plan kinds):
// which of the couple's own entries is being renamed or deleted, where a
// deleted entry's rows go, and what happened, in words. The rules (names,
// built-ins, rows that need an entry) are the model's Catalog; after a change
// this re-reads what shows those rows.
#include "hearth_model.h"

#include <optional>
#include <string>

namespace hearth {

class CatalogEditor {
public:
    enum class Which { categories, plan_kinds };
    CatalogEditor(Model& m, Which which) : m_(m), which_(which) {}

    Catalog& catalog() const;
    // "category" / "kind of plan", for the words shown.
    const char* noun() const;

    // ---- adding one of their own
    std::string add_error;
    // The notice, or nullopt (add_error says why).
    std::optional<std::string> add(const std::string& label);

    // ---- renaming: at most one entry at a time
    const std::string& renaming() const { return renaming_; }
    void start_rename(const std::string& id);
    void cancel_rename();
    std::string rename_error;
    // The notice ("Renamed “a” to “b”."), or nullopt (rename_error says why).
    std::optional<std::string> save_rename(const std::string& label);

    // ---- deleting: at most one entry at a time, asked first
    const std::string& deleting() const { return deleting_; }
    // Counts what uses it; move_to starts on none when the rows may be left
    // without one, else on the first other entry.
    void start_delete(const std::string& id);
    void cancel_delete();
    const CatalogUsage& usage() const { return usage_; }
    std::optional<std::string> move_to;  // nullopt: to none
    std::string delete_error;
    // The notice ("Deleted “a”; 3 appreciations moved to “b”."), or nullopt.
    std::optional<std::string> confirm_delete();

    // The last change in words (empty before any).
    const std::string& outcome() const { return outcome_; }

private:
    void refresh_readers();
    Model& m_;
    Which which_;
    std::string renaming_, deleting_;
    CatalogUsage usage_;
    std::string outcome_;
};

} // namespace hearth
