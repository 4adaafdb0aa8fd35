#include "deck_definition.h"

#include "definition_files.h"
#include "json_reader.h"
#include "utf8.h"

#include <algorithm>
#include <map>

namespace hearth {

namespace fs = std::filesystem;
using namespace json_reader;

std::string_view to_string(Depth d) { return d == Depth::light ? "light" : "deep"; }

std::optional<Depth> parse_depth(std::string_view s) {
    if (s == "light") return Depth::light;
    if (s == "deep") return Depth::deep;
    return std::nullopt;
}

std::string question_identity(std::string_view question) {
    std::string out;
    bool gap = false;
    for (char raw : question) {
        const auto c = static_cast<unsigned char>(raw);
        if (c == '\'' ) continue;  // "what's" and "whats" are one word
        if (std::isalnum(c) && c < 0x80) {
            if (gap && !out.empty()) out += ' ';
            gap = false;
            out += char(std::tolower(c));
        } else if (c >= 0x80) {
            out += char(c);  // letters beyond ASCII are kept as they are
        } else {
            gap = true;
        }
    }
    return out;
}

namespace {

DeckCard read_card(const Json& j, const std::string& path) {
    Obj o(j, path, "an object describing one card", {"id", "question", "follow_up", "depth", "tags"});
    DeckCard c;
    c.id = slug(o, "id");
    c.question = o.text("question", true, kMaxQuestionChars);
    c.follow_up = o.text("follow_up", false, kMaxFollowUpChars);
    {
        const Json* d = o.get("depth");
        const std::string what = "\"light\" or \"deep\"";
        if (!d) missing(o.path("depth"), what);
        auto depth = d->is_string() ? parse_depth(d->get<std::string>()) : std::nullopt;
        if (!depth) fail(o.path("depth"), what, *d);
        c.depth = *depth;
    }
    if (const Json* t = o.get("tags")) {
        const std::string what = "an array of at most " + std::to_string(kMaxCardTags) + " tags";
        if (!t->is_array() || t->size() > kMaxCardTags) fail(o.path("tags"), what, *t);
        for (std::size_t i = 0; i < t->size(); ++i) {
            const Json& v = (*t)[i];
            if (!v.is_string() || !is_slug(v.get<std::string>()))
                fail(o.path("tags") + "[" + std::to_string(i) + "]",
                     "a tag of lowercase letters, digits, '-' or '_' (at most 64)", v);
            c.tags.push_back(v.get<std::string>());
        }
    }
    return c;
}

DeckDefinition read_deck(const Json& j) {
    Obj o(j, "", "an object describing one deck", {"format", "id", "version", "title", "description", "cards"});
    DeckDefinition d;
    {
        const Json* f = o.get("format");
        const std::string what = "the format number " + std::to_string(kDeckFormat);
        if (!f) missing("format", what);
        if (!f->is_number_integer() || f->get<int64_t>() != kDeckFormat) {
            if (f->is_number_integer() && f->get<int64_t>() > kDeckFormat)
                throw Invalid{"format: this Hearth reads format " + std::to_string(kDeckFormat) + ", found " +
                              found(*f) + " (written for a newer Hearth)"};
            fail("format", what, *f);
        }
    }
    d.id = slug(o, "id");
    d.version = o.integer("version", 1, 1'000'000, "a whole version number");
    d.title = o.text("title", true, kMaxDeckTitleChars);
    d.description = o.text("description", false, kMaxDeckDescriptionChars);
    const Json* cards = o.get("cards");
    const std::string what = "an array of 1 to " + std::to_string(kMaxDeckCards) + " cards";
    if (!cards) missing("cards", what);
    if (!cards->is_array() || cards->empty() || cards->size() > kMaxDeckCards) fail("cards", what, *cards);
    std::map<std::string, std::size_t> ids, questions;
    for (std::size_t i = 0; i < cards->size(); ++i) {
        const std::string path = "cards[" + std::to_string(i) + "]";
        DeckCard c = read_card((*cards)[i], path);
        if (auto [it, fresh] = ids.emplace(c.id, i); !fresh)
            fail(path + ".id", "an id not used by an earlier card (cards[" + std::to_string(it->second) + "])",
                 (*cards)[i]["id"]);
        if (auto [it, fresh] = questions.emplace(question_identity(c.question), i); !fresh)
            fail(path + ".question",
                 "a question not already asked by an earlier card (cards[" + std::to_string(it->second) + "])",
                 (*cards)[i]["question"]);
        d.cards.push_back(std::move(c));
    }
    return d;
}

} // namespace

DeckParse parse_deck(std::string_view text) {
    DeckParse r;
    try {
        r.definition = read_deck(parse_document(text));
    } catch (const Invalid& e) {
        r.error = e.message;
    } catch (const Json::exception& e) {
        r.error = json_error(e.what());
    }
    return r;
}

std::string DeckFileStatus::describe() const {
    if (ok)
        return "ok       " + id + "  \"" + title + "\"  " + std::to_string(cards) + (cards == 1 ? " card  " : " cards  ") +
               file.string();
    return "invalid  " + file.string() + ": " + message;
}

DeckLoad load_decks(const std::vector<fs::path>& dirs) {
    DeckLoad out;
    auto loaded = [](const DeckDefinition& d) {
        DeckFileStatus s;
        s.cards = d.cards.size();
        return s;
    };
    load_definition_files(dirs, parse_deck, loaded, out.decks, out.problems, out.files);
    return out;
}

std::string deck_listing(const DeckLoad& load) {
    std::string out;
    for (const auto& f : load.files) out += f.describe() + "\n";
    return out;
}

} // namespace hearth
