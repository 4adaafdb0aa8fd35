#pragma once
// Categories for appreciations: the built-in list shipped in
// assets/gratitude_categories.json plus the couple's own (model/catalog.h).
#include "catalog.h"

namespace hearth {

using GratitudeCategory = CatalogEntry;

inline constexpr std::size_t kMaxCategoryChars = 40;

class GratitudeCategories : public Catalog {
public:
    GratitudeCategories(Database& db, const Clock& clock);
};

} // namespace hearth
