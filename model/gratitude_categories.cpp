#include "gratitude_categories.h"

namespace hearth {

namespace {
std::string category_too_long(std::size_t, std::size_t max) {
    return "Please keep it under " + std::to_string(max) + " characters.";
}
} // namespace

GratitudeCategories::GratitudeCategories(Database& db, const Clock& clock)
    : Catalog(db, clock,
              CatalogSpec{"gratitude_category", "gratitude_categories.json", "categories", "category",
                          "Please name the category.", kMaxCategoryChars, &category_too_long}) {}

} // namespace hearth
