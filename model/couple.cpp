#include "couple.h"

#include "time_util.h"
#include "utf8.h"
#include "uuid.h"

#include <cstdio>

namespace hearth {

std::string format_rgb(Rgb c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
    return buf;
}

std::optional<Rgb> parse_rgb(std::string_view s) {
    if (s.size() != 7 || s[0] != '#') return std::nullopt;
    unsigned v[3];
    for (int i = 0; i < 3; ++i) {
        unsigned x = 0;
        for (int k = 0; k < 2; ++k) {
            char c = s[1 + i * 2 + k];
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) return std::nullopt;
            x = x * 16 + unsigned(d);
        }
        v[i] = x;
    }
    return Rgb{uint8_t(v[0]), uint8_t(v[1]), uint8_t(v[2])};
}

std::optional<int> refused_slot(const SaveResult& r) {
    if (r.ok()) return std::nullopt;
    if (r.field == "name0") return 0;
    if (r.field == "name1") return 1;
    return std::nullopt;
}

Couple::Couple(Database& db, const Clock& clock) : db_(db), clock_(clock) { reload(); }

void Couple::reload() {
    partners_ = {};
    auto& st = db_.prepare("SELECT id, slot, name, color FROM partner ORDER BY slot");
    while (st.step()) {
        int slot = int(st.integer(1));
        if (slot < 0 || slot > 1) continue;
        partners_[slot] = Partner{st.text(0), slot, st.text(2), parse_rgb(st.text(3)).value_or(Rgb{128, 128, 128})};
    }
}

std::optional<int> Couple::slot_of(const std::string& id) const {
    for (int s = 0; s < 2; ++s)
        if (partners_[s] && partners_[s]->id == id) return s;
    return std::nullopt;
}

SaveResult Couple::check_name(int slot, const std::string& name, const std::string& other_name) const {
    std::string field = "name" + std::to_string(slot);
    if (name.empty()) return SaveResult::refused(field, "Please enter a name.");
    if (!is_valid_utf8(name)) return SaveResult::refused(field, "The name is not valid UTF-8 text.");
    if (codepoint_count(name) > kMaxNameChars)
        return SaveResult::refused(field, "Please keep the name under " + std::to_string(kMaxNameChars) + " characters.");
    if (name == other_name) return SaveResult::refused(field, "The two names need to differ so everyone can tell whose turn it is.");
    return SaveResult::success({});
}

SaveResult Couple::set_up(const std::string& raw0, Rgb color0, const std::string& raw1, Rgb color1) {
    std::string n0 = trim(raw0), n1 = trim(raw1);
    if (auto r = check_name(0, n0, ""); !r.ok()) return r;
    if (auto r = check_name(1, n1, n0); !r.ok()) return r;
    auto now = format_utc(clock_.now());
    Transaction tx(db_);
    const std::string names[2] = {n0, n1};
    const Rgb colors[2] = {color0, color1};
    for (int slot = 0; slot < 2; ++slot) {
        db_.prepare("INSERT INTO partner(id, slot, name, color, created_at, updated_at) VALUES(?1, ?2, ?3, ?4, ?5, ?5) "
                    "ON CONFLICT(slot) DO UPDATE SET name = excluded.name, color = excluded.color, updated_at = excluded.updated_at")
            .bind(1, new_uuid()).bind(2, slot).bind(3, names[slot]).bind(4, format_rgb(colors[slot])).bind(5, now).run();
    }
    tx.commit();
    reload();
    return SaveResult::success(partners_[0]->id);
}

SaveResult Couple::update(int slot, const std::string& raw, Rgb color) {
    if (!is_set_up()) return SaveResult::refused("name", "Set up both partners first.");
    std::string name = trim(raw);
    if (auto r = check_name(slot, name, other(slot).name); !r.ok()) return r;
    db_.prepare("UPDATE partner SET name = ?1, color = ?2, updated_at = ?3 WHERE slot = ?4")
        .bind(1, name).bind(2, format_rgb(color)).bind(3, format_utc(clock_.now())).bind(4, slot).run();
    reload();
    return SaveResult::success(partners_[slot]->id);
}

SaveResult Couple::update_both(const std::string& raw0, Rgb color0, const std::string& raw1, Rgb color1) {
    if (!is_set_up()) return SaveResult::refused("name", "Set up both partners first.");
    const std::string names[2] = {trim(raw0), trim(raw1)};
    const Rgb colors[2] = {color0, color1};
    // As in set_up: two equal names are refused beside the second partner.
    if (auto r = check_name(0, names[0], ""); !r.ok()) return r;
    if (auto r = check_name(1, names[1], names[0]); !r.ok()) return r;
    auto now = format_utc(clock_.now());
    Transaction tx(db_);
    for (int slot = 0; slot < 2; ++slot)
        db_.prepare("UPDATE partner SET name = ?1, color = ?2, updated_at = ?3 WHERE slot = ?4")
            .bind(1, names[slot]).bind(2, format_rgb(colors[slot])).bind(3, now).bind(4, slot).run();
    tx.commit();
    reload();
    return SaveResult::success(partners_[0]->id);
}

} // namespace hearth
