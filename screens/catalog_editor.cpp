#include "catalog_editor.h"

namespace hearth {

namespace {
std::string quoted(const std::string& s) { return "\xE2\x80\x9C" + s + "\xE2\x80\x9D"; }
} // namespace

Catalog& CatalogEditor::catalog() const {
    if (which_ == Which::categories) return m_.categories;
    return m_.plan_kinds;
}

const char* CatalogEditor::noun() const { return which_ == Which::categories ? "category" : "kind of plan"; }

std::optional<std::string> CatalogEditor::add(const std::string& label) {
    auto r = catalog().add(label);
    add_error = r.ok() ? "" : r.error;
    if (!r.ok()) return std::nullopt;
    outcome_ = "Added " + quoted(catalog().label_of(r.id).value_or(label)) + ".";
    return outcome_;
}

void CatalogEditor::start_rename(const std::string& id) {
    cancel_delete();
    renaming_ = id;
    rename_error.clear();
}

void CatalogEditor::cancel_rename() {
    renaming_.clear();
    rename_error.clear();
}

std::optional<std::string> CatalogEditor::save_rename(const std::string& label) {
    const std::string before = catalog().label_of(renaming_).value_or("");
    auto r = catalog().rename(renaming_, label);
    if (!r.ok()) {
        rename_error = r.error;
        return std::nullopt;
    }
    const std::string after = catalog().label_of(renaming_).value_or(label);
    cancel_rename();
    if (after == before) return std::nullopt;  // nothing changed: nothing to say
    refresh_readers();
    outcome_ = "Renamed " + quoted(before) + " to " + quoted(after) + ".";
    return outcome_;
}

void CatalogEditor::start_delete(const std::string& id) {
    cancel_rename();
    deleting_ = id;
    delete_error.clear();
    usage_ = catalog().usage(id);
    move_to.reset();
    if (!usage_.can_leave_empty)
        for (const auto& e : catalog().all())
            if (e.id != id) {
                move_to = e.id;
                break;
            }
}

void CatalogEditor::cancel_delete() {
    deleting_.clear();
    delete_error.clear();
    usage_ = {};
    move_to.reset();
}

std::optional<std::string> CatalogEditor::confirm_delete() {
    const std::string label = catalog().label_of(deleting_).value_or("");
    const CatalogUsage u = catalog().usage(deleting_);  // counted again: the data may have changed since asking
    auto r = catalog().remove(deleting_, move_to);
    if (!r.ok()) {
        delete_error = r.error;
        usage_ = u;
        return std::nullopt;
    }
    outcome_ = "Deleted " + quoted(label);
    if (u.total > 0) {
        outcome_ += "; " + u.summary + (move_to ? " moved to " + quoted(catalog().label_of(*move_to).value_or(""))
                                                : std::string(" left without a ") + noun());
    }
    outcome_ += ".";
    cancel_delete();
    refresh_readers();
    return outcome_;
}

void CatalogEditor::refresh_readers() {
    if (which_ == Which::categories) {
        m_.gratitude.invalidate();
    } else {
        m_.ideas.reload();
        m_.planner.reload();
    }
}

} // namespace hearth
