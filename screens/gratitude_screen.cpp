#include "gratitude_screen.h"

namespace hearth {

void EntryPages::sync(GratitudeLog& log, const GratitudeFilter& f) {
    if (f == filter_ && log.revision() == revision_) return;
    filter_ = f;
    revision_ = log.revision();
    pages_.clear();
    total_ = log.count(f);
}

const GratitudeEntry& EntryPages::at(GratitudeLog& log, int i) {
    int page = i / kPageSize;
    auto it = pages_.find(page);
    if (it == pages_.end()) {
        if (pages_.size() >= kMaxCachedPages) pages_.clear();
        it = pages_.emplace(page, log.page(filter_, page * kPageSize, kPageSize)).first;
    }
    const auto& rows = it->second;
    std::size_t k = std::size_t(i % kPageSize);
    // A concurrent shrink cannot happen (one connection), but stay safe.
    return k < rows.size() ? rows[k] : empty_;
}

void GratitudeScreen::sync(Date today) {
    today_ = today;
    if (!compose.day.ok()) compose.day = today;
    week.set_today(today);
    // A category deleted in Settings: the form and the filter let go of it,
    // and the open entry takes the category its row was moved to.
    if (categories_revision_ != m_.categories.revision()) {
        categories_revision_ = m_.categories.revision();
        auto gone = [&](const std::optional<std::string>& id) { return id && !m_.categories.exists(*id); };
        if (gone(compose.category_id)) compose.category_id.reset();
        if (gone(category_id)) category_id.reset();
        if (gone(edit.category_id)) {
            auto e = selected_.empty() ? std::nullopt : m_.gratitude.get(selected_);
            edit.category_id = e ? e->category_id : std::nullopt;
        }
    }
    pages_.sync(m_.gratitude, filter());
}

GratitudeFilter GratitudeScreen::filter() const {
    GratitudeFilter f;
    if (!all_weeks) f.week = week.monday();
    f.from_slot = from_slot;
    f.category_id = category_id;
    f.search = search;
    return f;
}

const std::vector<ByteRange>& GratitudeScreen::matches(const GratitudeEntry& e) {
    if (matches_search_ != search || matches_revision_ != m_.gratitude.revision()) {
        matches_.clear();
        matches_search_ = search;
        matches_revision_ = m_.gratitude.revision();
    }
    auto it = matches_.find(e.id);
    if (it == matches_.end()) {
        if (matches_.size() > 512) matches_.clear();
        it = matches_.emplace(e.id, Search(m_.db).matches(search, SearchKind::appreciation, e.id, "text")).first;
    }
    return it->second;
}

std::optional<std::string> GratitudeScreen::save_compose(const std::string& text) {
    GratitudeDraft d = compose;
    d.text = text;
    auto r = m_.gratitude.add(d);
    if (!r.ok()) {
        compose_error = r.error;
        return std::nullopt;
    }
    compose.category_id.reset();
    compose_error.clear();
    return "Saved for " + m_.couple.other(d.from_slot).name + ".";
}

bool GratitudeScreen::select(const std::string& id) {
    auto e = m_.gratitude.get(id);
    if (!e) {
        selected_.clear();
        return false;
    }
    selected_ = id;
    edit = GratitudeDraft{e->from_slot, e->text, e->day, e->category_id, e->shared_in_review};
    edit_error.clear();
    confirm_delete = false;
    ++edit_loads_;
    return true;
}

std::optional<std::string> GratitudeScreen::save_edit(const std::string& text) {
    GratitudeDraft d = edit;
    d.text = text;
    auto r = m_.gratitude.update(selected_, d);
    if (!r.ok()) {
        edit_error = r.error;
        return std::nullopt;
    }
    select(selected_);
    return "Changes saved.";
}

std::string GratitudeScreen::remove_selected() {
    m_.gratitude.remove(selected_);
    selected_.clear();
    return "Deleted. Undo brings it back.";
}

std::optional<std::string> GratitudeScreen::undo() {
    auto id = m_.gratitude.undo_remove();
    if (!id) return std::nullopt;
    select(*id);
    return "Brought back.";
}

} // namespace hearth
